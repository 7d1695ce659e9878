import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../../config/env.validation';
import { tiemposProveedor, valorDesconocido } from '../../config/proveedores';
import { Transcripcion, Vision } from './medios.interfaces';
import { OpenAITranscripcion } from './openai.transcripcion';
import { GeminiVision, OpenAIVision } from './vision';

type Config = ConfigService<EnvironmentVariables, true>;

/** null when TRANSCRIPTION_PROVIDER=none: voice notes get a friendly "please write" instead. */
export function crearTranscripcion(config: Config): Transcripcion | null {
  const proveedor = config.get('TRANSCRIPTION_PROVIDER', { infer: true });
  switch (proveedor) {
    case 'openai':
      return new OpenAITranscripcion({
        apiKey: config.get('OPENAI_API_KEY', { infer: true }),
        baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
        modelo: config.get('TRANSCRIPTION_MODEL', { infer: true }),
        ...tiemposProveedor(config),
      });
    case 'none':
      return null;
    default:
      return valorDesconocido('TRANSCRIPTION_PROVIDER', proveedor);
  }
}

/** null when VISION_PROVIDER=none: a photo's caption is used alone. */
export function crearVision(config: Config): Vision | null {
  const modelo = config.get('VISION_MODEL', { infer: true });
  const tiempos = tiemposProveedor(config);
  const proveedor = config.get('VISION_PROVIDER', { infer: true });
  switch (proveedor) {
    case 'gemini':
      return new GeminiVision({
        apiKey: config.get('GOOGLE_API_KEY', { infer: true }),
        baseURL: config.get('GEMINI_BASE_URL', { infer: true }),
        modelo,
        ...tiempos,
      });
    case 'openai':
      return new OpenAIVision({
        apiKey: config.get('OPENAI_API_KEY', { infer: true }),
        baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
        modelo,
        ...tiempos,
      });
    case 'none':
      return null;
    default:
      return valorDesconocido('VISION_PROVIDER', proveedor);
  }
}
