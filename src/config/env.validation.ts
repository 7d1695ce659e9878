import type { ConfigModuleOptions } from '@nestjs/config';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  Validate,
  ValidateIf,
  ValidatorConstraint,
  ValidatorConstraintInterface,
  validateSync,
} from 'class-validator';
import { esZonaHoraria } from '../database/fechas';

const aNumero = ({ value }: { value: unknown }) => (value === undefined ? undefined : Number(value));
const usa = (proveedor: string) => (o: EnvironmentVariables) =>
  [o.EMBEDDINGS_PROVIDER, o.LLM_PROVIDER, o.VISION_PROVIDER, o.TRANSCRIPTION_PROVIDER].includes(proveedor as never);
const urlLocal = { require_tld: false, require_protocol: true };
const PUERTO = 'PORT debe ser un número de puerto entre 0 y 65535';

const aBooleano = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? ['true', '1', 'yes', 'si', 'sí'].includes(value.trim().toLowerCase()) : value;

@ValidatorConstraint({ name: 'zonaHoraria' })
class ZonaHorariaValida implements ValidatorConstraintInterface {
  validate(valor: unknown): boolean {
    return typeof valor === 'string' && esZonaHoraria(valor);
  }
  defaultMessage(): string {
    return 'ZONA_HORARIA debe ser una zona horaria IANA, p. ej. America/Bogota';
  }
}

