import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { Mutex } from 'redis-semaphore';

/** the Redis key of the polling lease */
export const claveArriendo = (prefijo: string) => `${prefijo}telegram:sondeo`;

/** which replica holds the polling lease now (null: none); redis-semaphore keeps a mutex under `mutex:<key>` */
export async function titularArriendo(redis: Redis, prefijo: string): Promise<string | null> {
  const valor = await redis.get(`mutex:${claveArriendo(prefijo)}`);
  return valor ? valor.split('#')[0] : null;
}

/**
 * Exactly one replica polls Telegram: the holder of a Redis lease (a redis-semaphore mutex)
 * that it refreshes while alive. If it dies the lease expires after `vidaMs` and another
 * replica, trying every third of that, takes over. A holder that loses it stops polling.
 */
export class ArriendoSondeo {
  private readonly logger = new Logger('ArriendoTelegram');
  private readonly identificador: string;
  private mutex?: Mutex;
  private temporizador?: NodeJS.Timeout;
  private propio = false;
  private cerrado = false;

  constructor(
    private readonly redis: Redis,
    private readonly clave: string,
    instancia: string,
    private readonly vidaMs: number,
    private readonly alObtener: () => Promise<void>,
    private readonly alPerder: () => void,
  ) {
    this.identificador = `${instancia}#${randomUUID()}`;
  }

  iniciar(): void {
    void this.intentar();
  }

  async cerrar(): Promise<void> {
    this.cerrado = true;
    clearTimeout(this.temporizador);
    if (this.propio) {
      this.propio = false;
      this.alPerder();
      // let another replica take over at once instead of after the lease expires
      await this.mutex?.release().catch(() => undefined);
    }
  }

  private async intentar(): Promise<void> {
    if (this.cerrado) return;
    if (!this.propio) {
      this.mutex = new Mutex(this.redis, this.clave, {
        identifier: this.identificador,
        lockTimeout: this.vidaMs,
        refreshInterval: Math.floor(this.vidaMs / 3),
        onLockLost: () => {
          this.logger.warn('Se perdió el arriendo de Telegram: esta réplica deja de leer mensajes');
          this.propio = false;
          this.alPerder();
        },
      });
      const obtenido = await this.mutex.tryAcquire().catch(() => false);
      if (obtenido && !this.cerrado) {
        this.propio = true;
        this.logger.log('Esta réplica lee los mensajes de Telegram (arriendo obtenido)');
        await this.alObtener().catch((e: Error) => this.logger.error(`No se pudo iniciar la lectura de Telegram: ${e.message}`));
      }
    }
    this.temporizador = setTimeout(() => void this.intentar(), Math.floor(this.vidaMs / 3));
    this.temporizador.unref();
  }
}
