import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Codigo, ErrorDominio } from '../common/errores';
import { AuthService, Claims } from './auth.service';
import { ES_PUBLICO, ROLES_PERMITIDOS, UsuarioActual } from './decoradores';
import { Rol, Usuario } from './usuario.entity';

/**
 * Global guard: every endpoint is staff-only unless marked @Publico(). A bearer JWT identifies
 * the staff member (401 without a valid one, or when the account no longer holds it); @Roles()
 * narrows who may call (403 otherwise).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const destino = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(ES_PUBLICO, destino)) return true;
    const roles = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLES_PERMITIDOS, destino);
    await this.exigir(ctx.switchToHttp().getRequest(), roles);
    return true;
  }

  /** Identifies the caller from the bearer token and its account, and checks the role; sets req.usuario. */
  async exigir(req: { headers: { authorization?: string }; usuario?: UsuarioActual }, roles?: Rol[]): Promise<UsuarioActual> {
    const [tipo, token] = String(req.headers.authorization ?? '').split(' ');
    if (tipo !== 'Bearer' || !token) throw new ErrorDominio(Codigo.NO_AUTENTICADO, 'Falta el token de acceso (Authorization: Bearer …)');
    let claims: Claims;
    try {
      claims = await this.jwt.verifyAsync<Claims>(token);
    } catch {
      throw new ErrorDominio(Codigo.NO_AUTENTICADO, 'Token inválido o vencido');
    }
    const usuario = await this.auth.sesionVigente(claims);
    req.usuario = usuario;
    if (roles && !roles.includes(usuario.rol)) throw new ErrorDominio(Codigo.PROHIBIDO, `Se requiere el rol ${roles.join(' o ')}`);
    return usuario;
  }
}

/**
 * POST /auth/register: admin-only once an account exists. The very first account needs the
 * one-time setup token the log printed, so it is never won by a race of anonymous calls.
 */
@Injectable()
export class RegistroGuard implements CanActivate {
  constructor(
    private readonly guard: AuthGuard,
    private readonly auth: AuthService,
    @InjectRepository(Usuario) private readonly usuarios: Repository<Usuario>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; usuario?: UsuarioActual }>();
    if ((await this.usuarios.count()) > 0) await this.guard.exigir(req, ['admin']);
    else if (!this.auth.tokenInstalacionValido(req.headers['x-setup-token']))
      throw new ErrorDominio(Codigo.NO_AUTENTICADO, 'La primera cuenta se crea con el encabezado X-Setup-Token que el servicio escribió en su log al iniciar');
    return true;
  }
}
