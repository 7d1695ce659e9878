import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../../config/env.validation';
import { Transcripcion, Vision } from './medios.interfaces';
import { OpenAITranscripcion } from './openai.transcripcion';
import { GeminiVision, OpenAIVision } from './vision';

type Config = ConfigService<EnvironmentVariables, true>;

/** null when TRANSCRIPTION_PROVIDER=none: voice notes get a friendly "please write" instead. */
export function crearTranscripcion(config: Config): Transcripcion | null {
  if (config.get('TRANSCRIPTION_PROVIDER', { infer: true }) !== 'openai') return null;
  return new OpenAITranscripcion({
    apiKey: config.get('OPENAI_API_KEY', { infer: true }),
    baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
    modelo: config.get('TRANSCRIPTION_MODEL', { infer: true }),
    timeoutMs: config.get('PROVEEDOR_TIMEOUT_MS', { infer: true }),
  });
}

/** null when VISION_PROVIDER=none: a photo's caption is used alone. */
export function crearVision(config: Config): Vision | null {
  const modelo = config.get('VISION_MODEL', { infer: true });
  const timeoutMs = config.get('PROVEEDOR_TIMEOUT_MS', { infer: true });
  switch (config.get('VISION_PROVIDER', { infer: true })) {
    case 'gemini':
      return new GeminiVision({
        apiKey: config.get('GOOGLE_API_KEY', { infer: true }),
        baseURL: config.get('GEMINI_BASE_URL', { infer: true }),
        modelo,
        timeoutMs,
      });
    case 'openai':
      return new OpenAIVision({
        apiKey: config.get('OPENAI_API_KEY', { infer: true }),
        baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
        modelo,
        timeoutMs,
      });
    default:
      return null;
  }
}
