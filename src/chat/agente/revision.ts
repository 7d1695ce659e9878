import { plegar } from '../../common/texto';
import { concordancia, esPluralPalabra, generoDe, oraciones, SINGULARES_EN_S } from './plantillas';

/**
 * A pure check of what a customer reads: finds broken Spanish sentences in a reply (doubled
 * words, number and gender agreement, leftover placeholders, dangling sentences, unbalanced
 * marks, repeated sentences, "No manejamos" of something that is not a thing). The customer's
 * own words quoted in a reply ("…") and the catalog's names are not judged as the agent's
 * grammar, except where the reply builds around them (an article before a name, the quoted
 * object of "No manejamos").
 */

export type TipoDefecto =
  | 'vacia'
  | 'palabra_doble'
  | 'numero'
  | 'genero'
  | 'residuo'
  | 'espacios'
  | 'final_colgado'
  | 'signos'
  | 'frase_repetida'
  | 'pregunta_repetida'
  | 'cita_como_producto'
  | 'lista_cortada'
  | 'no_manejamos'
  | 'respuesta_repetida';

export interface Defecto {
  tipo: TipoDefecto;
  fragmento: string;
}

/** what may follow a count of two or more without being its noun */
const TRAS_PLURAL = new Set([
  'de',
  'del',
  'a',
  'al',
  'y',
  'o',
  'u',
  'e',
  'en',
  'por',
  'para',
  'con',
  'sin',
  'que',
  'x',
  'mil',
  'millones',
  'son',
  'es',
  'hay',
  'c',
  'lb',
  'kg',
  'g',
  'gr',
  'cm',
  'mm',
  'm',
  'ml',
  'l',
  'cc',
  'gl',
  'gal',
  'oz',
  'am',
  'pm',
  'h',
  'p',
  'pulg',
  'mas',
  'menos',
  'ya',
  'solo',
  'cada',
  'como',
  'hasta',
]);
/** what "No manejamos …" may never be about: talk, not things */
const CHARLA = new Set(
  (
    'a al algo alguno alguna ayuda barato barata bien bueno buena buenas buenos cara caro cual cuales cuanto cuanta cuantos cuantas de del el ' +
    'ella en esa ese eso esta este esto estos estas es esta estan favor gracias hacer hay hola hmm info informacion la las le lo los me mi mis ' +
    'mmm mucho muchos nada no nos ok okay pedido pedidos poco por porfa precio precios pues que quiero necesito se si son su sus tambien tmb te ' +
    'tiene tienen todo todos tu tus un una uno unos unas usted ustedes ver y ya xfa eh ah ehh ahh dale listo vale bno bn empresa negocio tienda almacen'
  ).split(' '),
);
const NUMERAL = /^(\d+|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien|mil|media|medio)$/;
const ARTICULOS: Record<string, { fem: boolean; plural: boolean }> = {
  el: { fem: false, plural: false },
  la: { fem: true, plural: false },
  los: { fem: false, plural: true },
  las: { fem: true, plural: true },
  un: { fem: false, plural: false },
  una: { fem: true, plural: false },
  unos: { fem: false, plural: true },
  unas: { fem: true, plural: true },
  del: { fem: false, plural: false },
  al: { fem: false, plural: false },
};

const escapar = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the reply with quoted customer text and catalog names hidden behind neutral tokens */
function enmascarar(texto: string, nombres: string[]): string {
  let t = texto.replace(/"[^"\n]*"/g, (m) => (m.length > 2 ? 'CITA' : m));
  for (const n of [...nombres].sort((a, b) => b.length - a.length)) {
    if (n.trim().length < 3) continue;
    t = t.replace(new RegExp(`(?<![\\p{L}\\d])${escapar(n)}(?![\\p{L}\\d])`, 'giu'), 'PRODUCTO');
  }
  return t;
}

