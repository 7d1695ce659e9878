import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { aBooleano } from '../common/dto/consulta';
import { PaginacionDto } from '../common/dto/paginacion.dto';
import { TIPOS_ENTRADA, TipoEntrada } from './conocimiento.entity';

const recortar = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** "EXT-ABC-10, BOT-01" in a form field, or a JSON array; anything unreadable is left for the validators to refuse (400) */
const listaSkus = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (!value.trim().startsWith('[')) {
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  }
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
};

export class CrearConocimientoDto {
  @ApiProperty({ example: 'Recarga de extintores', maxLength: 200 })
  @Transform(recortar)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  titulo: string;

  @ApiProperty({
    enum: TIPOS_ENTRADA,
    example: 'faq',
    description: '`faq`: una pregunta con su respuesta; `documento`: un texto (una política, una sección de un manual)',
  })
  @IsIn(TIPOS_ENTRADA)
  tipo: TipoEntrada;

  @ApiPropertyOptional({ example: '¿Hacen recarga de extintores?', description: 'Obligatoria en una faq: la pregunta como la haría un cliente' })
  @ValidateIf((o: CrearConocimientoDto) => o.tipo === 'faq' || o.pregunta !== undefined)
  @Transform(recortar)
  @IsString()
  @MinLength(3)
  @MaxLength(500)
  pregunta?: string;

  @ApiProperty({
    example: 'Sí, recargamos extintores de todas las marcas: PQS, CO2, agua y solkaflam. La recarga tarda 24 horas y te prestamos un extintor mientras tanto.',
    description: 'La respuesta (faq) o el texto (documento). El agente responde solo con lo que diga aquí.',
    maxLength: 20000,
  })
  @Transform(recortar)
  @IsString()
  @MinLength(1)
  @MaxLength(20000)
  contenido: string;

  @ApiPropertyOptional({
    example: ['EXT-PQS-10', 'BOT-01'],
    description: 'SKUs del catálogo que esta entrada recomienda (un kit, una dotación)',
    type: [String],
  })
  @IsOptional()
  @Transform(listaSkus)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  productos_sku?: string[];

  @ApiPropertyOptional({ example: 'servicio_recarga', description: 'Etiqueta de tema para el equipo (letras, números y _)' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,50}$/)
  tema?: string;

  @ApiPropertyOptional({ example: true, default: true, description: 'Una entrada inactiva no se usa para responder' })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  activo?: boolean;
}

export class ActualizarConocimientoDto extends PartialType(CrearConocimientoDto) {}

export class ListarConocimientoDto extends PaginacionDto {
  @ApiPropertyOptional({ enum: TIPOS_ENTRADA })
  @IsOptional()
  @IsIn(TIPOS_ENTRADA)
  tipo?: TipoEntrada;

  @ApiPropertyOptional({ example: 'garantia_extintores' })
  @IsOptional()
  @IsString()
  tema?: string;

  @ApiPropertyOptional({ description: 'Texto en título, pregunta o contenido', example: 'recarga' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ description: 'Sin filtro: todas', example: true })
  @IsOptional()
  @Transform(aBooleano)
  @IsBoolean()
  activo?: boolean;
}

export class ImportarConocimientoDto {
  @ApiPropertyOptional({ example: 'garantias', description: 'Tema para todas las entradas del archivo' })
  @IsOptional()
  @Matches(/^[a-z0-9_]{1,50}$/)
  tema?: string;

  @ApiPropertyOptional({ example: 'EXT-PQS-10,BOT-01', description: 'SKUs que recomiendan todas las entradas del archivo (separados por coma)' })
  @IsOptional()
  @Transform(listaSkus)
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  productos_sku?: string[];
}

export class ConocimientoDto {
  @ApiProperty({ example: 12 }) id: number;
  @ApiProperty({ example: 'Recarga de extintores' }) titulo: string;
  @ApiProperty({ enum: TIPOS_ENTRADA, example: 'faq' }) tipo: TipoEntrada;
  @ApiProperty({ example: '¿Hacen recarga de extintores?', nullable: true }) pregunta: string | null;
  @ApiProperty({ example: 'Sí, recargamos extintores de todas las marcas…' }) contenido: string;
  @ApiProperty({ example: ['EXT-PQS-10'], type: [String] }) productos_sku: string[];
  @ApiProperty({ example: 'servicio_recarga', nullable: true }) tema: string | null;
  @ApiProperty({ example: null, nullable: true, description: 'Archivo del que se importó' }) origen: string | null;
  @ApiProperty({ example: true }) activo: boolean;
  @ApiProperty() creado_en: Date;
  @ApiProperty() actualizado_en: Date;
}
