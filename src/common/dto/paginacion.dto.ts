import { Codigo } from '../errores';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const LIMITE_MAXIMO = 100;

export class PaginacionDto {
  @ApiPropertyOptional({ minimum: 1, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  pagina = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: LIMITE_MAXIMO, default: 20, example: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(LIMITE_MAXIMO)
  limite = 20;

  get saltar(): number {
    return (this.pagina - 1) * this.limite;
  }
}

export interface Pagina<T> {
  items: T[];
  total: number;
  pagina: number;
  limite: number;
  paginas: number;
}

export function pagina<T>(items: T[], total: number, p: PaginacionDto): Pagina<T> {
  return { items, total, pagina: p.pagina, limite: p.limite, paginas: Math.ceil(total / p.limite) };
}

/** Swagger schema of a page of T */
export function esquemaPagina(modelo: new (...args: never[]) => unknown) {
  return {
    type: 'object',
    properties: {
      items: { type: 'array', items: { $ref: `#/components/schemas/${modelo.name}` } },
      total: { type: 'integer', example: 42 },
      pagina: { type: 'integer', example: 1 },
      limite: { type: 'integer', example: 20 },
      paginas: { type: 'integer', example: 3 },
    },
  };
}

export class ErrorDto {
  @ApiProperty({ example: 404 }) statusCode: number;
  @ApiProperty({ example: 'Not Found' }) error: string;
  @ApiProperty({ example: 'El producto 7 no existe' }) message: string;
  @ApiProperty({ enum: Codigo, enumName: 'Codigo', example: Codigo.NO_ENCONTRADO, description: 'Código estable del error: decide con él, no con el status' })
  codigo: Codigo;
  @ApiProperty({ example: '3f2b9c1e-8a4d-4f7e-9b1a-2c5d6e7f8a90', description: 'El id de la petición (X-Request-Id), el mismo de los logs' })
  request_id: string;
  @ApiPropertyOptional({ example: { campo: ['mensaje'] } }) details?: unknown;
}
