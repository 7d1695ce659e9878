import { Bm25 } from './bm25';

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
});
