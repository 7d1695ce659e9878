/**
 * npm run bench — speed and memory of search and of a chat turn, on synthetic catalogs.
 * Not a test: these machines are shared, so figures are printed, never asserted.
 *
 *   in-process: index build (local embedder + the configured index), search p50/p99, beside a
 *               plain JavaScript exact scan over one Float32Array as the baseline ratio
 *   HTTP:       GET /productos/buscar p50 and POST /chat/texto p50/p95 at 10,000 products,
 *               against the built server in its own process (SQLite, local providers)
 *   knowledge:  lookup of a business question over 1,000 knowledge entries (BENCH_ENTRADAS): the
 *               passages collection (Spanish stemmer + BM25 + local vectors in the configured
 *               index, fused), p50/p99; `npm run bench -- conocimiento` runs only this part
 *   replicas:   chat throughput (turns/s) of one replica and of three behind a round-robin
 *               balancer, on PostgreSQL + Redis at 10,000 products, with the ratio; and the
 *               change feed's latency (an edit on one replica found by search on another);
 *               `npm run bench -- replicas` runs only this part (BENCH_CLIENTES, BENCH_RONDAS_CHAT)
 *   export:     20,000, 100,000 and 300,000 rows as CSV and XLSX, three rounds in one server, with
 *               its peak resident memory over idle, the heap it holds after a full GC, and the
 *               ratio between sizes (BENCH_FILAS_EXPORTACION, BENCH_RONDAS_EXPORTACION)
 *
 *   import:     a 300,000-row CSV import (BENCH_FILAS_IMPORTACION) while a customer chats: rows/s,
 *               chat turn p50/p99/max before, during and after the import, the server's event-loop
 *               delay during it (BENCH_PERFIL=x.cpuprofile adds a CPU profile); `npm run bench -- importacion N`
 *
 * BENCH_TAMANOS=10000,100000 chooses the catalog sizes of the in-process part. Each part runs in
 * its own process, so its resident memory is its own; "propia" is the growth over the process
 * with everything loaded and nothing built (ts-node alone weighs about 150 MB).
 */
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { AddressInfo, createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { opcionesBaseDatos } from '../src/database/data-source-options';
import { FichaProducto } from '../src/retrieval/busqueda/buscador';
import { MotorEnMemoria } from '../src/retrieval/evaluacion';
import { ExactIndex } from '../src/retrieval/indexes/exact.index';
import { FaissIndex, faissDisponible } from '../src/retrieval/indexes/faiss.index';
import { StemmerEs } from '@nlpjs/lang-es';
import conocimientoDemo from '../src/database/seed/conocimiento-demo.json';
import { ColeccionTextos } from '../src/retrieval/coleccion';
import { LocalEmbeddings } from '../src/retrieval/embeddings/local.embeddings';
import { Analizador } from '../src/retrieval/texto/analizador';
import { cargarSinonimos } from '../src/retrieval/texto/lexico';
import { VectoresPersistidos } from '../src/retrieval/vectores';
import { baseDeDatosDePrueba } from '../test/utils/base-de-datos';
import { balanceador, iniciarReplica, Replica } from '../test/utils/replicas';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

const TIPOS = [
  ['Extintor multipropósito ABC', 'extintores', ['5 libras', '10 libras', '20 libras', '30 libras']],
  ['Extintor de CO2', 'extintores', ['5 libras', '10 libras', '15 libras', '20 libras']],
  ['Casco de seguridad', 'cascos', ['amarillo', 'blanco', 'azul', 'rojo', 'verde', 'naranja']],
  ['Guantes de', 'guantes', ['nitrilo', 'carnaza', 'vaqueta', 'látex', 'poliuretano']],
  ['Botas de seguridad', 'calzado', ['talla 36', 'talla 38', 'talla 40', 'talla 42', 'talla 44']],
  ['Gafas de seguridad', 'proteccion-visual', ['lente claro', 'lente oscuro', 'lente amarillo', 'antiempañante']],
  ['Chaleco reflectivo', 'dotacion', ['naranja', 'verde limón', 'amarillo', 'azul']],
  ['Respirador', 'proteccion-respiratoria', ['media cara', 'cara completa', 'desechable N95']],
  ['Señal', 'senalizacion', ['salida de emergencia', 'ruta de evacuación', 'extintor', 'riesgo eléctrico', 'uso obligatorio de casco']],
  ['Arnés', 'alturas', ['cuerpo completo', 'multipropósito', 'dieléctrico']],
] as const;
const MARCAS = [
  'Roble',
  'Andes',
  'Cóndor',
  'Titán',
  'Guardián',
  'Sierra',
  'Pacífico',
  'Caribe',
  'Nevado',
  'Llanero',
  'Magdalena',
  'Cauca',
  'Orinoco',
  'Atlas',
  'Faro',
];

/** deterministic synthetic catalog: type × variant × brand × line, all different names */
export function catalogoSintetico(n: number): Array<FichaProducto & { precio: number; stock: number }> {
  const out: Array<FichaProducto & { precio: number; stock: number }> = [];
  for (let i = 0; out.length < n; i++) {
    const [tipo, categoria, variantes] = TIPOS[i % TIPOS.length];
    const variante = variantes[Math.floor(i / TIPOS.length) % variantes.length];
    const marca = MARCAS[Math.floor(i / 60) % MARCAS.length];
    const linea = Math.floor(i / 900) + 1;
    out.push({
      id: out.length + 1,
      sku: `SIN-${out.length + 1}`,
      nombre: `${tipo} ${variante} ${marca} línea ${linea}`,
      descripcion: `${tipo} ${variante} de la marca ${marca}, referencia ${linea}. Producto certificado para uso industrial.`,
      categoria,
      activo: true,
      precio: 5000 + ((i * 7919) % 400) * 1000,
      stock: (i * 31) % 200,
    });
  }
  return out;
}

/** writes n synthetic products straight into a migrated database, 500 per insert */
async function sembrarCatalogo(url: string, n: number): Promise<void> {
  const ds = await new DataSource({ ...opcionesBaseDatos(url), migrationsRun: false }).initialize();
  const productos = catalogoSintetico(n);
  for (let i = 0; i < productos.length; i += 500)
    await ds
      .createQueryBuilder()
      .insert()
      .into('productos')
      .values(productos.slice(i, i + 500).map(({ id: _id, ...p }) => p))
      .execute();
  await ds.destroy();
}

const CONSULTAS = [
  'extinguidor 20 lb',
  'casco amarilo',
  'guantes de nitrilo',
  'botas talla 40',
  'lentes oscuros',
  'chaleco reflectivo naranja',
  'respirador media cara',
  'senal de salida',
  'arnes de cuerpo completo',
  'extintor co2',
];

function percentil(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
const ms = (x: number) => `${x.toFixed(2)} ms`;
const rssMb = () => Math.round(process.memoryUsage().rss / 1048576);
const memoria = (inicial: number) => `${rssMb()} MB en total, ${rssMb() - inicial} MB propios`;

async function tiempos(veces: number, fn: (i: number) => unknown): Promise<number[]> {
  const t: number[] = [];
  for (let i = 0; i < veces; i++) {
    const inicio = performance.now();
    await fn(i);
    t.push(performance.now() - inicio);
  }
  return t;
}

async function enProceso(n: number): Promise<void> {
  const inicial = rssMb();
  const productos = catalogoSintetico(n);
  const motor = new MotorEnMemoria({
    indice: faissDisponible() ? new FaissIndex(256, { umbralAproximado: Number(process.env.FAISS_UMBRAL_APROXIMADO ?? 5000) }) : new ExactIndex(256),
  });
  const inicio = performance.now();
  await motor.cargar(productos);
  const vectores = await motor.embeddings.embed(CONSULTAS, 'consulta');
  await motor.indice.search(vectores[0], 1); // FAISS builds its structure at the first search
  const construccion = performance.now() - inicio;
  const memoriaIndice = memoria(inicial);

  await tiempos(20, (i) => motor.indice.search(vectores[i % vectores.length], 50));
  const indice = await tiempos(300, (i) => motor.indice.search(vectores[i % vectores.length], 50));
  const hibrida = await tiempos(100, (i) => motor.hibrida(CONSULTAS[i % CONSULTAS.length]));

  // Baseline: the simplest exact scan, one Float32Array, no filters, top-50 by sorting.
  const todos = await motor.embeddings.embed(productos.map((p) => `${p.nombre}. ${p.categoria}. ${p.descripcion}`));
  const d = motor.embeddings.dimension;
  const matriz = new Float32Array(n * d);
  todos.forEach((v, i) => matriz.set(v, i * d));
  const escaneo = await tiempos(100, (i) => {
    const q = vectores[i % vectores.length];
    const s = new Float32Array(n);
    for (let r = 0; r < n; r++) {
      let x = 0;
      for (let j = 0; j < d; j++) x += matriz[r * d + j] * q[j];
      s[r] = x;
    }
    return Array.from(s.keys())
      .sort((a, b) => s[b] - s[a])
      .slice(0, 50);
  });
  console.log(`\n${n.toLocaleString('es-CO')} productos — índice ${motor.indice.kind}, embeddings ${motor.embeddings.modelId}`);
  console.log(`  construcción (embeddings + índice + BM25): ${ms(construccion)}`);
  console.log(`  búsqueda vectorial   p50 ${ms(percentil(indice, 50))}  p99 ${ms(percentil(indice, 99))}`);
  console.log(
    `  búsqueda híbrida     p50 ${ms(percentil(hibrida, 50))}  p99 ${ms(percentil(hibrida, 99))}  (embedding de la consulta + índice + BM25 + fusión)`,
  );
  console.log(`  escaneo JS de base   p50 ${ms(percentil(escaneo, 50))}  → índice ${(percentil(escaneo, 50) / percentil(indice, 50)).toFixed(1)}× más rápido`);
  console.log(`  memoria residente    ${memoriaIndice} (antes del escaneo de base)`);
}

const PREGUNTAS = [
  '¿hacen recarga de extintores?',
  'dan factura electronica',
  'que me recomiendan para un taller',
  'cada cuanto se recarga un extintor',
  'que garantia tienen las botas',
  'tienen parqueadero',
  'necesito dotar a 10 trabajadores',
  'los precios incluyen iva?',
];

/** n knowledge entries: the demo shop's, then synthetic policies mixing its words, each with two paragraphs */
function entradasSinteticas(n: number): Array<{ titulo: string; pregunta: string | null; contenido: string }> {
  const temas = ['recarga', 'garantía', 'capacitación', 'instalación', 'factura', 'envío', 'crédito', 'mantenimiento', 'certificado', 'dotación'];
  const objetos = ['extintores', 'botas', 'cascos', 'guantes', 'arneses', 'señales', 'overoles', 'botiquines', 'gafas', 'respiradores'];
  const lugares = ['bodega', 'obra', 'taller', 'oficina', 'cocina', 'vehículo', 'planta', 'colegio', 'hospital', 'finca'];
  const demo = conocimientoDemo.map((c) => ({ titulo: c.titulo, pregunta: c.pregunta, contenido: c.contenido }));
  const extra = Array.from({ length: Math.max(0, n - demo.length) }, (_, i) => {
    const [t, o, l] = [temas[i % 10], objetos[Math.floor(i / 10) % 10], lugares[Math.floor(i / 100) % 10]];
    return {
      titulo: `Política ${i + 1}: ${t} de ${o} para ${l}`,
      pregunta: i % 2 ? `¿Cómo es la ${t} de ${o} en una ${l}?` : null,
      contenido: `La ${t} de ${o} para ${l} se hace en ${2 + (i % 5)} días hábiles con un asesor. Incluye revisión, informe y soporte.\n\nPara ${l}s con más de ${10 + (i % 40)} personas ofrecemos visita técnica y un plan anual de ${t}.`,
    };
  });
  return [...demo, ...extra].slice(0, n);
}

async function porConocimiento(n: number): Promise<void> {
  const analizador = new Analizador(cargarSinonimos());
  const embeddings = new LocalEmbeddings(analizador, 256);
  const indice = faissDisponible() ? new FaissIndex(256, { umbralAproximado: 5000 }) : new ExactIndex(256);
  const dir = mkdtempSync(join(tmpdir(), 'agente-bench-conocimiento-'));
  const stemmer = new StemmerEs();
  const entradas = entradasSinteticas(n);
  const coleccion = new ColeccionTextos(
    'conocimiento',
    analizador,
    new VectoresPersistidos('conocimiento', embeddings, indice, dir),
    () =>
      Promise.resolve(
        entradas.map((e, i) => ({
          id: i,
          campos: [
            { texto: e.titulo, peso: 3, clave: true },
            { texto: e.pregunta ?? '', peso: 4, clave: true },
            { texto: e.contenido, peso: 1 },
          ],
          categoria: 'documento',
          activo: true,
        })),
      ),
    { umbralSemantico: 0.3, raiz: (p) => stemmer.stemWord(p) },
  );
  const inicio = performance.now();
  await coleccion.preparar(true);
  const construccion = performance.now() - inicio;
  await tiempos(30, (i) => coleccion.buscar(PREGUNTAS[i % PREGUNTAS.length], { limite: 12 }));
  const busqueda = await tiempos(300, (i) => coleccion.buscar(PREGUNTAS[i % PREGUNTAS.length], { limite: 12 }));
  rmSync(dir, { recursive: true, force: true });
  console.log(`\n${n.toLocaleString('es-CO')} entradas de conocimiento — índice ${indice.kind}, embeddings ${embeddings.modelId}`);
  console.log(`  construcción (embeddings + índice + BM25): ${ms(construccion)}`);
  console.log(`  búsqueda de una pregunta  p50 ${ms(percentil(busqueda, 50))}  p99 ${ms(percentil(busqueda, 99))}  (meta: p50 < 5 ms)`);
}

/** a free TCP port on loopback */
function puertoLibre(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** resident memory of another process, from /proc */
function rssDe(pid: number): number {
  const linea = readFileSync(`/proc/${pid}/status`, 'utf8')
    .split('\n')
    .find((l) => l.startsWith('VmRSS:'));
  return Math.round(Number(linea?.replace(/\D/g, '')) / 1024);
}

interface Servidor {
  base: string;
  auth: Record<string, string>;
  pid: number;
  /** MB of V8 heap the server holds after a full GC (scripts/bench-heap-vivo.js) */
  heapVivo: () => Promise<number>;
  /** an order to scripts/bench-heap-vivo.js inside the server, and its answer */
  pedir: (orden: string, extra?: Record<string, unknown>) => Promise<any>;
  /** a JSON body, loosely typed: these are measurements, not contract tests */
  json: (r: Response) => Promise<any>;
}

/**
 * The built server (dist/, what `npm start` runs) as its own process on a fresh SQLite file with
 * `n` synthetic products inserted, so its figures are measured from outside, as a user sees them.
 */
async function conServidor(n: number, medir: (s: Servidor) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'agente-bench-'));
  // BENCH_MOTOR=postgres: a fresh PostgreSQL database (TEST_POSTGRES_URL's server) instead of SQLite
  const base = process.env.BENCH_MOTOR === 'postgres' ? await baseDeDatosDePrueba('postgres') : undefined;
  const url = base?.url ?? `sqlite:${join(dir, 'bench.db')}`;
  const puerto = await puertoLibre();
  const raiz = `http://127.0.0.1:${puerto}`;
  // BENCH_HEAP_SERVIDOR=160 caps the server's V8 heap: an export that completes under it holds no rows in memory
  const heap = process.env.BENCH_HEAP_SERVIDOR ? [`--max-old-space-size=${process.env.BENCH_HEAP_SERVIDOR}`] : [];
  const servidor = spawn(process.execPath, [...heap, '--expose-gc', '--require', join(__dirname, 'bench-heap-vivo.js'), 'dist/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      PORT: String(puerto),
      HOST: '127.0.0.1',
      DATABASE_URL: url,
      DATA_DIR: dir,
      SEED_DEMO: 'false',
      ADMIN_EMAIL: 'bench@bench.co',
      ADMIN_PASSWORD: 'bench-clave-123',
      JWT_SECRET: 'x'.repeat(40),
    },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const pedir = async (orden: string, extra: Record<string, unknown> = {}) => {
    servidor.send({ orden, ...extra });
    const [respuesta] = (await once(servidor, 'message')) as [unknown];
    return respuesta;
  };
  const heapVivo = async () => Math.round(((await pedir('heap-vivo')) as number) / 1048576);
  try {
    for (let i = 0; ; i++) {
      if ((await fetch(`${raiz}/health`).catch(() => null))?.ok) break;
      if (i > 300) throw new Error('el servidor no arrancó (¿npm run build?)');
      await new Promise((r) => setTimeout(r, 100));
    }
    await sembrarCatalogo(url, n);
    const json = (r: Response): Promise<any> => r.json();
    const token = (
      await fetch(`${raiz}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'bench@bench.co', password: 'bench-clave-123' }),
      }).then(json)
    ).access_token;
    await medir({ base: raiz, auth: { authorization: `Bearer ${token}` }, pid: servidor.pid!, heapVivo, pedir, json });
  } finally {
    // the database goes once the server has let go of it
    if (servidor.exitCode === null && servidor.kill()) await once(servidor, 'exit');
    rmSync(dir, { recursive: true, force: true });
    await base?.eliminar();
  }
}

async function porHttp(n: number): Promise<void> {
  await conServidor(n, async ({ base, auth, pid, json }) => {
    const sinc = await fetch(`${base}/admin/productos/sincronizar`, { method: 'POST', headers: auth }).then(json);
    console.log(`\nHTTP con ${n.toLocaleString('es-CO')} productos: el servidor compilado (node dist/src/main.js), SQLite, proveedores locales`);
    console.log(`  POST /admin/productos/sincronizar: ${sinc.indexados} vectores en ${sinc.ms} ms (${sinc.backend})`);

    const consultas = await tiempos(200, (i) =>
      fetch(`${base}/productos/buscar?q=${encodeURIComponent(CONSULTAS[i % CONSULTAS.length])}`, { headers: auth }).then(json),
    );
    console.log(`  GET /productos/buscar  p50 ${ms(percentil(consultas, 50))}  p95 ${ms(percentil(consultas, 95))}`);

    // one client sending 200 turns is an integration (its own chat ids, no per-IP limit), not a customer
    const { clave } = await fetch(`${base}/integraciones`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ nombre: 'bench' }),
    }).then(json);
    const turnos: number[] = [];
    for (let c = 0; c < 25; c++) {
      const turno = (i: number) =>
        fetch(`${base}/chat/texto`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'X-Api-Key': clave },
          body: JSON.stringify({ mensaje: GUION_CHAT[i], chat_id: `bench-${c}` }),
        }).then(json);
      turnos.push(...(await tiempos(GUION_CHAT.length, turno)));
    }
    console.log(
      `  POST /chat/texto       p50 ${ms(percentil(turnos, 50))}  p95 ${ms(percentil(turnos, 95))}  (${turnos.length} turnos; la búsqueda sola, en proceso, arriba)`,
    );
    console.log(`  memoria residente del servidor: ${rssDe(pid)} MB`);
  });
}

const GUION_CHAT = [
  'hola',
  'quiero 2 cascos amarillos Roble línea 1',
  'tambien 3 guantes de nitrilo Andes línea 1',
  'cuanto vale el extintor de 20 libras Roble línea 1',
  'ver mi pedido',
  'quita los guantes',
  'a que hora abren?',
  'cancelar',
];

/**
 * Replicas of the built server on one PostgreSQL database and one Redis with `n` products:
 * turns per second with one replica, then with three behind a round-robin balancer (the same
 * clients, each its own chat), and how long an edit on one replica takes to reach another's search.
 */
async function porReplicas(n: number): Promise<void> {
  const admin = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const nombre = `agente_bench_${randomBytes(4).toString('hex')}`;
  const sql = async (q: string) => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  await sql(`CREATE DATABASE ${nombre}`);
  const url = new URL(admin);
  url.pathname = `/${nombre}`;
  const entorno = {
    NODE_ENV: 'production',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIJO: `bench-${randomBytes(4).toString('hex')}:`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    SEUDONIMO_SECRET: randomBytes(32).toString('hex'),
    ADMIN_EMAIL: 'bench@bench.co',
    ADMIN_PASSWORD: 'Bench-clave-larga-123',
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
  };
  const replicas: Replica[] = [];
  const lb = await balanceador(() => replicas);
  try {
    // the schema first (one replica), then the catalog, then the replicas that will serve it
    const primera = await iniciarReplica('b1', entorno);
    await primera.parar();
    await sembrarCatalogo(url.toString(), n);
    replicas.push(await iniciarReplica('r1', entorno));
    const json = (r: Response): Promise<any> => r.json();
    const token = (
      await fetch(`${lb.url}/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: entorno.ADMIN_EMAIL, password: entorno.ADMIN_PASSWORD }),
      }).then(json)
    ).access_token;
    const auth = { authorization: `Bearer ${token}` };
    const { clave } = await fetch(`${lb.url}/integraciones`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ nombre: 'bench' }),
    }).then(json);
    const clientes = Number(process.env.BENCH_CLIENTES ?? 24);
    const rondas = Number(process.env.BENCH_RONDAS_CHAT ?? 2);
    const carga = async (etiqueta: string) => {
      const latencias: number[] = [];
      let errores = 0;
      const inicio = performance.now();
      await Promise.all(
        Array.from({ length: clientes }, async (_, c) => {
          for (let r = 0; r < rondas; r++)
            for (const mensaje of GUION_CHAT) {
              const t = performance.now();
              const res = await fetch(`${lb.url}/chat/texto`, {
                method: 'POST',
                headers: { 'content-type': 'application/json', 'X-Api-Key': clave },
                body: JSON.stringify({ mensaje, chat_id: `bench-${etiqueta}-${c}-${r}` }),
              });
              await res.arrayBuffer();
              if (!res.ok) errores++;
              latencias.push(performance.now() - t);
            }
        }),
      );
      const segundos = (performance.now() - inicio) / 1000;
      return { porSegundo: latencias.length / segundos, latencias, errores };
    };
    await carga('calentamiento');
    const una = await carga('una');
    replicas.push(...(await Promise.all(['r2', 'r3'].map((id) => iniciarReplica(id, entorno)))));
    await carga('calentamiento3');
    const tres = await carga('tres');
    console.log(`
Réplicas con ${n.toLocaleString('es-CO')} productos: servidor compilado, PostgreSQL + Redis, ${clientes} clientes a la vez × ${rondas} chats de ${GUION_CHAT.length} turnos`);
    for (const [nombreCarga, r] of [
      ['1 réplica ', una],
      ['3 réplicas', tres],
    ] as const)
      console.log(
        `  ${nombreCarga}  ${r.porSegundo.toFixed(1)} turnos/s  p50 ${ms(percentil(r.latencias, 50))}  p95 ${ms(percentil(r.latencias, 95))}${r.errores ? `  (${r.errores} errores)` : ''}`,
      );
    console.log(`  3 réplicas / 1 réplica: ${(tres.porSegundo / una.porSegundo).toFixed(2)}× (en ${cpus().length} núcleos)`);

    // change feed: an edit through r1; when r2 has applied it (its feed version), and when r2's search finds it
    const [r1, r2] = replicas;
    const version = async (r: Replica) => Number((await fetch(`${r.url}/health/ready`).then(json)).info?.cambios?.version ?? 0);
    const aplicado: number[] = [];
    const encontrado: number[] = [];
    for (let i = 0; i < 10; i++) {
      const palabra = `zafiro${randomBytes(3).toString('hex')}`;
      const inicio = performance.now();
      await fetch(`${r1.url}/productos/productos/${1 + i}`, {
        method: 'PUT',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ nombre: `Producto ${palabra}` }),
      }).then(json);
      const objetivo = await version(r1);
      while ((await version(r2)) < objetivo) if (performance.now() - inicio > 30_000) throw new Error('r2 no aplicó el cambio en 30 s');
      aplicado.push(performance.now() - inicio);
      for (;;) {
        const r = await fetch(`${r2.url}/productos/buscar?q=${palabra}`, { headers: auth }).then(json);
        if (r.resultados?.some((x: { producto: { id: number } }) => x.producto.id === 1 + i)) break;
        if (performance.now() - inicio > 30_000) throw new Error('la búsqueda de r2 no encontró el cambio en 30 s');
      }
      encontrado.push(performance.now() - inicio);
    }
    console.log(`  flujo de cambios, edición en r1 (incluye el PUT):`);
    console.log(`    aplicada en r2 (su versión del flujo)   p50 ${ms(percentil(aplicado, 50))}  máx ${ms(Math.max(...aplicado))}`);
    console.log(`    encontrada por la búsqueda de r2       p50 ${ms(percentil(encontrado, 50))}  máx ${ms(Math.max(...encontrado))}`);
  } finally {
    await Promise.all(replicas.filter((r) => r.vivo).map((r) => r.parar()));
    await lb.cerrar();
    await sql(`DROP DATABASE IF EXISTS ${nombre} WITH (FORCE)`);
  }
}

