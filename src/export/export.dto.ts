import { Desde, Hasta } from '../common/dto/fechas.dto';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { aBooleano } from '../common/dto/consulta';

export const RECURSOS = ['clientes', 'productos', 'pedidos', 'ventas'] as const;
export type Recurso = (typeof RECURSOS)[number];

export class ExportarDto {
  @ApiPropertyOptional({ enum: ['csv', 'xlsx'], default: 'csv' })
  @IsOptional()
  @IsIn(['csv', 'xlsx'])
  formato: 'csv' | 'xlsx' = 'csv';

  @Desde()
  desde?: string;

  @Hasta()
  hasta?: string;

  @ApiPropertyOptional({
    example: 'pendiente',
    description: 'pedidos: pendiente…cancelado; ventas: registrada | anulada; productos y clientes: activo | inactivo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  estado?: string;

  @ApiPropertyOptional({ example: '1020304050' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  cedula?: string;

  @ApiPropertyOptional({ example: false, description: 'Además de descargarlo, guardarlo en la carpeta exports/ del servidor' })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  guardar = false;
}
