import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Logger } from '@nestjs/common';
import { contratoIndiceVectorial, vectorEje } from '../../../test/contratos/vector-index.contrato';
import { ExactIndex } from './exact.index';
import { atenderHilo, RespuestaHilo } from './faiss.hilo';
import { FaissIndex, faissDisponible, tipoArchivoFaiss } from './faiss.index';

// CI builds the addon (npm run build:faiss): there the FAISS path must run, never be skipped.
const describir = faissDisponible() || process.env.CI === 'true' ? describe : describe.skip;

describir('FAISS', () => {
  const alDia = (ix: FaissIndex) => ix.alDia();
  // copiaHasta 0: every search goes to the thread, so these test FAISS itself
  contratoIndiceVectorial('faiss exacto (IndexFlatIP)', async (d) => new FaissIndex(d, { umbralAproximado: 1000, copiaHasta: 0 }), { alDia });
  contratoIndiceVectorial('faiss aproximado (HNSW)', async (d) => new FaissIndex(d, { umbralAproximado: 2, copiaHasta: 0 }), { alDia });
  contratoIndiceVectorial('faiss pequeño (answered from the copy)', async (d) => new FaissIndex(d, { umbralAproximado: 1000 }), { alDia });

  it('agrees with the exact TypeScript index on a larger random set, in both modes', async () => {
    const D = 32;
    let semilla = 7;
    const azar = () => (semilla = (semilla * 1103515245 + 12345) % 2 ** 31) / 2 ** 31 - 0.5;
    const items = Array.from({ length: 3000 }, (_, i) => {
      const v = Float32Array.from({ length: D }, azar);
      const n = Math.hypot(...v);
      return { id: i + 1, vector: v.map((x) => x / n), metadata: { categoria: i % 3 === 0 ? 'a' : 'b', activo: true } };
    });
    const exacto = new ExactIndex(D);
    const plano = new FaissIndex(D, { umbralAproximado: 10000, copiaHasta: 0 });
    const hnsw = new FaissIndex(D, { umbralAproximado: 100, copiaHasta: 0 });
    const copia = new FaissIndex(D, { umbralAproximado: 10000 });
    for (const ix of [exacto, plano, hnsw, copia]) await ix.upsert(items);
    // until FAISS holds them all, pending vectors are scanned exactly: compare FAISS itself
    await Promise.all([plano.alDia(), hnsw.alDia()]);
    let acuerdos = 0;
    for (let q = 0; q < 50; q++) {
      const consulta = items[q * 7].vector;
      const verdad = (await exacto.search(consulta, 10)).map((h) => h.id);
      const deFaiss = await plano.search(consulta, 10);
      expect(deFaiss.map((h) => h.id)).toEqual(verdad);
      // the main thread's copy answers as FAISS does: the same hits, the same scores (up to float32 rounding)
      const deCopia = await copia.search(consulta, 10);
      expect(deCopia.map((h) => h.id)).toEqual(verdad);
      deCopia.forEach((h, i) => expect(h.score).toBeCloseTo(deFaiss[i].score, 5));
      const aprox = (await hnsw.search(consulta, 10)).map((h) => h.id);
      acuerdos += aprox.filter((id) => verdad.includes(id)).length;
      expect((await plano.search(consulta, 5, { categoria: 'a' })).map((h) => h.id)).toEqual(
        (await exacto.search(consulta, 5, { categoria: 'a' })).map((h) => h.id),
      );
    }
    expect(acuerdos / 500).toBeGreaterThan(0.9);
  });

  it('appends without a rebuild and sees replacements after one', async () => {
    const ix = new FaissIndex(8, { umbralAproximado: 100, copiaHasta: 0 });
    await ix.upsert([{ id: 1, vector: vectorEje(8, 0), metadata: { categoria: 'x', activo: true } }]);
    await ix.search(vectorEje(8, 0), 1);
    await ix.upsert([{ id: 2, vector: vectorEje(8, 3), metadata: { categoria: 'x', activo: true } }]);
    expect((await ix.search(vectorEje(8, 3), 1))[0].id).toBe(2);
    await ix.upsert([{ id: 1, vector: vectorEje(8, 5), metadata: { categoria: 'x', activo: true } }]);
    expect((await ix.search(vectorEje(8, 5), 1))[0].id).toBe(1);
  });

  it('an edit or a removal in HNSW needs no rebuild: the old vector is skipped, the new one found, until a tenth are dead', async () => {
    const D = 16;
    const ix = new FaissIndex(D, { umbralAproximado: 10, copiaHasta: 0 });
    const item = (id: number, eje: number) => ({ id, vector: vectorEje(D, eje), metadata: { categoria: 'x', activo: true } });
    await ix.upsert(Array.from({ length: 12 }, (_, i) => item(i + 1, i)));
    await ix.alDia();
    expect((await ix.search(vectorEje(D, 3), 1))[0].id).toBe(4);
    const reconstruir = jest.spyOn(ix as unknown as { nuevoIndice: () => void }, 'nuevoIndice');
    await ix.upsert([item(4, 14)]); // id 4 moves from axis 3 to axis 14
    expect((await ix.search(vectorEje(D, 14), 1))[0].id).toBe(4); // pending, scanned exactly
    await ix.alDia();
    expect((await ix.search(vectorEje(D, 14), 1))[0].id).toBe(4); // now in FAISS
    expect((await ix.search(vectorEje(D, 3), 3)).map((h) => h.id)).not.toContain(4);
    await ix.remove([7]);
    expect((await ix.search(vectorEje(D, 6), 12)).map((h) => h.id)).not.toContain(7);
    expect((await ix.search(vectorEje(D, 11), 1))[0].id).toBe(12); // the row the store moved into the hole
    await ix.alDia();
    expect((await ix.search(vectorEje(D, 11), 1))[0].id).toBe(12);
    expect(reconstruir).not.toHaveBeenCalled();
    expect(await ix.size()).toBe(11);
  });

  it('a large HNSW build runs in its own thread: a search meanwhile is answered, complete, before the build ends', async () => {
    const D = 8;
    const items = Array.from({ length: 21_000 }, (_, i) => ({ id: i + 1, vector: vectorEje(D, i % D), metadata: { categoria: 'x', activo: true } }));
    const ix = new FaissIndex(D, { umbralAproximado: 100, copiaHasta: 0 });
    await ix.upsert(items);
    const orden: string[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'faiss-'));
    try {
      await ix.persist(dir); // the store now; FAISS's file once HNSW holds every vector
      const construido = ix.alDia().then(() => orden.push('construido'));
      const hits = await ix.search(vectorEje(D, 3), 5);
      orden.push('respondido');
      expect(hits).toHaveLength(5);
      expect(hits.every((h) => (h.id - 1) % D === 3)).toBe(true);
      await construido;
      expect(orden).toEqual(['respondido', 'construido']);
      expect(tipoArchivoFaiss(join(dir, 'vectores.faiss'))).toBe('aproximado');
      expect((await ix.search(vectorEje(D, 5), 3)).every((h) => (h.id - 1) % D === 5)).toBe(true);
    } finally {
      // a failed expectation leaves the write pending: the directory goes after it
      await ix.alDia();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('switches to HNSW when it grows past the threshold, and back to the flat index below it', async () => {
    const D = 8;
    const item = (id: number) => ({ id, vector: vectorEje(D, id), metadata: { categoria: 'x', activo: true } });
    const ix = new FaissIndex(D, { umbralAproximado: 3, copiaHasta: 0 });
    const dir = mkdtempSync(join(tmpdir(), 'faiss-'));
    const tipoPersistido = async () => {
      await ix.persist(dir);
      await ix.alDia();
      return tipoArchivoFaiss(join(dir, 'vectores.faiss'));
    };
    try {
      await ix.upsert([1, 2, 3].map(item));
      expect((await ix.search(vectorEje(D, 2), 1))[0].id).toBe(2);
      expect(await tipoPersistido()).toBe('exacto');
      await ix.upsert([4, 5, 6].map(item));
      expect((await ix.search(vectorEje(D, 5), 1))[0].id).toBe(5);
      expect(await tipoPersistido()).toBe('aproximado');
      // loaded under a higher threshold, the HNSW file is not reused as if it were flat
      const otro = new FaissIndex(D, { umbralAproximado: 100, copiaHasta: 0 });
      expect(await otro.load(dir)).toBe(true);
      expect((await otro.search(vectorEje(D, 6), 1))[0].id).toBe(6);
      await ix.remove([4, 5, 6]);
      expect((await ix.search(vectorEje(D, 1), 1))[0].id).toBe(1);
      expect(await tipoPersistido()).toBe('exacto');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('while HNSW fills, a store small enough is searched in the copy; once filled, by HNSW in the thread', async () => {
    const D = 8;
    const ix = new FaissIndex(D, { umbralAproximado: 100 });
    await ix.upsert(Array.from({ length: 2000 }, (_, i) => ({ id: i + 1, vector: vectorEje(D, i % D), metadata: { categoria: 'x', activo: true } })));
    const copia = jest.spyOn((ix as unknown as { almacen: ExactIndex }).almacen, 'search');
    const ejes = async () => (await ix.search(vectorEje(D, 3), 2)).map((h) => (h.id - 1) % D);
    expect(await ejes()).toEqual([3, 3]);
    expect(copia).toHaveBeenCalledTimes(1);
    await ix.alDia();
    expect(await ejes()).toEqual([3, 3]);
    expect(copia).toHaveBeenCalledTimes(1);
    // a new batch: the copy again until HNSW holds it
    await ix.upsert([{ id: 5000, vector: vectorEje(D, 3, 0), metadata: { categoria: 'x', activo: true } }]);
    expect((await ix.search(vectorEje(D, 3, 0), 1))[0].id).toBe(5000);
    expect(copia).toHaveBeenCalledTimes(2);
  });

  it('a FAISS file that cannot be written is reported, and the index goes on: FAISS never gets a path it cannot open', async () => {
    const aviso = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const D = 8;
    const ix = new FaissIndex(D, { umbralAproximado: 100, copiaHasta: 0 });
    // HNSW takes seconds to fill: the file is written after that, into a directory gone by then
    await ix.upsert(Array.from({ length: 5000 }, (_, i) => ({ id: i + 1, vector: vectorEje(D, i % D), metadata: { categoria: 'x', activo: true } })));
    const dir = mkdtempSync(join(tmpdir(), 'faiss-'));
    await ix.persist(dir);
    rmSync(dir, { recursive: true, force: true });
    await ix.alDia();
    expect(aviso).toHaveBeenCalledWith(expect.stringContaining(`No se pudo escribir el índice FAISS ${join(dir, 'vectores.faiss')}`));
    expect((await ix.search(vectorEje(D, 3), 2)).map((h) => (h.id - 1) % D)).toEqual([3, 3]);
    aviso.mockRestore();
  });

  it('the thread writes through a file it opened itself: a directory removed while FAISS writes fails the rename, not the process', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the native addon, as the thread loads it
    const faiss = require('faiss-node') as typeof import('faiss-node');
    const dir = mkdtempSync(join(tmpdir(), 'faiss-'));
    const conBorrado = {
      ...faiss,
      // a flat index whose write first removes its directory, as a test cleaning up early would
      IndexFlatIP: function (d: number) {
        const ix = new faiss.IndexFlatIP(d);
        const escribir = ix.write.bind(ix);
        return Object.defineProperty(ix, 'write', { value: (archivo: string) => (rmSync(dir, { recursive: true, force: true }), escribir(archivo)) });
      },
    } as unknown as typeof faiss;
    const respuestas: RespuestaHilo[] = [];
    const atender = atenderHilo(conBorrado, (r) => respuestas.push(r));
    atender({ tipo: 'nuevo', indice: 1, aproximado: false, dimension: 4, vectores: new Float32Array([1, 0, 0, 0]) });
    atender({ tipo: 'escribir', indice: 1, archivo: join(dir, 'vectores.faiss') });
    atender({ tipo: 'alDia', indice: 1, peticion: 7 });
    expect(respuestas).toEqual([{ aviso: expect.stringContaining('No se pudo escribir el índice FAISS') }, { peticion: 7 }]);
    // a directory that is already gone: Node's open fails before FAISS is called
    atender({ tipo: 'escribir', indice: 1, archivo: join(dir, 'vectores.faiss') });
    expect(respuestas.slice(2)).toEqual([{ aviso: expect.stringContaining('ENOENT') }]);
    expect(existsSync(dir)).toBe(false);
    // and a directory that stays: the file is there, and nothing is left aside
    mkdirSync(dir);
    const bien = atenderHilo(faiss, (r) => respuestas.push(r));
    bien({ tipo: 'nuevo', indice: 1, aproximado: false, dimension: 4, vectores: new Float32Array([1, 0, 0, 0]) });
    bien({ tipo: 'escribir', indice: 1, archivo: join(dir, 'vectores.faiss') });
    expect(respuestas).toHaveLength(3);
    expect(tipoArchivoFaiss(join(dir, 'vectores.faiss'))).toBe('exacto');
    expect(existsSync(join(dir, 'vectores.faiss.tmp'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});
