import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Request } from 'express';
import { finalize, Observable } from 'rxjs';
import { Codigo, ErrorDominio, ocupado } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';

/** the largest upload the chat takes (a 25 MB voice note) plus the multipart framing */
const MAXIMO_BYTES = 26 * 1024 * 1024;

/**
 * Public uploads (voice notes, photos) are read into memory to be typed and sent to a provider,
 * so at most SUBIDAS_CHAT_SIMULTANEAS are read at once per replica: the rest get 503 with
 * Retry-After before a byte of their body is read, and a declared size past the limit is 413 at
 * once. Forty concurrent 24 MB uploads then cost what four do.
 */
@Injectable()
export class CupoSubidas implements NestInterceptor {
  private enCurso = 0;
  private readonly maximo: number;

  constructor(config: ConfigService<EnvironmentVariables, true>) {
    this.maximo = config.get('SUBIDAS_CHAT_SIMULTANEAS', { infer: true });
  }

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = ctx.switchToHttp().getRequest<Request>();
    if (Number(req.headers['content-length'] ?? 0) > MAXIMO_BYTES)
      throw new ErrorDominio(Codigo.DEMASIADO_GRANDE, 'El archivo supera el tamaño permitido (25 MB)');
    if (this.enCurso >= this.maximo) throw ocupado('Estamos recibiendo muchos archivos en este momento; intenta de nuevo en unos segundos.', 2);
    this.enCurso++;
    let liberado = false;
    const liberar = () => {
      if (liberado) return;
      liberado = true;
      this.enCurso--;
    };
    // a client that goes away mid-upload frees its place too
    req.once('close', liberar);
    return next.handle().pipe(finalize(liberar));
  }
}
