import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, HealthIndicatorResult, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Publico } from '../auth/decoradores';

@ApiTags('health')
@Publico()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicador: HealthIndicatorService,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Vivo: el proceso responde' })
  vivo() {
    return { status: 'ok' };
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Listo: base de datos alcanzable y migraciones aplicadas (503 si no)' })
  listo() {
    return this.health.check([() => this.db.pingCheck('base_de_datos', { timeout: 3000 }), () => this.migraciones()]);
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
