import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, MaxLength, MinLength } from 'class-validator';

const recortar = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RespuestaRapidaDto {
  @ApiProperty({ example: 'Horario', description: 'Cómo la encuentra el operador en la lista' })
  @Transform(recortar)
  @IsString()
  @MinLength(1)
  @MaxLength(80)
  titulo: string;

  @ApiProperty({ example: 'Atendemos de lunes a sábado de 8:00 a. m. a 6:00 p. m.' })
  @Transform(recortar)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  texto: string;
}

export class NoLeidosDto {
  @ApiProperty({ type: [String], example: ['web-5f2c', 'telegram:12345'], description: 'Los chats a contar (se repite el parámetro)' })
  @Transform(({ value }: { value: unknown }) => (Array.isArray(value) ? (value as unknown[]) : [value]))
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  chat_id: string[];
}