/**
 * Every environment variable the service reads, validated once at boot. Rules that depend on
 * the chosen driver (a key only when that provider is selected) use ValidateIf, so the app
 * refuses to start with a clear message instead of failing on the first customer message.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsInt({ message: PUERTO })
  @Min(0, { message: PUERTO })
  @Max(65535, { message: PUERTO })
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
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET debe tener al menos 32 caracteres (obligatorio en producción)' })
  JWT_SECRET?: string;

  /** key of the HMAC that turns an erased customer's cédula into the pseudonym kept on sales */
  @ValidateIf((o: EnvironmentVariables) => o.NODE_ENV === 'production' || o.SEUDONIMO_SECRET !== undefined)
  @IsString()
  @MinLength(32, { message: 'SEUDONIMO_SECRET debe tener al menos 32 caracteres (obligatorio en producción)' })
  SEUDONIMO_SECRET?: string;

  /** a number of seconds, or a number with a unit: 90s, 30m, 12h, 7d */
  @Matches(/^\d+[smhd]?$/, { message: 'JWT_EXPIRES_IN debe ser un número de segundos o un número con unidad: 90s, 30m, 12h, 7d' })
  JWT_EXPIRES_IN: `${number}` | `${number}${'s' | 'm' | 'h' | 'd'}` = '12h';

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL debe ser un correo válido' })
  ADMIN_EMAIL?: string;

  @ValidateIf((o: EnvironmentVariables) => o.ADMIN_EMAIL !== undefined)
  @IsString()
  @MinLength(8, { message: 'ADMIN_PASSWORD es obligatorio con ADMIN_EMAIL y debe tener al menos 8 caracteres' })
  ADMIN_PASSWORD?: string;

  @IsBoolean()
  @Transform(aBooleano)
  SEED_DEMO = true;

  /**
   * the shop's time zone (IANA): a date-only desde/hasta is a calendar day there, and the daily
   * series count its days
   */
  @Validate(ZonaHorariaValida)
  ZONA_HORARIA = 'America/Bogota';

  /** failed logins allowed per e-mail and address before 429 */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_MAX_FALLOS = 5;

  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_VENTANA_SEGUNDOS = 900;

  /** failed logins allowed from one address (any accounts) in the window: password spraying */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  LOGIN_MAX_FALLOS_IP = 20;

  // --- Uploads -----------------------------------------------------------------------------------

  /** a catalog sheet with more rows is refused (413) before it is imported */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  IMPORTACION_MAX_FILAS = 500_000;

  /** an XLSX whose entries would inflate past this many MB is refused without inflating it */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  IMPORTACION_MAX_MB_DESCOMPRIMIDOS = 300;

  /** public chat uploads (voice notes, photos) read at the same time; more get 503 + Retry-After before their body is read */
  @IsInt()
  @Min(1)
  @Transform(({ value }) => Number(value))
  SUBIDAS_CHAT_SIMULTANEAS = 4;

  // --- Exposure ---------------------------------------------------------------------------------

  /** /docs and /docs-json: publico, token (DOCS_TOKEN) or cerrado */
  @IsIn(['publico', 'token', 'cerrado'], { message: 'DOCS_ACCESO debe ser publico, token o cerrado' })
  DOCS_ACCESO: 'publico' | 'token' | 'cerrado' = 'publico';

  @ValidateIf((o: EnvironmentVariables) => o.DOCS_ACCESO === 'token')
  @IsString()
  @MinLength(16, { message: 'DOCS_TOKEN es obligatorio (al menos 16 caracteres) con DOCS_ACCESO=token' })
  DOCS_TOKEN?: string;

  /** /metrics (Prometheus): publico, token (METRICS_TOKEN, sent as a bearer) or cerrado */
  @IsIn(['publico', 'token', 'cerrado'], { message: 'METRICS_ACCESO debe ser publico, token o cerrado' })
  METRICS_ACCESO: 'publico' | 'token' | 'cerrado' = 'publico';

  @ValidateIf((o: EnvironmentVariables) => o.METRICS_ACCESO === 'token')
  @IsString()
  @MinLength(16, { message: 'METRICS_TOKEN es obligatorio (al menos 16 caracteres) con METRICS_ACCESO=token' })
  METRICS_TOKEN?: string;

  // --- Abuse of the public chat (0 turns a limit off) -------------------------------------------

  /** chat turns per client address and minute */
  @IsInt()
  @Min(0)
  @Transform(({ value }) => Number(value))
  LIMITE_CHAT_IP_MINUTO = 120;

  /** turns per chat and minute */
  @IsInt()
  @Min(0)
  @Transform(({ value }) => Number(value))
  LIMITE_CHAT_MINUTO = 30;

  /** new chats per client address and hour */
  @IsInt()
  @Min(0)
  @Transform(({ value }) => Number(value))
  LIMITE_CHATS_NUEVOS_IP_HORA = 60;

  /**
   * Express "trust proxy": which hops may say who the client is (X-Forwarded-For). `loopback` (a
   * proxy on this host), `false`, a hop count, or addresses/subnets separated by commas
   */
  @IsString()
  @Matches(/^(true|false|\d+|[\w.:/,\s-]+)$/, { message: 'TRUST_PROXY: loopback, false, un número de saltos o direcciones/subredes separadas por comas' })
  TRUST_PROXY = 'loopback';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace'], { message: 'LOG_LEVEL debe ser fatal, error, warn, info, debug o trace' })
  LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' = 'info';

  /** where GET /exportar/…?guardar=true leaves a copy */
  @IsString()
  EXPORTS_DIR = './exports';

  /** largest JSON body accepted (express body-parser syntax) */
  @IsString()
  BODY_LIMIT = '1mb';

  // --- Several instances -----------------------------------------------------------------------

  /** Redis shared by the replicas (locks, change feed, queues, limits); unset: one instance, all in process */
  @IsOptional()
  @Matches(/^rediss?:\/\/.+/, { message: 'REDIS_URL debe ser redis://host:puerto[/db] o rediss://…' })
  REDIS_URL?: string;

  /** prefix of every Redis key, so several deployments (or test runs) can share one Redis */
  @Matches(/^[\w:.-]{1,64}$/, { message: 'REDIS_PREFIJO: 1 a 64 letras, números, _, -, . o :' })
  REDIS_PREFIJO = 'agente:';

  /** this replica's name in /health/ready, metrics and leases (default: host-pid) */
  @IsOptional()
  @Matches(/^[\w.-]{1,64}$/, { message: 'INSTANCIA_ID: 1 a 64 letras, números, _, - o .' })
  INSTANCIA_ID?: string;

  /** longest wait for a chat's turn held by another request (then 503 with Retry-After) */
  @IsInt()
  @Min(100)
  @Transform(aNumero)
  CERROJO_ESPERA_MS = 10000;

  /** how often an open staff event stream (GET /eventos) sends a keep-alive and re-checks its session */
  @IsInt()
  @Min(100)
  @Transform(aNumero)
  EVENTOS_LATIDO_MS = 20000;

  /** how often each replica also polls the change feed (it is told of changes at once through Redis) */
  @IsInt()
  @Min(100)
  @Transform(aNumero)
  CAMBIOS_SONDEO_MS = 5000;

  /** attempts of a queued delivery to a customer's channel (with REDIS_URL) */
  @IsInt()
  @Min(1)
  @Transform(aNumero)
  ENVIOS_INTENTOS = 8;

  /** first wait before retrying a delivery; doubles each time */
  @IsInt()
  @Min(1)
  @Transform(aNumero)
  ENVIOS_ESPERA_MS = 1000;

  /** how long a Telegram polling lease lives without being refreshed: another replica takes over after it */
  @IsInt()
  @Min(1000)
  @Transform(aNumero)
  TELEGRAM_ARRIENDO_MS = 15000;

  // --- Retrieval ---------------------------------------------------------------------------

  @IsIn(['local', 'gemini', 'openai'], { message: 'EMBEDDINGS_PROVIDER debe ser local, gemini u openai' })
  EMBEDDINGS_PROVIDER: 'local' | 'gemini' | 'openai' = 'local';

  /** model name for gemini/openai embeddings (defaults: gemini-embedding-001, text-embedding-3-small) */
  @IsOptional()
  @IsString()
  EMBEDDINGS_MODEL?: string;

  /** vector size; for openai-compatible servers it must match what the model returns */
  @IsOptional()
  @IsInt()
  @Min(8)
  @Max(8192)
  @Transform(aNumero)
  EMBEDDINGS_DIMENSION?: number;

  @IsIn(['faiss', 'pinecone', 'exacto'], { message: 'RETRIEVER_BACKEND debe ser faiss, pinecone o exacto' })
  RETRIEVER_BACKEND: 'faiss' | 'pinecone' | 'exacto' = 'faiss';

  /** above this many products FAISS switches from exact to approximate (HNSW) search */
  @IsInt()
  @Min(1)
  @Transform(aNumero)
  FAISS_UMBRAL_APROXIMADO = 5000;

  @ValidateIf((o: EnvironmentVariables) => o.RETRIEVER_BACKEND === 'pinecone')
  @IsString({ message: 'PINECONE_API_KEY es obligatorio con RETRIEVER_BACKEND=pinecone' })
  PINECONE_API_KEY?: string;

  @ValidateIf((o: EnvironmentVariables) => o.RETRIEVER_BACKEND === 'pinecone')
  @IsString({
    message: 'PINECONE_INDEX_HOST es obligatorio con RETRIEVER_BACKEND=pinecone (el host del índice, p. ej. productos-abc123.svc.aped-1234.pinecone.io)',
  })
  PINECONE_INDEX_HOST?: string;

  @IsString()
  PINECONE_NAMESPACE = 'productos';

  /** extra synonyms: a JSON object { "palabra del cliente": "término del catálogo" } */
  @IsOptional()
  @IsString()
  SINONIMOS_FILE?: string;

  /** a MyThes thesaurus (Debian's mythes-es) through which the knowledge base reads customers' words its entries do not use, or none */
  @Matches(/^(none|.+\.dat)$/, { message: 'TESAURO_FILE debe ser un tesauro MyThes .dat (p. ej. /usr/share/mythes/th_es_ES_v2.dat) o none' })
  TESAURO_FILE = '/usr/share/mythes/th_es_ES_v2.dat';

  /** cosine below which a purely semantic hit is dropped (default: 0.3 local, 0.5 remote models) */
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  @Transform(aNumero)
  BUSQUEDA_UMBRAL_SEMANTICO?: number;

  /** below this confidence (0..1) the knowledge base answers "no tengo esa información" and offers a person */
  @IsNumber({}, { message: 'CONOCIMIENTO_UMBRAL debe ser un número entre 0 y 1' })
  @Min(0)
  @Max(1)
  @Transform(aNumero)
  CONOCIMIENTO_UMBRAL: number = 0.28;

  // --- Language model and providers ---------------------------------------------------------

  @IsIn(['local', 'gemini', 'openai'], { message: 'LLM_PROVIDER debe ser local, gemini u openai' })
  LLM_PROVIDER: 'local' | 'gemini' | 'openai' = 'local';

  /** chat model (defaults: gemini-2.5-flash, gpt-4o-mini) */
  @IsOptional()
  @IsString()
  LLM_MODEL?: string;

  /** per-call timeout of any remote provider */
  @IsInt()
  @Min(100)
  @Transform(aNumero)
  PROVEEDOR_TIMEOUT_MS = 15000;

  /** wait before a provider call's first retry; each later retry waits twice as long */
  @IsInt()
  @Min(0)
  @Transform(aNumero)
  PROVEEDOR_REINTENTO_BASE_MS = 200;

  /** after 5 failed calls in a row a provider is skipped (local fallback) for this long, then tried again */
  @IsInt()
  @Min(0)
  @Transform(aNumero)
  PROVEEDOR_ENFRIAMIENTO_MS = 30000;

  @ValidateIf(usa('gemini'))
  @IsString({ message: 'GOOGLE_API_KEY es obligatorio cuando un proveedor es gemini' })
  GOOGLE_API_KEY?: string;

  @IsOptional()
  @IsUrl(urlLocal, { message: 'GEMINI_BASE_URL debe ser una URL http(s)' })
  GEMINI_BASE_URL?: string;

  @ValidateIf(usa('openai'))
  @IsString({ message: 'OPENAI_API_KEY es obligatorio cuando un proveedor es openai (para Ollama o vLLM locales basta cualquier valor)' })
  OPENAI_API_KEY?: string;

  @IsOptional()
  @IsUrl(urlLocal, { message: 'OPENAI_BASE_URL debe ser una URL http(s), p. ej. http://127.0.0.1:11434/v1' })
  OPENAI_BASE_URL?: string;

  // --- Voice notes and photos -----------------------------------------------------------------

  /** none: voice notes are answered with a request to write; openai: any OpenAI-compatible /audio/transcriptions (faster-whisper, whisper.cpp) */
  @IsIn(['none', 'openai'], { message: 'TRANSCRIPTION_PROVIDER debe ser none u openai' })
  TRANSCRIPTION_PROVIDER: 'none' | 'openai' = 'none';

  @IsString()
  TRANSCRIPTION_MODEL = 'whisper-1';

  /** none: a photo's caption is used alone; gemini/openai describe the image */
  @IsIn(['none', 'gemini', 'openai'], { message: 'VISION_PROVIDER debe ser none, gemini u openai' })
  VISION_PROVIDER: 'none' | 'gemini' | 'openai' = 'none';

  /** vision model (defaults: gemini-2.5-flash, gpt-4o-mini) */
  @IsOptional()
  @IsString()
  VISION_MODEL?: string;

  // --- Telegram ----------------------------------------------------------------------------------

  /** the bot's token from @BotFather; without it the Telegram channel is off */
  @IsOptional()
  @Matches(/^\d+:[\w-]{20,}$/, { message: 'TELEGRAM_TOKEN no tiene la forma 123456:ABC… que entrega @BotFather' })
  TELEGRAM_TOKEN?: string;

  @IsIn(['polling', 'webhook'], { message: 'TELEGRAM_MODE debe ser polling o webhook' })
  TELEGRAM_MODE: 'polling' | 'webhook' = 'polling';

  /** the public https URL Telegram calls in webhook mode (this server's TELEGRAM_WEBHOOK_PATH) */
  @ValidateIf((o: EnvironmentVariables) => o.TELEGRAM_TOKEN !== undefined && o.TELEGRAM_MODE === 'webhook')
  @IsUrl(urlLocal, { message: 'TELEGRAM_WEBHOOK_URL es obligatorio en modo webhook (la URL pública de este servidor)' })
  TELEGRAM_WEBHOOK_URL?: string;

  /** checked on every webhook call (X-Telegram-Bot-Api-Secret-Token) */
  @ValidateIf((o: EnvironmentVariables) => o.TELEGRAM_TOKEN !== undefined && o.TELEGRAM_MODE === 'webhook')
  @Matches(/^[A-Za-z0-9_-]{16,256}$/, { message: 'TELEGRAM_WEBHOOK_SECRET es obligatorio en modo webhook: 16 a 256 letras, números, _ o -' })
  TELEGRAM_WEBHOOK_SECRET?: string;

  @Matches(/^\/[\w/-]*$/, { message: 'TELEGRAM_WEBHOOK_PATH debe empezar por /' })
  TELEGRAM_WEBHOOK_PATH = '/telegram/webhook';

  /** another Bot API server (a local one, or the tests' fake) */
  @IsOptional()
  @IsUrl(urlLocal, { message: 'TELEGRAM_API_ROOT debe ser una URL http(s)' })
  TELEGRAM_API_ROOT?: string;
}

