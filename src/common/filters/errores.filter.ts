import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { Codigo, codigoDeStatus, ErrorDominio, ErrorReintentable, STATUS_DE } from '../errores';
import { idDePeticion } from '../id-peticion';

export interface CuerpoError {
  statusCode: number;
  error: string;
  message: string;
  codigo: Codigo;
  request_id: string;
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

const MENSAJES_MIDDLEWARE: Record<string, [Codigo, string]> = {
  'entity.too.large': [Codigo.DEMASIADO_GRANDE, 'El cuerpo de la petición es demasiado grande'],
  'encoding.unsupported': [Codigo.TIPO_NO_SOPORTADO, 'Codificación no soportada'],
  LIMIT_FILE_SIZE: [Codigo.DEMASIADO_GRANDE, 'El archivo supera el tamaño permitido'],
  LIMIT_UNEXPECTED_FILE: [Codigo.PETICION_INVALIDA, 'Campo de archivo inesperado'],
};

/** unique violations: PostgreSQL 23505, SQLite SQLITE_CONSTRAINT (UNIQUE) */
function esDuplicado(e: unknown): boolean {
  if (!(e instanceof QueryFailedError)) return false;
  const d = e.driverError as { code?: string; message?: string } | undefined;
  return d?.code === '23505' || /UNIQUE constraint failed/.test(d?.message ?? e.message);
}

/**
 * PostgreSQL's data exceptions (SQLSTATE class 22: a number out of range, a date it cannot read,
 * invalid text) are bad input that got past validation, never a server fault. SQLite never raises them.
 */
function esDatoInvalido(e: unknown): boolean {
  return e instanceof QueryFailedError && /^22/.test(String((e.driverError as { code?: string } | undefined)?.code ?? ''));
}

/** Nest's router answers an unknown path with a NotFoundException "Cannot GET /x" */
const RUTA_INEXISTENTE = /^Cannot [A-Z]+ \//;

type Cuerpo = Omit<CuerpoError, 'request_id'>;

/**
 * The one place where an error becomes the contract's body
 * `{ statusCode, error, message, codigo, request_id, details? }`: validation, unknown routes,
 * oversized bodies, rate limits and domain errors alike. Anything unexpected is logged with its
 * stack and answered as a bare 500: no stack ever leaves.
 */
@Catch()
export class ErroresFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    responderError(exception, ctx.getRequest<Request>(), ctx.getResponse<Response>());
  }
}

const logger = new Logger('Errores');

/** The filter's answer, also for a route mounted on express directly (the Telegram webhook). */
export function responderError(exception: unknown, req: Request, res: Response): void {
  const cuerpo: CuerpoError = { ...cuerpoDe(exception), request_id: idDePeticion(req, res) };
  if (cuerpo.statusCode >= 500 && cuerpo.statusCode !== 503) {
    logger.error(`${req.method} ${req.url} [${cuerpo.request_id}]: ${(exception as Error)?.stack ?? String(exception)}`);
  }
  if (res.headersSent) return;
  if (exception instanceof ErrorReintentable) res.setHeader('Retry-After', String(exception.reintentarEnSegundos));
  res.status(cuerpo.statusCode).json(cuerpo);
}

function cuerpoDe(exception: unknown): Cuerpo {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const r = exception.getResponse();
    const obj = typeof r === 'string' ? { message: r } : (r as { message?: unknown; details?: unknown });
    const message = Array.isArray(obj.message) ? obj.message.join('; ') : typeof obj.message === 'string' ? obj.message : exception.message;
    const codigo =
      exception instanceof ErrorDominio
        ? exception.codigo
        : status === 404 && RUTA_INEXISTENTE.test(message)
          ? Codigo.RUTA_INEXISTENTE
          : codigoDeStatus(status);
    return armar(status, codigo, message, obj.details);
  }
  if (esDuplicado(exception)) return deCodigo(Codigo.DUPLICADO, 'Ya existe un registro con esos datos');
  if (esDatoInvalido(exception)) return deCodigo(Codigo.VALIDACION, 'Un valor está fuera de rango o no tiene el formato esperado');
  const m = exception as ErrorDeMiddleware;
  const conocido = MENSAJES_MIDDLEWARE[m?.type ?? ''] ?? MENSAJES_MIDDLEWARE[m?.code ?? ''];
  if (conocido) return deCodigo(...conocido);
  const status = m?.status ?? m?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return armar(status, codigoDeStatus(status), m.message ?? 'Petición inválida');
  return deCodigo(Codigo.INTERNO, 'Error interno del servidor');
}

function deCodigo(codigo: Codigo, message: string): Cuerpo {
  return armar(STATUS_DE[codigo], codigo, message);
}

function armar(statusCode: number, codigo: Codigo, message: string, details?: unknown): Cuerpo {
  const error = STATUS_CODES[statusCode] ?? HttpStatus[statusCode] ?? 'Error';
  return details === undefined ? { statusCode, error, message, codigo } : { statusCode, error, message, codigo, details };
}
