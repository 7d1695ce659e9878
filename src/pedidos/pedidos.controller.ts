import { Body, Controller, Get, Headers, Param, ParseIntPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { EstadoPedido, Pedido } from './pedido.entity';
import { CambiarEstadoDto, ConteoPedidosDto, CrearPedidoDto, ListarPedidosDto, ListarVentasDto, PedidoDto, RegistrarVentaDto, VentaDto } from './pedidos.dto';
import { PedidosService } from './pedidos.service';
import { Venta } from './venta.entity';

const CLAVE_IDEMPOTENCIA = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Una clave por intento de compra: repetir la petición con la misma clave devuelve el primer pedido (200) en vez de crear otro',
};

@ApiTags('pedidos')
@ApiPersonal()
@Controller('pedidos')
export class PedidosController {
  constructor(private readonly pedidos: PedidosService) {}

  @Get()
  @ApiOperation({ summary: 'Lista pedidos, los más recientes primero' })
  @ApiOkResponse({ schema: esquemaPagina(PedidoDto) })
  @ApiErrores(400)
  listar(@Query() f: ListarPedidosDto): Promise<Pagina<Pedido>> {
    return this.pedidos.listar(f);
  }

  @Post()
  @ApiOperation({ summary: 'Registra un pedido: líneas, ventas, stock y totales del cliente en una sola transacción' })
  @ApiHeader(CLAVE_IDEMPOTENCIA)
  @ApiCreatedResponse({ type: PedidoDto, description: 'Pedido creado' })
  @ApiOkResponse({ type: PedidoDto, description: 'La clave de idempotencia ya había registrado este pedido' })
  @ApiErrores(400, 409, 422)
  async crear(@Body() dto: CrearPedidoDto, @Headers('idempotency-key') clave: string | undefined, @Res({ passthrough: true }) res: Response): Promise<Pedido> {
    const { pedido, repetido } = await this.pedidos.crear(dto, clave?.trim() ? `api:${clave.trim().slice(0, 190)}` : undefined);
    if (repetido) res.status(200).setHeader('Idempotent-Replayed', 'true');
    return pedido;
  }

  @Get('conteos')
  @ApiOperation({ summary: 'Cuántos pedidos hay en cada estado, con los mismos filtros de la lista' })
  @ApiOkResponse({ schema: { example: { pendiente: 3, confirmado: 1, despachado: 0, entregado: 12, cancelado: 1 } } })
  @ApiErrores(400)
  conteos(@Query() f: ConteoPedidosDto): Promise<Record<EstadoPedido, number>> {
    return this.pedidos.conteos(f);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Un pedido con sus líneas' })
  @ApiOkResponse({ type: PedidoDto })
  @ApiErrores(400, 404)
  obtener(@Param('id', ParseIntPipe) id: number): Promise<Pedido> {
    return this.pedidos.obtener(id);
  }

  @Put(':id/estado')
  @ApiOperation({ summary: 'Mueve el pedido: pendiente → confirmado → despachado → entregado, o cancelado (devuelve el stock)' })
  @ApiOkResponse({ type: PedidoDto })
  @ApiErrores(400, 404, 409)
  cambiarEstado(@Param('id', ParseIntPipe) id: number, @Body() dto: CambiarEstadoDto): Promise<Pedido> {
    return this.pedidos.cambiarEstado(id, dto.estado);
  }
}

@ApiTags('ventas')
@ApiPersonal()
@Controller('venta')
export class VentasController {
  constructor(private readonly pedidos: PedidosService) {}

  @Get('ventas')
  @ApiOperation({ summary: 'Lista las ventas registradas (una por línea de pedido)' })
  @ApiOkResponse({ schema: esquemaPagina(VentaDto) })
  @ApiErrores(400)
  listar(@Query() f: ListarVentasDto): Promise<Pagina<Venta>> {
    return this.pedidos.listarVentas(f);
  }

  @Post('ventas')
  @ApiOperation({ summary: 'Registra una venta de mostrador: un pedido de una línea, con las mismas reglas de stock' })
  @ApiHeader(CLAVE_IDEMPOTENCIA)
  @ApiCreatedResponse({ type: VentaDto })
  @ApiErrores(400, 409, 422)
  async registrar(
    @Body() dto: RegistrarVentaDto,
    @Headers('idempotency-key') clave: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<Venta> {
    const { pedido, repetido } = await this.pedidos.crear(
      { cliente_cedula: dto.cliente_cedula, chat_id: dto.chat_id, items: [{ producto_id: dto.producto_id, cantidad: dto.cantidad }] },
      clave?.trim() ? `venta:${clave.trim().slice(0, 190)}` : undefined,
    );
    if (repetido) res.status(200).setHeader('Idempotent-Replayed', 'true');
    const [venta] = await this.pedidos.ventasDe(pedido.id);
    return venta;
  }
}
