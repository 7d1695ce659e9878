import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { Rol } from './usuario.entity';

export const ES_PUBLICO = 'esPublico';
export const ROLES_PERMITIDOS = 'rolesPermitidos';

/** Customer-facing endpoints (chat, health, login) skip the staff guard. */
export const Publico = () => SetMetadata(ES_PUBLICO, true);

/** Only these roles may call the endpoint; without it any signed-in staff member may. */
export const Roles = (...roles: Rol[]) => SetMetadata(ROLES_PERMITIDOS, roles);

export interface UsuarioActual {
  id: number;
  email: string;
  rol: Rol;
  /** the token's id and expiry (seconds), for logout */
  jti?: string;
  exp?: number;
}

export const Actual = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): UsuarioActual => ctx.switchToHttp().getRequest<{ usuario: UsuarioActual }>().usuario,
);
