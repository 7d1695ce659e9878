import { geminiFalso, GeminiFalso } from './fakes/gemini.fake';
import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`búsqueda con embeddings gemini e índice exacto (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let gemini: GeminiFalso;
  beforeAll(async () => {
    gemini = await geminiFalso({ apiKey: 'clave-gemini' });
    t = await crearApp({
      SEED_DEMO: 'true',
      EMBEDDINGS_PROVIDER: 'gemini',
      GOOGLE_API_KEY: 'clave-gemini',
      GEMINI_BASE_URL: gemini.url,
      EMBEDDINGS_DIMENSION: '128',
      RETRIEVER_BACKEND: 'exacto',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await gemini.cerrar();
  });

  it('switching embedder and index is only configuration', async () => {
    const salud = await t.http().get('/health/ready').expect(200);
    expect(salud.body.info.indice).toMatchObject({ backend: 'exacto', embeddings: 'gemini:gemini-embedding-001:128', vectores: 43 });
    const r = await t.http().get('/productos/buscar').query({ q: 'botas pantaneras' }).set(t.admin).expect(200);
    expect(r.body.resultados[0].producto.sku).toBe('BOT-CAU');
    const consulta = gemini.peticiones.at(-1)!.cuerpo as { requests: Array<{ taskType: string }> };
    expect(consulta.requests[0].taskType).toBe('RETRIEVAL_QUERY');
  });

  it('a wrong key at start-up leaves the index in error, /health/ready 503, search lexical', async () => {
    await t.reiniciar();
    // same app, the fake now refuses every call: the index loads from disk, queries cannot embed
    gemini.fallar(100, { status: 400, cuerpo: { error: { code: 400, message: 'API key not valid', status: 'INVALID_ARGUMENT' } } });
    await t.http().post('/admin/productos/sincronizar').set(t.admin).expect(200);
    const salud = await t.http().get('/health/ready').expect(503);
    expect(salud.body.details.indice).toMatchObject({ status: 'down', estado: 'error', error: expect.stringContaining('gemini') });
    const r = await t.http().get('/productos/buscar').query({ q: 'casco azul' }).set(t.admin).expect(200);
    expect(r.body).toMatchObject({ degradada: true });
    expect(r.body.resultados[0].producto.sku).toBe('CAS-AZU');
    gemini.fallar(0);
  });
});
