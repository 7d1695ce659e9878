import { Body, Controller, Get, Param, ParseIntPipe, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrores, ApiPersonal } from '../common/swagger';
import { ActualizarUsuarioDto, UsuarioDto } from './auth.dto';
import { AuthService } from './auth.service';
import { Actual, Roles, UsuarioActual } from './decoradores';
import { Usuario } from './usuario.entity';

/** Staff accounts, for admins. New accounts come from POST /auth/register. */
@ApiTags('usuarios')
@ApiPersonal()
@Roles('admin')
@Controller('usuarios')
export class UsuariosController {
  constructor(private readonly auth: AuthService) {}

  @Get()
  @ApiOperation({ summary: 'Las cuentas de personal' })
  @ApiOkResponse({ type: [UsuarioDto] })
  listar(): Promise<Usuario[]> {
    return this.auth.listar();
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Cambia rol, estado, nombre o contraseña de una cuenta',
    description:
      'Desactivar, cambiar el rol o la contraseña cierra al instante las sesiones abiertas de la cuenta. Debe quedar al menos un admin activo (409).',
  })
  @ApiOkResponse({ type: UsuarioDto })
  @ApiErrores(400, 404, 409)
  actualizar(@Param('id', ParseIntPipe) id: number, @Body() dto: ActualizarUsuarioDto, @Actual() quien: UsuarioActual): Promise<Usuario> {
    return this.auth.actualizar(id, dto, quien);
  }
}
