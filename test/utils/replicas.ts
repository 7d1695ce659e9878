import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createServer, request as peticionHttp } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RAIZ = join(__dirname, '..', '..');
const PRINCIPAL = join(RAIZ, 'dist', 'src', 'main.js');

function masReciente(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const ruta = join(dir, e.name);
    max = Math.max(max, e.isDirectory() ? masReciente(ruta) : statSync(ruta).mtimeMs);
  }
  return max;
}

/** The suites run the built app, as production does: `nest build` first when dist/ is older than the sources. */
export function construirSiHaceFalta(): void {
  let construido = 0;
  try {
    construido = statSync(PRINCIPAL).mtimeMs;
  } catch {
    // never built
  }
  const fuentes = Math.max(masReciente(join(RAIZ, 'src')), masReciente(join(RAIZ, 'migrations')));
  if (construido > fuentes) return;
  const r = spawnSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', '-p', 'tsconfig.build.json'], {
    cwd: RAIZ,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`nest build falló:\n${r.stdout}\n${r.stderr}`);
}

/** every process started here, so a failed start-up cannot leave one behind */
const procesos = new Set<ChildProcess>();

/** kill -9 of whatever is still running (afterAll, even when a start-up failed half way) */
export function matarTodas(): void {
  for (const p of procesos) p.kill('SIGKILL');
}

export interface Replica {
  id: string;
  url: string;
  pid: number;
  /** everything it logged, for a failure's message */
  salida: string[];
  vivo: boolean;
  /** kill -9: no shutdown hook runs */
  matar(): Promise<void>;
  /** SIGTERM, waiting for a clean exit */
  parar(): Promise<void>;
}

/**
 * One replica: `node dist/src/main.js` in a folder of its own (its DATA_DIR, no .env), on a port
 * the OS picks, with only the environment given. Resolves when it listens.
 */
export function iniciarReplica(id: string, entorno: Record<string, string>, esperaMs = 90_000): Promise<Replica> {
  const dir = mkdtempSync(join(tmpdir(), `replica-${id}-`));
  const hijo: ChildProcess = spawn(process.execPath, [PRINCIPAL], {
    cwd: dir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? dir,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dir,
      EXPORTS_DIR: join(dir, 'exports'),
      INSTANCIA_ID: id,
      ...entorno,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  procesos.add(hijo);
  const salida: string[] = [];
  const terminado = new Promise<void>((r) => hijo.once('exit', () => (procesos.delete(hijo), r())));
  return new Promise((resolver, rechazar) => {
    const plazo = setTimeout(() => {
      hijo.kill('SIGKILL');
      rechazar(new Error(`La réplica ${id} no arrancó en ${esperaMs} ms:\n${salida.join('')}`));
    }, esperaMs);
    const leer = (trozo: Buffer) => {
      salida.push(trozo.toString());
      // the start-up line is logged at info level: LOG_LEVEL must let it through
      const m = /escuchando en http:\/\/localhost:(\d+)/.exec(trozo.toString());
      if (!m) return;
      clearTimeout(plazo);
      const replica: Replica = {
        id,
        url: `http://127.0.0.1:${m[1]}`,
        pid: hijo.pid!,
        salida,
        vivo: true,
        matar: async () => {
          replica.vivo = false;
          hijo.kill('SIGKILL');
          await terminado;
        },
        parar: async () => {
          replica.vivo = false;
          hijo.kill('SIGTERM');
          await terminado;
          rmSync(dir, { recursive: true, force: true });
        },
      };
      resolver(replica);
    };
    hijo.stdout!.on('data', leer);
    hijo.stderr!.on('data', (t: Buffer) => salida.push(t.toString()));
    hijo.once('exit', (codigo) => {
      clearTimeout(plazo);
      rechazar(new Error(`La réplica ${id} terminó (código ${codigo}) antes de escuchar:\n${salida.join('')}`));
    });
  });
}

export interface Balanceador {
  url: string;
  cerrar(): Promise<void>;
}

/**
 * A round-robin load balancer on loopback: each request goes to the next live replica. Like a
 * real one it stops sending to a replica marked dead; a request in flight when its replica dies
 * fails (502), it is not retried.
 */
export async function balanceador(replicas: () => Replica[]): Promise<Balanceador> {
  let siguiente = 0;
  const servidor = createServer((req, res) => {
    const vivas = replicas().filter((r) => r.vivo);
    if (vivas.length === 0) {
      res.writeHead(503).end();
      return;
    }
    const destino = new URL(vivas[siguiente++ % vivas.length].url);
    const salida = peticionHttp({ host: destino.hostname, port: destino.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    salida.on('error', () => {
      if (!res.headersSent) res.writeHead(502, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 502, error: 'Bad Gateway', message: 'la réplica no respondió' }));
    });
    req.pipe(salida);
  });
  await new Promise<void>((r) => servidor.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(servidor.address() as AddressInfo).port}`,
    cerrar: () => new Promise((r) => servidor.close(() => r())),
  };
}

/** polls until fn() holds, or fails after the deadline; returns how long it took */
export async function hasta(fn: () => Promise<boolean> | boolean, ms: number, que: string): Promise<number> {
  const inicio = Date.now();
  while (!(await fn())) {
    if (Date.now() - inicio > ms) throw new Error(`${que}: no ocurrió en ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return Date.now() - inicio;
}
