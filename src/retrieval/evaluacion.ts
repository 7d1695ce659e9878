import { Analizador } from './texto/analizador';
import { cargarSinonimos } from './texto/lexico';
import { BuscadorHibrido, FichaProducto, ResultadoBusqueda, textoProducto } from './busqueda/buscador';
import { LocalEmbeddings } from './embeddings/local.embeddings';
import { ExactIndex } from './indexes/exact.index';
import { Embeddings, VectorIndex } from './retrieval.interfaces';

export interface ConsultaEtiquetada {
  consulta: string;
  tipo: string;
  /** SKUs that are a right answer */
  esperados: string[];
}

export interface Metricas {
  consultas: number;
  hit1: number;
  hit3: number;
  mrr: number;
}

export type Buscar = (consulta: string) => Promise<ResultadoBusqueda[]>;

/**
 * The search pipeline of RetrievalService without a database: the same analyser, embedder,
 * index and fusion, over products held in memory. Used by the quality test, `eval:busqueda`
 * and `bench`, so what they measure is what the service runs.
 */
export class MotorEnMemoria {
  readonly analizador = new Analizador(cargarSinonimos());
  readonly buscador = new BuscadorHibrido(this.analizador, 0.3);
  readonly embeddings: Embeddings;
  readonly indice: VectorIndex;

  constructor(opciones: { embeddings?: Embeddings; indice?: VectorIndex } = {}) {
    this.embeddings = opciones.embeddings ?? new LocalEmbeddings(this.analizador);
    this.indice = opciones.indice ?? new ExactIndex(this.embeddings.dimension);
  }

  async cargar(productos: FichaProducto[], lote = 512): Promise<void> {
    for (const p of productos) this.buscador.indexar(p);
    for (let i = 0; i < productos.length; i += lote) {
      const parte = productos.slice(i, i + lote);
      const vectores = await this.embeddings.embed(parte.map(textoProducto));
      await this.indice.upsert(parte.map((p, j) => ({ id: p.id, vector: vectores[j], metadata: { categoria: p.categoria, activo: p.activo } })));
    }
  }

  readonly hibrida: Buscar = async (consulta) => {
    const [v] = await this.embeddings.embed([consulta], 'consulta');
    return this.buscador.fusionar(consulta, await this.indice.search(v, 50, { soloActivos: true }), { limite: 10 });
  };

  readonly bm25: Buscar = async (consulta) => this.buscador.lexico(consulta, { limite: 10 });
}

/** hit@1, hit@3 and mean reciprocal rank, overall and by query kind */
export async function evaluar(consultas: ConsultaEtiquetada[], buscar: Buscar, skuDe: (id: number) => string): Promise<Map<string, Metricas>> {
  const porTipo = new Map<string, Metricas>();
  for (const c of consultas) {
    const ids = (await buscar(c.consulta)).map((r) => skuDe(r.id));
    const rango = ids.findIndex((sku) => c.esperados.includes(sku));
    for (const tipo of [c.tipo, 'total']) {
      const m = porTipo.get(tipo) ?? { consultas: 0, hit1: 0, hit3: 0, mrr: 0 };
      m.consultas++;
      if (rango === 0) m.hit1++;
      if (rango >= 0 && rango < 3) m.hit3++;
      if (rango >= 0) m.mrr += 1 / (rango + 1);
      porTipo.set(tipo, m);
    }
  }
  for (const m of porTipo.values()) {
    m.hit1 /= m.consultas;
    m.hit3 /= m.consultas;
    m.mrr /= m.consultas;
  }
  return porTipo;
}
