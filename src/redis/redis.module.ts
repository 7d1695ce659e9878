import { hostname } from 'node:os';
import { Global, Inject, Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import Redis from 'ioredis';
import { EnvironmentVariables } from '../config/env.validation';

/** The one ioredis connection this process shares (`Redis | null`: null when REDIS_URL is unset). */
export const REDIS = Symbol('REDIS');
/** Prefix for every key this service writes (REDIS_PREFIJO), so several deployments or tests share a Redis. */
export const REDIS_PREFIJO = Symbol('REDIS_PREFIJO');
/** This replica's id (INSTANCIA_ID, or host-pid): in /health/ready, metrics and lease holders. */
export const INSTANCIA_ID = Symbol('INSTANCIA_ID');

export type ConexionRedis = Redis | null;

/** A new connection to REDIS_URL with this service's settings (BullMQ and subscribers need their own). */
export function conectarRedis(url: string, opciones: { bloqueante?: boolean } = {}): Redis {
  return new Redis(url, {
    // Commands wait for a reconnect instead of failing at once; BullMQ's blocking workers must never give up.
    maxRetriesPerRequest: opciones.bloqueante ? null : 3,
    connectionName: 'agente-vendedor',
  });
}

@Global()
@Module({
  providers: [
    {
      provide: REDIS,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): ConexionRedis => {
        const url = config.get('REDIS_URL', { infer: true });
        return url ? conectarRedis(url) : null;
      },
    },
    {
      provide: REDIS_PREFIJO,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): string => config.get('REDIS_PREFIJO', { infer: true }),
    },
    {
      provide: INSTANCIA_ID,
      inject: [ConfigService],
      useFactory: (config: ConfigService<EnvironmentVariables, true>): string => config.get('INSTANCIA_ID', { infer: true }) ?? `${hostname()}-${process.pid}`,
    },
  ],
  exports: [REDIS, REDIS_PREFIJO, INSTANCIA_ID],
})
export class RedisModule implements OnApplicationShutdown {
  private readonly logger = new Logger('Redis');

  constructor(@Inject(REDIS) private readonly redis: ConexionRedis) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.redis) return;
    try {
      await this.redis.quit();
    } catch (e) {
      this.logger.warn(`cierre de Redis: ${(e as Error).message}`);
      this.redis.disconnect();
    }
  }
}
