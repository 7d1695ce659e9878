import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * Domain errors raised by services: a status, a Spanish message for the person reading it and
 * optional details. The global filter turns them into the contract's error body.
 */
export class ErrorDominio extends HttpException {
  /** @param codigo a stable code for clients, sent as `codigo` in the error body */
  constructor(status: HttpStatus, message: string, details?: unknown, codigo?: string) {
    super({ message, details, codigo }, status);
  }
}

/** a coded error (privacidad: chat ownership, rate limits, accounts) */
export const conCodigo = (status: HttpStatus, codigo: string, message: string, details?: unknown) => new ErrorDominio(status, message, details, codigo);

export const noEncontrado = (que: string, details?: unknown) => new ErrorDominio(HttpStatus.NOT_FOUND, `${que} no existe`, details);
export const conflicto = (message: string, details?: unknown) => new ErrorDominio(HttpStatus.CONFLICT, message, details);
export const noProcesable = (message: string, details?: unknown) => new ErrorDominio(HttpStatus.UNPROCESSABLE_ENTITY, message, details);
export const noDisponible = (message: string, details?: unknown) => new ErrorDominio(HttpStatus.SERVICE_UNAVAILABLE, message, details);
export const tipoNoSoportado = (message: string, details?: unknown) => new ErrorDominio(HttpStatus.UNSUPPORTED_MEDIA_TYPE, message, details);

/** A 503 that says when to try again: the filter sends Retry-After. */
export class ErrorReintentable extends ErrorDominio {
  constructor(
    status: HttpStatus,
    message: string,
    readonly reintentarEnSegundos: number,
    details?: unknown,
    codigo?: string,
  ) {
    super(status, message, details, codigo);
  }
}

export const ocupado = (message: string, segundos: number) =>
  new ErrorReintentable(HttpStatus.SERVICE_UNAVAILABLE, message, segundos, { reintentar_en_s: segundos });
