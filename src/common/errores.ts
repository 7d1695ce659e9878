import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * The stable domain codes every error body carries in `codigo`. Callers (the chat, a front end,
 * an integration) branch on these, never on the status or the body's shape. A new kind of error
 * gets its own code here; the compiler then asks for its status in STATUS_DE.
 */
export enum Codigo {
  /** a body, query or path parameter failed validation; `details` lists the fields */
  VALIDACION = 'VALIDACION',
  /** malformed request that is not a field's fault (bad JSON, a missing file field) */
  PETICION_INVALIDA = 'PETICION_INVALIDA',
  NO_AUTENTICADO = 'NO_AUTENTICADO',
  PROHIBIDO = 'PROHIBIDO',
  /** a chat turn without the X-Chat-Token its chat was given */
  CHAT_TOKEN_REQUERIDO = 'CHAT_TOKEN_REQUERIDO',
  /** someone else's chat, or an unknown one (the same answer, so ids cannot be probed) */
  CHAT_AJENO = 'CHAT_AJENO',
  /** the X-Api-Key is not a live integration key */
  CLAVE_INTEGRACION_INVALIDA = 'CLAVE_INTEGRACION_INVALIDA',
  /** the resource (product, customer, order, chat…) does not exist */
  NO_ENCONTRADO = 'NO_ENCONTRADO',
  /** no endpoint at that method and path */
  RUTA_INEXISTENTE = 'RUTA_INEXISTENTE',
  CONFLICTO = 'CONFLICTO',
  /** the chat id belongs to another channel (Telegram) */
  CHAT_DE_OTRO_CANAL = 'CHAT_DE_OTRO_CANAL',
  /** a unique value (sku, cédula, e-mail) is already taken */
  DUPLICADO = 'DUPLICADO',
  /** fewer units available than asked for; `details`: producto_id, solicitado, disponible */
  SIN_STOCK = 'SIN_STOCK',
  /** an order state change the state machine does not allow; `details`: desde, hacia, permitidos */
  TRANSICION_INVALIDA = 'TRANSICION_INVALIDA',
  /** the record changed meanwhile; trying again is safe */
  CAMBIO_CONCURRENTE = 'CAMBIO_CONCURRENTE',
  DEMASIADO_GRANDE = 'DEMASIADO_GRANDE',
  TIPO_NO_SOPORTADO = 'TIPO_NO_SOPORTADO',
  NO_PROCESABLE = 'NO_PROCESABLE',
  DEMASIADAS_PETICIONES = 'DEMASIADAS_PETICIONES',
  INTERNO = 'INTERNO',
  NO_DISPONIBLE = 'NO_DISPONIBLE',
  /** a remote provider (embeddings, language model, vector database) failed after its retries */
  PROVEEDOR_NO_DISPONIBLE = 'PROVEEDOR_NO_DISPONIBLE',
  /** busy for now (a chat answering another message): Retry-After says when */
  OCUPADO = 'OCUPADO',
}

