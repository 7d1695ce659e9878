import { partirMensaje } from './partir';

describe('partirMensaje', () => {
  it('leaves short messages alone and drops empty ones', () => {
    expect(partirMensaje('hola')).toEqual(['hola']);
    expect(partirMensaje('   ')).toEqual([]);
  });

  it('cuts at line boundaries under the limit, losing nothing', () => {
    const lineas = Array.from({ length: 300 }, (_, i) => `• Producto número ${i}: $${i}.000`);
    const partes = partirMensaje(lineas.join('\n'));
    expect(partes.length).toBeGreaterThan(1);
    for (const p of partes) expect(p.length).toBeLessThanOrEqual(4096);
    expect(partes.join('\n')).toBe(lineas.join('\n'));
    for (const p of partes) expect(p.endsWith('.000')).toBe(true);
  });

  it('cuts a text without spaces at the limit', () => {
    expect(partirMensaje('x'.repeat(9000)).map((p) => p.length)).toEqual([4096, 4096, 808]);
  });
});
