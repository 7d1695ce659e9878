import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Rol, ROLES } from './usuario.entity';

const minusculas = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);

export class LoginDto {
  @ApiProperty({ example: 'admin@tienda.co' })
  @Transform(minusculas)
  @IsEmail()
  email: string;

  @ApiProperty({ example: 'una-clave-larga' })
  @IsString()
  @MaxLength(200)
  password: string;
}

export class RegistroDto extends LoginDto {
  @ApiProperty({ example: 'Laura Gómez' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nombre: string;

  @ApiProperty({ example: 'una-clave-larga', minLength: 8 })
  @IsString()
  @MinLength(8)
  @MaxLength(200)
  declare password: string;

  @ApiPropertyOptional({ enum: ROLES, default: 'operador' })
  @IsOptional()
  @IsIn(ROLES)
  rol?: Rol;
}

export class TokenDto {
  @ApiProperty({ example: 'eyJhbGciOi...' }) access_token: string;
  @ApiProperty({ example: 'Bearer' }) token_type: string;
  @ApiProperty({ example: '12h' }) expires_in: string;
}

export class UsuarioDto {
  @ApiProperty({ example: 1 }) id: number;
  @ApiProperty({ example: 'admin@tienda.co' }) email: string;
  @ApiProperty({ example: 'Laura Gómez' }) nombre: string;
  @ApiProperty({ enum: ROLES, example: 'admin' }) rol: Rol;
  @ApiProperty({ example: true }) activo: boolean;
  @ApiProperty() creado_en: Date;
}
