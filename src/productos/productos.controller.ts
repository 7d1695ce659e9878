import { Body, Controller, Delete, Get, Param, ParseIntPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { Producto } from './producto.entity';
import { ActualizarProductoDto, BuscarProductosDto, BusquedaDto, CrearProductoDto, ListarProductosDto, ProductoDto } from './productos.dto';
import { ProductosService } from './productos.service';

@ApiTags('productos')
@ApiPersonal()
@Controller('productos')
export class ProductosController {
  constructor(private readonly productos: ProductosService) {}

  @Get('productos')
  @ApiOperation({ summary: 'Lista el catálogo con paginación y filtros' })
  @ApiOkResponse({ schema: esquemaPagina(ProductoDto) })
  @ApiErrores(400)
  listar(@Query() filtros: ListarProductosDto): Promise<Pagina<Producto>> {
    return this.productos.listar(filtros);
  }

  @Get('buscar')
  @ApiOperation({
    summary: 'Búsqueda semántica + léxica del catálogo activo',
    description: 'Tolera tildes, plurales, errores de tipeo y sinónimos (extinguidor → extintor). Devuelve el puntaje y qué coincidió.',
  })
  @ApiOkResponse({ type: BusquedaDto })
  @ApiErrores(400)
  async buscar(@Query() dto: BuscarProductosDto): Promise<BusquedaDto> {
    const { resultados, degradada } = await this.productos.buscar(dto);
    return { consulta: dto.q, degradada, resultados };
  }

  @Post('productos')
  @Roles('admin')
  @ApiOperation({ summary: 'Crea un producto (admin)' })
  @ApiCreatedResponse({ type: ProductoDto })
  @ApiErrores(400, 409)
  crear(@Body() dto: CrearProductoDto): Promise<Producto> {
    return this.productos.crear(dto);
  }

  @Get('productos/:id')
  @ApiOperation({ summary: 'Un producto' })
  @ApiOkResponse({ type: ProductoDto })
  @ApiErrores(400, 404)
  obtener(@Param('id', ParseIntPipe) id: number): Promise<Producto> {
    return this.productos.obtener(id);
  }

  @Put('productos/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Actualiza un producto (admin)' })
  @ApiOkResponse({ type: ProductoDto })
  @ApiErrores(400, 404, 409)
  actualizar(@Param('id', ParseIntPipe) id: number, @Body() dto: ActualizarProductoDto): Promise<Producto> {
    return this.productos.actualizar(id, dto);
  }

  @Delete('productos/:id')
  @Roles('admin')
  @ApiOperation({ summary: 'Desactiva un producto (admin); el historial lo conserva' })
  @ApiOkResponse({ type: ProductoDto })
  @ApiErrores(400, 404)
  desactivar(@Param('id', ParseIntPipe) id: number): Promise<Producto> {
    return this.productos.desactivar(id);
  }
}
