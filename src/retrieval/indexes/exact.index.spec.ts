import fc from 'fast-check';
import { contratoIndiceVectorial } from '../../../test/contratos/vector-index.contrato';
import { ExactIndex, TopK } from './exact.index';

contratoIndiceVectorial('exacto (TypeScript)', async (d) => new ExactIndex(d));

describe('TopK', () => {
  it('keeps the k best, best first', () => {
    const t = new TopK(3);
    [0.1, 0.9, 0.5, 0.7, 0.2].forEach((s, i) => t.offer(i, s));
    expect(t.hits.map((h) => h.id)).toEqual([1, 3, 2]);
  });
});

describe('ExactIndex', () => {
  it('grows past its initial capacity and rejects vectors of another dimension', async () => {
    const ix = new ExactIndex(4);
    await ix.upsert(
      Array.from({ length: 200 }, (_, i) => ({ id: i + 1, vector: Float32Array.from([1, i, 0, 0]), metadata: { categoria: 'x', activo: true } })),
    );
    expect(await ix.size()).toBe(200);
    expect((await ix.search(Float32Array.from([0, 1, 0, 0]), 1))[0].id).toBe(200);
    await expect(ix.upsert([{ id: 1, vector: new Float32Array(3), metadata: { categoria: 'x', activo: true } }])).rejects.toThrow('dimensión');
  });

  it('keeps rows right across its storage blocks: growing, removing (the last row moves into the hole) and copying', async () => {
    const ix = new ExactIndex(2);
    const n = 20_000;
    await ix.upsert(Array.from({ length: n }, (_, i) => ({ id: i + 1, vector: Float32Array.from([1, i]), metadata: { categoria: 'x', activo: true } })));
    await ix.remove([5]);
    expect(await ix.size()).toBe(n - 1);
    expect(ix.posicion(n)).toBe(4); // the last row took the hole
    expect(Array.from(ix.vector(4))).toEqual([1, n - 1]);
    expect((await ix.search(Float32Array.from([0, 1]), 1))[0].id).toBe(n);
    const copia = ix.copiaVectores();
    expect(copia.length).toBe((n - 1) * 2);
    expect(Array.from(copia.subarray(2 * 9000, 2 * 9000 + 2))).toEqual([1, 9000]);
  });

  it("scores a mostly-zero query (the local embedder's) exactly as the full dot product does", async () => {
    const D = 16;
    const vector = fc
      .array(fc.oneof(fc.constant(0), fc.float({ min: -1, max: 1, noNaN: true })), { minLength: D, maxLength: D })
      .map((xs) => Float32Array.from(xs));
    await fc.assert(
      fc.asyncProperty(fc.array(vector, { minLength: 1, maxLength: 30 }), vector, async (filas, q) => {
        const ix = new ExactIndex(D);
        await ix.upsert(filas.map((v, i) => ({ id: i + 1, vector: v, metadata: { categoria: 'x', activo: true } })));
        const completo = filas.map((v, i) => ({ id: i + 1, score: v.reduce((s, x, j) => s + x * q[j], 0) }));
        const hits = await ix.search(q, filas.length);
        for (const h of hits) expect(h.score).toBe(completo[h.id - 1].score);
      }),
    );
  });
});
