import { ConfigService } from '@nestjs/config';
import type { TiemposProveedor } from '../common/resiliencia';
import { EnvironmentVariables } from './env.validation';

/** Timeout, retry backoff and circuit cool-down of every remote provider (PROVEEDOR_*). */
export function tiemposProveedor(config: ConfigService<EnvironmentVariables, true>): TiemposProveedor {
  return {
    timeoutMs: config.get('PROVEEDOR_TIMEOUT_MS', { infer: true }),
    esperaBaseMs: config.get('PROVEEDOR_REINTENTO_BASE_MS', { infer: true }),
    enfriamientoMs: config.get('PROVEEDOR_ENFRIAMIENTO_MS', { infer: true }),
  };
}

/**
 * The `default` of a factory's switch over a validated choice: unreachable for the compiler
 * (`never`), and a loud failure at boot if a value ever slips past validation, instead of a
 * silent fallback to another provider.
 */
export function valorDesconocido(variable: keyof EnvironmentVariables, valor: never): never {
  throw new Error(`${variable}=${String(valor)} no es un valor conocido`);
}
