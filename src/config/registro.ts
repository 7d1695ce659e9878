import type { IncomingMessage, ServerResponse } from 'node:http';
import { ConfigService } from '@nestjs/config';
import type { Params } from 'nestjs-pino';
import { idDePeticion } from '../common/id-peticion';
import { EnvironmentVariables } from './env.validation';

/**
 * Structured JSON logs (pino): one line per request with its id, which is taken from the
 * caller's X-Request-Id or made here and sent back, so a support case can be followed through
 * every line. Tokens and cookies never reach a log.
 */
export function opcionesRegistro(config: ConfigService<EnvironmentVariables, true>): Params {
  const entorno = config.get('NODE_ENV', { infer: true });
  return {
    pinoHttp: {
      level: entorno === 'test' ? 'silent' : config.get('LOG_LEVEL', { infer: true }),
      genReqId: idDePeticion,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-telegram-bot-api-secret-token"]'],
      autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') || req.url === '/metrics' },
      customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) =>
        err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
