import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
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

  @ApiProperty({
    example: 'caballo correcto batería grapa',
    minLength: 8,
    description: 'Al menos 12 caracteres para un admin (8 para un operador), máximo 72 bytes, y no una contraseña común',
  })
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

export class ActualizarUsuarioDto {
  @ApiPropertyOptional({ enum: ROLES, example: 'operador' })
  @IsOptional()
  @IsIn(ROLES)
  rol?: Rol;

  @ApiPropertyOptional({ example: false, description: 'false desactiva la cuenta: sus sesiones terminan al instante' })
  @IsOptional()
  @IsBoolean()
  activo?: boolean;

  @ApiPropertyOptional({ example: 'Laura Gómez' })
  @IsOptional()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  nombre?: string;

  @ApiPropertyOptional({ example: 'otra frase larga de clave', description: 'Una contraseña nueva (misma política que al crearla); cierra sus sesiones' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  password?: string;
}

export class CambiarClaveDto {
  @ApiProperty({ example: 'la-clave-de-ahora' })
  @IsString()
  @MaxLength(200)
  password_actual: string;

  @ApiProperty({
    example: 'caballo correcto batería grapa',
    description: 'Al menos 12 caracteres para un admin (8 para un operador), máximo 72 bytes, no común',
  })
  @IsString()
  @MaxLength(200)
  password_nueva: string;
}
