import { ConfigService } from '@nestjs/config';
import { crearModeloLenguaje } from '../chat/llm/modelo.factory';
import { crearTranscripcion, crearVision } from '../chat/medios/medios.factory';
import { EnvironmentVariables } from './env.validation';
import { tiemposProveedor } from './proveedores';

/** a ConfigService over plain values, as the factories read it */
const config = (valores: Partial<Record<keyof EnvironmentVariables, unknown>>) =>
  ({ get: (k: keyof EnvironmentVariables) => valores[k] }) as unknown as ConfigService<EnvironmentVariables, true>;

describe('provider factories', () => {
  it('throw on a value they do not know instead of falling back silently', () => {
    expect(() => crearModeloLenguaje(config({ LLM_PROVIDER: 'claude' }))).toThrow('LLM_PROVIDER=claude no es un valor conocido');
    expect(() => crearVision(config({ VISION_PROVIDER: 'ojo' }))).toThrow('VISION_PROVIDER=ojo');
    expect(() => crearTranscripcion(config({ TRANSCRIPTION_PROVIDER: 'oido' }))).toThrow('TRANSCRIPTION_PROVIDER=oido');
  });

  it('build what the validated value names', () => {
    expect(crearModeloLenguaje(config({ LLM_PROVIDER: 'local' })).nombre).toBe('local');
    expect(crearVision(config({ VISION_PROVIDER: 'none' }))).toBeNull();
    expect(crearTranscripcion(config({ TRANSCRIPTION_PROVIDER: 'none' }))).toBeNull();
  });

  it('give every remote provider the configured timeout, retry backoff and cool-down', () => {
    expect(tiemposProveedor(config({ PROVEEDOR_TIMEOUT_MS: 900, PROVEEDOR_REINTENTO_BASE_MS: 5, PROVEEDOR_ENFRIAMIENTO_MS: 1000 }))).toEqual({
      timeoutMs: 900,
      esperaBaseMs: 5,
      enfriamientoMs: 1000,
    });
  });
});