/** Each code's HTTP status, in one place; a Record, so a code without a status does not compile. */
export const STATUS_DE: Record<Codigo, HttpStatus> = {
  [Codigo.VALIDACION]: HttpStatus.BAD_REQUEST,
  [Codigo.PETICION_INVALIDA]: HttpStatus.BAD_REQUEST,
  [Codigo.NO_AUTENTICADO]: HttpStatus.UNAUTHORIZED,
  [Codigo.PROHIBIDO]: HttpStatus.FORBIDDEN,
  [Codigo.CHAT_TOKEN_REQUERIDO]: HttpStatus.FORBIDDEN,
  [Codigo.CHAT_AJENO]: HttpStatus.FORBIDDEN,
  [Codigo.CLAVE_INTEGRACION_INVALIDA]: HttpStatus.UNAUTHORIZED,
  [Codigo.NO_ENCONTRADO]: HttpStatus.NOT_FOUND,
  [Codigo.RUTA_INEXISTENTE]: HttpStatus.NOT_FOUND,
  [Codigo.CONFLICTO]: HttpStatus.CONFLICT,
  [Codigo.CHAT_DE_OTRO_CANAL]: HttpStatus.CONFLICT,
  [Codigo.DUPLICADO]: HttpStatus.CONFLICT,
  [Codigo.SIN_STOCK]: HttpStatus.CONFLICT,
  [Codigo.TRANSICION_INVALIDA]: HttpStatus.CONFLICT,
  [Codigo.CAMBIO_CONCURRENTE]: HttpStatus.CONFLICT,
  [Codigo.DEMASIADO_GRANDE]: HttpStatus.PAYLOAD_TOO_LARGE,
  [Codigo.TIPO_NO_SOPORTADO]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [Codigo.NO_PROCESABLE]: HttpStatus.UNPROCESSABLE_ENTITY,
  [Codigo.DEMASIADAS_PETICIONES]: HttpStatus.TOO_MANY_REQUESTS,
  [Codigo.INTERNO]: HttpStatus.INTERNAL_SERVER_ERROR,
  [Codigo.NO_DISPONIBLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [Codigo.PROVEEDOR_NO_DISPONIBLE]: HttpStatus.SERVICE_UNAVAILABLE,
  [Codigo.OCUPADO]: HttpStatus.SERVICE_UNAVAILABLE,
};

/**
 * The code of an error that did not come with one (Nest's own exceptions, guards, middleware):
 * the generic code of its status.
 */
export function codigoDeStatus(status: number): Codigo {
  switch (status) {
    case 400:
      return Codigo.PETICION_INVALIDA;
    case 401:
      return Codigo.NO_AUTENTICADO;
    case 403:
      return Codigo.PROHIBIDO;
    case 404:
      return Codigo.NO_ENCONTRADO;
    case 409:
      return Codigo.CONFLICTO;
    case 413:
      return Codigo.DEMASIADO_GRANDE;
    case 415:
      return Codigo.TIPO_NO_SOPORTADO;
    case 422:
      return Codigo.NO_PROCESABLE;
    case 429:
      return Codigo.DEMASIADAS_PETICIONES;
    case 503:
      return Codigo.NO_DISPONIBLE;
    default:
      return status >= 500 ? Codigo.INTERNO : Codigo.PETICION_INVALIDA;
  }
}

/**
 * Domain errors raised by services: a code, a Spanish message for the person reading it and
 * optional details. The global filter turns them into the contract's error body.
 */
export class ErrorDominio extends HttpException {
  constructor(
    readonly codigo: Codigo,
    message: string,
    readonly details?: unknown,
  ) {
    super({ message, details }, STATUS_DE[codigo]);
  }
}

/** true when `e` is a domain error with this code: what callers branch on */
export function esError(e: unknown, codigo: Codigo): e is ErrorDominio {
  return e instanceof ErrorDominio && e.codigo === codigo;
}

export const noEncontrado = (que: string, details?: unknown) => new ErrorDominio(Codigo.NO_ENCONTRADO, `${que} no existe`, details);
export const conflicto = (message: string, details?: unknown) => new ErrorDominio(Codigo.CONFLICTO, message, details);
export const duplicado = (message: string, details?: unknown) => new ErrorDominio(Codigo.DUPLICADO, message, details);
export const noProcesable = (message: string, details?: unknown) => new ErrorDominio(Codigo.NO_PROCESABLE, message, details);
export const noDisponible = (message: string, details?: unknown) => new ErrorDominio(Codigo.NO_DISPONIBLE, message, details);
export const tipoNoSoportado = (message: string, details?: unknown) => new ErrorDominio(Codigo.TIPO_NO_SOPORTADO, message, details);
export const peticionInvalida = (message: string, details?: unknown) => new ErrorDominio(Codigo.PETICION_INVALIDA, message, details);

/** The details of a SIN_STOCK error. */
export interface DetalleSinStock {
  producto_id: number;
  solicitado: number;
  disponible: number;
}

/** An error that says when to try again: the filter sends Retry-After. */
export class ErrorReintentable extends ErrorDominio {
  constructor(
    codigo: Codigo,
    message: string,
    readonly reintentarEnSegundos: number,
    details?: unknown,
  ) {
    super(codigo, message, details);
  }
}

export const ocupado = (message: string, segundos: number) => new ErrorReintentable(Codigo.OCUPADO, message, segundos, { reintentar_en_s: segundos });
export const demasiadasPeticiones = (message: string, segundos: number) =>
  new ErrorReintentable(Codigo.DEMASIADAS_PETICIONES, message, segundos, { reintentar_en_s: segundos });
