import { openAIFalso, OpenAIFalso } from './fakes/openai.fake';
import { pineconeFalso } from './fakes/pinecone.fake';
import { AppDePrueba, crearApp } from './utils/crear-app';

/**
 * Switching the embedder and the vector backend is configuration only: OpenAI-compatible
 * embeddings into Pinecone, through the real SDK and REST calls against fakes on 127.0.0.1
 * (busqueda-gemini.e2e-spec.ts does the same with Gemini).
 */
describe(`búsqueda con embeddings openai y Pinecone (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let openai: OpenAIFalso;
  let pinecone: Awaited<ReturnType<typeof pineconeFalso>>;
  beforeAll(async () => {
    [openai, pinecone] = await Promise.all([openAIFalso({ apiKey: 'sk-prueba', dimension: 96 }), pineconeFalso({ apiKey: 'pc-prueba' })]);
    t = await crearApp({
      SEED_DEMO: 'true',
      EMBEDDINGS_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-prueba',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      EMBEDDINGS_MODEL: 'nomic-embed-text',
      EMBEDDINGS_DIMENSION: '96',
      RETRIEVER_BACKEND: 'pinecone',
      PINECONE_API_KEY: 'pc-prueba',
      PINECONE_INDEX_HOST: pinecone.url,
      PROVEEDOR_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await Promise.all([openai.cerrar(), pinecone.cerrar()]);
  });

  it('builds the index in Pinecone with the remote embeddings and reports it', async () => {
    expect(pinecone.espacios.get('productos')?.size).toBe(43);
    const r = await t.http().get('/health/ready').expect(200);
    expect(r.body.info.indice).toMatchObject({ backend: 'pinecone', embeddings: 'openai:nomic-embed-text:96', estado: 'listo', vectores: 43 });
  });

  it('searches through both and fuses with the lexical ranking', async () => {
    const r = await t.http().get('/productos/buscar').query({ q: 'extinguidor 20 lb' }).set(t.admin).expect(200);
    expect(r.body.degradada).toBe(false);
    expect(r.body.resultados[0].producto.sku).toBe('EXT-ABC-20');
    expect(openai.peticiones.at(-1)!.ruta).toBe('/v1/embeddings');
    expect(pinecone.peticiones.at(-1)!.cuerpo).toMatchObject({ topK: 50, filter: { activo: { $eq: true } } });
  });

  it('a deactivated product leaves Pinecone too', async () => {
    const id = (await t.http().get('/productos/productos').query({ q: 'camilla' }).set(t.admin)).body.items[0].id;
    await t.http().delete(`/productos/productos/${id}`).set(t.admin).expect(200);
    expect(pinecone.espacios.get('productos')?.has(String(id))).toBe(false);
  });

  it('with the embedding provider down, search still answers from the lexical index and says so', async () => {
    openai.fallar(10, { status: 503, cuerpo: { error: { message: 'overloaded' } } });
    const r = await t.http().get('/productos/buscar').query({ q: 'casco blanco' }).set(t.admin).expect(200);
    openai.fallar(0);
    expect(r.body.degradada).toBe(true);
    expect(r.body.resultados[0].producto.sku).toBe('CAS-BLA');
  });
});
