import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import type { Index as IndiceFaiss } from 'faiss-node';
import { VectorFilter, VectorHit, VectorIndex, VectorMetadata } from '../retrieval.interfaces';
import { ExactIndex } from './exact.index';

type ModuloFaiss = typeof import('faiss-node');
let modulo: ModuloFaiss | null | undefined;

/** faiss-node, or null when its native addon is not built on this machine (npm run build:faiss). */
function faiss(): ModuloFaiss | null {
  if (modulo === undefined) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional native addon, loaded on first use
      modulo = require('faiss-node') as ModuloFaiss;
    } catch {
      modulo = null;
    }
  }
  return modulo;
}

export function faissDisponible(): boolean {
  return faiss() !== null;
}

const ARCHIVO = 'vectores.faiss';
/** vectors added to FAISS between two turns of the event loop while building HNSW */
const PASO_CONSTRUCCION = 256;
/** above this many vectors an HNSW build runs in the background and the exact scan answers meanwhile */
const CONSTRUCCION_EN_SEGUNDO_PLANO = 20_000;
/** fourcc FAISS writes first in an IndexFlatIP / IndexHNSWFlat file */
const FOURCC = { exacto: 'IxFI', aproximado: 'IHNf' } as const;

/** the kind of FAISS index in a file, read from its header */
export function tipoArchivoFaiss(archivo: string): 'exacto' | 'aproximado' | null {
  // Only the header: the file can hold the whole catalog.
  const cabecera = Buffer.alloc(4);
  const fd = openSync(archivo, 'r');
  try {
    readSync(fd, cabecera, 0, 4, 0);
  } finally {
    closeSync(fd);
  }
  const fourcc = cabecera.toString('latin1');
  return fourcc === FOURCC.exacto ? 'exacto' : fourcc === FOURCC.aproximado ? 'aproximado' : null;
}

/**
 * FAISS behind the VECTOR_INDEX token: exact inner product (IndexFlatIP) up to
 * `umbralAproximado` vectors and HNSW above it. FAISS addresses vectors by position, so an
 * ExactIndex keeps the ids, metadata and a copy of the vectors. FAISS cannot remove from HNSW, and
 * rebuilding it blocks the process for seconds at 10,000 products, which every replica would pay
 * for every catalog edit: so a replaced or removed vector stays in FAISS marked dead, a
 * replacement is appended, and results skip the dead. Past a tenth of dead entries the index is
 * rebuilt from the copy at the next search. Building HNSW takes seconds per 10,000 vectors, so it
 * yields to the event loop between slices; searches that arrive meanwhile, and every search while a
 * large catalog (a big import) is being built, are answered by the exact scan of the copy. Filters
 * are applied to an over-fetched result, falling back to the exact scan when they leave too few.
 */
export class FaissIndex implements VectorIndex {
  readonly kind = 'faiss';
  private readonly almacen: ExactIndex;
  private indice: IndiceFaiss | null = null;
  /** whether `indice` holds exactly the store's rows */
  private vigente = false;
  /** whether `indice` is the HNSW one */
  private indiceAproximado = false;
  /** FAISS position → the store's position, or -1 for a dead vector */
  private alAlmacen: number[] = [];
  /** the store's position → its live FAISS position */
  private enFaiss: number[] = [];
  private muertas = 0;
  /** bumped by every change of the store: a build that saw another generation starts again */
  private generacion = 0;
  private construccion: Promise<IndiceFaiss> | null = null;

  constructor(
    readonly dimension: number,
    private readonly opciones: { umbralAproximado: number },
  ) {
    if (!faissDisponible()) throw new Error('faiss-node no está compilado en esta máquina (npm run build:faiss)');
    this.almacen = new ExactIndex(dimension);
  }

  get aproximado(): boolean {
    return this.almacen.filas > this.opciones.umbralAproximado;
  }

  async upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void> {
    await this.almacen.upsert(items);
    this.generacion++;
    if (!this.indice || !this.vigente || this.aproximado !== this.indiceAproximado) {
      this.vigente = false;
      return;
    }
    for (const { id } of items) {
      const pos = this.almacen.posicion(id)!;
      this.matar(this.enFaiss[pos]);
      this.enFaiss[pos] = this.alAlmacen.length;
      this.alAlmacen.push(pos);
    }
    if (this.demasiadasMuertas()) this.vigente = false;
    else this.indice.add(aplanar(items.map((i) => i.vector)));
  }

  async remove(ids: number[]): Promise<void> {
    for (const id of ids) {
      const pos = this.almacen.posicion(id);
      if (pos === undefined) continue;
      // the store moves its last row into the hole: follow it
      const ultima = this.almacen.filas - 1;
      await this.almacen.remove([id]);
      this.generacion++;
      this.matar(this.enFaiss[pos]);
      if (pos !== ultima && this.enFaiss[ultima] !== undefined) {
        this.enFaiss[pos] = this.enFaiss[ultima];
        this.alAlmacen[this.enFaiss[pos]] = pos;
      }
      this.enFaiss.length = ultima;
    }
    if (this.demasiadasMuertas() || this.aproximado !== this.indiceAproximado) this.vigente = false;
  }

