import { existsSync, readFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { sinTildes } from '../../common/texto';

/**
 * A general Spanish thesaurus: each one-word headword's senses, as lists of one-word synonyms,
 * folded. Read from LibreOffice's MyThes format (Debian's mythes-es): an encoding line, then
 * `palabra|n` followed by its n senses, `-|sinónimo|sinónimo…` (or `(adj.)|…`, with "(fig.)"
 * marks after some synonyms). Noisy by nature ("factura" is also a pastry): a reader keeps only
 * what lands on its own vocabulary (see `Acepciones`).
 */
export class Tesauro {
  constructor(private readonly entradas: ReadonlyMap<string, readonly string[][]>) {}

  get palabras(): number {
    return this.entradas.size;
  }

  sentidos(palabra: string): readonly string[][] {
    return this.entradas.get(palabra) ?? [];
  }

  cabezas(): IterableIterator<[string, readonly string[][]]> {
    return this.entradas.entries();
  }
}

/** one folded word, letters only: phrases ("sin rodeos") are no reading of one word of a question */
const PALABRA = /^[a-z]{3,}$/;

export function leerTesauro(texto: string): Tesauro {
  const entradas = new Map<string, string[][]>();
  // the same synonym in thousands of senses is one string
  const unicas = new Map<string, string>();
  const unica = (w: string) => unicas.get(w) ?? (unicas.set(w, w), w);
  // folded once, line breaks kept: word by word it costs a boot half a second
  const lineas = sinTildes(texto).split(/\r?\n/);
  for (let i = 0; i < lineas.length; i++) {
    const cabecera = /^([^|]+)\|(\d+)$/.exec(lineas[i]);
    if (!cabecera) continue;
    const palabra = cabecera[1].trim();
    const n = Number(cabecera[2]);
    const sentidos = lineas
      .slice(i + 1, i + 1 + n)
      .map((l) =>
        l
          .split('|')
          .slice(1)
          .map((s) => (s.includes('(') ? s.replace(/\([^)]*\)/g, '').trim() : s))
          .filter((s) => PALABRA.test(s) && s !== palabra)
          .map(unica),
      )
      .filter((s) => s.length > 0);
    i += n;
    if (!PALABRA.test(palabra) || sentidos.length === 0) continue;
    entradas.set(unica(palabra), [...(entradas.get(palabra) ?? []), ...sentidos]);
  }
  return new Tesauro(entradas);
}

/**
 * The thesaurus at `ruta` (TESAURO_FILE), read once at boot; without it ('none', or no file)
 * search still works, reading only the texts' own words, and the log says how to get it.
 */
export function cargarTesauro(ruta: string, logger = new Logger('Tesauro')): Tesauro | undefined {
  if (ruta === 'none') return undefined;
  if (!existsSync(ruta)) {
    logger.warn(`No está el tesauro ${ruta} (TESAURO_FILE): la base de conocimiento lee solo sus propias palabras; en Debian: apt-get install mythes-es`);
    return undefined;
  }
  // MyThes files say their encoding on their first line; mythes-es is ISO-8859-1
  const datos = readFileSync(ruta);
  const codificacion = /utf-?8/i.test(datos.subarray(0, 16).toString('latin1')) ? 'utf8' : 'latin1';
  const tesauro = leerTesauro(datos.toString(codificacion));
  logger.log(`Tesauro ${ruta}: ${tesauro.palabras} palabras`);
  return tesauro;
}

/**
 * What a word a collection's texts never use may mean in words they do use: the senses of the
 * thesaurus' headwords with its stem ("cobran" → cobrar), their synonyms read as the
 * collection's stems, kept when some text has them. Each term comes with how many senses lead
 * to it: noise lands on one sense, a meaning the texts share often on two.
 */
export class Acepciones {
  /** stem → the senses of the headwords with that stem */
  private readonly porRaiz = new Map<string, Array<readonly string[]>>();
  private readonly raices = new Map<string, string>();

  constructor(
    private readonly tesauro: Tesauro,
    private readonly raiz: (palabra: string) => string,
  ) {
    for (const [palabra, sentidos] of tesauro.cabezas()) {
      const r = this.raizDe(palabra);
      this.porRaiz.set(r, [...(this.porRaiz.get(r) ?? []), ...sentidos]);
    }
  }

  /**
   * The vocabulary's terms (`conoce`) the word's senses lead to, with the number of senses leading
   * to each: the senses of the word itself or its singular when it is a headword, else those of
   * the headwords with its stem ("cobran" → cobrar, cobro), which may be another word's
   * ("computadores" is no form of "computar").
   */
  terminos(palabra: string, conoce: (termino: string) => boolean): Map<string, number> {
    const raiz = this.raizDe(palabra);
    const propios = [palabra, palabra.replace(/s$/, ''), palabra.replace(/es$/, '')].flatMap((f) => this.tesauro.sentidos(f));
    const salida = new Map<string, number>();
    for (const sentido of propios.length ? new Set(propios) : (this.porRaiz.get(raiz) ?? [])) {
      const suyos = new Set(sentido.map((s) => this.raizDe(s)).filter((t) => t !== raiz && conoce(t)));
      for (const t of suyos) salida.set(t, (salida.get(t) ?? 0) + 1);
    }
    return salida;
  }

  private raizDe(palabra: string): string {
    let r = this.raices.get(palabra);
    if (r === undefined) this.raices.set(palabra, (r = this.raiz(palabra)));
    return r;
  }
}
