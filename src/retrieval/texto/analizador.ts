import { leerNumero } from '../../common/numeros';
import { distanciaEdicion, fonetica, palabras } from '../../common/texto';

/** A unit right after a number, in every way customers write it → one canonical unit. */
const UNIDADES: Record<string, string> = {
  lb: 'lb',
  lbs: 'lb',
  libra: 'lb',
  libras: 'lb',
  kg: 'kg',
  kilo: 'kg',
  kilos: 'kg',
  kilogramo: 'kg',
  kilogramos: 'kg',
  g: 'g',
  gr: 'g',
  grs: 'g',
  gramo: 'g',
  gramos: 'g',
  l: 'l',
  lt: 'l',
  lts: 'l',
  litro: 'l',
  litros: 'l',
  ml: 'ml',
  cc: 'ml',
  m: 'm',
  mt: 'm',
  mts: 'm',
  metro: 'm',
  metros: 'm',
  cm: 'cm',
  mm: 'mm',
  gal: 'gal',
  galon: 'gal',
  galones: 'gal',
  oz: 'oz',
};

/** the canonical unit of a word ("galones" → "gal"), undefined when it is none */
export const unidadCanonica = (w: string): string | undefined => UNIDADES[w];

const VACIAS = new Set(
  `a al algo alguno alguna algunos algunas ante cada como con cual cuales de del desde donde el ella ellos en entre era es esa ese eso esta este esto estos estas hay la las le les lo los me mi mis muy no o os otra otro para pero por porque que se si sin sobre su sus te tiene tienen tienes tengo ti tu tus un una uno unos unas y ya yo
   q k xq pq tb tmb xfa plis porfis kiero kero quiero quisiera queria necesito nesesito necesitamos busco buscando buscamos venden vende vendes manejan manejas tienen ofrecen
   precio precios cuanto cuesta cuestan vale valen valor favor porfa porfavor hola buenas buenos dias tardes noches gracias
   me regala regalan dame deme muestrame mostrar ver saber info informacion tipo clase cosa cosas unidad unidades
   dispone disponible disponibles existe hay`.split(/\s+/),
);

/** Words that would be mangled by plural stripping. */
const INVARIABLES = new Set(['arnes', 'gas', 'co2', 'mas', 'tres', 'seis', 'pies', 'lunes', 'crisis', 'tapabocas']);

/** Light Spanish stemmer: plural and gender endings only, which is what chat variation is made of. */
export function raiz(t: string): string {
  if (t.length <= 3 || /\d/.test(t) || INVARIABLES.has(t)) return t;
  let r = t;
  if (r.endsWith('ces')) r = `${r.slice(0, -3)}z`;
  else if (/[^aeiou]es$/.test(r) && r.length > 4) r = r.slice(0, -2);
  else if (r.endsWith('s')) r = r.slice(0, -1);
  if (/[aeo]$/.test(r) && r.length > 3) r = r.slice(0, -1);
  return r;
}

/**
 * The words a diminutive may come from ("tallercito" → "taller", "agujita" → "aguja",
 * "poquito" → "poco", "momentico" → "momento"), longest first. Candidates only: "crédito" or
 * "depósito" end the same way, so a caller keeps one only when its vocabulary knows it.
 */
export function sinDiminutivo(palabra: string): string[] {
  const m = /^(.{3,}?)(ecit|cit|it|ic|ill)([oa])s?$/.exec(palabra);
  if (!m) return [];
  const [, base, sufijo, genero] = m;
  const raiz = base.replace(/qu$/, 'c').replace(/gu$/, 'g');
  const otro = genero === 'o' ? 'a' : 'o';
  return [...new Set(sufijo === 'cit' || sufijo === 'ecit' ? [base, `${base}${genero}`, `${base}e`] : [`${raiz}${genero}`, `${raiz}${otro}`, raiz])];
}

/** the vowel alternations of Spanish stem-changing verbs: "piden"/"pedimos", "devuelven"/"devolvemos", "cierran"/"cerramos" */
const ALTERNANCIAS: Array<[string, string]> = [
  ['ie', 'e'],
  ['ue', 'o'],
  ['i', 'e'],
  ['e', 'ie'],
  ['o', 'ue'],
  ['e', 'i'],
];

