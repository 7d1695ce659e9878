import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { Producto } from '../productos/producto.entity';
import { BuscadorHibrido, FichaProducto, OpcionesBusqueda, ResultadoBusqueda, textoProducto } from './busqueda/buscador';
import { BUSCADOR, Embeddings, EMBEDDINGS, VECTOR_INDEX, VectorIndex } from './retrieval.interfaces';

export interface ProductoEncontrado extends Omit<ResultadoBusqueda, 'id'> {
  producto: Producto;
}

export interface Busqueda {
  resultados: ProductoEncontrado[];
  /** true when the embedding provider failed and only the lexical ranking answered */
  degradada: boolean;
}

export interface EstadoIndice {
  estado: 'iniciando' | 'listo' | 'error';
  backend: string;
  embeddings: string;
  productos: number;
  vectores: number;
  /** 'cargado' from disk, 'construido' now, or undefined before the first build */
  origen?: 'cargado' | 'construido';
  ultima_construccion_ms?: number;
  error?: string;
}

export interface ReporteSincronizacion {
  productos: number;
  indexados: number;
  ms: number;
  backend: string;
  embeddings: string;
}

const LOTE = 256;
const PERSISTIR_TRAS_MS = 1000;

/**
 * The catalog's search: keeps the vector index (whichever backend) and the lexical index in
 * step with the productos table, persists the vectors under DATA_DIR with a fingerprint of
 * catalog + embedder, and fuses both rankings per query. Mutations run one at a time.
 */
