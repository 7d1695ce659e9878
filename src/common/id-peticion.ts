import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The request's id: the caller's X-Request-Id when it is sane, otherwise a new one; set once,
 * sent back in X-Request-Id, written in every log line (pino-http) and in every error body.
 */
export function idDePeticion(req: IncomingMessage, res: ServerResponse): string {
  if (typeof req.id === 'string') return req.id;
  const propio = req.headers['x-request-id'];
  const id = typeof propio === 'string' && /^[\w.-]{1,100}$/.test(propio) ? propio : randomUUID();
  req.id = id;
  if (!res.headersSent) res.setHeader('X-Request-Id', id);
  return id;
}
