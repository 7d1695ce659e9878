import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ErrorReintentable } from '../errores';

export interface CuerpoError {
  statusCode: number;
  error: string;
  message: string;
  codigo?: string;
  details?: unknown;
}

/** errors thrown by express middleware (body-parser, multer) carry their own status or code;
 * Nest already turns malformed JSON into a 400 */
interface ErrorDeMiddleware {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  message?: string;
}

const MENSAJES_MIDDLEWARE: Record<string, [number, string]> = {
  'entity.too.large': [413, 'El cuerpo de la petición es demasiado grande'],
  'encoding.unsupported': [415, 'Codificación no soportada'],
  LIMIT_FILE_SIZE: [413, 'El archivo supera el tamaño permitido'],
  LIMIT_UNEXPECTED_FILE: [400, 'Campo de archivo inesperado'],
};

/** unique violations: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT (UNIQUE) */
function esDuplicado(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; message?: string } | undefined;
  return d?.code === '23505' || /UNIQUE constraint failed/.test(d?.message ?? e.message);
}

/**
 * The one place where an error becomes the contract's body `{ statusCode, error, message, details? }`.
 * Anything unexpected is logged with its stack and answered as a bare 500: no stack ever leaves.
 */
@Catch()
export class ErroresFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errores');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const cuerpo = this.cuerpo(exception);
    if (cuerpo.statusCode >= 500 && cuerpo.statusCode !== 503) {
      this.logger.error(`${req.method} ${req.url}: ${(exception as Error)?.stack ?? String(exception)}`);
    }
    if (res.headersSent) return;
    if (exception instanceof ErrorReintentable) res.setHeader('Retry-After', String(exception.reintentarEnSegundos));
    res.status(cuerpo.statusCode).json(cuerpo);
  }

  cuerpo(exception: unknown): CuerpoError {
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const r = exception.getResponse();
      const obj = typeof r === 'string' ? { message: r } : (r as { message?: unknown; details?: unknown; codigo?: string });
      const message = Array.isArray(obj.message) ? obj.message.join('; ') : typeof obj.message === 'string' ? obj.message : exception.message;
      const cuerpo = this.armar(status, message, obj.details);
      return 'codigo' in obj && obj.codigo ? { ...cuerpo, codigo: obj.codigo } : cuerpo;
    }
    if (esDuplicado(exception)) {
      return this.armar(409, 'Ya existe un registro con esos datos');
    }
    const m = exception as ErrorDeMiddleware;
    const conocido = MENSAJES_MIDDLEWARE[m?.type ?? ''] ?? MENSAJES_MIDDLEWARE[m?.code ?? ''];
    if (conocido) return this.armar(conocido[0], conocido[1]);
    const status = m?.status ?? m?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) return this.armar(status, m.message ?? 'Petición inválida');
    return this.armar(500, 'Error interno del servidor');
  }

  private armar(statusCode: number, message: string, details?: unknown): CuerpoError {
    const error = STATUS_CODES[statusCode] ?? HttpStatus[statusCode] ?? 'Error';
    return details === undefined ? { statusCode, error, message } : { statusCode, error, message, details };
  }
}
