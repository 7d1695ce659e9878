import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Logger } from '@nestjs/common';
import { VectorFilter, VectorHit, VectorIndex, VectorMetadata } from '../retrieval.interfaces';
import { ExactIndex } from './exact.index';
import type { OrdenHilo, RespuestaHilo } from './faiss.hilo';

type ModuloFaiss = typeof import('faiss-node');
let modulo: ModuloFaiss | null | undefined;

/** faiss-node, or null when its native addon is not built on this machine (npm run build:faiss). */
function faiss(): ModuloFaiss | null {
  if (modulo === undefined) {
    // FAISS's OpenMP reads this once, as the addon loads: one thread. A search is one query, which a
    // team only slows (each member waits for a core: on a busy machine an HNSW search took 12 ms
    // instead of 0.2 at 10,000 products), and filling HNSW is background work. An operator's value wins.
    // eslint-disable-next-line no-restricted-properties -- not the app's configuration: the addon's OpenMP reads only the environment
    process.env.OMP_NUM_THREADS ??= '1';
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

/** The process's FAISS thread (faiss.hilo.ts), started with the first index that needs it; it never keeps the process alive. */
class HiloFaiss {
  private static readonly logger = new Logger('FAISS');
  private readonly hilo: Worker;
  private siguiente = 0;
  private readonly esperas = new Map<number, { ok: (r: RespuestaHilo) => void; mal: (e: Error) => void; retiene: boolean }>();
  /** awaited answers that keep the process alive (watching HNSW fill does not) */
  private retenidas = 0;
  private static unico?: HiloFaiss;

  static get(): HiloFaiss {
    return (HiloFaiss.unico ??= new HiloFaiss());
  }

  private constructor() {
    // compiled, the thread runs faiss.hilo.js; under ts-node or jest, the TypeScript source through ts-node
    const fuente = extname(__filename) === '.ts';
    this.hilo = new Worker(join(__dirname, `faiss.hilo${extname(__filename)}`), { execArgv: fuente ? ['-r', 'ts-node/register/transpile-only'] : [] });
    this.hilo.on('message', (r: RespuestaHilo) => {
      if ('aviso' in r) return HiloFaiss.logger.warn(r.aviso);
      const espera = this.esperas.get(r.peticion);
      this.esperas.delete(r.peticion);
      if (espera?.retiene && --this.retenidas === 0) this.hilo.unref();
      if ('error' in r) espera?.mal(new Error(`FAISS: ${r.error}`));
      else espera?.ok(r);
    });
    // after the listener, which refs it: the thread keeps the process alive only while someone awaits an answer
    this.hilo.unref();
    this.hilo.on('error', (e: Error) => this.terminado(e));
    this.hilo.on('exit', () => this.terminado(new Error('FAISS: el hilo terminó')));
  }

  /** an index gone: its FAISS state leaves the thread (if the thread still runs) */
  static liberar(indice: number): void {
    HiloFaiss.unico?.enviar({ tipo: 'liberar', indice });
  }

  /** Stops the thread's work and waits until it is idle (see cerrarHiloFaiss). */
  static async cerrar(): Promise<void> {
    const hilo = HiloFaiss.unico;
    if (!hilo) return;
    HiloFaiss.unico = undefined;
    await hilo.pedir({ tipo: 'cerrar', peticion: hilo.peticion() }).catch(() => undefined);
    // a hook that persists after this one must not start a thread, nor work in this one
    hilo.cerrado = true;
  }

  private terminado(e: Error): void {
    this.cerrado = true;
    for (const { mal } of this.esperas.values()) mal(e);
    this.esperas.clear();
    this.retenidas = 0;
    if (HiloFaiss.unico === this) HiloFaiss.unico = undefined;
  }

  /** the thread was asked to end (or ended): its indexes answer from their exact copy */
  private cerrado = false;

  enviar(orden: OrdenHilo, transferir: ArrayBuffer[] = []): void {
    if (!this.cerrado) this.hilo.postMessage(orden, transferir);
  }

  pedir<T extends RespuestaHilo>(orden: OrdenHilo & { peticion: number }, retiene = true): Promise<T> {
    if (this.cerrado) return Promise.reject(new Error('FAISS: el hilo terminó'));
    return new Promise<T>((ok, mal) => {
      if (retiene && this.retenidas++ === 0) this.hilo.ref();
      this.esperas.set(orden.peticion, { ok: ok as (r: RespuestaHilo) => void, mal, retiene });
      this.hilo.postMessage(orden);
    });
  }

  peticion(): number {
    return ++this.siguiente;
  }
}

/**
 * Stops the FAISS thread's work when the application closes: a process that exits while the
 * thread is inside FAISS (adding a slice) aborts; stopped this way, it is idle when the process ends.
 */
export function cerrarHiloFaiss(): Promise<void> {
  return HiloFaiss.cerrar();
}

/**
 * Up to this many floats (rows × dimension: 16,384 products of 256 dimensions) the main thread
 * scans its exact copy in about 2 ms. FAISS's flat index scans a query no faster (it is memory-bound
 * too) after a round trip, and HNSW still filling makes a search wait for a slice of that work and,
 * on a busy machine, for the thread's lower priority to get a core.
 */
const COPIA_HASTA = 1 << 22;

let indices = 0;
/** an index nobody holds any more leaves the thread too */
const liberar = new FinalizationRegistry<number>((indice) => HiloFaiss.liberar(indice));

/**
 * FAISS behind the VECTOR_INDEX token: exact inner product (IndexFlatIP) up to
 * `umbralAproximado` vectors and HNSW above it. FAISS addresses vectors by position, so an
 * ExactIndex keeps the ids, metadata and a copy of the vectors. FAISS cannot remove from HNSW, and
 * rebuilding it costs seconds per 10,000 vectors, which every replica would pay for every catalog
 * edit: so a replaced or removed vector stays in FAISS marked dead, a replacement is appended, and
 * results skip the dead; past a tenth of dead entries a new index is filled from the copy.
 *
 * FAISS itself lives in a worker thread (faiss.hilo.ts): adding to HNSW costs about a millisecond
 * per vector, and a 300,000-row import on the main thread would hold every chat turn behind it.
 * There, new vectors are searchable at once (exactly, among the recent ones) while HNSW takes them
 * in slices. Filters are applied to an over-fetched result, falling back to the exact scan of the
 * copy when they leave too few. A store small enough to scan (COPIA_HASTA) is searched on the main
 * thread, from the copy, unless HNSW holds it all: the flat index's hits and scores (up to float32
 * rounding), with no round trip and no wait behind HNSW filling.
 */
export class FaissIndex implements VectorIndex {
  readonly kind = 'faiss';
  private readonly almacen: ExactIndex;
  private readonly id = ++indices;
  /** the process's thread when this index was made: once closed, a new index (a test's next app) starts another */
  private readonly hilo: HiloFaiss;
  /** whether the thread holds an index for this one, and of which kind */
  private creado = false;
  private indiceAproximado = false;
  /** HNSW may not hold every vector sent yet: a search there would wait for a slice of its filling */
  private llenando = false;
  /** batches of vectors sent to HNSW: a watch of the filling that saw fewer asks again */
  private lotes = 0;
  /** FAISS position → the store's position, or -1 for a dead vector */
  private alAlmacen: number[] = [];
  /** the store's position → its live FAISS position */
  private enFaiss: number[] = [];
  private muertas = 0;
  /** bumped by every change of the store */
  private generacion = 0;
  /** bumped whenever FAISS positions start again (a new index, a load, a clear): an answer of an earlier epoch is not read */
  private epoca = 0;

  constructor(
    readonly dimension: number,
    private readonly opciones: {
      umbralAproximado: number;
      /** floats (rows × dimension) up to which the main thread's copy answers searches (COPIA_HASTA) */
      copiaHasta?: number;
    },
  ) {
    // the addon loads here first, before the thread: see faiss()
    if (!faissDisponible()) throw new Error('faiss-node no está compilado en esta máquina (npm run build:faiss)');
    this.hilo = HiloFaiss.get();
    this.almacen = new ExactIndex(dimension);
    liberar.register(this, this.id);
  }

  get aproximado(): boolean {
    return this.almacen.filas > this.opciones.umbralAproximado;
  }

  /** resolves when HNSW holds every vector sent so far (and a pending file is written) */
  async alDia(): Promise<void> {
    if (this.creado) await this.pedirAlDia(true);
  }

  private pedirAlDia(retiene: boolean): Promise<unknown> {
    return this.hilo.pedir({ tipo: 'alDia', indice: this.id, peticion: this.hilo.peticion() }, retiene).catch(() => undefined);
  }

  /** after vectors go to HNSW: `llenando` until the thread says it holds them (asked again if more went meanwhile) */
  private seguirLlenado(): void {
    if (!this.indiceAproximado) return;
    this.lotes++;
    if (this.llenando) return;
    this.llenando = true;
    const lotes = this.lotes;
    void this.pedirAlDia(false).then(() => {
      this.llenando = false;
      if (lotes !== this.lotes) this.seguirLlenado();
    });
  }

  async upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void> {
    await this.almacen.upsert(items);
    this.generacion++;
    const vectores = new Float32Array(items.length * this.dimension);
    items.forEach(({ id, vector }, i) => {
      const pos = this.almacen.posicion(id)!;
      this.matar(this.enFaiss[pos]);
      this.enFaiss[pos] = this.alAlmacen.length;
      this.alAlmacen.push(pos);
      vectores.set(vector, i * this.dimension);
    });
    if (this.hayQueRehacer()) this.nuevoIndice();
    else {
      this.hilo.enviar({ tipo: 'agregar', indice: this.id, vectores }, [vectores.buffer]);
      this.seguirLlenado();
    }
  }

  async remove(ids: number[]): Promise<void> {
    for (const id of ids) {
      const pos = this.almacen.posicion(id);
      if (pos === undefined) continue;
      // the store moves its last row into the hole: follow it
      const ultima = this.almacen.filas - 1;
      this.almacen.retirar([id]);
      this.matar(this.enFaiss[pos]);
      if (pos !== ultima && this.enFaiss[ultima] !== undefined) {
        this.enFaiss[pos] = this.enFaiss[ultima];
        this.alAlmacen[this.enFaiss[pos]] = pos;
      }
      this.enFaiss.length = ultima;
      this.generacion++;
    }
    if (this.hayQueRehacer()) this.nuevoIndice();
  }

  async search(vector: Float32Array, k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const enIndice = this.alAlmacen.length;
    if (this.almacen.filas === 0) return [];
    const hnswListo = this.indiceAproximado && !this.llenando;
    if (!this.creado || (!hnswListo && this.almacen.filas * this.dimension <= (this.opciones.copiaHasta ?? COPIA_HASTA)))
      return this.almacen.search(vector, k, filter);
    const epoca = this.epoca;
    const pedir = Math.min(enIndice, (filter ? Math.max(k * 4, 64) : k) + this.muertas);
    const r = await this.hilo
      .pedir<{ peticion: number; posiciones: number[]; puntajes: number[] }>({
        tipo: 'buscar',
        indice: this.id,
        peticion: this.hilo.peticion(),
        vector,
        k: pedir,
      })
      .catch(() => undefined);
    // positions started again while the thread answered, or the thread is gone: the copy is the truth
    if (!r || epoca !== this.epoca) return this.almacen.search(vector, k, filter);
    const hits: VectorHit[] = [];
    for (let i = 0; i < r.posiciones.length && hits.length < k; i++) {
      const pos = this.alAlmacen[r.posiciones[i]];
      if (pos === undefined || pos < 0) continue;
      const fila = this.almacen.fila(pos);
      if (this.almacen.aceptada(fila, filter)) hits.push({ id: fila.id, score: r.puntajes[i] });
    }
    // A narrow filter can leave fewer than k among the over-fetched: the exact scan is the truth.
    return hits.length < k && pedir < this.alAlmacen.length ? this.almacen.search(vector, k, filter) : hits;
  }

  async size(): Promise<number> {
    return this.almacen.size();
  }

  async clear(): Promise<void> {
    await this.almacen.clear();
    this.generacion++;
    this.epoca++;
    if (this.creado) this.hilo.enviar({ tipo: 'liberar', indice: this.id });
    this.creado = false;
    this.alineado();
  }

  private matar(posFaiss: number | undefined): void {
    if (posFaiss === undefined || this.alAlmacen[posFaiss] < 0) return;
    this.alAlmacen[posFaiss] = -1;
    this.muertas++;
  }

  private hayQueRehacer(): boolean {
    return !this.creado || this.aproximado !== this.indiceAproximado || this.muertas > Math.max(64, this.almacen.filas / 10);
  }

  /** a new FAISS index of the kind the size calls for, filled from the store (in the thread, in the background) */
  private nuevoIndice(): void {
    this.epoca++;
    this.creado = true;
    this.indiceAproximado = this.aproximado;
    this.alineado();
    const vectores = this.almacen.copiaVectores();
    this.hilo.enviar({ tipo: 'nuevo', indice: this.id, aproximado: this.indiceAproximado, dimension: this.dimension, vectores }, [vectores.buffer]);
    this.seguirLlenado();
  }

  /** FAISS holds exactly the store's rows, in its order */
  private alineado(): void {
    this.alAlmacen = Array.from({ length: this.almacen.filas }, (_, i) => i);
    this.enFaiss = [...this.alAlmacen];
    this.muertas = 0;
  }

  /**
   * The store now; the FAISS file once HNSW holds every vector sent so far, unless something
   * changes first (then the next persist writes it). Loaded without the file, the index is
   * filled again from the store.
   */
  async persist(dir: string): Promise<void> {
    const generacion = this.generacion;
    await this.almacen.persist(dir);
    const archivo = join(dir, ARCHIVO);
    await rm(archivo, { force: true });
    if (this.creado && generacion === this.generacion) this.hilo.enviar({ tipo: 'escribir', indice: this.id, archivo });
  }

  async load(dir: string): Promise<boolean> {
    if (!(await this.almacen.load(dir))) return false;
    this.generacion++;
    this.epoca++;
    this.indiceAproximado = this.aproximado;
    this.alineado();
    const archivo = join(dir, ARCHIVO);
    // A file saved under another threshold holds the other kind: it is filled again from the store.
    const tipo = existsSync(archivo) ? tipoArchivoFaiss(archivo) : null;
    if (tipo === (this.aproximado ? 'aproximado' : 'exacto')) {
      const r = await this.hilo
        .pedir<{ peticion: number; ntotal: number }>({
          tipo: 'leer',
          indice: this.id,
          peticion: this.hilo.peticion(),
          archivo,
          aproximado: this.aproximado,
          dimension: this.dimension,
        })
        .catch(() => ({ ntotal: -1 }));
      this.creado = r.ntotal === this.almacen.filas;
    } else this.creado = false;
    if (!this.creado && this.almacen.filas > 0) this.nuevoIndice();
    return true;
  }
}
