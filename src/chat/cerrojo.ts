import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Mutex } from 'redis-semaphore';
import { ocupado } from '../common/errores';

/**
 * One turn at a time per chat: two messages of the same customer (a double tap, a retried
 * request, two replicas receiving them) must not read the same cart and both act on it. Other
 * chats are not held up.
 */
export interface CerrojoChat {
  ejecutar<T>(clave: string, tarea: () => Promise<T>): Promise<T>;
}

export const CERROJO_CHAT = Symbol('CERROJO_CHAT');

/** In process: enough for a single instance (and SQLite, which is always one). */
export class CerrojoPorClave implements CerrojoChat {
  private readonly colas = new Map<string, Promise<unknown>>();

  ejecutar<T>(clave: string, tarea: () => Promise<T>): Promise<T> {
    const previa = this.colas.get(clave) ?? Promise.resolve();
    const actual = previa.then(tarea, tarea);
    const cola = actual.catch(() => undefined);
    this.colas.set(clave, cola);
    // The map must not grow with every chat ever seen: the last turn of a chat removes its entry.
    void cola.then(() => this.colas.get(clave) === cola && this.colas.delete(clave));
    return actual;
  }
}

/** how long a holder keeps the lock without refreshing it: a replica that dies frees its chats after this */
const VIDA_MS = 15_000;

/**
 * Across replicas: a Redis mutex per chat (redis-semaphore), refreshed while the turn runs and
 * released at its end. Turns of one chat on this replica queue in process first, so only one of
 * them at a time polls Redis and they keep their arrival order. Waiting longer than `esperaMs`
 * answers 503 with Retry-After instead of piling requests up.
 */
export class CerrojoRedis implements CerrojoChat {
  private readonly logger = new Logger('CerrojoChat');
  private readonly local = new CerrojoPorClave();

  constructor(
    private readonly redis: Redis,
    private readonly prefijo: string,
    private readonly esperaMs: number,
  ) {}

  ejecutar<T>(clave: string, tarea: () => Promise<T>): Promise<T> {
    return this.local.ejecutar(clave, async () => {
      const mutex = new Mutex(this.redis, `${this.prefijo}cerrojo:chat:${clave}`, {
        lockTimeout: VIDA_MS,
        refreshInterval: VIDA_MS / 3,
        acquireTimeout: this.esperaMs,
        retryInterval: 20,
        onLockLost: (e) => this.logger.error(`Se perdió el cerrojo del chat ${clave}: ${e.message}`),
      });
      try {
        await mutex.acquire();
      } catch (e) {
        this.logger.warn(`Chat ${clave}: no se obtuvo el turno en ${this.esperaMs} ms (${(e as Error).message})`);
        throw ocupado('Este chat está atendiendo otro mensaje; intenta de nuevo en unos segundos', Math.max(1, Math.ceil(this.esperaMs / 1000)));
      }
      try {
        return await tarea();
      } finally {
        await mutex.release().catch((e: Error) => this.logger.warn(`Chat ${clave}: liberar el cerrojo falló (${e.message}); vence solo`));
      }
    });
  }
}
