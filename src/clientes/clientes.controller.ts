import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { Pedido } from '../pedidos/pedido.entity';
import { ListarPedidosDto, PedidoDto } from '../pedidos/pedidos.dto';
import { PedidosService } from '../pedidos/pedidos.service';
import { Cliente } from './cliente.entity';
import { ActualizarClienteDto, BuscarClientesDto, ClienteDto, CrearClienteDto, ListarClientesDto } from './clientes.dto';
import { ClientesService } from './clientes.service';
import { DatosPersonalesService, ResultadoBorrado } from './datos-personales.service';
import { Roles } from '../auth/decoradores';

@ApiTags('clientes')
@ApiPersonal()
@Controller('clientes')
export class ClientesController {
  constructor(
    private readonly clientes: ClientesService,
    private readonly pedidos: PedidosService,
    private readonly datosPersonales: DatosPersonalesService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Lista clientes; `busqueda` filtra por nombre, cédula o teléfono' })
  @ApiOkResponse({ schema: esquemaPagina(ClienteDto) })
  @ApiErrores(400)
  listar(@Query() f: ListarClientesDto): Promise<Pagina<Cliente>> {
    return this.clientes.listar(f);
  }

  @Post()
  @ApiOperation({ summary: 'Registra un cliente' })
  @ApiCreatedResponse({ type: ClienteDto })
  @ApiErrores(400, 409)
  crear(@Body() dto: CrearClienteDto): Promise<Cliente> {
    return this.clientes.crear(dto);
  }

  @Get('buscar')
  @ApiOperation({ summary: 'Hasta 20 clientes por nombre, cédula o teléfono' })
  @ApiOkResponse({ type: [ClienteDto] })
  @ApiErrores(400)
  buscar(@Query() { q }: BuscarClientesDto): Promise<Cliente[]> {
    return this.clientes.buscar(q);
  }

  @Get(':cedula')
  @ApiOperation({ summary: 'Un cliente' })
  @ApiOkResponse({ type: ClienteDto })
  @ApiErrores(404)
  obtener(@Param('cedula') cedula: string): Promise<Cliente> {
    return this.clientes.obtener(cedula);
  }

  @Get(':cedula/historial')
  @ApiOperation({ summary: 'Los pedidos del cliente, los más recientes primero' })
  @ApiOkResponse({ schema: esquemaPagina(PedidoDto) })
  @ApiErrores(400, 404)
  async historial(@Param('cedula') cedula: string, @Query() f: ListarPedidosDto): Promise<Pagina<Pedido>> {
    await this.clientes.obtener(cedula);
    return this.pedidos.historialDe(cedula, f);
  }

  @Put(':cedula')
  @ApiOperation({ summary: 'Actualiza los datos de un cliente' })
  @ApiOkResponse({ type: ClienteDto })
  @ApiErrores(400, 404)
  actualizar(@Param('cedula') cedula: string, @Body() dto: ActualizarClienteDto): Promise<Cliente> {
    return this.clientes.actualizar(cedula, dto);
  }

  @Delete(':cedula')
  @ApiOperation({ summary: 'Desactiva un cliente; sus pedidos y ventas se conservan' })
  @ApiOkResponse({ type: ClienteDto })
  @ApiErrores(404)
  desactivar(@Param('cedula') cedula: string): Promise<Cliente> {
    return this.clientes.desactivar(cedula);
  }

  @Get(':cedula/datos-personales')
  @Roles('admin')
  @ApiOperation({ summary: 'Todo lo que la tienda guarda del cliente: datos, pedidos y conversaciones (Ley 1581, derecho de acceso; admin)' })
  @ApiErrores(404)
  exportarDatos(@Param('cedula') cedula: string) {
    return this.datosPersonales.exportar(cedula);
  }

  @Delete(':cedula/datos-personales')
  @Roles('admin')
  @ApiOperation({
    summary: 'Borra los datos personales a petición del titular (Ley 1581; admin)',
    description:
      'Los pedidos y ventas pasan a un cliente anónimo (un HMAC de la cédula con un secreto del servidor) con los mismos totales, así las cifras del negocio no cambian. ' +
      'Se borran el cliente y los datos de entrega de sus pedidos; sus conversaciones pierden el estado, sus mensajes quedan sin cédula, teléfono, correo, dirección ni nombre, ' +
      'y cambian de id, así el id del canal (Telegram) ya no lleva a ellas y un mensaje posterior empieza de cero.',
  })
  @ApiOkResponse({ schema: { example: { cedula_anonima: 'anon-3f2a9c0d1e4b5a6', pedidos_conservados: 2, chats_desvinculados: 1, mensajes_redactados: 14 } } })
  @ApiErrores(404)
  async borrarDatos(@Param('cedula') cedula: string, @Req() req: { params: Record<string, string>; originalUrl: string }): Promise<ResultadoBorrado> {
    const r = await this.datosPersonales.borrar(cedula);
    // the audit log (written after this returns) records the erasure under the pseudonym, not the cédula
    req.params.cedula = r.cedula_anonima;
    req.originalUrl = req.originalUrl.split(cedula).join(r.cedula_anonima);
    return r;
  }
}
