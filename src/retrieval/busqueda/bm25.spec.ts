import fc from 'fast-check';
import { Bm25, HitLexico } from './bm25';

/** BM25F written the plain way, document by document: what the indexed search must return */
function referencia(docs: Map<number, string[]>, consulta: string[], k: number, aceptar: (id: number) => boolean): HitLexico[] {
  const n = docs.size;
  const media = [...docs.values()].reduce((s, d) => s + d.length, 0) / n;
  const terminos = [...new Set(consulta)];
  const hits: HitLexico[] = [];
  for (const [id, d] of docs) {
    const coincidencias = terminos.filter((t) => d.includes(t));
    if (!coincidencias.length || !aceptar(id)) continue;
    let score = 0;
    for (const t of coincidencias) {
      const df = [...docs.values()].filter((x) => x.includes(t)).length;
      const f = d.filter((x) => x === t).length;
      score += (Math.log(1 + (n - df + 0.5) / (df + 0.5)) * f * 2.2) / (f + 1.2 * (0.25 + (0.75 * d.length) / media));
    }
    hits.push({ id, score, coincidencias });
  }
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

describe('Bm25', () => {
  const b = new Bm25();
  b.agregar(1, [
    { terminos: ['casc', 'amarill'], peso: 3 },
    { terminos: ['proteccion', 'cabez'], peso: 1 },
  ]);
  b.agregar(2, [{ terminos: ['casc', 'blanc'], peso: 3 }]);
  b.agregar(3, [
    { terminos: ['guant', 'nitril'], peso: 3 },
    { terminos: ['casc'], peso: 1 },
  ]);

  it('ranks by weighted term frequency and rarity, and says what matched', () => {
    const hits = b.buscar(['casc', 'amarill'], 10);
    expect(hits[0]).toMatchObject({ id: 1, coincidencias: ['casc', 'amarill'] });
    expect(hits.map((h) => h.id)).toEqual([1, 2, 3]);
  });

  it('follows updates and removals', () => {
    const c = new Bm25();
    c.agregar(1, [{ terminos: ['casc'], peso: 1 }]);
    c.agregar(1, [{ terminos: ['guant'], peso: 1 }]);
    expect(c.buscar(['casc'], 5)).toEqual([]);
    c.quitar(1);
    expect(c.tamano).toBe(0);
    expect(c.buscar(['guant'], 5)).toEqual([]);
  });

  it('reads typos as the closest catalog term, never numbers', () => {
    expect(b.corregir('nitrl')).toBe('nitril');
    expect(b.corregir('amaril')).toBe('amarill');
    expect(b.corregir('bicicleta')).toBe('bicicleta');
    expect(b.corregir('20')).toBe('20');
  });

  it('honours the filter', () => {
    expect(b.buscar(['casc'], 10, (id) => id !== 1).map((h) => h.id)).toEqual([2, 3]);
  });

  it('returns what a plain document-by-document BM25 returns, through any sequence of additions, updates and removals', () => {
    const termino = fc.constantFrom('casc', 'guant', 'nitril', 'amarill', 'bot', 'linea', '1', '20');
    const paso = fc.oneof(
      fc.record({ id: fc.integer({ min: 1, max: 12 }), terminos: fc.array(termino, { minLength: 1, maxLength: 6 }) }),
      fc.record({ quitar: fc.integer({ min: 1, max: 12 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(paso, { maxLength: 40 }),
        fc.array(termino, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 1, max: 6 }),
        (pasos, consulta, k) => {
          const b = new Bm25();
          const docs = new Map<number, string[]>();
          for (const p of pasos)
            if ('quitar' in p) {
              b.quitar(p.quitar);
              docs.delete(p.quitar);
            } else {
              b.agregar(p.id, [{ terminos: p.terminos, peso: 1 }]);
              docs.set(p.id, p.terminos);
            }
          const aceptar = (id: number) => id % 3 !== 0;
          const esperado = docs.size ? referencia(docs, consulta, k, aceptar) : [];
          const hits = b.buscar(consulta, k, aceptar);
          expect(hits.map(({ id, coincidencias }) => ({ id, coincidencias }))).toEqual(esperado.map(({ id, coincidencias }) => ({ id, coincidencias })));
          hits.forEach((h, i) => expect(h.score).toBeCloseTo(esperado[i].score, 9));
        },
      ),
    );
  });
});
