import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class CrearClaveDto {
  @ApiProperty({ example: 'Sitio web', description: 'Para qué es la clave: quién la usará' })
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  nombre: string;
}

export class ClaveIntegracionDto {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'Sitio web' }) nombre: string;
  @ApiProperty({ example: 'av_3kQ9', description: 'Los primeros caracteres de la clave, para reconocerla' }) prefijo: string;
  @ApiProperty({ example: true }) activa: boolean;
  @ApiProperty() creado_en: Date;
}

export class ClaveCreadaDto extends ClaveIntegracionDto {
  @ApiProperty({ example: 'av_3kQ9q1m5V0bq2sT8nD4yXc7eJf6uHw1Z', description: 'La clave: se muestra solo esta vez; se envía en X-Api-Key' })
  clave: string;
}
