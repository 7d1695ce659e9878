import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ES_PUBLICO, ROLES_PERMITIDOS, UsuarioActual } from './decoradores';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Rol, Usuario } from './usuario.entity';

/**
 * Global guard: every endpoint is staff-only unless marked @Publico(). A bearer JWT identifies
 * the staff member (401 without a valid one); @Roles() narrows who may call (403 otherwise).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly jwt: JwtService,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const destino = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(ES_PUBLICO, destino)) return true;
    const roles = this.reflector.getAllAndOverride<Rol[] | undefined>(ROLES_PERMITIDOS, destino);
    await this.exigir(ctx.switchToHttp().getRequest(), roles);
    return true;
  }

  /** Identifies the caller from the bearer token and checks the role; sets req.usuario. */
  async exigir(req: { headers: { authorization?: string }; usuario?: UsuarioActual }, roles?: Rol[]): Promise<UsuarioActual> {
    const [tipo, token] = String(req.headers.authorization ?? '').split(' ');
    if (tipo !== 'Bearer' || !token) throw new UnauthorizedException('Falta el token de acceso (Authorization: Bearer …)');
    let usuario: UsuarioActual;
    try {
      const p = await this.jwt.verifyAsync<{ sub: number; email: string; rol: Rol }>(token);
      usuario = { id: p.sub, email: p.email, rol: p.rol };
    } catch {
      throw new UnauthorizedException('Token inválido o vencido');
    }
    req.usuario = usuario;
    if (roles && !roles.includes(usuario.rol)) throw new ForbiddenException(`Se requiere el rol ${roles.join(' o ')}`);
    return usuario;
  }
}

/** POST /auth/register: open while there is no account (the first becomes admin), admin-only after. */
@Injectable()
export class RegistroGuard implements CanActivate {
  constructor(
    private readonly auth: AuthGuard,
    @InjectRepository(Usuario) private readonly usuarios: Repository<Usuario>,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    if ((await this.usuarios.count()) > 0) await this.auth.exigir(ctx.switchToHttp().getRequest(), ['admin']);
    return true;
  }
}
