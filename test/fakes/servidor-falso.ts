import { createServer, IncomingMessage, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';

export interface Peticion {
  metodo: string;
  ruta: string;
  cabeceras: IncomingMessage['headers'];
  /** parsed JSON, when the request was JSON */
  cuerpo: unknown;
  /** the raw body (multipart uploads) */
  crudo: Buffer;
}

export interface Respuesta {
  status?: number;
  cuerpo?: unknown;
  /** bytes instead of JSON (a file download) */
  binario?: Buffer;
}

export type Manejador = (p: Peticion) => Respuesta | Promise<Respuesta>;

export interface ServidorFalso {
  url: string;
  peticiones: Peticion[];
  /** the next n requests answer this instead (an outage), or hang when `colgar` */
  fallar(n: number, respuesta?: Respuesta | 'colgar'): void;
  cerrar(): Promise<void>;
}

/**
 * A provider's stand-in on 127.0.0.1: a real HTTP server the real SDK talks to, answering in
 * the provider's wire format through `manejar`, recording every request.
 */
export async function servidorFalso(manejar: Manejador): Promise<ServidorFalso> {
  const peticiones: Peticion[] = [];
  let fallos: Array<Respuesta | 'colgar'> = [];
  const abiertas = new Set<ServerResponse>();
  const atender = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const trozos: Buffer[] = [];
    for await (const t of req) trozos.push(t as Buffer);
    const crudo = Buffer.concat(trozos);
    const json = crudo.length > 0 && /json/.test(req.headers['content-type'] ?? 'application/json');
    const p: Peticion = {
      metodo: req.method ?? 'GET',
      ruta: req.url ?? '/',
      cabeceras: req.headers,
      cuerpo: json ? JSON.parse(crudo.toString('utf8')) : undefined,
      crudo,
    };
    peticiones.push(p);
    const fallo = fallos.shift();
    if (fallo === 'colgar') {
      abiertas.add(res);
      return;
    }
    const r = fallo ?? (await manejar(p));
    if (r.binario) res.writeHead(r.status ?? 200, { 'content-type': 'application/octet-stream' }).end(r.binario);
    else res.writeHead(r.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(r.cuerpo));
  };
  const servidor = createServer((req, res) => {
    atender(req, res).catch((e: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: (e as Error).message } }));
    });
  });
  await new Promise<void>((r) => servidor.listen(0, '127.0.0.1', r));
  const { port } = servidor.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    peticiones,
    fallar: (n, respuesta = { status: 503, cuerpo: { error: { message: 'sobrecargado', code: 503 } } }) => {
      fallos = Array.from({ length: n }, () => respuesta);
    },
    cerrar: () => {
      for (const r of abiertas) r.destroy();
      servidor.closeAllConnections();
      return new Promise((r) => servidor.close(() => r()));
    },
  };
}
