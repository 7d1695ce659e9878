import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Publico } from '../auth/decoradores';
import { ApiPersonal } from '../common/swagger';
import { MetricasService } from './metricas.service';

@ApiTags('metricas')
@Controller()
export class MetricasController {
  constructor(private readonly metricas: MetricasService) {}

  @Get('metrics')
  @Publico()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiProduces('text/plain')
  @ApiOperation({ summary: 'Los mismos contadores en formato Prometheus, para el scraper (sin datos de clientes)' })
  prometheus(): string {
    return this.metricas.prometheus();
  }

  @Get('logs/metrics/uso')
  @ApiPersonal()
  @ApiOperation({ summary: 'Uso desde el arranque: turnos, intenciones, llamadas a proveedores y su latencia, respaldos, bloqueos de la guardia' })
  @ApiOkResponse({
    schema: {
      example: {
        desde: '2026-11-25T05:00:00.000Z',
        contadores: { turnos: 120, 'intencion.venta': 70, 'guardia.bloqueos': 1, 'respaldo_local.interpretar': 2 },
        latencias: { 'proveedor.gemini:gemini-2.5-flash.interpretar': { llamadas: 118, errores: 2, promedio_ms: 420.5, max_ms: 1500.2 } },
      },
    },
  })
  uso() {
    return this.metricas.resumen();
  }
}
