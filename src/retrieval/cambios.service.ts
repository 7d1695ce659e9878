import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource, EntityManager, LessThan, MoreThan, Repository } from 'typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { TransaccionesService } from '../database/transacciones.service';
import { ConexionRedis, REDIS, REDIS_PREFIJO } from '../redis/redis.module';
import { Cambio } from './cambio.entity';

/** Applies the changed keys of one topic to what this replica keeps in memory. Must be idempotent. */
export type Seguidor = (claves: string[]) => Promise<void>;

export interface EstadoCambios {
  /** last change applied on this replica */
  version: number;
  /** changes committed and not applied here yet */
  pendientes: number;
  /** from the last applied change's commit to its application here */
  ultimo_retraso_ms: number | null;
  /** receiving Redis notifications (false without Redis: this replica polls, or is alone) */
  suscrito: boolean;
}

const LOTE = 500;
const CLAVES_POR_FILA = 1000;
/** serialises writers' inserts, so versions become visible in order (no later version seen before an earlier one) */
const LLAVE_ESCRITORES = 7_315_001;
const RETENCION_MS = 24 * 3600 * 1000;

/**
 * The change feed every replica follows: writers add a row to `cambios` inside their own
 * transaction (`registrar`) and announce it after the commit (`difundir`), on Redis pub/sub when
 * there is one. Each replica applies every row past its version, in order, to the followers of
 * that topic (`seguir`); after a reconnect, a missed message or a restart it catches up by
 * version, and a slow poll covers anything else. The writer's own replica has applied its change
 * when `difundir` returns.
 */
@Injectable()
export class CambiosService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(CambiosService.name);
  private readonly seguidores = new Map<string, Seguidor[]>();
  private version = 0;
  private ultimoRetrasoMs: number | null = null;
  private enCurso?: Promise<void>;
  private otraVez = false;
  private suscriptor?: Redis;
  private sondeo?: NodeJS.Timeout;
  private cerrado = false;

  constructor(
    @InjectRepository(Cambio) private readonly cambios: Repository<Cambio>,
    private readonly dataSource: DataSource,
    private readonly tx: TransaccionesService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
    @Inject(REDIS) private readonly redis: ConexionRedis,
    @Inject(REDIS_PREFIJO) private readonly prefijo: string,
  ) {}

  private get canal(): string {
    return `${this.prefijo}cambios`;
  }

  /** Followers build their state from the database at start-up; the feed carries on from the version read before that. */
  async onModuleInit(): Promise<void> {
    this.version = await this.ultimaVersion();
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.cambios.delete({ creado_en: LessThan(new Date(Date.now() - RETENCION_MS)) }).catch(() => undefined);
    if (this.redis) {
      this.suscriptor = this.redis.duplicate();
      this.suscriptor.on('message', () => void this.alcanzar());
      // after a reconnect, whatever was announced meanwhile is read by version
      this.suscriptor.on('ready', () => void this.alcanzar());
      this.suscriptor.on('error', (e: Error) => this.logger.warn(`Suscripción a cambios: ${e.message}`));
      await this.suscriptor.subscribe(this.canal);
    }
    this.sondeo = setInterval(() => void this.alcanzar(), this.config.get('CAMBIOS_SONDEO_MS', { infer: true }));
    this.sondeo.unref();
    await this.alcanzar();
  }

  async onApplicationShutdown(): Promise<void> {
    this.cerrado = true;
    clearInterval(this.sondeo);
    this.suscriptor?.disconnect();
    await this.enCurso;
  }

  /** Registers a follower of a topic ('productos', 'conocimiento', …): called on every replica, this one included. */
  seguir(tema: string, seguidor: Seguidor): void {
    this.seguidores.set(tema, [...(this.seguidores.get(tema) ?? []), seguidor]);
  }

  /** Records a change inside the writer's transaction: it exists exactly when the data does. */
  async registrar(m: EntityManager, tema: string, claves: Array<string | number>): Promise<void> {
    if (claves.length === 0) return;
    if (this.dataSource.options.type === 'postgres') await m.query('SELECT pg_advisory_xact_lock($1)', [LLAVE_ESCRITORES]);
    for (let i = 0; i < claves.length; i += CLAVES_POR_FILA) await m.insert(Cambio, { tema, claves: claves.slice(i, i + CLAVES_POR_FILA).map(String) });
  }

  /** After the commit: applied on this replica before it returns, announced to the others. Never throws. */
  async difundir(): Promise<void> {
    await this.alcanzar();
    await this.redis?.publish(this.canal, String(this.version)).catch((e: Error) => this.logger.warn(`No se pudo anunciar el cambio: ${e.message}`));
  }

  /** registrar + difundir, for a writer without a transaction of its own */
  async publicar(tema: string, claves: Array<string | number>): Promise<void> {
    await this.tx.ejecutar((m) => this.registrar(m, tema, claves));
    await this.difundir();
  }

  async estado(): Promise<EstadoCambios> {
    const ultima = await this.ultimaVersion().catch(() => this.version);
    return {
      version: this.version,
      pendientes: Math.max(0, ultima - this.version),
      ultimo_retraso_ms: this.ultimoRetrasoMs,
      suscrito: this.suscriptor?.status === 'ready',
    };
  }

  /** One catch-up at a time; a request during one gets one more round, so its change is included. */
  private alcanzar(): Promise<void> {
    if (this.cerrado) return Promise.resolve();
    if (this.enCurso) {
      this.otraVez = true;
      return this.enCurso;
    }
    this.enCurso = (async () => {
      do {
        this.otraVez = false;
        await this.leer().catch((e: Error) => this.logger.warn(`No se pudieron leer los cambios: ${e.message}`));
      } while (this.otraVez && !this.cerrado);
    })().finally(() => (this.enCurso = undefined));
    return this.enCurso;
  }

  private async leer(): Promise<void> {
    for (;;) {
      const filas = await this.cambios.find({ where: { id: MoreThan(this.version) }, order: { id: 'ASC' }, take: LOTE });
      for (const f of filas) {
        for (const seguidor of this.seguidores.get(f.tema) ?? []) {
          // a follower that fails (an embedder down) must not stop the feed: the row is not read twice
          await seguidor(f.claves).catch((e: Error) => this.logger.warn(`Cambio ${f.id} (${f.tema}) sin aplicar: ${e.message}`));
        }
        this.version = f.id;
        this.ultimoRetrasoMs = Math.max(0, Date.now() - new Date(f.creado_en).getTime());
      }
      if (filas.length < LOTE) return;
    }
  }

  private async ultimaVersion(): Promise<number> {
    const r = await this.cambios.createQueryBuilder('c').select('MAX(c.id)', 'max').getRawOne<{ max: number | string | null }>();
    return Number(r?.max ?? 0);
  }
}
