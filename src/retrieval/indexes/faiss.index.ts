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
 * rebuilt from the copy at the next search. Filters are applied to an over-fetched result, falling back to the exact scan when
 * they leave too few.
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
    const indice = this.actual();
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
    if (this.almacen.filas > 0) this.actual().write(join(dir, ARCHIVO));
  }

  async load(dir: string): Promise<boolean> {
    if (!(await this.almacen.load(dir))) return false;
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

  private actual(): IndiceFaiss {
    if (this.vigente && this.indice) return this.indice;
    const f = faiss()!;
    const indice = this.aproximado ? f.Index.fromFactory(this.dimension, 'HNSW32,Flat', f.MetricType.METRIC_INNER_PRODUCT) : new f.IndexFlatIP(this.dimension);
    // In slices: faiss-node takes plain arrays, and one of the whole catalog would double the memory peak.
    const todos = this.almacen.vectores();
    const paso = this.dimension * 1024;
    for (let i = 0; i < todos.length; i += paso) indice.add(Array.from(todos.subarray(i, i + paso)));
    this.indice = indice;
    this.vigente = true;
    this.indiceAproximado = this.aproximado;
    this.alineado();
    return indice;
  }
}

function aplanar(vectores: Float32Array[]): number[] {
  const out: number[] = [];
  for (const v of vectores) for (const x of v) out.push(x);
  return out;
}
