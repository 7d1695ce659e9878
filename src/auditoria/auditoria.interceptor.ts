import { CallHandler, ExecutionContext, HttpException, Injectable, Logger, NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { UsuarioActual } from '../auth/decoradores';
import { TransaccionesService } from '../database/transacciones.service';
import { Auditoria } from './auditoria.entity';

const SECRETOS = /password|contrasena|clave|token|secret/i;

/** What was sent, without secrets; an uploaded file by its name and size. */
function cambios(req: Request & { file?: Express.Multer.File }): Record<string, unknown> | null {
  const cuerpo = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, SECRETOS.test(k) ? '***' : v]));
  if (req.file) cuerpo.archivo = { nombre: req.file.originalname, bytes: req.file.size };
  return Object.keys(cuerpo).length ? cuerpo : null;
}

/**
 * Every change a staff member makes (any authenticated POST, PUT, PATCH or DELETE) is written to
 * the audit log after it runs, with its outcome: "who changed this price, and when" has an answer.
 */
@Injectable()
export class AuditoriaInterceptor implements NestInterceptor {
  private readonly logger = new Logger(AuditoriaInterceptor.name);

  constructor(private readonly tx: TransaccionesService) {}

  intercept(ctx: ExecutionContext, next: CallHandler<unknown>): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request & { usuario?: UsuarioActual }>();
    if (ctx.getType() !== 'http' || req.method === 'GET' || !req.usuario) return next.handle();
    const registrar = (estado: number) => this.registrar(req, estado);
    return next.handle().pipe(
      mergeMap((r) => from(registrar(ctx.switchToHttp().getResponse<{ statusCode: number }>().statusCode).then(() => r))),
      catchError((e: unknown) => from(registrar(e instanceof HttpException ? e.getStatus() : 500)).pipe(mergeMap(() => throwError(() => e)))),
    );
  }

  private async registrar(req: Request & { usuario?: UsuarioActual; file?: Express.Multer.File }, estado: number): Promise<void> {
    const u = req.usuario!;
    const patron = (req.route as { path?: string } | undefined)?.path ?? req.path;
    const id = Object.values(req.params ?? {})[0];
    try {
      const fila = {
        usuario_id: u.id,
        usuario_email: u.email,
        rol: u.rol,
        accion: `${req.method} ${patron}`.slice(0, 200),
        ruta: req.originalUrl.slice(0, 500),
        recurso_id: id ? String(id).slice(0, 100) : null,
        cambios: cambios(req),
        estado_http: estado,
      };
      await this.tx.ejecutar((m) => m.save(Auditoria, m.create(Auditoria, fila)));
    } catch (e) {
      // The change itself happened; a failed audit write is loud in the logs, not a failed request.
      this.logger.error(`No se pudo registrar en la auditoría ${req.method} ${req.originalUrl}: ${(e as Error).message}`);
    }
  }
}
