import { contratoEmbeddings } from '../../../test/contratos/embeddings.contrato';
import { geminiFalso, GeminiFalso } from '../../../test/fakes/gemini.fake';
import { openAIFalso, OpenAIFalso } from '../../../test/fakes/openai.fake';
import { ProveedorNoDisponible } from '../../common/proveedores';
import { GeminiEmbeddings } from './gemini.embeddings';
import { OpenAIEmbeddings } from './openai.embeddings';

let openai: OpenAIFalso;
let gemini: GeminiFalso;
beforeAll(async () => {
  [openai, gemini] = await Promise.all([openAIFalso({ dimension: 64 }), geminiFalso()]);
});
afterAll(() => Promise.all([openai.cerrar(), gemini.cerrar()]));

const deOpenAI = (o: Partial<ConstructorParameters<typeof OpenAIEmbeddings>[0]> = {}) =>
  new OpenAIEmbeddings({ apiKey: 'sk-prueba', baseURL: `${openai.url}/v1`, modelo: 'text-embedding-3-small', dimension: 64, timeoutMs: 2000, ...o });
const deGemini = (o: Partial<ConstructorParameters<typeof GeminiEmbeddings>[0]> = {}) =>
  new GeminiEmbeddings({ apiKey: 'clave-gemini', baseURL: gemini.url, modelo: 'gemini-embedding-001', dimension: 96, timeoutMs: 2000, ...o });

contratoEmbeddings('openai (SDK → servidor falso)', async () => deOpenAI());
contratoEmbeddings('gemini (SDK → servidor falso)', async () => deGemini());

describe('remote embedders over the wire', () => {
  it('openai: batches into several calls, asks base64 as the SDK does, keeps order', async () => {
    const antes = openai.peticiones.length;
    const textos = Array.from({ length: 7 }, (_, i) => `producto ${i}`);
    const vs = await deOpenAI({ lote: 3 }).embed(textos);
    const llamadas = openai.peticiones.slice(antes);
    expect(llamadas.map((p) => (p.cuerpo as { input: string[] }).input.length)).toEqual([3, 3, 1]);
    expect((llamadas[0].cuerpo as { encoding_format: string }).encoding_format).toBe('base64');
    const [solo] = await deOpenAI().embed(['producto 5']);
    expect(Array.from(vs[5])).toEqual(Array.from(solo));
  });

  it('gemini: one :batchEmbedContents per slice, with the task type and dimension', async () => {
    const antes = gemini.peticiones.length;
    await deGemini({ lote: 2 }).embed(['a b', 'c d', 'e f'], 'consulta');
    const llamadas = gemini.peticiones.slice(antes);
    expect(llamadas.map((p) => p.ruta)).toEqual([
      expect.stringMatching(/gemini-embedding-001:batchEmbedContents$/),
      expect.stringMatching(/:batchEmbedContents$/),
    ]);
    expect((llamadas[0].cuerpo as { requests: Array<Record<string, unknown>> }).requests[0]).toMatchObject({
      taskType: 'RETRIEVAL_QUERY',
      outputDimensionality: 96,
    });
  });

  it('retries a 503 and then succeeds', async () => {
    gemini.fallar(2);
    await expect(deGemini().embed(['casco'])).resolves.toHaveLength(1);
    openai.fallar(1);
    await expect(deOpenAI().embed(['casco'])).resolves.toHaveLength(1);
  });

  it('a wrong key is a clear ProveedorNoDisponible, not retried', async () => {
    const antes = openai.peticiones.length;
    await expect(deOpenAI({ apiKey: 'mala' }).embed(['x'])).rejects.toBeInstanceOf(ProveedorNoDisponible);
    expect(openai.peticiones.length - antes).toBe(1);
    await expect(deGemini({ apiKey: 'mala' }).embed(['x'])).rejects.toThrow('El proveedor gemini no está disponible');
  });

  it('a model answering another dimension than configured is refused', async () => {
    await expect(deOpenAI({ dimension: 32 }).embed(['x'])).rejects.toThrow('dimensión 64');
  });
});
