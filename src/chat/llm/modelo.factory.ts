import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../../config/env.validation';
import { ModeloLenguaje } from './llm.interfaces';
import { LocalModelo } from './local.modelo';

/** LLM_PROVIDER picks the model; keys were checked at boot, so a missing one never gets here. */
export function crearModeloLenguaje(config: ConfigService<EnvironmentVariables, true>): ModeloLenguaje {
  const modelo = config.get('LLM_MODEL', { infer: true });
  const timeoutMs = config.get('PROVEEDOR_TIMEOUT_MS', { infer: true });
  switch (config.get('LLM_PROVIDER', { infer: true })) {
    case 'gemini':
    case 'openai':
      throw new Error(`LLM_PROVIDER=${config.get('LLM_PROVIDER', { infer: true })} todavía no está disponible en esta versión`);
    default:
      return new LocalModelo();
  }
}