/**
 * Exports of `n` rows downloaded in full, CSV then XLSX, for several rounds in the same server,
 * while its resident memory is sampled; then a control round that forces a full GC every 200 ms
 * to read the heap the export really holds. Growth is over the idle server; the median of the
 * rounds is robust to when V8 happens to collect (it may defer up to 64 MB of dead Buffers).
 */
async function porExportacion(n: number): Promise<void> {
  const rondas = Number(process.env.BENCH_RONDAS_EXPORTACION ?? 3);
  await conServidor(n, async ({ base, auth, pid, heapVivo }) => {
    console.log(`\nExportación de ${n.toLocaleString('es-CO')} productos (servidor compilado, SQLite), ${rondas} rondas y una de control`);
    const reposo = rssDe(pid);
    const vivoEnReposo = await heapVivo();
    const descargar = async (formato: string, ronda: string, muestrear: () => unknown, cadaMs: number) => {
      const muestreo = setInterval(() => void muestrear(), cadaMs);
      const inicio = performance.now();
      const r = await fetch(`${base}/exportar/productos?formato=${formato}`, { headers: auth });
      let bytes = 0;
      for await (const trozo of r.body as unknown as AsyncIterable<Uint8Array>) bytes += trozo.length;
      const duracion = performance.now() - inicio;
      clearInterval(muestreo);
      return `  ${ronda.padEnd(7)} ${formato.padEnd(4)} ${(bytes / 1048576).toFixed(1)} MB en ${(duracion / 1000).toFixed(1)} s (${Math.round(n / (duracion / 1000)).toLocaleString('es-CO')} filas/s); `;
    };
    const crecimientos: number[] = [];
    for (let ronda = 1; ronda <= rondas; ronda++) {
      let picoRonda = reposo;
      for (const formato of ['csv', 'xlsx']) {
        let pico = reposo;
        const linea = await descargar(formato, `ronda ${ronda}`, () => (pico = Math.max(pico, rssDe(pid))), 20);
        picoRonda = Math.max(picoRonda, pico);
        console.log(`${linea}pico del servidor ${pico} MB (+${pico - reposo} sobre ${reposo} en reposo)`);
      }
      crecimientos.push(picoRonda - reposo);
    }
    let vivo = vivoEnReposo;
    for (const formato of ['csv', 'xlsx']) {
      let vivoFormato = vivoEnReposo;
      const linea = await descargar(formato, 'control', async () => (vivoFormato = Math.max(vivoFormato, await heapVivo())), 200);
      vivo = Math.max(vivo, vivoFormato);
      console.log(`${linea}heap vivo tras GC completo hasta ${vivoFormato} MB (${vivoEnReposo} MB en reposo)`);
    }
    if (process.env.BENCH_RESULTADOS) appendFileSync(process.env.BENCH_RESULTADOS, `${JSON.stringify({ n, crecimientos, vivo: vivo - vivoEnReposo })}\n`);
  });
}

