import { setImmediate as turno } from 'node:timers/promises';
import { cedente } from '../common/ceder';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { Embeddings, VectorFilter, VectorHit, VectorIndex, VectorMetadata } from './retrieval.interfaces';

/** What a collection hands its vectors: the text to embed and the metadata to filter by. */
export interface DocumentoVectorial {
  id: number;
  texto: string;
  metadata: VectorMetadata;
}

export interface EstadoVectores {
  estado: 'iniciando' | 'listo' | 'error';
  backend: string;
  embeddings: string;
  vectores: number;
  /** 'cargado' from disk, 'construido' now, or undefined before the first build */
  origen?: 'cargado' | 'construido';
  ultima_construccion_ms?: number;
  error?: string;
}

const LOTE = 256;
const PERSISTIR_TRAS_MS = 1000;

/**
 * One vector index kept in step with a set of documents: built in batches, updated per change
 * (only documents whose text changed are embedded again), persisted under its directory with a
 * fingerprint of documents + embedder so a restart loads it instead of embedding everything.
 * Every mutation runs through one queue. Catalog and knowledge base each own one.
 */
export class VectoresPersistidos {
  private estado: EstadoVectores['estado'] = 'iniciando';
  private origen?: EstadoVectores['origen'];
  private ultimaConstruccionMs?: number;
  private error?: string;
  /** per document, a digest of what its vector depends on: the fingerprint is built from these */
  private readonly firmas = new Map<number, string>();
  private cola: Promise<unknown> = Promise.resolve();
  private temporizador?: NodeJS.Timeout;

  constructor(
    private readonly nombre: string,
    private readonly embeddings: Embeddings,
    private readonly indice: VectorIndex,
    private readonly directorio: string,
    private readonly logger = new Logger(`Vectores ${nombre}`),
  ) {}

  get listo(): boolean {
    return this.estado === 'listo';
  }

  /**
   * Loads the persisted index when its fingerprint matches `cargar()`'s documents (unless
   * `forzar`), else embeds them all. A failure leaves the state 'error' (lexical search still
   * answers) and is reported, not thrown. `cargar` runs in the queue, so no change is lost.
   */
  reconstruir(cargar: () => Promise<DocumentoVectorial[]>, forzar: boolean): Promise<{ documentos: number; indexados: number }> {
    return this.enCola(async () => {
      const inicio = performance.now();
      const todos = await cargar();
      const activos = todos.filter((d) => d.metadata.activo);
      this.firmas.clear();
      for (const d of activos) this.firmas.set(d.id, firmaDe(d));
      try {
        if (!forzar && (await this.cargar())) {
          this.origen = 'cargado';
        } else {
          await this.indice.clear();
          await this.embeber(activos);
          await this.persistir();
          this.origen = 'construido';
        }
        this.estado = 'listo';
        this.error = undefined;
      } catch (e) {
        this.estado = 'error';
        this.error = (e as Error).message;
        this.logger.error(`Índice vectorial de ${this.nombre} no disponible (${this.indice.kind}, ${this.embeddings.modelId}): ${this.error}`);
        return { documentos: todos.length, indexados: 0 };
      }
      this.ultimaConstruccionMs = Math.round(performance.now() - inicio);
      this.logger.log(
        `Índice ${this.indice.kind} de ${this.nombre} ${this.origen} con ${activos.length} documentos en ${this.ultimaConstruccionMs} ms (embeddings ${this.embeddings.modelId})`,
      );
      return { documentos: todos.length, indexados: activos.length };
    });
  }

  /** Follows changes: active documents whose text changed are embedded again, inactive ones leave. */
  aplicar(documentos: DocumentoVectorial[], quitados: number[] = []): Promise<void> {
    return this.enCola(async () => {
      const salen = [...quitados, ...documentos.filter((d) => !d.metadata.activo).map((d) => d.id)].filter((id) => this.firmas.delete(id));
      if (salen.length && this.listo) await this.indice.remove(salen);
      const cambiados = documentos.filter((d) => d.metadata.activo && this.firmas.get(d.id) !== firmaDe(d));
      if (!this.listo || (cambiados.length === 0 && salen.length === 0)) return;
      await this.embeber(cambiados);
      this.programarPersistencia();
    });
  }

  /** Vector hits for a query, or undefined when vectors cannot answer (not built, provider down). */
  async buscar(consulta: string, k: number, filtro?: VectorFilter): Promise<VectorHit[] | undefined> {
    if (!this.listo) return undefined;
    try {
      const [vector] = await this.embeddings.embed([consulta], 'consulta');
      return await this.indice.search(vector, k, filtro);
    } catch (e) {
      this.logger.warn(`Búsqueda de ${this.nombre} solo léxica: ${(e as Error).message}`);
      return undefined;
    }
  }

  async informe(): Promise<EstadoVectores> {
    return {
      estado: this.estado,
      backend: this.indice.kind,
      embeddings: this.embeddings.modelId,
      vectores: await this.indice.size().catch(() => -1),
      origen: this.origen,
      ultima_construccion_ms: this.ultimaConstruccionMs,
      error: this.error,
    };
  }

  /** Writes a pending change before the process ends. */
  async cerrar(): Promise<void> {
    if (!this.temporizador) return;
    clearTimeout(this.temporizador);
    await this.enCola(() => this.persistir());
  }

  private async embeber(documentos: DocumentoVectorial[]): Promise<void> {
    for (let i = 0; i < documentos.length; i += LOTE) {
      const lote = documentos.slice(i, i + LOTE);
      const vectores = await this.embeddings.embed(lote.map((d) => d.texto));
      await this.indice.upsert(lote.map((d, j) => ({ id: d.id, vector: vectores[j], metadata: d.metadata })));
      for (const d of lote) this.firmas.set(d.id, firmaDe(d));
      // an embedder that answers at once (the local one) would otherwise keep the event loop for the whole catalog
      await turno();
    }
  }

  /** sorted ids and a digest over the whole catalog: hundreds of ms at 300,000 documents, so in slices */
  private async huella(): Promise<string> {
    const ceder = cedente();
    const h = createHash('sha256').update(`${this.embeddings.modelId}|${this.indice.kind}`);
    const ids = Float64Array.from(this.firmas.keys()).sort();
    await ceder();
    for (const id of ids) {
      h.update(`${id}:${this.firmas.get(id)};`);
      await ceder();
    }
    return h.digest('hex');
  }

  private async cargar(): Promise<boolean> {
    const guardada = await readFile(join(this.directorio, 'huella.txt'), 'utf8').catch(() => undefined);
    return guardada === (await this.huella()) && (await this.indice.load(this.directorio));
  }

  private async persistir(): Promise<void> {
    // a full write makes a scheduled one pointless; left pending it would fire after shutdown, into the next process's files
    clearTimeout(this.temporizador);
    this.temporizador = undefined;
    await mkdir(this.directorio, { recursive: true });
    await this.indice.persist(this.directorio);
    await writeFile(join(this.directorio, 'huella.txt'), await this.huella());
  }

  /**
   * Writing the whole index per edit would be wasteful: it is written once edits have stopped for
   * a second. A stream of changes (an import) would otherwise rewrite hundreds of MB every second.
   */
  private programarPersistencia(): void {
    clearTimeout(this.temporizador);
    this.temporizador = setTimeout(
      () => void this.enCola(() => this.persistir()).catch((e) => this.logger.warn(`No se pudo guardar el índice de ${this.nombre}: ${e}`)),
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

function firmaDe(d: DocumentoVectorial): string {
  return createHash('sha1').update(`${d.metadata.categoria}|${d.texto}`).digest('base64');
}
