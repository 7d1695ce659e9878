import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PaginacionDto } from '../common/dto/paginacion.dto';

const recortar = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CrearClienteDto {
  @ApiProperty({ example: '1020304050', description: 'Cédula o NIT: dígitos, letras o guion (5 a 20)' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s.]/g, '') : value))
  @IsString()
  @Matches(/^[0-9A-Za-z-]{5,20}$/, { message: 'cedula: de 5 a 20 dígitos o letras' })
  cedula: string;

  @ApiProperty({ example: 'María Fernanda Ruiz' })
  @Transform(recortar)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nombre_completo: string;

  @ApiPropertyOptional({ example: '3001234567' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/[\s()-]/g, '') : value))
  @IsString()
  @Matches(/^\+?\d{7,15}$/, { message: 'telefono: de 7 a 15 dígitos, con + opcional' })
  telefono?: string;

  @ApiPropertyOptional({ example: 'maria@correo.co' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @IsEmail()
  correo?: string;

  @ApiPropertyOptional({ example: 'Calle 10 # 43-20, apto 301' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  direccion?: string;

  @ApiPropertyOptional({ example: 'El Poblado' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  barrio?: string;

  @ApiPropertyOptional({ example: 'Portería, dejar con el vigilante' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  indicaciones_adicionales?: string;

  @ApiPropertyOptional({ example: 'Prefiere entregas en la mañana' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notas?: string;
}

export class ActualizarClienteDto extends PartialType(OmitType(CrearClienteDto, ['cedula'] as const)) {
  @ApiPropertyOptional({ example: true })
  @IsOptional()
  @IsBoolean()
  activo?: boolean;
}

export class ListarClientesDto extends PaginacionDto {
  @ApiPropertyOptional({ description: 'Nombre, cédula o teléfono', example: 'maria' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  busqueda?: string;
}

export class BuscarClientesDto {
  @ApiProperty({ description: 'Nombre, cédula o teléfono', example: '30012' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  q: string;
}

export class ClienteDto extends CrearClienteDto {
  @ApiProperty() fecha_registro: Date;
  @ApiPropertyOptional() fecha_ultima_compra: Date | null;
  @ApiProperty({ example: 3 }) total_compras: number;
  @ApiProperty({ example: 255000 }) valor_total_compras: number;
  @ApiProperty({ example: true }) activo: boolean;
}
