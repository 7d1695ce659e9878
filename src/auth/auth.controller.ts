import { Body, Controller, Get, HttpCode, Ip, Post, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiHeader, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { CambiarClaveDto, LoginDto, RegistroDto, TokenDto, UsuarioDto } from './auth.dto';
import { RegistroGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { Actual, Publico, UsuarioActual } from './decoradores';
import { Usuario } from './usuario.entity';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Publico()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Inicia sesión de personal; responde un JWT',
    description:
      'Los fallos se limitan por cuenta y por dirección (LOGIN_MAX_FALLOS, LOGIN_MAX_FALLOS_IP en LOGIN_VENTANA_SEGUNDOS): después, 429 con Retry-After.',
  })
  @ApiOkResponse({ type: TokenDto })
  @ApiErrores(400, 401, 429)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenDto> {
    return this.auth.login(dto, ip);
  }

  @Post('logout')
  @HttpCode(204)
  @ApiOperation({ summary: 'Cierra la sesión: este token deja de servir al instante' })
  @ApiNoContentResponse({ description: 'Sesión cerrada' })
  @ApiPersonal()
  logout(@Actual() usuario: UsuarioActual): Promise<void> {
    return this.auth.logout(usuario);
  }

  @Publico()
  @UseGuards(RegistroGuard)
  @Post('register')
  @ApiOperation({
    summary: 'Crea una cuenta de personal (solo un admin)',
    description:
      'La primera cuenta (admin) sale de ADMIN_EMAIL/ADMIN_PASSWORD o se crea aquí con el encabezado X-Setup-Token que el servicio escribe en su log. ' +
      'Contraseña: al menos 12 caracteres para un admin (8 para un operador), máximo 72 bytes, no común.',
  })
  @ApiHeader({ name: 'X-Setup-Token', required: false, description: 'Solo para la primera cuenta: el token de instalación del log' })
  @ApiCreatedResponse({ type: UsuarioDto })
  @ApiPersonal()
  @ApiErrores(400, 409)
  register(@Body() dto: RegistroDto): Promise<Usuario> {
    return this.auth.registrar(dto);
  }

  @Get('me')
  @ApiOperation({ summary: 'La cuenta de quien llama' })
  @ApiOkResponse({ type: UsuarioDto })
  @ApiPersonal()
  me(@Actual() usuario: UsuarioActual): Promise<Usuario> {
    return this.auth.obtener(usuario.id);
  }

  @Post('password')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cambia la contraseña propia: las demás sesiones de la cuenta terminan; responde un token nuevo' })
  @ApiOkResponse({ type: TokenDto })
  @ApiPersonal()
  @ApiErrores(400)
  cambiarClave(@Actual() usuario: UsuarioActual, @Body() dto: CambiarClaveDto): Promise<TokenDto> {
    return this.auth.cambiarClave(usuario, dto);
  }
}