/** values never echoed back in an error */
const SECRETO = /KEY|SECRET|PASSWORD|TOKEN/;

/**
 * A configuration the service cannot start with: every bad variable, each with what is wrong.
 * Its message is the block main.ts prints, with no stack trace: it is for a person to fix.
 */
export class ErrorDeConfiguracion extends Error {
  override readonly name = 'ErrorDeConfiguracion';

  constructor(readonly variables: Array<{ variable: string; valor?: unknown; problemas: string[] }>) {
    const ancho = Math.max(...variables.map((v) => v.variable.length));
    const lineas = variables.map(({ variable, valor, problemas }) => {
      const dado = valor === undefined ? 'sin valor' : SECRETO.test(variable) ? 'valor oculto' : `valor ${JSON.stringify(valor)}`;
      return `  ${variable.padEnd(ancho)}  ${problemas.join('; ')} (${dado})`;
    });
    super(
      `Configuración inválida: ${variables.length === 1 ? 'revisa esta variable' : `revisa estas ${variables.length} variables`} (entorno o .env) y vuelve a iniciar.\n${lineas.join('\n')}`,
    );
  }
}

/** a variable's messages, once each; class-validator's English defaults only when it has no message of ours */
function problemas(restricciones: Record<string, string>): string[] {
  const todos = [...new Set(Object.values(restricciones))];
  const propios = todos.filter((m) => !/ (must|should) /.test(m));
  return propios.length ? propios : todos;
}

export function validarEntorno(config: Record<string, unknown>): EnvironmentVariables {
  // Empty strings in a .env mean "not set": let the defaults apply.
  const limpio = Object.fromEntries(Object.entries(config).filter(([, v]) => v !== ''));
  const env = plainToInstance(EnvironmentVariables, limpio, { exposeDefaultValues: true });
  const errores = validateSync(env, { skipMissingProperties: false });
  if (errores.length > 0)
    throw new ErrorDeConfiguracion(errores.map((e) => ({ variable: e.property, valor: limpio[e.property], problemas: problemas(e.constraints ?? {}) })));
  return env;
}

/** The ConfigModule of the app. Tests set their environment explicitly; a developer's .env must not leak into them. */
export function opcionesConfiguracion(): ConfigModuleOptions {
  return { isGlobal: true, cache: true, validate: validarEntorno, ignoreEnvFile: process.env.NODE_ENV === 'test' };
}
