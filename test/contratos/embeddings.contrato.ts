import { Embeddings } from '../../src/retrieval/retrieval.interfaces';

const coseno = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i], 0);

/** What every EMBEDDINGS implementation must do (local, Gemini, OpenAI-compatible). */
export function contratoEmbeddings(nombre: string, crear: () => Promise<Embeddings>): void {
  describe(`Embeddings contract: ${nombre}`, () => {
    let e: Embeddings;
    beforeAll(async () => (e = await crear()));

    it('one L2-normalised vector of the declared dimension per text, in order', async () => {
      const textos = ['casco de seguridad amarillo', 'guantes de nitrilo', 'extintor de 20 libras'];
      const vs = await e.embed(textos);
      expect(vs).toHaveLength(3);
      for (const v of vs) {
        expect(v).toBeInstanceOf(Float32Array);
        expect(v.length).toBe(e.dimension);
        expect(Math.hypot(...v)).toBeCloseTo(1, 3);
      }
      const [solo] = await e.embed([textos[1]]);
      expect(coseno(solo, vs[1])).toBeCloseTo(1, 3);
    });

    it('is deterministic and has a stable model id', async () => {
      const [a] = await e.embed(['botas pantaneras'], 'consulta');
      const [b] = await e.embed(['botas pantaneras'], 'consulta');
      expect(coseno(a, b)).toBeCloseTo(1, 5);
      expect(e.modelId).toMatch(/\S/);
    });

    it('an empty batch is an empty answer', async () => {
      expect(await e.embed([])).toEqual([]);
    });
  });
}
