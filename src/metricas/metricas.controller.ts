import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiPersonal } from '../common/swagger';
import { MetricasService } from './metricas.service';

@ApiTags('metricas')
@ApiPersonal()
@Controller('logs/metrics')
export class MetricasController {
  constructor(private readonly metricas: MetricasService) {}

  @Get('uso')
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
