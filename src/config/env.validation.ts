import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, ValidateIf, validateSync } from 'class-validator';

const aBooleano = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes', 'si', 'sí'].includes(value.trim().toLowerCase()) : value;

/**
 * Every environment variable the service reads, validated once at boot. Rules that depend on
 * the chosen driver (a key only when that provider is selected) use ValidateIf, so the app
 * refuses to start with a clear message instead of failing on the first customer message.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt() @Min(0) @Max(65535)
  @Transform(({ value }) => Number(value))
  PORT = 8001;

  @IsString()
  HOST = '0.0.0.0';

  @Matches(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, {
    message: 'DATABASE_URL debe ser sqlite:<ruta> o postgres://usuario@host:puerto/base',
  })
  DATABASE_URL = 'sqlite:./data/agente.db';

  /** where the service keeps what it generates: the dev JWT secret, the vector index */
  @IsString()
  DATA_DIR = './data';

  @ValidateIf((o: EnvironmentVariables) => o.NODE_ENV === 'production' || o.JWT_SECRET !== undefined)
  @IsString() @MinLength(32, { message: 'JWT_SECRET debe tener al menos 32 caracteres (obligatorio en producción)' })
  JWT_SECRET?: string;

  @IsString()
  JWT_EXPIRES_IN = '12h';

  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL debe ser un correo válido' })
  ADMIN_EMAIL?: string;

  @ValidateIf((o: EnvironmentVariables) => o.ADMIN_EMAIL !== undefined)
  @IsString() @MinLength(8, { message: 'ADMIN_PASSWORD es obligatorio con ADMIN_EMAIL y debe tener al menos 8 caracteres' })
  ADMIN_PASSWORD?: string;

  @IsBoolean() @Transform(aBooleano)
  SEED_DEMO = true;

  /** failed logins allowed per e-mail and address before 429 */
  @IsInt() @Min(1) @Transform(({ value }) => Number(value))
  LOGIN_MAX_FALLOS = 5;

  @IsInt() @Min(1) @Transform(({ value }) => Number(value))
  LOGIN_VENTANA_SEGUNDOS = 900;

  /** largest JSON body accepted (express body-parser syntax) */
  @IsString()
  BODY_LIMIT = '1mb';
}

export function validarEntorno(config: Record<string, unknown>): EnvironmentVariables {
  // Empty strings in a .env mean "not set": let the defaults apply.
  const limpio = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== ''));
  const env = plainToInstance(EnvironmentVariables, limpio, { exposeDefaultValues: true });
  const errores = validateSync(env, { skipMissingProperties: false });
  if (errores.length > 0) {
    const lineas = errores.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `  - ${e.property}: ${m}`));
    throw new Error(`Configuración inválida:\n${lineas.join('\n')}`);
  }
  return env;
}
