import { plegar } from '../../common/texto';
import { Analizador } from '../texto/analizador';
import { VocabularioCatalogo } from '../texto/vocabulario';
import { VectorHit } from '../retrieval.interfaces';
import { Bm25, HitLexico } from './bm25';
import { acuerdoVariantes, extraerVariantes, Variantes } from './variantes';

export interface FichaProducto {
  id: number;
  sku: string;
  nombre: string;
  descripcion: string;
  categoria: string;
  activo: boolean;
}

export interface ResultadoBusqueda {
  id: number;
  /** fused relevance, comparable within one query */
  score: number;
  semantico: number;
  lexico: number;
  /** share of the query's terms the product contains: below one half, it is a neighbour, not a match */
  cobertura: number;
  /** query terms the product does not contain at all (typos read as the catalog term do count) */
  sinCoincidir: string[];
  /** what matched: query terms found in the product ("term~" when read as a typo), variants that agree, "sku", "semantica" */
  coincidencias: string[];
}

export interface OpcionesBusqueda {
  limite: number;
  categoria?: string;
}

/** The text an embedder sees for a product: the same for every provider. */
export function textoProducto(p: Pick<FichaProducto, 'nombre' | 'categoria' | 'descripcion'>): string {
  return `${p.nombre}. ${p.categoria}. ${p.descripcion}`.trim();
}

const PESOS = { semantico: 0.45, lexico: 0.35, cobertura: 0.2, nucleo: 0.15, acuerdo: 0.15, conflicto: 0.3 };

interface Ficha {
  categoria: string;
  activo: boolean;
  sku: string;
  /** the name's first term is what the product is ("señal de … extintor" is a señal); it earns a bonus when the query starts with it too, Spanish noun phrases being head-first */
  nucleo: string | undefined;
  variantes: Variantes;
}

/**
 * Hybrid ranking: the vector hits from whichever index runs, fused with BM25 over name, SKU,
 * category and description, then nudged by variant words. A lexical match always survives,
 * so a query that shares a real word with the catalog never comes back empty.
 */
export class BuscadorHibrido {
  private readonly fichas = new Map<number, Ficha>();
  private readonly bm25 = new Bm25();
  /** the catalog's words for the conversation, following the same documents as the index */
  readonly vocabulario: VocabularioCatalogo;

  constructor(
    private readonly analizador: Analizador,
    /** below this cosine a purely semantic hit is noise, not a product the customer meant */
    private readonly umbralSemantico: number,
  ) {
    this.vocabulario = new VocabularioCatalogo(analizador);
  }

  get tamano(): number {
    return this.fichas.size;
  }

  indexar(p: FichaProducto): void {
    this.vocabulario.indexar(p);
    const nombre = this.analizador.terminos(p.nombre);
    this.fichas.set(p.id, { categoria: p.categoria, activo: p.activo, sku: plegar(p.sku), nucleo: nombre[0], variantes: extraerVariantes(nombre) });
    this.bm25.agregar(p.id, [
      { terminos: nombre, peso: 3 },
      { terminos: this.analizador.terminos(p.sku), peso: 3 },
      { terminos: this.analizador.terminos(p.categoria.replace(/-/g, ' ')), peso: 2 },
      { terminos: this.analizador.terminos(p.descripcion), peso: 1 },
    ]);
  }

  quitar(id: number): void {
    this.fichas.delete(id);
    this.bm25.quitar(id);
    this.vocabulario.quitar(id);
  }

  limpiar(): void {
    this.fichas.clear();
    this.bm25.limpiar();
    this.vocabulario.limpiar();
  }

  aceptable(id: number, categoria?: string): boolean {
    const f = this.fichas.get(id);
    return !!f && f.activo && (categoria === undefined || f.categoria === categoria);
  }

  /** Lexical hits only: what search falls back to when the embedding provider is down. */
  lexico(consulta: string, opciones: OpcionesBusqueda): ResultadoBusqueda[] {
    return this.fusionar(consulta, [], opciones);
  }

  fusionar(consulta: string, semanticos: VectorHit[], opciones: OpcionesBusqueda): ResultadoBusqueda[] {
    const originales = this.analizador.terminos(consulta, true);
    const terminos = originales.map((t) => this.bm25.corregir(t));
    // a term read as a typo is weaker evidence than one the customer spelt as the catalog does
    const corregidos = new Set(terminos.filter((t, i) => t !== originales[i] && !originales.includes(t)));
    const unicos = new Set(terminos);
    // ("fieltro negro" where descriptions list the colours: how much of what is asked is covered; an option tells which)
    const queCosa = [...unicos].filter((t) => !this.vocabulario.soloOpcion(t));
    const cubrir = new Set(queCosa.length ? queCosa : unicos);
    const pedidas = extraerVariantes(terminos);
    const skuConsulta = plegar(consulta);
    const acepta = (id: number) => this.aceptable(id, opciones.categoria);
    const amplitud = Math.max(opciones.limite * 5, 50);

    const lexicos = new Map<number, HitLexico>(this.bm25.buscar(terminos, amplitud, acepta).map((h) => [h.id, h]));
    const maxLexico = Math.max(0, ...[...lexicos.values()].map((h) => h.score));
    const sem = new Map(semanticos.filter((h) => acepta(h.id)).map((h) => [h.id, h.score]));

    const resultados: ResultadoBusqueda[] = [];
    for (const id of new Set([...lexicos.keys(), ...sem.keys()])) {
      const ficha = this.fichas.get(id)!;
      const lex = lexicos.get(id);
      const semantico = Math.max(0, sem.get(id) ?? 0);
      if (!lex && semantico < this.umbralSemantico) continue;
      const coincidencias = lex ? lex.coincidencias.map((t) => (corregidos.has(t) ? `${t}~` : t)) : [];
      const { acuerdos, conflictos } = acuerdoVariantes(pedidas, ficha.variantes);
      coincidencias.push(...acuerdos);
      const cobertura = lex ? lex.coincidencias.filter((t) => cubrir.has(t)).reduce((n, t) => n + (corregidos.has(t) ? 0.5 : 1), 0) / cubrir.size : 0;
      let score =
        PESOS.semantico * semantico +
        PESOS.lexico * (lex && maxLexico > 0 ? lex.score / maxLexico : 0) +
        PESOS.cobertura * cobertura +
        (ficha.nucleo !== undefined && ficha.nucleo === terminos[0] ? PESOS.nucleo : 0) +
        PESOS.acuerdo * acuerdos.length -
        PESOS.conflicto * conflictos;
      if (ficha.sku === skuConsulta) {
        score += 1;
        coincidencias.push('sku');
      }
      if (semantico >= this.umbralSemantico) coincidencias.push('semantica');
      const sinCoincidir = [...unicos].filter((t) => !lex?.coincidencias.includes(t));
      resultados.push({
        id,
        score: redondear(score),
        semantico: redondear(semantico),
        lexico: redondear(lex?.score ?? 0),
        cobertura: redondear(cobertura),
        sinCoincidir,
        coincidencias,
      });
    }
    return resultados.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, opciones.limite);
  }
}

function redondear(x: number): number {
  return Math.round(x * 10000) / 10000;
}
