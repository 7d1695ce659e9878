import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { EstadisticasDto } from './estadisticas.dto';
import { EstadisticasService } from './estadisticas.service';
import { ReporteSincronizacionDto } from './sincronizacion.dto';
import { ColeccionesService } from '../retrieval/colecciones.service';
import { RetrievalService } from '../retrieval/retrieval.service';

@ApiTags('admin')
@ApiPersonal()
@Controller('admin')
export class AdminController {
  constructor(
    private readonly retrieval: RetrievalService,
    private readonly colecciones: ColeccionesService,
    private readonly estadisticas: EstadisticasService,
  ) {}

  @Get('estadisticas')
  @ApiOperation({
    summary: 'Ventas, pedidos por estado, más vendidos, mejores clientes, embudo chat → pedido, bajo stock, serie diaria y productos pedidos que no se manejan',
  })
  @ApiOkResponse({
    schema: {
      example: {
        rango: { desde: '2026-11-01', hasta: '2026-11-30' },
        ventas: { total: 1250000, pedidos: 14, ticket_promedio: 89285.71 },
        pedidos_por_estado: { pendiente: 3, confirmado: 5, entregado: 6, cancelado: 1 },
        top_productos: [{ producto_id: 7, nombre: 'Casco de seguridad amarillo', unidades: 40, total: 1120000 }],
        top_clientes: [{ cedula: '1020304050', nombre: 'Ana Gómez', pedidos: 3, total: 410000 }],
        embudo: {
          etapas: { conversaciones: 40, con_carrito: 25, dando_datos: 18, con_pedido: 14 },
          mayor_abandono: { desde: 'conversaciones', hasta: 'con_carrito', perdidos: 15 },
        },
        conversion: 0.35,
        bajo_stock: [{ id: 43, sku: 'CAM-RIG', nombre: 'Camilla rígida de polietileno', stock: 3 }],
        serie_diaria: [{ fecha: '2026-11-25', pedidos: 4, total: 356000 }],
        no_encontrados: [{ texto: 'taladro', veces: 3 }],
      },
    },
  })
  @ApiErrores(400)
  verEstadisticas(@Query() dto: EstadisticasDto) {
    return this.estadisticas.calcular(dto);
  }

  @Post('productos/sincronizar')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Reconstruye los índices de búsqueda (catálogo y base de conocimiento) desde la base de datos (admin)' })
  @ApiOkResponse({ type: ReporteSincronizacionDto })
  sincronizar(): Promise<ReporteSincronizacionDto> {
    return this.reconstruir();
  }

  @Get('productos/sincronizar')
  @Roles('admin')
  @ApiOperation({ summary: 'Alias GET de la sincronización (compatibilidad con el sistema anterior)' })
  @ApiOkResponse({ type: ReporteSincronizacionDto })
  sincronizarAlias(): Promise<ReporteSincronizacionDto> {
    return this.reconstruir();
  }

  /** the catalog's index, then every other collection's (knowledge passages) */
  private async reconstruir(): Promise<ReporteSincronizacionDto> {
    const catalogo = await this.retrieval.sincronizar();
    return { ...catalogo, colecciones: await this.colecciones.sincronizar() };
  }
}
