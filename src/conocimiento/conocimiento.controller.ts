import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decoradores';
import { esquemaPagina, Pagina } from '../common/dto/paginacion.dto';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { archivoExigido } from '../common/validacion';
import { ActualizarConocimientoDto, ConocimientoDto, CrearConocimientoDto, ImportarConocimientoDto, ListarConocimientoDto } from './conocimiento.dto';
import { Conocimiento } from './conocimiento.entity';
import { EntradasService, ReporteImportacionConocimiento } from './entradas.service';

const LIMITE_ARCHIVO = 10 * 1024 * 1024;

@ApiTags('conocimiento')
@ApiPersonal()
@Controller('conocimiento')
export class ConocimientoController {
  constructor(private readonly entradas: EntradasService) {}

  @Get()
  @ApiOperation({ summary: 'Entradas de la base de conocimiento (preguntas frecuentes y documentos) con las que el agente responde' })
  @ApiOkResponse({ schema: esquemaPagina(ConocimientoDto) })
  @ApiErrores(400)
  listar(@Query() filtros: ListarConocimientoDto): Promise<Pagina<Conocimiento>> {
    return this.entradas.listar(filtros);
  }

  @Post()
  @Roles('admin')
  @ApiOperation({
    summary: 'Crea una entrada (admin)',
    description: 'El agente la usa desde ese momento. `productos_sku` deben existir en el catálogo (422 si no); una faq necesita `pregunta`.',
  })
  @ApiCreatedResponse({ type: ConocimientoDto })
  @ApiErrores(400, 422)
  crear(@Body() dto: CrearConocimientoDto): Promise<Conocimiento> {
    return this.entradas.crear(dto);
  }

  @Post('importar')
  @HttpCode(200)
  @Roles('admin')
  @UseInterceptors(FileInterceptor('archivo', { limits: { fileSize: LIMITE_ARCHIVO, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['archivo'],
      properties: {
        archivo: { type: 'string', format: 'binary', description: 'Markdown (.md), texto (.txt) o PDF con texto, ≤ 10 MB' },
        tema: { type: 'string', example: 'garantias' },
        productos_sku: { type: 'string', example: 'EXT-ABC-10,SEN-EXT' },
      },
    },
  })
  @ApiOperation({
    summary: 'Importa un documento (admin): una entrada por sección, cortada en pasajes por párrafos',
    description:
      'Las secciones salen de los títulos (# en Markdown; líneas cortas sin punto final en texto y PDF). Importar otra vez un archivo con el mismo nombre reemplaza sus entradas anteriores. El agente responde con ellas enseguida.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        archivo: 'politicas.pdf',
        formato: 'pdf',
        reemplazadas: 0,
        entradas: [
          { id: 31, titulo: 'Garantía de cascos', pasajes: 1 },
          { id: 32, titulo: 'Cambios y devoluciones', pasajes: 2 },
        ],
        pasajes: 3,
      },
    },
  })
  @ApiErrores(400, 413, 415, 422)
  importar(@UploadedFile() archivo: Express.Multer.File | undefined, @Body() dto: ImportarConocimientoDto): Promise<ReporteImportacionConocimiento> {
    return this.entradas.importar(archivoExigido(archivo, 'archivo'), dto);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Una entrada' })
  @ApiOkResponse({ type: ConocimientoDto })
  @ApiErrores(400, 404)
  obtener(@Param('id', ParseIntPipe) id: number): Promise<Conocimiento> {
    return this.entradas.obtener(id);
  }

  @Put(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Cambia una entrada (admin); el agente responde con la versión nueva desde ya' })
  @ApiOkResponse({ type: ConocimientoDto })
  @ApiErrores(400, 404, 422)
  actualizar(@Param('id', ParseIntPipe) id: number, @Body() dto: ActualizarConocimientoDto): Promise<Conocimiento> {
    return this.entradas.actualizar(id, dto);
  }

  @Delete(':id')
  @Roles('admin')
  @ApiOperation({ summary: 'Borra una entrada (admin); para dejar de usarla sin borrarla, PUT con activo: false' })
  @ApiOkResponse({ type: ConocimientoDto })
  @ApiErrores(400, 404)
  eliminar(@Param('id', ParseIntPipe) id: number): Promise<Conocimiento> {
    return this.entradas.eliminar(id);
  }
}
