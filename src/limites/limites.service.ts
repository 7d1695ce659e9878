import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { Codigo, ErrorReintentable } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';
import { ConexionRedis, REDIS, REDIS_PREFIJO } from '../redis/redis.module';

/** chat turns per address, per chat, new chats per address; failed logins per account and per address */
export type Limite = 'chat_ip' | 'chat' | 'chats_nuevos_ip' | 'login_cuenta' | 'login_ip';

const MENSAJES: Record<Limite, (s: number) => string> = {
  chat_ip: (s) => `Estás enviando mensajes muy rápido. Espera ${s} s y vuelve a escribir, por favor.`,
  chat: (s) => `Vas muy rápido para mí 🙂. Espera ${s} s y vuelve a escribir, por favor.`,
  chats_nuevos_ip: (s) => `Se abrieron demasiadas conversaciones desde tu conexión. Intenta de nuevo en ${Math.ceil(s / 60)} min.`,
  login_cuenta: (s) => `Demasiados intentos fallidos; intenta de nuevo en ${s} s`,
  login_ip: (s) => `Demasiados intentos fallidos; intenta de nuevo en ${s} s`,
};

/**
 * Rate limits (rate-limiter-flexible): counters in Redis when REDIS_URL is set, so every replica
 * shares them (with an in-memory fallback while Redis is unreachable), in memory otherwise. Past
 * a limit the caller gets 429 with Retry-After and a friendly Spanish message.
 */
@Injectable()
export class LimitesService {
  private readonly limitadores: Record<Limite, RateLimiterAbstract | null>;

  constructor(@Inject(REDIS) redis: ConexionRedis, @Inject(REDIS_PREFIJO) prefijo: string, config: ConfigService<EnvironmentVariables, true>) {
    const ventanaLogin = config.get('LOGIN_VENTANA_SEGUNDOS', { infer: true });
    const definicion: Record<Limite, [puntos: number, segundos: number]> = {
      chat_ip: [config.get('LIMITE_CHAT_IP_MINUTO', { infer: true }), 60],
      chat: [config.get('LIMITE_CHAT_MINUTO', { infer: true }), 60],
      chats_nuevos_ip: [config.get('LIMITE_CHATS_NUEVOS_IP_HORA', { infer: true }), 3600],
      login_cuenta: [config.get('LOGIN_MAX_FALLOS', { infer: true }), ventanaLogin],
      login_ip: [config.get('LOGIN_MAX_FALLOS_IP', { infer: true }), ventanaLogin],
    };
    const crear = (nombre: string, points: number, duration: number): RateLimiterAbstract => {
      const memoria = new RateLimiterMemory({ points, duration, keyPrefix: nombre });
      if (!redis) return memoria;
      return new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefijo}limite:${nombre}`, points, duration, insuranceLimiter: memoria });
    };
    this.limitadores = Object.fromEntries(
      Object.entries(definicion).map(([nombre, [puntos, segundos]]) => [nombre, puntos > 0 ? crear(nombre, puntos, segundos) : null]),
    ) as Record<Limite, RateLimiterAbstract | null>;
  }

  /** counts one request; past the limit, 429 */
  async consumir(limite: Limite, clave: string): Promise<void> {
    const l = this.limitadores[limite];
    if (!l) return;
    try {
      await l.consume(clave);
    } catch (e) {
      if (e instanceof RateLimiterRes) throw demasiadas(limite, e.msBeforeNext);
      throw e;
    }
  }

  /** 429 if the limit is already spent, without counting (failures are counted apart: `fallo`) */
  async verificar(limite: Limite, clave: string): Promise<void> {
    const l = this.limitadores[limite];
    const r = l ? await l.get(clave) : null;
    if (l && r && r.consumedPoints >= l.points) throw demasiadas(limite, r.msBeforeNext);
  }

  async fallo(limite: Limite, clave: string): Promise<void> {
    await this.limitadores[limite]?.penalty(clave, 1);
  }

  async olvidar(limite: Limite, clave: string): Promise<void> {
    await this.limitadores[limite]?.delete(clave);
  }
}

function demasiadas(limite: Limite, ms: number): ErrorReintentable {
  const segundos = Math.max(1, Math.ceil(ms / 1000));
  return new ErrorReintentable(Codigo.DEMASIADAS_PETICIONES, MENSAJES[limite](segundos), segundos, { reintentar_en_s: segundos, limite });
}
