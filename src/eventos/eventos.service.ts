import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type Redis from 'ioredis';
import { Observable, Subject } from 'rxjs';
import { EnvironmentVariables } from '../config/env.validation';
import { conectarRedis, ConexionRedis, INSTANCIA_ID, REDIS, REDIS_PREFIJO } from '../redis/redis.module';

/** What staff screens react to; each carries only ids and states, the screen fetches the rest. */
export type EventoPanel =
  | { tipo: 'pedido.creado'; pedido_id: number; estado: string; chat_id: string | null }
  | { tipo: 'pedido.cambiado'; pedido_id: number; estado: string }
  | { tipo: 'chat.actualizado'; chat_id: string; remitente?: string };

/**
 * The bus of staff-facing events. Publishers call `publicar` after their change is committed; the
 * SSE endpoint relays `flujo()` to every signed-in screen. With REDIS_URL the events also cross
 * replicas over Redis pub/sub, so a screen connected to one replica sees an order another took.
 */
@Injectable()
export class EventosService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(EventosService.name);
  private readonly eventos = new Subject<EventoPanel>();
  private suscriptor: Redis | null = null;
  private readonly canal: string;

  constructor(
    @Inject(REDIS) private readonly redis: ConexionRedis,
    @Inject(REDIS_PREFIJO) prefijo: string,
    @Inject(INSTANCIA_ID) private readonly instancia: string,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.canal = `${prefijo}eventos`;
  }

  async onModuleInit(): Promise<void> {
    const url = this.config.get('REDIS_URL', { infer: true });
    if (!this.redis || !url) return;
    // a connection in subscriber mode can do nothing else: it is this bus's own
    this.suscriptor = conectarRedis(url, { bloqueante: true });
    this.suscriptor.on('message', (_canal: string, texto: string) => {
      try {
        const { origen, evento } = JSON.parse(texto) as { origen: string; evento: EventoPanel };
        if (origen !== this.instancia) this.eventos.next(evento);
      } catch (e) {
        this.logger.warn(`evento ilegible en ${this.canal}: ${(e as Error).message}`);
      }
    });
    await this.suscriptor.subscribe(this.canal);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.suscriptor?.quit().catch(() => this.suscriptor?.disconnect());
  }

  publicar(evento: EventoPanel): void {
    this.eventos.next(evento);
    // a lost cross-replica event only delays a screen until its next refresh: never fail the change
    this.redis
      ?.publish(this.canal, JSON.stringify({ origen: this.instancia, evento }))
      .catch((e: Error) => this.logger.warn(`evento sin publicar en Redis: ${e.message}`));
  }

  flujo(): Observable<EventoPanel> {
    return this.eventos.asObservable();
  }
}
