import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Publico } from '../auth/decoradores';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { ConexionRedis, INSTANCIA_ID, REDIS, REDIS_PREFIJO } from '../redis/redis.module';
import { CambiosService } from '../retrieval/cambios.service';
import { ColeccionesService } from '../retrieval/colecciones.service';
import { RetrievalService } from '../retrieval/retrieval.service';
import { titularArriendo } from '../telegram/arriendo';

@ApiTags('health')
@Publico()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicador: HealthIndicatorService,
    private readonly dataSource: DataSource,
    private readonly retrieval: RetrievalService,
    private readonly cambios: CambiosService,
    private readonly colecciones: ColeccionesService,
    @Inject(REDIS) private readonly redis: ConexionRedis,
    @Inject(INSTANCIA_ID) private readonly instancia: string,
    @Inject(REDIS_PREFIJO) private readonly prefijo: string,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Vivo: el proceso responde' })
  vivo() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary:
      'Listo: instancia, base de datos alcanzable, migraciones aplicadas, índice de búsqueda construido, Redis (si se configuró), retraso del flujo de cambios y qué réplica lee Telegram; 503 si no',
  })
  listo() {
    return this.health.check([
      () => this.indicador.check('instancia').up({ id: this.instancia, pid: process.pid }),
      () => this.db.pingCheck('base_de_datos', { timeout: 3000 }),
      () => this.migraciones(),
      () => this.indice(),
      () => this.indicesColecciones(),
      () => this.redisListo(),
      () => this.telegram(),
      async () => this.indicador.check('cambios').up({ ...(await this.cambios.estado()) }),
    ]);
  }

  /** Telegram's mode and, when replicas share the polling lease, which one holds it. Informative: never makes the replica unready. */
  private async telegram(): Promise<HealthIndicatorResult> {
    const i = this.indicador.check('telegram');
    if (!this.config.get('TELEGRAM_TOKEN', { infer: true })) return i.up({ activo: false });
    const modo = this.config.get('TELEGRAM_MODE', { infer: true });
    if (modo === 'webhook' || !this.redis) return i.up({ activo: true, modo, sondea: modo === 'polling' ? this.instancia : null });
    const titular = await titularArriendo(this.redis, this.prefijo).catch(() => null);
    return i.up({ activo: true, modo, sondea: titular, propio: titular === this.instancia });
  }

  /** Without REDIS_URL this is a single instance and Redis is not needed; with it, a replica that cannot reach it is not ready. */
  private async redisListo(): Promise<HealthIndicatorResult> {
    const i = this.indicador.check('redis');
    if (!this.redis) return i.up({ configurado: false });
    const inicio = performance.now();
    try {
      await Promise.race([this.redis.ping(), new Promise((_, no) => setTimeout(() => no(new Error('sin respuesta en 2 s')), 2000).unref())]);
      return i.up({ configurado: true, latencia_ms: Math.round((performance.now() - inicio) * 10) / 10 });
    } catch (e) {
      return i.down({ configurado: true, error: (e as Error).message });
    }
  }

  /** Which index and embedder run, and whether vectors are there; lexical search works either way. */
  private async indice(): Promise<HealthIndicatorResult> {
    const i = this.indicador.check('indice');
    const estado = await this.retrieval.estadoIndice();
    return estado.estado === 'listo' ? i.up({ ...estado }) : i.down({ ...estado });
  }

  /** The other collections' indexes (knowledge passages), one indicator each: indice_conocimiento. */
  private async indicesColecciones(): Promise<HealthIndicatorResult> {
    const resultado: HealthIndicatorResult = {};
    for (const [nombre, estado] of Object.entries(await this.colecciones.estados())) {
      const i = this.indicador.check(`indice_${nombre}`);
      Object.assign(resultado, estado.estado === 'listo' ? i.up({ ...estado }) : i.down({ ...estado }));
    }
    return resultado;
  }

  private async migraciones(): Promise<HealthIndicatorResult> {
    const i = this.indicador.check('migraciones');
    try {
      const pendientes = await this.dataSource.showMigrations();
      return pendientes ? i.down({ pendientes: true }) : i.up({ motor: this.dataSource.options.type });
    } catch (e) {
      return i.down({ error: (e as Error).message });
    }
  }
}