@Injectable()
export class RetrievalService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RetrievalService.name);
  private estado: EstadoIndice['estado'] = 'iniciando';
  private origen?: EstadoIndice['origen'];
  private ultimaConstruccionMs?: number;
  private error?: string;
  /** per product, a digest of what its vector depends on: the fingerprint is built from these */
  private readonly firmas = new Map<number, string>();
  private cola: Promise<unknown> = Promise.resolve();
  private temporizador?: NodeJS.Timeout;

  constructor(
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    @Inject(EMBEDDINGS) private readonly embeddings: Embeddings,
    @Inject(VECTOR_INDEX) private readonly indice: VectorIndex,
    @Inject(BUSCADOR) private readonly buscador: BuscadorHibrido,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  private get directorio(): string {
    return join(this.config.get('DATA_DIR', { infer: true }), 'indice', this.indice.kind);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.enCola(() => this.preparar(false));
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.temporizador) {
      clearTimeout(this.temporizador);
      await this.enCola(() => this.persistir());
    }
  }

  async buscar(consulta: string, opciones: OpcionesBusqueda): Promise<Busqueda> {
    let degradada = this.estado !== 'listo';
    let semanticos: Awaited<ReturnType<VectorIndex['search']>> = [];
    if (!degradada) {
      try {
        const [vector] = await this.embeddings.embed([consulta], 'consulta');
        semanticos = await this.indice.search(vector, Math.max(opciones.limite * 5, 50), { categoria: opciones.categoria, soloActivos: true });
      } catch (e) {
        degradada = true;
        this.logger.warn(`Búsqueda solo léxica: ${(e as Error).message}`);
      }
    }
    const hits = this.buscador.fusionar(consulta, semanticos, opciones);
    const filas = hits.length ? await this.productos.findBy({ id: In(hits.map((h) => h.id)) }) : [];
    const porId = new Map(filas.map((p) => [p.id, p]));
    const resultados = hits.flatMap(({ id, ...resto }) => {
      const producto = porId.get(id);
      return producto?.activo ? [{ producto, ...resto }] : [];
    });
    return { resultados, degradada };
  }

  /** Follows one product's change: new, edited, deactivated or reactivated. */
  indexarProducto(p: Producto): Promise<void> {
    return this.indexarProductos([p]);
  }

  /** Follows many changes at once (an import): embedded in batches, one persistence. */
  indexarProductos(productos: Producto[]): Promise<void> {
    return this.enCola(async () => {
      for (const p of productos) this.buscador.indexar(p);
      const inactivos = productos.filter((p) => !p.activo && this.firmas.delete(p.id));
      if (inactivos.length && this.estado === 'listo') await this.indice.remove(inactivos.map((p) => p.id));
      const cambiados = productos.filter((p) => p.activo && this.firmas.get(p.id) !== firmaDe(p));
      if (this.estado !== 'listo' || (cambiados.length === 0 && inactivos.length === 0)) return;
      for (let i = 0; i < cambiados.length; i += LOTE) {
        const lote = cambiados.slice(i, i + LOTE);
        const vectores = await this.embeddings.embed(lote.map(textoProducto));
        await this.indice.upsert(lote.map((p, j) => ({ id: p.id, vector: vectores[j], metadata: { categoria: p.categoria, activo: true } })));
        for (const p of lote) this.firmas.set(p.id, firmaDe(p));
      }
      this.programarPersistencia();
    });
  }

  /** Full rebuild from the database (POST /admin/productos/sincronizar). */
  sincronizar(): Promise<ReporteSincronizacion> {
    return this.enCola(async () => {
      const inicio = performance.now();
      const { productos, indexados } = await this.preparar(true);
      return { productos, indexados, ms: Math.round(performance.now() - inicio), backend: this.indice.kind, embeddings: this.embeddings.modelId };
    });
  }

  async estadoIndice(): Promise<EstadoIndice> {
    return {
      estado: this.estado,
      backend: this.indice.kind,
      embeddings: this.embeddings.modelId,
      productos: this.buscador.tamano,
      vectores: await this.indice.size().catch(() => -1),
      origen: this.origen,
      ultima_construccion_ms: this.ultimaConstruccionMs,
      error: this.error,
    };
  }

  private async preparar(forzar: boolean): Promise<{ productos: number; indexados: number }> {
    const inicio = performance.now();
    const todos = await this.productos.find({ order: { id: 'ASC' } });
    this.buscador.limpiar();
    for (const p of todos) this.buscador.indexar(p);
    const activos = todos.filter((p) => p.activo);
    this.firmas.clear();
    for (const p of activos) this.firmas.set(p.id, firmaDe(p));
    try {
      if (!forzar && (await this.cargar())) {
        this.origen = 'cargado';
      } else {
        await this.indice.clear();
        for (let i = 0; i < activos.length; i += LOTE) {
          const lote = activos.slice(i, i + LOTE);
          const vectores = await this.embeddings.embed(lote.map(textoProducto));
          await this.indice.upsert(lote.map((p, j) => ({ id: p.id, vector: vectores[j], metadata: { categoria: p.categoria, activo: true } })));
        }
        await this.persistir();
        this.origen = 'construido';
      }
      this.estado = 'listo';
      this.error = undefined;
    } catch (e) {
      // Search keeps answering from the lexical index; /health/ready tells ops what failed.
      this.estado = 'error';
      this.error = (e as Error).message;
      this.logger.error(`Índice vectorial no disponible (${this.indice.kind}, ${this.embeddings.modelId}): ${this.error}`);
      return { productos: todos.length, indexados: 0 };
    }
    this.ultimaConstruccionMs = Math.round(performance.now() - inicio);
    this.logger.log(
      `Índice ${this.indice.kind} ${this.origen} con ${activos.length} productos activos en ${this.ultimaConstruccionMs} ms (embeddings ${this.embeddings.modelId})`,
    );
    return { productos: todos.length, indexados: activos.length };
  }

  private huella(): string {
    const h = createHash('sha256').update(`${this.embeddings.modelId}|${this.indice.kind}`);
    for (const id of [...this.firmas.keys()].sort((a, b) => a - b)) h.update(`${id}:${this.firmas.get(id)};`);
    return h.digest('hex');
  }

  private async cargar(): Promise<boolean> {
    const guardada = await readFile(join(this.directorio, 'huella.txt'), 'utf8').catch(() => undefined);
    return guardada === this.huella() && (await this.indice.load(this.directorio));
  }

  private async persistir(): Promise<void> {
    this.temporizador = undefined;
    await mkdir(this.directorio, { recursive: true });
    await this.indice.persist(this.directorio);
    await writeFile(join(this.directorio, 'huella.txt'), this.huella());
  }

  /** Writing the whole index per edit would be wasteful; edits within a second share one write. */
  private programarPersistencia(): void {
    if (this.temporizador) return;
    this.temporizador = setTimeout(
      () => void this.enCola(() => this.persistir()).catch((e) => this.logger.warn(`No se pudo guardar el índice: ${e}`)),
      PERSISTIR_TRAS_MS,
    );
    this.temporizador.unref();
  }

  private enCola<T>(tarea: () => Promise<T>): Promise<T> {
    const resultado = this.cola.then(tarea, tarea);
    this.cola = resultado.catch(() => undefined);
    return resultado;
  }
}

function firmaDe(p: FichaProducto): string {
  return createHash('sha1')
    .update(`${p.categoria}|${textoProducto(p)}`)
    .digest('base64');
}
