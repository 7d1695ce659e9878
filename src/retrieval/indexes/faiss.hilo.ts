/**
 * The FAISS indexes of the process, in a worker thread of their own (see FaissIndex): adding to
 * HNSW costs about a millisecond per vector, which on the main thread would hold every chat turn
 * behind a large import. Vectors are addressed by position, in the order they arrive.
 *
 * An HNSW index takes new vectors at once into a flat index of recent ones (a copy, cheap to add,
 * searched exactly) and adds them to HNSW in slices of about TRAMO_MS, handling messages between
 * slices: a search waits one slice at most and sees every vector sent before it.
 */
import { closeSync, existsSync, openSync, readlinkSync, renameSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import type { Index } from 'faiss-node';

type ModuloFaiss = typeof import('faiss-node');

export type OrdenHilo =
  | { tipo: 'nuevo'; indice: number; aproximado: boolean; dimension: number; vectores: Float32Array }
  | { tipo: 'agregar'; indice: number; vectores: Float32Array }
  | { tipo: 'buscar'; indice: number; peticion: number; vector: Float32Array; k: number }
  | { tipo: 'escribir'; indice: number; archivo: string }
  | { tipo: 'leer'; indice: number; peticion: number; archivo: string; aproximado: boolean; dimension: number }
  | { tipo: 'alDia'; indice: number; peticion: number }
  | { tipo: 'liberar'; indice: number }
  | { tipo: 'cerrar'; peticion: number };

export type RespuestaHilo =
  | { peticion: number; error: string }
  | { peticion: number; posiciones: number[]; puntajes: number[] }
  | { peticion: number; ntotal: number }
  | { peticion: number }
  /** something nobody awaits went wrong (a file write): the main thread logs it */
  | { aviso: string };

const TRAMO_MS = 8;

interface Estado {
  dimension: number;
  principal: Index;
  /** HNSW only: every vector sent since the queue was last empty, searched exactly */
  recientes: Index | null;
  /** position of recientes' first vector */
  baseRecientes: number;
  /** vectors waiting for HNSW, in order */
  cola: Float32Array[];
  /** vectors per slice, following what the last slice took */
  paso: number;
  /** a file to write once the queue is empty (cancelled by any later change) */
  escribir?: string;
  esperando: number[];
}

export function atenderHilo(faiss: ModuloFaiss, responder: (r: RespuestaHilo) => void): (orden: OrdenHilo) => void {
  const estados = new Map<number, Estado>();
  let programado = false;

  const plano = (dimension: number) => new faiss.IndexFlatIP(dimension);
  const nuevo = (aproximado: boolean, dimension: number, principal?: Index): Estado => ({
    dimension,
    principal: principal ?? (aproximado ? faiss.Index.fromFactory(dimension, 'HNSW32,Flat', faiss.MetricType.METRIC_INNER_PRODUCT) : plano(dimension)),
    recientes: aproximado ? plano(dimension) : null,
    baseRecientes: principal?.ntotal() ?? 0,
    cola: [],
    paso: 16,
    esperando: [],
  });

  const agregar = (e: Estado, vectores: Float32Array) => {
    e.escribir = undefined;
    if (vectores.length === 0) return;
    if (!e.recientes) return e.principal.add(Array.from(vectores));
    e.recientes.add(Array.from(vectores));
    e.cola.push(vectores);
    programar();
  };

  /** the queue is empty: recent vectors are all in HNSW, a pending write and waiters go */
  const alDia = (e: Estado) => {
    if (e.recientes && e.recientes.ntotal() > 0) {
      e.recientes = plano(e.dimension);
      e.baseRecientes = e.principal.ntotal();
    }
    if (e.escribir) {
      try {
        escribirIndice(e.principal, e.escribir);
      } catch (error) {
        // the store's files are written: loaded without this one, the index is filled again from them
        responder({ aviso: `No se pudo escribir el índice FAISS ${e.escribir}: ${(error as Error).message}` });
      }
    }
    e.escribir = undefined;
    for (const peticion of e.esperando.splice(0)) responder({ peticion });
  };

  const tramo = () => {
    programado = false;
    for (const e of estados.values()) {
      if (!e.cola.length) continue;
      const inicio = performance.now();
      let n = 0;
      while (e.cola.length && n < e.paso) {
        const bloque = e.cola[0];
        const tomar = Math.min(e.paso - n, bloque.length / e.dimension);
        e.principal.add(Array.from(bloque.subarray(0, tomar * e.dimension)));
        n += tomar;
        if (tomar * e.dimension === bloque.length) e.cola.shift();
        else e.cola[0] = bloque.subarray(tomar * e.dimension);
      }
      e.paso = Math.max(1, Math.min(4096, Math.round((e.paso * TRAMO_MS) / Math.max(performance.now() - inicio, 0.5))));
      if (!e.cola.length) alDia(e);
      break;
    }
    if ([...estados.values()].some((e) => e.cola.length)) programar();
  };

  function programar(): void {
    if (programado) return;
    programado = true;
    // setImmediate: messages (searches) are handled between two slices
    setImmediate(tramo);
  }

  const buscar = (e: Estado, vector: Float32Array, k: number) => {
    const consulta = Array.from(vector);
    const mejores = new Map<number, number>();
    const leer = (ix: Index | null, base: number) => {
      const n = ix?.ntotal() ?? 0;
      if (!ix || n === 0) return;
      const { distances, labels } = ix.search(consulta, Math.min(k, n));
      labels.forEach((l, i) => {
        if (l >= 0 && !(mejores.get(base + l)! >= distances[i])) mejores.set(base + l, distances[i]);
      });
    };
    leer(e.principal, 0);
    leer(e.recientes, e.baseRecientes);
    const orden = [...mejores].sort((a, b) => b[1] - a[1]).slice(0, k);
    return { posiciones: orden.map(([p]) => p), puntajes: orden.map(([, s]) => s) };
  };

  return (o) => {
    const peticion = 'peticion' in o ? o.peticion : undefined;
    if (o.tipo === 'cerrar') {
      // stops filling and stays idle: the process ends it between two slices (ended inside FAISS, or
      // with its indexes being finalised as the thread tears down, the process aborts)
      for (const e of estados.values()) e.cola = [];
      return responder({ peticion: o.peticion });
    }
    try {
      const e = estados.get(o.indice);
      switch (o.tipo) {
        case 'nuevo': {
          const previo = e?.esperando ?? [];
          const estado = nuevo(o.aproximado, o.dimension);
          estado.esperando = previo;
          estados.set(o.indice, estado);
          agregar(estado, o.vectores);
          if (!estado.cola.length) alDia(estado);
          return;
        }
        case 'agregar':
          if (e) agregar(e, o.vectores);
          return;
        case 'buscar':
          return responder({ peticion: o.peticion, ...(e ? buscar(e, o.vector, o.k) : { posiciones: [], puntajes: [] }) });
        case 'escribir':
          if (!e) return;
          e.escribir = o.archivo;
          if (!e.cola.length) alDia(e);
          return;
        case 'leer': {
          const leido = faiss.Index.read(o.archivo);
          if (leido.getDimension() !== o.dimension) return responder({ peticion: o.peticion, ntotal: -1 });
          estados.set(o.indice, nuevo(o.aproximado, o.dimension, leido));
          // what was waiting for the index this one replaces waits for nothing now
          for (const p of e?.esperando ?? []) responder({ peticion: p });
          return responder({ peticion: o.peticion, ntotal: leido.ntotal() });
        }
        case 'alDia':
          if (!e || !e.cola.length) return responder({ peticion: o.peticion });
          e.esperando.push(o.peticion);
          return;
        case 'liberar':
          if (e) for (const p of e.esperando) responder({ peticion: p });
          estados.delete(o.indice);
          return;
      }
    } catch (error) {
      if (peticion !== undefined) responder({ peticion, error: (error as Error).message });
    }
  };
}

/**
 * Writes an index aside and renames it: another process loading the directory never reads half a
 * file. FAISS throws a C++ exception for a file it cannot open, which an addon not patched by
 * build:faiss lets escape, aborting the process. So Node creates the file first (a missing or
 * read-only directory is an ordinary error), and on Linux FAISS writes through that open descriptor
 * (/proc/self/fd), which a directory removed meanwhile does not invalidate; then only the rename fails.
 */
function escribirIndice(indice: Index, archivo: string): void {
  const aparte = `${archivo}.tmp`;
  const fd = openSync(aparte, 'w');
  try {
    const abierto = `/proc/self/fd/${fd}`;
    indice.write(existsSync(abierto) ? abierto : aparte);
    renameSync(aparte, archivo);
  } catch (error) {
    rmSync(aparte, { force: true });
    throw error;
  } finally {
    closeSync(fd);
  }
}

/**
 * Building HNSW is background work: on Linux this thread (a task of its own, /proc/thread-self)
 * takes a lower priority, so on a busy machine the CPU goes first to the thread answering
 * requests. Elsewhere it keeps the process's priority.
 */
function cederPrioridad(): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), 10);
  } catch {
    // not Linux, or not allowed: same priority as the rest
  }
}

if (parentPort) {
  const puerto = parentPort;
  cederPrioridad();
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native addon, loaded in this thread
  const faiss = require('faiss-node') as ModuloFaiss;
  const atender = atenderHilo(faiss, (r) => puerto.postMessage(r));
  puerto.on('message', atender);
}