  async search(vector: Float32Array, k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const total = this.almacen.filas;
    if (total === 0) return [];
    const indice = await this.indiceParaBuscar();
    if (!indice) return this.almacen.search(vector, k, filter);
    const enIndice = this.alAlmacen.length;
    const pedir = Math.min(enIndice, (filter ? Math.max(k * 4, 64) : k) + this.muertas);
    const { distances, labels } = indice.search(Array.from(vector), pedir);
    const hits: VectorHit[] = [];
    for (let i = 0; i < labels.length && hits.length < k; i++) {
      const pos = labels[i] < 0 ? -1 : this.alAlmacen[labels[i]];
      if (pos === undefined || pos < 0) continue;
      const fila = this.almacen.fila(pos);
      if (this.almacen.aceptada(fila, filter)) hits.push({ id: fila.id, score: distances[i] });
    }
    // A narrow filter can leave fewer than k among the over-fetched: the exact scan is the truth.
    return hits.length < k && pedir < enIndice ? this.almacen.search(vector, k, filter) : hits;
  }

  async size(): Promise<number> {
    return this.almacen.size();
  }

  async clear(): Promise<void> {
    await this.almacen.clear();
    this.generacion++;
    this.indice = null;
    this.vigente = false;
  }

  private matar(posFaiss: number | undefined): void {
    if (posFaiss === undefined || this.alAlmacen[posFaiss] < 0) return;
    this.alAlmacen[posFaiss] = -1;
    this.muertas++;
  }

  private demasiadasMuertas(): boolean {
    return this.muertas > Math.max(64, this.almacen.filas / 10);
  }

  /** FAISS holds exactly the store's rows, in its order */
  private alineado(): void {
    this.alAlmacen = Array.from({ length: this.almacen.filas }, (_, i) => i);
    this.enFaiss = [...this.alAlmacen];
    this.muertas = 0;
  }

  async persist(dir: string): Promise<void> {
    await this.almacen.persist(dir);
    if (this.almacen.filas > 0) (await this.listo()).write(join(dir, ARCHIVO));
  }

  async load(dir: string): Promise<boolean> {
    if (!(await this.almacen.load(dir))) return false;
    this.generacion++;
    const archivo = join(dir, ARCHIVO);
    try {
      // A file saved under another threshold holds the other kind: rebuild it at the first search.
      const tipo = existsSync(archivo) ? tipoArchivoFaiss(archivo) : null;
      const leido = tipo === (this.aproximado ? 'aproximado' : 'exacto') ? faiss()!.Index.read(archivo) : null;
      this.indice = leido && leido.ntotal() === this.almacen.filas && leido.getDimension() === this.dimension ? leido : null;
    } catch {
      this.indice = null;
    }
    this.vigente = this.indice !== null;
    this.indiceAproximado = this.aproximado;
    this.alineado();
    return true;
  }

  private listo(): Promise<IndiceFaiss> {
    return this.vigente && this.indice ? Promise.resolve(this.indice) : this.construir();
  }

  /** the index to search, or null while a build runs in the background (the exact scan answers) */
  private async indiceParaBuscar(): Promise<IndiceFaiss | null> {
    if (this.vigente && this.indice) return this.indice;
    const enCurso = this.construccion !== null;
    const construccion = this.construir();
    if (enCurso || (this.aproximado && this.almacen.filas > CONSTRUCCION_EN_SEGUNDO_PLANO)) {
      construccion.catch(() => undefined); // a failed build leaves vigente false: the next search tries again
      return null;
    }
    return construccion;
  }

  /** one build at a time, shared by whoever asks while it runs */
  private construir(): Promise<IndiceFaiss> {
    this.construccion ??= this.construirIndice().finally(() => (this.construccion = null));
    return this.construccion;
  }

  private async construirIndice(): Promise<IndiceFaiss> {
    const f = faiss()!;
    for (;;) {
      const generacion = this.generacion;
      const aproximado = this.aproximado;
      const indice = aproximado ? f.Index.fromFactory(this.dimension, 'HNSW32,Flat', f.MetricType.METRIC_INNER_PRODUCT) : new f.IndexFlatIP(this.dimension);
      // In slices: faiss-node takes plain arrays, and one of the whole catalog would double the memory peak.
      const largo = this.almacen.filas * this.dimension;
      const paso = this.dimension * (aproximado ? PASO_CONSTRUCCION : 1024);
      for (let i = 0; i < largo && this.generacion === generacion; i += paso) {
        indice.add(Array.from(this.almacen.vectores().subarray(i, i + paso)));
        if (aproximado) await new Promise<void>((listo) => setImmediate(listo));
      }
      if (this.generacion !== generacion) continue; // the catalog changed meanwhile
      this.indice = indice;
      this.vigente = true;
      this.indiceAproximado = aproximado;
      this.alineado();
      return indice;
    }
  }
}

function aplanar(vectores: Float32Array[]): number[] {
  const out: number[] = [];
  for (const v of vectores) for (const x of v) out.push(x);
  return out;
}
