import { ErrorDeConfiguracion, validarEntorno } from './env.validation';

describe('validarEntorno', () => {
  it('fills the documented defaults', () => {
    const env = validarEntorno({});
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 8001,
      DATABASE_URL: 'sqlite:./data/agente.db',
      SEED_DEMO: true,
      DATA_DIR: './data',
      ZONA_HORARIA: 'America/Bogota',
      TESAURO_FILE: '/usr/share/mythes/th_es_ES_v2.dat',
    });
    expect(env.JWT_SECRET).toBeUndefined();
  });

  it('reads strings as the types they stand for; empty means unset', () => {
    const env = validarEntorno({ PORT: '9000', SEED_DEMO: 'false', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tienda', ADMIN_EMAIL: '' });
    expect(env).toMatchObject({ PORT: 9000, SEED_DEMO: false, DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/tienda' });
    expect(env.ADMIN_EMAIL).toBeUndefined();
  });

  it.each([
    [{ NODE_ENV: 'production' }, 'JWT_SECRET'],
    [{ JWT_SECRET: 'corta' }, 'JWT_SECRET'],
    [{ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) }, 'SEUDONIMO_SECRET'],
    [{ SEUDONIMO_SECRET: 'corta' }, 'SEUDONIMO_SECRET'],
    [{ LIMITE_CHAT_MINUTO: '-1' }, 'LIMITE_CHAT_MINUTO'],
    [{ DOCS_ACCESO: 'token' }, 'DOCS_TOKEN'],
    [{ METRICS_ACCESO: 'privado' }, 'METRICS_ACCESO'],
    [{ PORT: 'ochenta' }, 'PORT'],
    [{ ZONA_HORARIA: 'Bogota' }, 'ZONA_HORARIA debe ser una zona horaria IANA'],
    [{ ZONA_HORARIA: '-05:00' }, 'ZONA_HORARIA debe ser una zona horaria IANA'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL debe ser sqlite:<ruta> o postgres://'],
    [{ TESAURO_FILE: '/usr/share/mythes/th_es_ES_v2.idx' }, 'TESAURO_FILE debe ser un tesauro MyThes .dat'],
    [{ ADMIN_EMAIL: 'admin@tienda.co' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'no-es-correo', ADMIN_PASSWORD: 'clave-larga' }, 'ADMIN_EMAIL'],
    [{ NODE_ENV: 'staging' }, 'NODE_ENV'],
    [{ LLM_PROVIDER: 'gemini' }, 'GOOGLE_API_KEY es obligatorio'],
    [{ EMBEDDINGS_PROVIDER: 'gemini' }, 'GOOGLE_API_KEY es obligatorio'],
    [{ LLM_PROVIDER: 'openai' }, 'OPENAI_API_KEY es obligatorio'],
    [{ LLM_PROVIDER: 'claude' }, 'LLM_PROVIDER debe ser local, gemini u openai'],
    [{ RETRIEVER_BACKEND: 'pinecone' }, 'PINECONE_API_KEY es obligatorio'],
    [{ RETRIEVER_BACKEND: 'pinecone', PINECONE_API_KEY: 'k' }, 'PINECONE_INDEX_HOST es obligatorio'],
    [{ OPENAI_BASE_URL: 'localhost:11434' }, 'OPENAI_BASE_URL debe ser una URL'],
    [{ EMBEDDINGS_DIMENSION: '3' }, 'EMBEDDINGS_DIMENSION'],
  ])('refuses %j with a message naming the variable', (entrada, esperado) => {
    expect(() => validarEntorno(entrada)).toThrow(esperado);
  });

  it('accepts a local OpenAI-compatible server (Ollama) with any key', () => {
    expect(() => validarEntorno({ LLM_PROVIDER: 'openai', OPENAI_API_KEY: 'ollama', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' })).not.toThrow();
  });

  it('accepts a production setup with long secrets', () => {
    expect(() => validarEntorno({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), SEUDONIMO_SECRET: 'y'.repeat(40) })).not.toThrow();
  });

  it('names every bad variable at once, one line each, without echoing secrets', () => {
    let error: unknown;
    try {
      validarEntorno({ PORT: 'ochenta', DATABASE_URL: 'mysql://x', JWT_SECRET: 'corta' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ErrorDeConfiguracion);
    const { variables, message } = error as ErrorDeConfiguracion;
    expect(variables.map((v) => v.variable).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT']);
    const lineas = message.split('\n');
    expect(lineas[0]).toBe('Configuración inválida: revisa estas 3 variables (entorno o .env) y vuelve a iniciar.');
    expect(lineas.slice(1)).toEqual([
      expect.stringMatching(/^ {2}PORT +PORT debe ser un número de puerto entre 0 y 65535 \(valor "ochenta"\)$/),
      expect.stringMatching(/^ {2}DATABASE_URL +DATABASE_URL debe ser sqlite:<ruta>.*\(valor "mysql:\/\/x"\)$/),
      expect.stringMatching(/^ {2}JWT_SECRET +JWT_SECRET debe tener al menos 32 caracteres.*\(valor oculto\)$/),
    ]);
  });
});
