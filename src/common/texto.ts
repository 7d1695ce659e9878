/**
 * Text folding shared by search and conversation understanding: customers write without
 * accents, in any case, with "20lb" glued together. Everything compares on the folded form.
 */

/** lower case without accents, line breaks and spacing kept */
export function sinTildes(texto: string): string {
  return texto
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

export function plegar(texto: string): string {
  return sinTildes(texto).replace(/\s+/g, ' ').trim();
}

/** folded words; a number glued to letters is split ("20lb" → "20", "lb"; "co2" stays) */
export function palabras(texto: string): string[] {
  const tokens = plegar(texto).match(/[a-z0-9]+/g) ?? [];
  return tokens.flatMap((t) => {
    const m = /^(\d+)([a-z]{1,6})$/.exec(t);
    return m ? [m[1], m[2]] : [t];
  });
}

/** Levenshtein distance, giving up (returning max + 1) as soon as it must exceed max. */
export function distanciaEdicion(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previa = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const actual = [i];
    let minimo = i;
    for (let j = 1; j <= b.length; j++) {
      actual[j] = Math.min(previa[j] + 1, actual[j - 1] + 1, previa[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      minimo = Math.min(minimo, actual[j]);
    }
    if (minimo > max) return max + 1;
    previa = actual;
  }
  return previa[b.length];
}

/** typos allowed for a word of this length: none for short words, where one letter is meaning */
export function toleranciaTipeo(longitud: number): number {
  return longitud < 5 ? 0 : longitud < 9 ? 1 : 2;
}

/**
 * Spanish spelling collapsed to sound, for typo matching: "botikin" and "botiquin",
 * "reflectibo" and "reflectivo", "zapato" and "sapato" read the same. A doubled letter is a
 * slip, but "rr" is a sound of its own: "caro" is no "carro", "pero" no "perro".
 */
export function fonetica(palabra: string): string {
  return palabra
    .replace(/gu(?=[ei])/g, 'G')
    .replace(/g(?=[ei])/g, 'j')
    .replace(/G/g, 'g')
    .replace(/qu(?=[ei])/g, 'k')
    .replace(/c(?=[aou]|[^aeiouh]|$)/g, 'k')
    .replace(/c(?=[ei])/g, 's')
    .replace(/z/g, 's')
    .replace(/v/g, 'b')
    .replace(/ll/g, 'y')
    .replace(/(^|[^c])h/g, '$1')
    .replace(/rr/g, 'R')
    .replace(/(.)\1+/g, '$1');
}
