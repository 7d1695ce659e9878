import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { aBooleano } from '../productos/productos.dto';

export const RECURSOS = ['clientes', 'productos', 'pedidos', 'ventas'] as const;
export type Recurso = (typeof RECURSOS)[number];

export class ExportarDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional() @IsIn(['csv', 'xlsx'])
  formato: 'csv' | 'xlsx' = 'csv';

  @ApiPropertyOptional({ example: '2026-11-01', description: 'Desde (ISO 8601), inclusive' })
  @IsOptional() @IsDateString()
  desde?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'Hasta (ISO 8601), inclusive; una fecha sola cubre todo ese día' })
  @IsOptional() @IsDateString()
  hasta?: string;

  @ApiPropertyOptional({ example: 'pendiente', description: 'pedidos: pendiente…cancelado; ventas: registrada | anulada; productos y clientes: activo | inactivo' })
  @IsOptional() @IsString() @MaxLength(20)
  estado?: string;

  @ApiPropertyOptional({ example: '1020304050' })
  @IsOptional() @IsString() @MaxLength(20)
  cedula?: string;

  @ApiPropertyOptional({ example: false, description: 'Además de descargarlo, guardarlo en la carpeta exports/ del servidor' })
  @IsOptional() @Transform(aBooleano) @IsBoolean()
  guardar = false;
}
