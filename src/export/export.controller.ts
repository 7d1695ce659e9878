import { Controller, Get, Param, ParseEnumPipe, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ExportarDto, Recurso, RECURSOS } from './export.dto';
import { ExportService, TIPOS } from './export.service';

const PorRecurso = Object.fromEntries(RECURSOS.map((r) => [r, r]));

@ApiTags('exportar')
@ApiPersonal()
@Controller('exportar')
export class ExportController {
  constructor(private readonly exportaciones: ExportService) {}

  @Get(':recurso')
  @ApiOperation({
    summary: 'Descarga clientes, productos, pedidos o ventas en CSV (UTF-8 con BOM) o XLSX',
    description:
      'Encabezados en español, fechas ISO 8601, dinero exacto. Se transmite por partes: sirve para cientos de miles de filas. Celdas que empiezan por = + - @ se neutralizan.',
  })
  @ApiParam({ name: 'recurso', enum: RECURSOS })
  @ApiProduces(TIPOS.csv, TIPOS.xlsx)
  @ApiResponse({ status: 200, description: 'El archivo; con guardar=true, la cabecera X-Archivo-Guardado dice dónde quedó la copia' })
  @ApiErrores(400)
  async exportar(@Param('recurso', new ParseEnumPipe(PorRecurso)) recurso: Recurso, @Query() f: ExportarDto, @Res() res: Response): Promise<void> {
    const nombre = this.exportaciones.nombreArchivo(recurso, f.formato);
    res.setHeader('Content-Type', TIPOS[f.formato]);
    res.setHeader('Content-Disposition', `attachment; filename="${nombre}"`);
    if (f.guardar) res.setHeader('X-Archivo-Guardado', `exports/${nombre}`);
    await this.exportaciones.exportar(recurso, f, res, nombre);
  }
}
