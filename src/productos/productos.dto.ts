import { aBooleano } from '../common/dto/consulta';
import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  NotEquals,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import { PaginacionDto } from '../common/dto/paginacion.dto';

/** at most two decimals, whatever notation the number came in */
@ValidatorConstraint({ name: 'dosDecimales' })
class DosDecimales implements ValidatorConstraintInterface {
  validate(v: unknown): boolean {
    return typeof v === 'number' && Number.isFinite(v) && Math.abs(Math.round(v * 100) - v * 100) < 1e-6;
  }
  defaultMessage(): string {
    return 'precio: como máximo dos decimales';
  }
}

const recortar = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CrearProductoDto {
  @ApiProperty({ example: 'EXT-ABC-10', description: 'Código único del producto' })
  @Transform(recortar)
  @IsString()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, { message: 'sku: letras, números, punto, guion o guion bajo (máx. 64)' })
  sku: string;

  @ApiProperty({ example: 'Extintor multipropósito ABC 10 libras' })
  @Transform(recortar)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nombre: string;

  @ApiPropertyOptional({ example: 'Polvo químico seco para fuegos clase A, B y C.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  descripcion?: string;

  @ApiProperty({ example: 85000, description: 'Precio en pesos, hasta dos decimales' })
  // class-validator's maxDecimalPlaces throws on numbers written with an exponent (2e-323): checked by hand
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Validate(DosDecimales)
  @Min(0)
  @Max(999_999_999_999)
  precio: number;

  @ApiProperty({ example: 25 })
  @IsInt()
  @Min(0)
  @Max(1_000_000_000)
  stock: number;

  @ApiPropertyOptional({ example: 'extintores', default: 'general' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  categoria?: string;

  @ApiPropertyOptional({ example: true, default: true })
  @IsOptional()
  @IsBoolean()
  activo?: boolean;
}

export class ActualizarProductoDto extends PartialType(CrearProductoDto) {}

export class AjustarStockDto {
  @ApiProperty({ example: -2, description: 'Unidades que entran (positivo) o salen (negativo); el stock nunca queda bajo cero' })
  @IsInt()
  @NotEquals(0)
  @Min(-1_000_000_000)
  @Max(1_000_000_000)
  cambio: number;

  @ApiProperty({ example: 'Dos cascos llegaron rotos', description: 'Por qué: queda en la auditoría con quién y cuándo' })
  @Transform(recortar)
  @IsString()
  @MinLength(3)
  @MaxLength(300)
  motivo: string;
}

export class ListarProductosDto extends PaginacionDto {
  @ApiPropertyOptional({ example: 'extintores' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  categoria?: string;

  @ApiPropertyOptional({ description: 'Texto en nombre, SKU o descripción', example: 'casco' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Sin filtro: todos', example: true })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  activo?: boolean;
}

export class ProductoDto {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'EXT-ABC-10' }) sku: string;
  @ApiProperty({ example: 'Extintor multipropósito ABC 10 libras' }) nombre: string;
  @ApiProperty({ example: 'Polvo químico seco para fuegos clase A, B y C.' }) descripcion: string;
  @ApiProperty({ example: 85000 }) precio: number;
  @ApiProperty({ example: 25 }) stock: number;
  @ApiProperty({ example: 'extintores' }) categoria: string;
  @ApiProperty({ example: true }) activo: boolean;
  @ApiProperty() creado_en: Date;
  @ApiProperty() actualizado_en: Date;
}

export class BuscarProductosDto {
  @ApiProperty({ example: 'extinguidor 20 lb', description: 'Lo que escribiría un cliente: sin tildes, con errores o sinónimos' })
  @Transform(recortar)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q: string;

  @ApiPropertyOptional({ example: 10, default: 10, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limite = 10;

  @ApiPropertyOptional({ example: 'extintores' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsString()
  @MaxLength(100)
  categoria?: string;
}

export class ProductoEncontradoDto {
  @ApiProperty({ type: ProductoDto }) producto: ProductoDto;
  @ApiProperty({ example: 0.93, description: 'Relevancia fusionada (semántica + léxica + variantes); comparable dentro de una consulta' }) score: number;
  @ApiProperty({ example: 0.52, description: 'Similitud coseno del embedder' }) semantico: number;
  @ApiProperty({ example: 4.1, description: 'Puntaje BM25' }) lexico: number;
  @ApiProperty({ example: 1, description: 'Parte de los términos de la consulta que el producto contiene' }) cobertura: number;
  @ApiProperty({ example: [], description: 'Términos de la consulta que el producto no contiene' }) sinCoincidir: string[];
  @ApiProperty({
    example: ['extintor', '20lb', 'medida:lb=20', 'semantica'],
    description: 'Qué coincidió: términos ("término~" si se leyó como error de tipeo), variantes, sku, semántica',
  })
  coincidencias: string[];
}

export class BusquedaDto {
  @ApiProperty({ example: 'extinguidor 20 lb' }) consulta: string;
  @ApiProperty({ example: false, description: 'true si el proveedor de embeddings falló y respondió solo la búsqueda léxica' }) degradada: boolean;
  @ApiProperty({ type: [ProductoEncontradoDto] }) resultados: ProductoEncontradoDto[];
}
