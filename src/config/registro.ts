import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerService } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Params } from 'nestjs-pino';
import { idDePeticion } from '../common/id-peticion';
import { EnvironmentVariables } from './env.validation';

/**
 * Logs (pino): human-readable lines (pino-pretty) when a developer watches a terminal, JSON lines
 * otherwise (production, CI, a log collector). Structured JSON logs: one line per request with its id, which is taken from the
 * caller's X-Request-Id or made here and sent back, so a support case can be followed through
 * every line. Tokens and cookies never reach a log.
 */
export function opcionesRegistro(config: ConfigService<EnvironmentVariables, true>): Params {
  const entorno = config.get('NODE_ENV', { infer: true });
  const legible = entorno === 'development' && process.stdout.isTTY === true;
  return {
    pinoHttp: {
      level: entorno === 'test' ? 'silent' : config.get('LOG_LEVEL', { infer: true }),
      ...(legible ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname' } } } : {}),
      genReqId: idDePeticion,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]'],
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}

/** Nest's start-up inventory (every module loaded, every route mapped): useful when debugging, noise otherwise. */
const INVENTARIO = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/** Nest's logger over pino, with the start-up inventory moved to debug (LOG_LEVEL=debug shows the route map). */
export class RegistroNest implements LoggerService {
  constructor(private readonly base: LoggerService) {}

  log(message: unknown, ...resto: unknown[]): void {
    if (INVENTARIO.has(resto[resto.length - 1] as string)) this.base.debug?.(message, ...resto);
    else this.base.log(message, ...resto);
  }

  error(message: unknown, ...resto: unknown[]): void {
    this.base.error(message, ...resto);
  }

  warn(message: unknown, ...resto: unknown[]): void {
    this.base.warn(message, ...resto);
  }

  debug(message: unknown, ...resto: unknown[]): void {
    this.base.debug?.(message, ...resto);
  }

  verbose(message: unknown, ...resto: unknown[]): void {
    this.base.verbose?.(message, ...resto);
  }

  fatal(message: unknown, ...resto: unknown[]): void {
    (this.base.fatal ?? this.base.error).call(this.base, message, ...resto);
  }
}
