import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VectorIndex } from '../../src/retrieval/retrieval.interfaces';

/** a unit vector pointing mostly along axis `eje`, a little along the next one */
export function vectorEje(dimension: number, eje: number, mezcla = 0.1): Float32Array {
  const v = new Float32Array(dimension);
  v[eje % dimension] = 1;
  v[(eje + 1) % dimension] = mezcla;
  const n = Math.hypot(...v);
  return v.map((x) => x / n);
}

/**
 * What every VECTOR_INDEX implementation must do, whatever it runs on (TypeScript, FAISS,
 * Pinecone). Each implementation's spec calls this with a factory of empty indexes; `alDia`, for
 * one that writes files in the background, waits for them (a directory goes only after that).
 */
export function contratoIndiceVectorial<T extends VectorIndex>(
  nombre: string,
  crear: (dimension: number) => Promise<T>,
  opciones: { persiste?: boolean; alDia?: (indice: T) => Promise<void> } = {},
): void {
  describe(`VectorIndex contract: ${nombre}`, () => {
    const D = 16;
    let indice: T;
    beforeEach(async () => {
      indice = await crear(D);
      await indice.clear();
    });

    const cargar = () =>
      indice.upsert([
        { id: 1, vector: vectorEje(D, 0), metadata: { categoria: 'cascos', activo: true } },
        { id: 2, vector: vectorEje(D, 1), metadata: { categoria: 'cascos', activo: true } },
        { id: 3, vector: vectorEje(D, 2), metadata: { categoria: 'guantes', activo: true } },
        { id: 4, vector: vectorEje(D, 0, 0.3), metadata: { categoria: 'guantes', activo: false } },
      ]);

    it('finds the nearest vectors first, with inner-product scores', async () => {
      await cargar();
      const hits = await indice.search(vectorEje(D, 0), 3);
      expect(hits[0]).toMatchObject({ id: 1 });
      expect(hits[0].score).toBeCloseTo(1, 3);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((a, b) => b - a));
      expect(await indice.size()).toBe(4);
    });

    it('filters by category and by active', async () => {
      await cargar();
      expect((await indice.search(vectorEje(D, 0), 4, { categoria: 'guantes' })).map((h) => h.id)).toEqual([4, 3]);
      expect((await indice.search(vectorEje(D, 0), 4, { soloActivos: true })).map((h) => h.id)).not.toContain(4);
      expect((await indice.search(vectorEje(D, 0), 4, { categoria: 'guantes', soloActivos: true })).map((h) => h.id)).toEqual([3]);
    });

    it('an upsert of a known id replaces its vector and metadata', async () => {
      await cargar();
      await indice.upsert([{ id: 3, vector: vectorEje(D, 0), metadata: { categoria: 'cascos', activo: true } }]);
      expect(await indice.size()).toBe(4);
      const hits = await indice.search(vectorEje(D, 0), 2, { categoria: 'cascos' });
      expect(hits.map((h) => h.id).sort()).toEqual([1, 3]);
    });

    it('removes ids, ignores unknown ones, and clears', async () => {
      await cargar();
      await indice.remove([1, 99]);
      expect(await indice.size()).toBe(3);
      expect((await indice.search(vectorEje(D, 0), 4)).map((h) => h.id)).not.toContain(1);
      await indice.clear();
      expect(await indice.size()).toBe(0);
      expect(await indice.search(vectorEje(D, 0), 4)).toEqual([]);
    });

    it('never returns more than k', async () => {
      await cargar();
      expect(await indice.search(vectorEje(D, 5), 2)).toHaveLength(2);
    });

    if (opciones.persiste !== false) {
      it('persists and loads into a new instance', async () => {
        await cargar();
        const dir = mkdtempSync(join(tmpdir(), 'indice-'));
        try {
          await indice.persist(dir);
          // its background write done, the new instance loads that file too
          await opciones.alDia?.(indice);
          const otro = await crear(D);
          expect(await otro.load(dir)).toBe(true);
          expect(await otro.size()).toBe(4);
          expect((await otro.search(vectorEje(D, 2), 1))[0].id).toBe(3);
          expect(await (await crear(D + 1)).load(dir)).toBe(false);
          expect(await (await crear(D)).load(join(dir, 'no-existe'))).toBe(false);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      });
    }
  });
}
