import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { archivoExigido } from '../common/validacion';
import { Producto } from './producto.entity';
import { ActualizarProductoDto, AjustarStockDto, BuscarProductosDto, BusquedaDto, CrearProductoDto, ListarProductosDto, ProductoDto } from './productos.dto';
import { ProductosService } from './productos.service';
import { ImportacionService, ReporteImportacion } from './importacion.service';

@ApiTags('productos')
@ApiPersonal()
@Controller('productos')
export class ProductosController {
  constructor(
    private readonly productos: ProductosService,
    private readonly importacion: ImportacionService,
  ) {}

  @Post('importar')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(FileInterceptor('archivo', { limits: { fileSize: 20 * 1024 * 1024, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['archivo'],
      properties: {
        archivo: {
          type: 'string',
          format: 'binary',
          description: 'CSV (coma o punto y coma) o XLSX, ≤ 20 MB, con encabezados sku, nombre, descripcion, precio, stock, categoria, activo',
        },
      },
    },
  })
  @ApiOperation({
    summary: 'Carga el catálogo desde una hoja de cálculo (admin): crea o actualiza por sku',
    description:
      'Cada fila se valida como en POST /productos/productos; las válidas se guardan por lotes (cada uno en su transacción, de modo que el chat sigue atendiendo durante una importación grande) y el índice de búsqueda las sigue. Un archivo ilegible no cambia nada (400); si algo falla a mitad, volver a importar el mismo archivo la completa (upsert por sku).',
  })
  @ApiOkResponse({
    schema: {
      example: {
        formato: 'xlsx',
        filas: 120,
        creados: 100,
        actualizados: 18,
        rechazados: [{ fila: 7, sku: 'CAS-XX', motivos: ['precio must not be less than 0'] }],
      },
    },
  })
  @ApiErrores(400, 413)
  importar(@UploadedFile() archivo: Express.Multer.File | undefined): Promise<ReporteImportacion> {
    return this.importacion.importar(archivoExigido(archivo, 'archivo').buffer);
  }

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

  @Post('productos/:id/stock')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    summary: 'Ajusta el stock con un motivo (admin): entradas y salidas a mano, que la auditoría conserva',
    description: 'El cambio es relativo (+5 entran, -2 salen) y nunca deja el stock bajo cero (409).',
  })
  @ApiOkResponse({ type: ProductoDto })
  @ApiErrores(400, 404, 409)
  ajustarStock(@Param('id', ParseIntPipe) id: number, @Body() dto: AjustarStockDto): Promise<Producto> {
    return this.productos.ajustarStock(id, dto);
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