/** Flat memory means the peak does not follow the row count: the sizes side by side, with ratios. */
function resumenExportacion(archivo: string): void {
  const r = readFileSync(archivo, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { n: number; crecimientos: number[]; vivo: number })
    .map(({ n, crecimientos, vivo }) => ({ n, mediana: percentil(crecimientos, 50), max: Math.max(...crecimientos), vivo }));
  if (r.length < 2) return;
  const [menor, mayor] = [r[0], r[r.length - 1]];
  console.log(`\n  Memoria de la exportación sobre el servidor en reposo: pico residente (mediana y máximo de las rondas) y heap vivo`);
  for (const { n, mediana, max, vivo } of r)
    console.log(`    ${n.toLocaleString('es-CO').padStart(8)} filas  residente +${mediana} MB (máx. +${max} MB)  heap vivo +${vivo} MB`);
  console.log(
    `    ${(mayor.n / menor.n).toFixed(0)}× las filas → ${(mayor.mediana / Math.max(1, menor.mediana)).toFixed(2)}× el pico residente, heap vivo +${menor.vivo} → +${mayor.vivo} MB`,
  );
}

/**
 * A catalog import of `n` rows (CSV through POST /productos/importar) while a customer keeps
 * chatting: chat turn latency p50/p99/max before and during the import, and how long it took.
 * The event loop must stay free, so the turns during the import should look like the ones before.
 */
