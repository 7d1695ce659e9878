import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Job, Queue, Worker } from 'bullmq';
import { EnvironmentVariables } from '../config/env.validation';
import { ConexionRedis, REDIS, REDIS_PREFIJO } from '../redis/redis.module';

/** A channel that can deliver a message to a chat on its own network (Telegram, …). */
export interface Canal {
  enviar(chatId: string, texto: string): Promise<void>;
}

interface Envio {
  canal: string;
  chatId: string;
  texto: string;
}

/** how long a delivered job's id is remembered: the same id within it is not sent again */
const RECORDAR_MS = 24 * 3600 * 1000;

/**
 * Channels register here at start-up, so the chat module can deliver a message (an operator's
 * reply, an answer on Telegram) without knowing any channel's client. The REST channel registers
 * nothing: its customers read the history.
 *
 * With REDIS_URL every delivery is a durable BullMQ job: it survives the replica that queued it,
 * is retried with exponential backoff, and its id (`idEnvio`) makes a repeated request one
 * delivery. Any replica's worker sends it. Without Redis it is sent at once, as a single
 * instance does.
 */
@Injectable()
export class CanalesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CanalesService.name);
  private readonly canales = new Map<string, Canal>();
  private cola?: Queue<Envio>;
  private trabajador?: Worker<Envio>;

  constructor(
    @Inject(REDIS) private readonly redis: ConexionRedis,
    @Inject(REDIS_PREFIJO) private readonly prefijo: string,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  registrar(nombre: string, canal: Canal): void {
    this.canales.set(nombre, canal);
  }

  /** Channels register in onModuleInit; the worker starts once they all have. */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.redis) return;
    // BullMQ blocks on its connections: it opens (and closes) its own with the shared one's settings
    const conexion = () => ({ ...this.redis!.options, maxRetriesPerRequest: null });
    const opciones = { prefix: `${this.prefijo}bull` };
    this.cola = new Queue<Envio>('envios', { ...opciones, connection: conexion() });
    this.trabajador = new Worker<Envio>('envios', (job) => this.entregar(job), {
      ...opciones,
      connection: conexion(),
      concurrency: 4,
    });
    this.trabajador.on('failed', (job, e) =>
      this.logger.warn(`Envío ${job?.id} al canal ${job?.data.canal} falló (intento ${job?.attemptsMade}): ${e.message}`),
    );
    this.trabajador.on('error', (e) => this.logger.warn(`Cola de envíos: ${e.message}`));
    await this.trabajador.waitUntilReady();
  }

  async onApplicationShutdown(): Promise<void> {
    // the job being sent finishes; queued ones wait in Redis for any replica
    await this.trabajador?.close();
    await this.cola?.close();
  }

  /**
   * true when the channel delivered it (or, with Redis, when the delivery is queued); false
   * when the chat's channel cannot receive messages. A failure is logged; the message stays in
   * the history either way.
   */
  async enviar(canal: string, chatId: string, texto: string, idEnvio?: string): Promise<boolean> {
    const destino = this.canales.get(canal);
    if (!destino) return false;
    if (this.cola) {
      const intentos = this.config.get('ENVIOS_INTENTOS', { infer: true });
      await this.cola.add(
        'enviar',
        { canal, chatId, texto },
        {
          // BullMQ ignores a job whose id it already holds: a retried request does not send twice
          ...(idEnvio ? { jobId: idEnvio.replace(/:/g, '_') } : {}),
          attempts: intentos,
          backoff: { type: 'exponential', delay: this.config.get('ENVIOS_ESPERA_MS', { infer: true }) },
          removeOnComplete: { age: RECORDAR_MS / 1000 },
          removeOnFail: { age: (7 * RECORDAR_MS) / 1000 },
        },
      );
      return true;
    }
    try {
      await destino.enviar(chatId, texto);
      return true;
    } catch (e) {
      this.logger.error(`No se pudo entregar al canal ${canal} (chat ${chatId}): ${(e as Error).message}`);
      return false;
    }
  }

  private async entregar(job: Job<Envio>): Promise<void> {
    const destino = this.canales.get(job.data.canal);
    if (!destino) throw new Error(`canal ${job.data.canal} no disponible en esta réplica`);
    await destino.enviar(job.data.chatId, job.data.texto);
  }
}
