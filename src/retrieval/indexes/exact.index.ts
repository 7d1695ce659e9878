import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VectorFilter, VectorHit, VectorIndex, VectorMetadata } from '../retrieval.interfaces';

/** Keeps the k best hits seen so far; k is small, so a sorted insert beats a heap. */
export class TopK {
  readonly hits: VectorHit[] = [];
  constructor(private readonly k: number) {}

  offer(id: number, score: number): void {
    if (this.hits.length === this.k && score <= this.hits[this.k - 1].score) return;
    let i = this.hits.length;
    while (i > 0 && this.hits[i - 1].score < score) i--;
    this.hits.splice(i, 0, { id, score });
    if (this.hits.length > this.k) this.hits.pop();
  }
}

export function coincideFiltro(m: VectorMetadata, f?: VectorFilter): boolean {
  if (!f) return true;
  if (f.soloActivos && !m.activo) return false;
  return f.categoria === undefined || m.categoria === f.categoria;
}

/**
 * Exact inner-product search in plain TypeScript over one contiguous Float32Array: the
 * fallback when the FAISS addon is not built on a machine, and the reference FAISS is held to.
 */
export class ExactIndex implements VectorIndex {
  readonly kind = 'exacto';
  private matriz: Float32Array;
  private ids: number[] = [];
  private metadatos: VectorMetadata[] = [];
  private posiciones = new Map<number, number>();

  constructor(readonly dimension: number) {
    this.matriz = new Float32Array(dimension * 64);
  }

  get filas(): number {
    return this.ids.length;
  }

  contiene(id: number): boolean {
    return this.posiciones.has(id);
  }

  /** the dense position of an id, if stored */
  posicion(id: number): number | undefined {
    return this.posiciones.get(id);
  }

  /** the id and metadata at a dense position (what FAISS returns as a label) */
  fila(pos: number): { id: number; metadata: VectorMetadata } {
    return { id: this.ids[pos], metadata: this.metadatos[pos] };
  }

  aceptada(fila: { metadata: VectorMetadata }, filter?: VectorFilter): boolean {
    return coincideFiltro(fila.metadata, filter);
  }

  /** all rows, position order, one contiguous view */
  vectores(): Float32Array {
    return this.matriz.subarray(0, this.ids.length * this.dimension);
  }

  async upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void> {
    for (const { id, vector, metadata } of items) {
      if (vector.length !== this.dimension) throw new Error(`Vector de dimensión ${vector.length}; el índice usa ${this.dimension}`);
      let pos = this.posiciones.get(id);
      if (pos === undefined) {
        pos = this.ids.length;
        this.reservar(pos + 1);
        this.ids.push(id);
        this.metadatos.push(metadata);
        this.posiciones.set(id, pos);
      }
      this.metadatos[pos] = metadata;
      this.matriz.set(vector, pos * this.dimension);
    }
  }

  async remove(ids: number[]): Promise<void> {
    for (const id of ids) {
      const pos = this.posiciones.get(id);
      if (pos === undefined) continue;
      // Move the last row into the hole: rows stay dense and removal is O(dimension).
      const ultima = this.ids.length - 1;
      if (pos !== ultima) {
        this.matriz.copyWithin(pos * this.dimension, ultima * this.dimension, (ultima + 1) * this.dimension);
        this.ids[pos] = this.ids[ultima];
        this.metadatos[pos] = this.metadatos[ultima];
        this.posiciones.set(this.ids[pos], pos);
      }
      this.ids.pop();
      this.metadatos.pop();
      this.posiciones.delete(id);
    }
  }

  async search(vector: Float32Array, k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const top = new TopK(k);
    const d = this.dimension;
    const m = this.matriz;
    for (let pos = 0; pos < this.ids.length; pos++) {
      if (!coincideFiltro(this.metadatos[pos], filter)) continue;
      let s = 0;
      const base = pos * d;
      for (let j = 0; j < d; j++) s += m[base + j] * vector[j];
      top.offer(this.ids[pos], s);
    }
    return top.hits;
  }

  async size(): Promise<number> {
    return this.ids.length;
  }

  async clear(): Promise<void> {
    this.ids = [];
    this.metadatos = [];
    this.posiciones.clear();
  }

  async persist(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const filas = this.vectores();
    await writeFile(join(dir, 'vectores.f32'), Buffer.from(filas.buffer, filas.byteOffset, filas.byteLength));
    await writeFile(join(dir, 'vectores.json'), JSON.stringify({ dimension: this.dimension, ids: this.ids, metadatos: this.metadatos }));
  }

  async load(dir: string): Promise<boolean> {
    try {
      const meta = JSON.parse(await readFile(join(dir, 'vectores.json'), 'utf8')) as { dimension: number; ids: number[]; metadatos: VectorMetadata[] };
      const bytes = await readFile(join(dir, 'vectores.f32'));
      if (meta.dimension !== this.dimension || bytes.byteLength !== meta.ids.length * this.dimension * 4) return false;
      this.matriz = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
      this.ids = meta.ids;
      this.metadatos = meta.metadatos;
      this.posiciones = new Map(meta.ids.map((id, pos) => [id, pos]));
      return true;
    } catch {
      return false;
    }
  }

  private reservar(filas: number): void {
    if (filas * this.dimension <= this.matriz.length) return;
    const nueva = new Float32Array(Math.max(filas, (this.matriz.length / this.dimension) * 2) * this.dimension);
    nueva.set(this.matriz);
    this.matriz = nueva;
  }
}
