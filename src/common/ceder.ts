import { setImmediate as turno } from 'node:timers/promises';

/** how long a slice of CPU work may hold the event loop: a chat turn waits at most about this per step */
export const TRAMO_MS = 8;

/**
 * Cooperative CPU work: `await ceder()` in a long loop lets the event loop run (chat turns,
 * health checks) once every `ms` of work, whatever one iteration costs on this machine. Between
 * two turns it costs one clock read.
 */
export function cedente(ms = TRAMO_MS): () => Promise<void> {
  let desde = performance.now();
  return async () => {
    if (performance.now() - desde < ms) return;
    await turno();
    desde = performance.now();
  };
}
