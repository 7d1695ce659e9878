import { plegar } from '../../common/texto';

/** folded word → its rank among the most frequent words of film subtitles */
let rangos: Map<string, number> | undefined;
/** the everyday core: "paso", "luz", "completo", "salida" */
const MUY_COMUN = 2500;

function rango(palabra: string): number | undefined {
  if (!rangos) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: the list weighs several hundred kB
    const es = require('@zxcvbn-ts/language-es-es') as typeof import('@zxcvbn-ts/language-es-es');
    rangos = new Map();
    for (const w of es.dictionary['commonWords-es-es']) if (/^\p{L}+$/u.test(w) && !rangos.has(plegar(w))) rangos.set(plegar(w), rangos.size);
  }
  return rangos.get(palabra);
}

/**
 * A word of everyday Spanish (the ~40,000 most frequent words of film subtitles, folded, as the
 * Spanish dictionary of zxcvbn ships them): a word in it is a word, not a misspelling of a catalog
 * word ("organizo" is no "orgánico", "camilla" no "camisa").
 */
export function esPalabraComun(palabra: string): boolean {
  return rango(palabra) !== undefined;
}

/** one of the ~2,500 most frequent words ("paso", "luz", "completa"): said for itself more often than for a product */
export function esMuyComun(palabra: string): boolean {
  return (rango(palabra) ?? Infinity) < MUY_COMUN;
}
