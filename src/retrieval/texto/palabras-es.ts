import { plegar } from '../../common/texto';

let conocidas: Set<string> | undefined;

/**
 * A word of everyday Spanish (the ~40,000 most frequent words of film subtitles, folded, as the
 * Spanish dictionary of zxcvbn ships them): a word in it is a word, not a misspelling of a catalog
 * word ("organizo" is no "orgánico", "camilla" no "camisa").
 */
export function esPalabraComun(palabra: string): boolean {
  if (!conocidas) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: the list weighs several hundred kB
    const es = require('@zxcvbn-ts/language-es-es') as typeof import('@zxcvbn-ts/language-es-es');
    conocidas = new Set(es.dictionary['commonWords-es-es'].filter((w) => /^\p{L}+$/u.test(w)).map(plegar));
  }
  return conocidas.has(palabra);
}
