import { Body, Controller, Get, HttpCode, Ip, Post, UnauthorizedException, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { LoginDto, RegistroDto, TokenDto, UsuarioDto } from './auth.dto';
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
  @ApiOperation({ summary: 'Inicia sesión de personal; responde un JWT' })
  @ApiOkResponse({ type: TokenDto })
  @ApiErrores(400, 401, 429)
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<TokenDto> {
    return this.auth.login(dto, ip);
  }

  @Publico()
  @UseGuards(RegistroGuard)
  @Post('register')
  @ApiOperation({ summary: 'Crea una cuenta de personal. Libre solo para la primera (que será admin); después, solo un admin' })
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
    if (!usuario) throw new UnauthorizedException();
    return this.auth.obtener(usuario.id);
  }
}