/** Every broken sentence of a reply; `nombres` are the catalog's product names. */
export function revisarRespuesta(texto: string, nombres: string[] = []): Defecto[] {
  const defectos: Defecto[] = [];
  const marcar = (tipo: TipoDefecto, fragmento: string) => defectos.push({ tipo, fragmento: fragmento.trim() });
  const t = enmascarar(texto, nombres);
  if (!texto.trim()) marcar('vacia', '(respuesta vacía)');

  for (const m of t.matchAll(/(?<![\p{L}\d])(\p{L}+)\s+\1(?![\p{L}\d])/giu)) if (m[1] !== 'PRODUCTO' && m[1] !== 'CITA') marcar('palabra_doble', m[0]);

  for (const m of t.matchAll(/\b(undefined|null|NaN|\[object Object\]|true|false)\b|[{}]|\[object Object\]|""|“”|\(\s*\)|\$\s?0(?!\d|[.,]\d)/g))
    marcar('residuo', m[0]);
  for (const m of t.matchAll(/\S*[^\S\n]{2,}\S*|\S+[^\S\n]+[,.;:!?)]|[^\S\n]+$/gm)) marcar('espacios', m[0] || 'espacio al final');
  // "S.A.S..", ",.", "¿?": marks that say nothing or say it twice (an ellipsis "..." is a mark of its own, "a.m.," an abbreviation's)
  for (const m of t.matchAll(/(?<!\.)\.\.(?!\.)|[,;:][.,;:]|(?<![\s.]\p{L})\.,|[?!]\.|¿\s*\?|¡\s*!/gu))
    marcar('signos', t.slice(Math.max(0, m.index - 15), m.index + 3));
  // the customer's words quoted where the catalog's name belongs: "2 × "extintores"", "¿Cuántas unidades de "cascos" quieres?"
  for (const m of t.matchAll(/(?:\d+\s*×|unidades de|quit[ée]|agregu[ée])\s+CITA/giu)) marcar('cita_como_producto', m[0]);

  // a count and its noun: "1 extintores", "2 casco", "¿Cuál 2 …?"
  for (const m of t.matchAll(/(?<![\p{L}\d$.,#:/-])(\d+)\s+(\p{L}+)/gu)) {
    const n = Number(m[1]);
    const w = plegar(m[2]);
    if (m[2] === 'PRODUCTO' || m[2] === 'CITA') continue;
    if (n === 1 && esPluralPalabra(m[2])) marcar('numero', m[0]);
    if (n >= 2 && !esPluralPalabra(m[2]) && !TRAS_PLURAL.has(w) && !/(an|en)$/.test(w) && !SINGULARES_EN_S.has(w)) marcar('numero', m[0]);
  }
  for (const m of t.matchAll(/(?<![\p{L}])(cu[aá]l|qu[eé])\s+\d+\s/giu)) marcar('numero', m[0]);
  // "la tenemos": a pronoun before a verb, not an article
  for (const m of t.matchAll(/(?<![\p{L}])(un|una|el|la)\s+(\p{L}+)/giu)) {
    if (m[2] !== 'PRODUCTO' && m[2] !== 'CITA' && esPluralPalabra(m[2]) && !/^(mas|menos|demas)$|mos$/i.test(plegar(m[2]))) marcar('numero', m[0]);
  }

  // an article before a catalog name agrees with its head noun
  for (const nombre of nombres) {
    const cabeza = nombre.trim().split(/\s+/)[0] ?? '';
    const genero = generoDe(cabeza);
    if (cabeza.length < 3) continue;
    const re = new RegExp(`(?<![\\p{L}])(el|la|los|las|un|una|unos|unas|del|al)\\s+${escapar(nombre)}(?![\\p{L}\\d])`, 'giu');
    for (const m of texto.matchAll(re)) {
      const a = ARTICULOS[m[1].toLowerCase()];
      if (genero && (genero === 'f') !== a.fem) marcar('genero', m[0]);
      else if (a.plural !== esPluralPalabra(cabeza)) marcar('numero', m[0]);
    }
  }

  // a pronoun or an adjective about a catalog product agrees with it: "Sí, la tenemos:\n• Bota…", "Gafas…: $9.500 (agotadas)"
  for (const nombre of nombres) {
    const { fem, plural } = concordancia(nombre);
    if (generoDe(nombre.trim().split(/\s+/)[0] ?? '') === undefined && !plural) continue;
    const n = escapar(nombre);
    const re = new RegExp(
      `(?<![\\p{L}])(lo|la|los|las) (?:tenemos|manejamos)\\b[^\\n]*\\n(?:•|\\d+[.)])\\s*${n}(?![\\p{L}\\d])|(?<![\\p{L}\\d])${n}:[^\\n(]*?\\(?(agotad[oa]s?)\\b`,
      'giu',
    );
    for (const m of texto.matchAll(re)) {
      const palabra = (m[1] ?? m[2] ?? '').toLowerCase();
      if (/(a|as)$/.test(palabra) !== fem || /s$/.test(palabra) !== plural) marcar('genero', m[0]);
    }
  }
  for (const m of t.matchAll(/(?<![\p{L}])quedan 1 |(?<![\p{L}])queda (?:[2-9]|\d{2,}) /giu)) marcar('numero', m[0]);

  // a sentence that stops mid-way: a comma, a conjunction or a preposition before its end
  for (const m of t.matchAll(/(,|;|(?<![\p{L}])(y|o|e|u|pero|que|de|del|con|para|en|por|a|al|el|la|los|las|un|una|tu|su))\s*([.!?](?=\s|$)|\n|$)/giu))
    marcar('final_colgado', m[0]);
  if (/:\s*$/.test(t)) marcar('final_colgado', t.slice(-20));

  for (const [abre, cierra] of [
    ['¿', '?'],
    ['¡', '!'],
  ]) {
    for (const s of t
      .replace(/\bCITA\b/g, '')
      .split('\n')
      .flatMap(oraciones)) {
      const a = s.split(abre).length - 1;
      const c = s.split(cierra).length - 1;
      if (a !== c) marcar('signos', s);
    }
  }

  // the same question twice, but for its numbers and quotes: "¿cuál quieres (10 unidades)?" after "¿cuál quieres (10 unidades)?"
  const preguntas = new Set<string>();
  for (const q of t.match(/¿[^?¿\n]*\?/g) ?? []) {
    const forma = plegar(q).replace(/\d+/g, 'N');
    if (preguntas.has(forma)) marcar('pregunta_repetida', q);
    preguntas.add(forma);
  }

  // a list says how many it has, or that more exist
  for (const m of texto.matchAll(/estas (\d+) opciones:\n((?:(?:•|\d+[.)]) [^\n]*(?:\n|$))*)/g))
    if (m[2].trim().split('\n').length < Number(m[1])) marcar('lista_cortada', m[0].split('\n')[0]);
  for (const m of texto.matchAll(/, (\d+) a (\d+) de (\d+):/g))
    if (Number(m[2]) < Number(m[3]) && !/\bm[aá]s\b/.test(texto.slice(m.index))) marcar('lista_cortada', m[0]);

  const vistas = new Set<string>();
  for (const s of texto.split('\n').flatMap(oraciones)) {
    const clave = plegar(s);
    // a heading ("Tenemos:", "Lo más cercano que tenemos:") may open several lists
    if (clave.split(' ').length < 3 || clave.endsWith(':')) continue;
    if (vistas.has(clave)) marcar('frase_repetida', s);
    vistas.add(clave);
  }

  const delCatalogo = new Set(nombres.flatMap((n) => plegar(n).match(/\p{L}+/gu) ?? []));
  for (const m of texto.matchAll(/no (?:manejamos|tengo exactamente|tenemos)\s+"([^"\n]*)"/giu)) if (!esCosa(m[1], delCatalogo)) marcar('no_manejamos', m[0]);
  return defectos;
}

/** whether a quoted span can name a thing the shop could sell (not talk, a filler or a bare quantity); `delCatalogo`: the words of its names */
export function esCosa(texto: string, delCatalogo: ReadonlySet<string> = new Set()): boolean {
  const ws = plegar(texto).match(/[\p{L}\d]+/gu) ?? [];
  const contenido = ws.filter((w) => !CHARLA.has(w) && !NUMERAL.test(w));
  // nothing but talk and numbers, or a whole sentence
  if (!contenido.length || contenido.length > 6) return false;
  // a verb leads talk ("hacer un pedido"), not a thing; a word of the names shaped like one ("collar mediano") is a thing
  return ws.length === 1 || !/(ar|er|ir)$/.test(ws[0] ?? '') || delCatalogo.has(ws[0] ?? '');
}

/**
 * What a conversation reads like turn after turn: the same reply to a different message, as if
 * the agent had not read it (`turnos`: the customer's message and the reply, in order).
 */
export function revisarConversacion(turnos: Array<{ mensaje: string; respuesta: string }>): Defecto[] {
  const defectos: Defecto[] = [];
  turnos.forEach((x, i) => {
    const antes = turnos[i - 1];
    if (antes && x.respuesta.trim() && plegar(x.respuesta) === plegar(antes.respuesta) && plegar(x.mensaje) !== plegar(antes.mensaje))
      defectos.push({ tipo: 'respuesta_repetida', fragmento: x.respuesta.split('\n')[0] ?? '' });
  });
  return defectos;
}