async function porImportacion(n: number): Promise<void> {
  await conServidor(100, async ({ base, auth, pid, pedir, json }) => {
    console.log(
      `\nImportación de ${n.toLocaleString('es-CO')} filas (CSV, servidor compilado, ${process.env.BENCH_MOTOR === 'postgres' ? 'PostgreSQL' : 'SQLite'}) mientras un cliente conversa`,
    );
    const { clave } = await fetch(`${base}/integraciones`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ nombre: 'bench-importacion' }),
    }).then(json);
    let c = 0;
    const turno = async () => {
      const inicio = performance.now();
      await fetch(`${base}/chat/texto`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Api-Key': clave },
        body: JSON.stringify({ mensaje: 'cuanto vale el casco amarillo?', chat_id: `imp-${++c % 50}` }),
      }).then(json);
      return performance.now() - inicio;
    };
    const turnos = async (veces: number) => {
      const t: number[] = [];
      for (let i = 0; i < veces; i++) t.push(await turno());
      return t;
    };
    await pedir('retardo-inicio');
    const antes = await turnos(50);
    const retardoAntes = (await pedir('retardo-fin')) as { p50: number; p99: number; max: number; gc: number };
    const filas = [
      'sku,nombre,precio,stock,categoria',
      ...Array.from({ length: n }, (_, i) => `IMP-${i},Producto importado ${i},${1000 + (i % 90000)},5,importados`),
    ];
    const frontera = 'bench-importacion';
    const cuerpo = Buffer.from(
      `--${frontera}\r\nContent-Disposition: form-data; name="archivo"; filename="catalogo.csv"\r\nContent-Type: text/csv\r\n\r\n${filas.join('\n')}\r\n--${frontera}--\r\n`,
    );
    // BENCH_PERFIL=archivo.cpuprofile: a CPU profile of the server during the import, to see what holds its event loop
    const perfil = process.env.BENCH_PERFIL;
    if (perfil) await pedir('perfil-inicio');
    await pedir('retardo-inicio');
    const inicio = performance.now();
    let terminado = false;
    // node:http, not fetch: a large import answers after fetch's 300 s header timeout
    const importacion = new Promise<unknown>((ok, mal) => {
      const req = request(
        `${base}/productos/importar`,
        { method: 'POST', headers: { ...auth, 'content-type': `multipart/form-data; boundary=${frontera}`, 'content-length': cuerpo.length } },
        (res) => {
          let texto = '';
          res.on('data', (d: Buffer) => (texto += d.toString()));
          res.on('end', () => ok(JSON.parse(texto)));
        },
      );
      req.on('error', mal);
      req.end(cuerpo);
    }).finally(() => (terminado = true));
    const durante: number[] = [];
    while (!terminado) durante.push(await turno());
    const reporte = (await importacion) as { creados?: number; message?: string };
    const duracion = performance.now() - inicio;
    const retardo = (await pedir('retardo-fin')) as { p50: number; p99: number; max: number; gc: number };
    if (perfil) await pedir('perfil-fin', { archivo: perfil });
    // the same turns over the grown catalog: what the import itself costs is "durante" over "después"
    const despues = await turnos(50);
    const resumen = (xs: number[]) => `p50 ${ms(percentil(xs, 50))}  p99 ${ms(percentil(xs, 99))}  máx ${ms(Math.max(...xs))}`;
    console.log(
      `  importación: ${reporte.creados ?? reporte.message} creados en ${ms(duracion)} (${Math.round((n * 1000) / duracion).toLocaleString('es-CO')} filas/s)`,
    );
    console.log(`  POST /chat/texto antes:    ${resumen(antes)}  (${antes.length} turnos)`);
    console.log(`  POST /chat/texto durante:  ${resumen(durante)}  (${durante.length} turnos)`);
    console.log(`  POST /chat/texto después:  ${resumen(despues)}  (${despues.length} turnos)`);
    const bucle = (r: typeof retardo) => `p50 ${ms(r.p50)}  p99 ${ms(r.p99)}  máx ${ms(r.max)}  (pausa de GC más larga ${ms(r.gc)})`;
    console.log(`  retardo del bucle de eventos del servidor antes:   ${bucle(retardoAntes)}`);
    console.log(`  retardo del bucle de eventos del servidor durante: ${bucle(retardo)}`);
    console.log(`  memoria residente del servidor: ${rssDe(pid)} MB${perfil ? `; perfil de CPU en ${perfil}` : ''}`);
  });
}

