import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Publico } from '../auth/decoradores';
import { RetrievalService } from '../retrieval/retrieval.service';

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
  ) {}

  @Get()
  @ApiOperation({ summary: 'Vivo: el proceso responde' })
  vivo() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Listo: base de datos alcanzable, migraciones aplicadas e índice de búsqueda construido (503 si no)' })
  listo() {
    return this.health.check([() => this.db.pingCheck('base_de_datos', { timeout: 3000 }), () => this.migraciones(), () => this.indice()]);
  }

  /** Which index and embedder run, and whether vectors are there; lexical search works either way. */
  private async indice(): Promise<HealthIndicatorResult> {
    const i = this.indicador.check('indice');
    const estado = await this.retrieval.estadoIndice();
    return estado.estado === 'listo' ? i.up({ ...estado }) : i.down({ ...estado });
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
