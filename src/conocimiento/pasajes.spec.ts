import { oraciones, parrafos, pasajesDe, seccionesDe } from './pasajes';

describe('passages', () => {
  it('Markdown: one section per heading, marks out, the text before the first heading under the document title', () => {
    const md = 'Intro de la **tienda**.\n\n# Garantía\n\nDe [un año](https://x.co).\n\n## Cambios\n\n- cinco días\n- sin uso\n';
    expect(seccionesDe(md, 'markdown', 'Políticas')).toEqual([
      { titulo: 'Políticas', contenido: 'Intro de la tienda.' },
      { titulo: 'Garantía', contenido: 'De un año (https://x.co).' },
      { titulo: 'Cambios', contenido: '- cinco días\n- sin uso' },
    ]);
  });

  it('plain text and PDF: short lines without a full stop before text are headings; sentences are not', () => {
    const texto = 'GARANTÍAS\n\n1. Extintores\nTienen un año de garantía.\nNo cubre golpes.\nBotas de seguridad\nSeis meses.\n';
    expect(seccionesDe(texto, 'pdf', 'Doc')).toEqual([
      { titulo: '1. Extintores', contenido: 'Tienen un año de garantía.\n\nNo cubre golpes.' },
      { titulo: 'Botas de seguridad', contenido: 'Seis meses.' },
    ]);
  });

  it('paragraphs join wrapped lines; passages group short paragraphs and cut long ones at sentences', () => {
    expect(parrafos('una línea\npartida en dos\n\notro párrafo')).toEqual(['una línea partida en dos', 'otro párrafo']);
    expect(pasajesDe('Uno.\n\nDos.')).toEqual(['Uno.\n\nDos.']);
    const largo = Array.from({ length: 40 }, (_, i) => `La oración número ${i} dice algo útil.`).join(' ');
    const pasajes = pasajesDe(largo);
    expect(pasajes.length).toBeGreaterThan(1);
    expect(pasajes.every((p) => p.length <= 700)).toBe(true);
    expect(pasajes.join(' ')).toBe(largo);
  });

  it('sentences do not break inside amounts, norms or abbreviations', () => {
    expect(oraciones('Cuesta $35.000 la recarga. Cumple la NTC 2885. Somos S.A.S. desde 2009.')).toEqual([
      'Cuesta $35.000 la recarga.',
      'Cumple la NTC 2885.',
      'Somos S.A.S. desde 2009.',
    ]);
  });
});
