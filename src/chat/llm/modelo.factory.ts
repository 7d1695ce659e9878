import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../../config/env.validation';
import { tiemposProveedor, valorDesconocido } from '../../config/proveedores';
import { GeminiModelo } from './gemini.modelo';
import { ModeloLenguaje } from './llm.interfaces';
import { LocalModelo } from './local.modelo';
import { OpenAIModelo } from './openai.modelo';

/** LLM_PROVIDER picks the model; keys were checked at boot, so a missing one never gets here. */
export function crearModeloLenguaje(config: ConfigService<EnvironmentVariables, true>): ModeloLenguaje {
  const modelo = config.get('LLM_MODEL', { infer: true });
  const tiempos = tiemposProveedor(config);
  const proveedor = config.get('LLM_PROVIDER', { infer: true });
  switch (proveedor) {
    case 'gemini':
      return new GeminiModelo({
        apiKey: config.get('GOOGLE_API_KEY', { infer: true }),
        baseURL: config.get('GEMINI_BASE_URL', { infer: true }),
        modelo,
        ...tiempos,
      });
    case 'openai':
      return new OpenAIModelo({
        apiKey: config.get('OPENAI_API_KEY', { infer: true }),
        baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
        modelo,
        ...tiempos,
      });
    case 'local':
      return new LocalModelo();
    default:
      return valorDesconocido('LLM_PROVIDER', proveedor);
  }
}