function parte(...args: string[]): void {
  execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', __filename, ...args], { stdio: 'inherit' });
}

async function main([modo, n]: string[]): Promise<void> {
  if (modo === 'proceso') return enProceso(Number(n));
  if (modo === 'http') return porHttp(Number(n));
  if (modo === 'exportacion') return porExportacion(Number(n));
  if (modo === 'importacion') return porImportacion(Number(n));
  if (modo === 'replicas') return n ? porReplicas(Number(n)) : parte('replicas', '10000');
  if (modo === 'conocimiento') return n ? porConocimiento(Number(n)) : parte('conocimiento', process.env.BENCH_ENTRADAS ?? '1000');
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
  for (const tamano of (process.env.BENCH_TAMANOS ?? '10000,100000').split(',')) parte('proceso', tamano);
  parte('conocimiento', process.env.BENCH_ENTRADAS ?? '1000');
  parte('http', '10000');
  parte('replicas', '10000');
  // several sizes: memory that does not grow with the row count is what "flat" means
  process.env.BENCH_RESULTADOS = join(mkdtempSync(join(tmpdir(), 'agente-bench-')), 'exportacion.jsonl');
  for (const filas of (process.env.BENCH_FILAS_EXPORTACION ?? '20000,100000,300000').split(',')) parte('exportacion', filas);
  resumenExportacion(process.env.BENCH_RESULTADOS);
  parte('importacion', process.env.BENCH_FILAS_IMPORTACION ?? '300000');
}

void main(process.argv.slice(2)).catch((e) => {
  console.error(e);
  process.exit(1);
});