/**
 * The other forms a verb's stem takes ("pid" ↔ "ped", "devuelv" ↔ "devolv", "cierr" ↔ "cerr"),
 * one alternation at a time. Candidates only, like `sinDiminutivo`: a caller keeps one its
 * vocabulary knows.
 */
export function alternanciasVerbales(raiz: string): string[] {
  const salida = new Set<string>();
  for (const [de, a] of ALTERNANCIAS)
    for (let i = raiz.indexOf(de); i >= 0; i = raiz.indexOf(de, i + 1)) salida.add(raiz.slice(0, i) + a + raiz.slice(i + de.length));
  salida.delete(raiz);
  return [...salida];
}

export interface Analisis {
  /** canonical folded words, synonyms applied, stopwords out, units canonical */
  palabras: string[];
  /** stems of those words, plus "<n><unidad>" for every quantity with its unit */
  terminos: string[];
}

/**
 * Turns catalog text and customer queries into comparable terms. Both sides go through the
 * same synonym lexicon, so "extinguidor" in a query meets "extintor" in a name.
 */
export class Analizador {
  /** sound of the first word → phrases starting with it, longest first; compared by sound so "sapatos" finds "zapatos" */
  private readonly frases = new Map<string, Array<{ de: string[]; a: string[] }>>();

  constructor(sinonimos: Record<string, string>) {
    for (const [de, a] of Object.entries(sinonimos)) {
      if (de.startsWith('_')) continue;
      const origen = palabras(de).map(fonetica);
      if (origen.length === 0) continue;
      const lista = this.frases.get(origen[0]) ?? [];
      lista.push({ de: origen, a: palabras(a) });
      lista.sort((x, y) => y.de.length - x.de.length);
      this.frases.set(origen[0], lista);
    }
  }

  /**
   * @param tolerante also read a misspelt one-word synonym ("extingidor"); for customer queries,
   * not for catalog text, where it would only cost time
   */
  analizar(texto: string, tolerante = false): Analisis {
    const entrada = palabras(texto);
    const sonidos = entrada.map(fonetica);
    const salida: string[] = [];
    const terminos: string[] = [];
    for (let i = 0; i < entrada.length;) {
      // "cinco libras" is "5 lb": a number in words before a unit becomes digits
      const enLetras = /\d/.test(entrada[i]) ? undefined : leerNumero(entrada, i);
      if (enLetras && UNIDADES[entrada[i + enLetras.largo]]) {
        salida.push(String(enLetras.valor));
        terminos.push(String(enLetras.valor));
        i += enLetras.largo;
        continue;
      }
      const w = entrada[i];
      const previa = salida[salida.length - 1];
      if (previa !== undefined && /^\d+$/.test(previa) && UNIDADES[w]) {
        salida.push(UNIDADES[w]);
        terminos.push(UNIDADES[w], `${previa}${UNIDADES[w]}`);
        i += 1;
        continue;
      }
      const frase =
        this.frases.get(sonidos[i])?.find((f) => f.de.every((p, j) => sonidos[i + j] === p)) ?? (tolerante ? this.sinonimoParecido(sonidos[i]) : undefined);
      // The customer's own words stay beside the canonical ones: "pantaneras" must still tell
      // the pantanera boot from the other rubber boots once both read "botas caucho".
      const reemplazo = frase ? [...new Set([...entrada.slice(i, i + frase.de.length), ...frase.a])] : [w];
      i += frase ? frase.de.length : 1;
      for (const r of reemplazo) {
        if (VACIAS.has(r)) continue;
        salida.push(r);
        terminos.push(raiz(r));
      }
    }
    return { palabras: salida, terminos };
  }

  terminos(texto: string, tolerante = false): string[] {
    return this.analizar(texto, tolerante).terminos;
  }

  private sinonimoParecido(sonido: string): { de: string[]; a: string[] } | undefined {
    // Only long words: a short one is too close to too many ("copa" is not "capa").
    const max = sonido.length >= 7 ? 1 : 0;
    if (max === 0) return undefined;
    for (const lista of this.frases.values()) {
      const f = lista.find((x) => x.de.length === 1 && distanciaEdicion(sonido, x.de[0], max) <= max);
      if (f) return f;
    }
    return undefined;
  }
}
