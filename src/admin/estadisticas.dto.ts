import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { Desde, Hasta } from '../common/dto/fechas.dto';

export class EstadisticasDto {
  @Desde()
  desde?: string;

  @Hasta()
  hasta?: string;

  @ApiPropertyOptional({ example: 5, default: 5, description: 'Stock a partir del cual un producto se considera bajo' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(100000)
  umbral_stock?: number;
}
