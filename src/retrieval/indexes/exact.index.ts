import { mkdir, open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cedente } from '../../common/ceder';
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

/** rows per block of the store: growing adds a block, it never copies what is there (a 300,000-row copy held the event loop for a second) */
const FILAS_BLOQUE = 8192;

/**
 * Exact inner-product search in plain TypeScript over the vectors in Float32Array blocks: the
 * fallback when the FAISS addon is not built on a machine, and the reference FAISS is held to.
 */
export class ExactIndex implements VectorIndex {
  readonly kind = 'exacto';
  private bloques: Float32Array[] = [];
  private ids: number[] = [];
  private metadatos: VectorMetadata[] = [];
  private posiciones = new Map<number, number>();

  constructor(readonly dimension: number) {}

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

  /** the vector at a position (a view: valid until the next change) */
  vector(pos: number): Float32Array {
    const inicio = (pos % FILAS_BLOQUE) * this.dimension;
    return this.bloques[Math.floor(pos / FILAS_BLOQUE)].subarray(inicio, inicio + this.dimension);
  }

  /** all rows, position order, as one new array */
  copiaVectores(): Float32Array<ArrayBuffer> {
    const out = new Float32Array(this.ids.length * this.dimension);
    this.porBloques((bloque, desde) => out.set(bloque, desde * this.dimension));
    return out;
  }

  async upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void> {
    for (const { id, vector, metadata } of items) {
      if (vector.length !== this.dimension) throw new Error(`Vector de dimensión ${vector.length}; el índice usa ${this.dimension}`);
      let pos = this.posiciones.get(id);
      if (pos === undefined) {
        pos = this.ids.length;
        if (pos % FILAS_BLOQUE === 0 && this.bloques.length * FILAS_BLOQUE <= pos) this.bloques.push(new Float32Array(FILAS_BLOQUE * this.dimension));
        this.ids.push(id);
        this.metadatos.push(metadata);
        this.posiciones.set(id, pos);
      }
      this.metadatos[pos] = metadata;
      this.vector(pos).set(vector);
    }
  }

  async remove(ids: number[]): Promise<void> {
    this.retirar(ids);
  }

  /** remove, synchronously: a caller mirroring the positions (FaissIndex) sees no other task in between */
  retirar(ids: number[]): void {
    for (const id of ids) {
      const pos = this.posiciones.get(id);
      if (pos === undefined) continue;
      // Move the last row into the hole: rows stay dense and removal is O(dimension).
      const ultima = this.ids.length - 1;
      if (pos !== ultima) {
        this.vector(pos).set(this.vector(ultima));
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
    // the local embedder's query vectors are mostly zeros: summing only the nonzero components,
    // in the same order, gives the same float and skips most of the work
    const usadas: number[] = [];
    for (let j = 0; j < d; j++) if (vector[j] !== 0) usadas.push(j);
    const dispersa = usadas.length * 2 < d;
    const componentes = Int32Array.from(usadas);
    this.porBloques((m, desde, filas) => {
      for (let i = 0; i < filas; i++) {
        const pos = desde + i;
        if (!coincideFiltro(this.metadatos[pos], filter)) continue;
        let s = 0;
        const base = i * d;
        if (dispersa) for (let c = 0; c < componentes.length; c++) s += m[base + componentes[c]] * vector[componentes[c]];
        else for (let j = 0; j < d; j++) s += m[base + j] * vector[j];
        top.offer(this.ids[pos], s);
      }
    });
    return top.hits;
  }

  async size(): Promise<number> {
    return this.ids.length;
  }

  async clear(): Promise<void> {
    this.bloques = [];
    this.ids = [];
    this.metadatos = [];
    this.posiciones.clear();
  }

  async persist(dir: string): Promise<void> {
    await mkdir(dir, { recursive: true });
    const archivo = await open(join(dir, 'vectores.f32'), 'w');
    try {
      // block by block: no copy of the whole store
      const partes: Float32Array[] = [];
      this.porBloques((bloque) => partes.push(bloque));
      for (const p of partes) await archivo.write(Buffer.from(p.buffer, p.byteOffset, p.byteLength));
    } finally {
      await archivo.close();
    }
    // the same JSON as one stringify, written a slice at a time: one call holds the event loop for 300,000 rows
    const ceder = cedente();
    const metadatos: string[] = [];
    for (let i = 0; i < this.metadatos.length; i += 10_000) {
      metadatos.push(JSON.stringify(this.metadatos.slice(i, i + 10_000)).slice(1, -1));
      await ceder();
    }
    await writeFile(
      join(dir, 'vectores.json'),
      `{"dimension":${this.dimension},"ids":${JSON.stringify(this.ids)},"metadatos":[${metadatos.filter(Boolean).join(',')}]}`,
    );
  }

  async load(dir: string): Promise<boolean> {
    try {
      const meta = JSON.parse(await readFile(join(dir, 'vectores.json'), 'utf8')) as { dimension: number; ids: number[]; metadatos: VectorMetadata[] };
      const bytes = await readFile(join(dir, 'vectores.f32'));
      if (meta.dimension !== this.dimension || bytes.byteLength !== meta.ids.length * this.dimension * 4) return false;
      const todos = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
      const porBloque = FILAS_BLOQUE * this.dimension;
      this.bloques = [];
      for (let i = 0; i < todos.length; i += porBloque) {
        const bloque = new Float32Array(porBloque);
        bloque.set(todos.subarray(i, i + porBloque));
        this.bloques.push(bloque);
      }
      this.ids = meta.ids;
      this.metadatos = meta.metadatos;
      this.posiciones = new Map(meta.ids.map((id, pos) => [id, pos]));
      return true;
    } catch {
      return false;
    }
  }

  /** each block's rows in use: (its vectors, its first position, its row count) */
  private porBloques(fn: (vectores: Float32Array, desde: number, filas: number) => void): void {
    for (let b = 0; b * FILAS_BLOQUE < this.ids.length; b++) {
      const filas = Math.min(FILAS_BLOQUE, this.ids.length - b * FILAS_BLOQUE);
      fn(this.bloques[b].subarray(0, filas * this.dimension), b * FILAS_BLOQUE, filas);
    }
  }
}
