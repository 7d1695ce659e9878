import { leerNumero } from '../../common/numeros';
import { plegar } from '../../common/texto';
import { raiz } from '../../retrieval/texto/analizador';
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

/** what an incoherent turn is: a reply that says two things of one product, or a count of the message that went elsewhere */
export type TipoIncoherencia = 'pregunta_y_agrega' | 'cantidad_perdida' | 'cantidad_cruzada' | 'cantidad_repetida';

export interface Incoherencia {
  tipo: TipoIncoherencia;
  fragmento: string;
}

/** a cart line as the check reads it */
export interface LineaRevisada {
  nombre: string;
  cantidad: number;
}

/** a number that is no count of things: an address, a size, a price, a measure, a name's number */
const ANTES_NO_CANTIDAD = new Set(
  'talla tallas numero nro no n calle cl cll carrera cra kr cr diagonal dg transversal tv avenida av nit cedula cc cel celular tel telefono whatsapp x de_las a_las piso apto apartamento oficina local bodega casa torre interior mz manzana lote km somos otros otras'.split(
    ' ',
  ),
);
const TRAS_NO_CANTIDAD = new Set(
  'lb lbs libra libras kg kilo kilos kilogramos g gr gramos l lt lts litro litros ml cc m mt mts metro metros cm mm gal galon galones oz pulg pulgada pulgadas v voltios w vatios amp amperios mil millon millones pm am h horas hora dias dia semanas semana meses mes anos ano minutos min personas trabajadores empleados operarios salones pisos grados por porciento'.split(
    ' ',
  ),
);
/** the words a count may carry between it and the thing counted: "20 cajas de guantes", "10 pares de botas" */
const EMPAQUES = new Set(
  'unidad unidades caja cajas par pares paquete paquetes rollo rollos bolsa bolsas galon galones bulto bultos docena docenas juego juegos kit kits set sets pieza piezas madeja madejas'.split(
    ' ',
  ),
);
/** a number said in one word ("quince"), not "un"/"una", which are as often an article */
function numeroEnPalabra(x = ''): number | undefined {
  const n = /^\d/.test(x) ? undefined : leerNumero([x], 0);
  return n && n.valor >= 2 ? n.valor : undefined;
}
/** words that are not the thing a count is of */
const NO_COSA = new Set([...CHARLA, 'talla', 'tallas', 'color', 'pa', 'pal', 'mas', 'cada', 'c', 'u', 'uno', 'de', 'del', 'los', 'las', 'el', 'la']);

/** the counts a message gives, each with the word of the thing it counts when it says one ("15 de tapabocas" → tapabocas) */
export function cantidadesDelMensaje(mensaje: string): Array<{ cantidad: number; cosa?: string }> {
  // (a phone, a NIT or an address number: "890.102.345-6", "# 41-20", "3001234567")
  const limpio = plegar(mensaje)
    .replace(/[\d.,-]*\d[.,-]\d[\d.,-]*/g, ' ')
    .replace(/#\s*\d+/g, ' ')
    .replace(/\$\s*\d+/g, ' ')
    .replace(/\d+\s*%/g, ' ');
  // ("20cajas" is two words; "n95" is a name; commas kept, they close a list)
  const w = (limpio.match(/[a-z0-9]+|,/g) ?? []).flatMap((x) => /^(\d+)([a-z]{2,})$/.exec(x)?.slice(1) ?? [x]);
  const fuera: Array<{ cantidad: number; cosa?: string }> = [];
  const esNumero = (x = '') => /^\d+$/.test(x) || numeroEnPalabra(x) !== undefined;
  // ("…, 2 en 41 y una 38": an article before a size, in a list, counts one)
  const articuloContado = (k: number) => /^(un|una|uno)$/.test(w[k] ?? '') && /^\d+$/.test(w[k + 1] ?? '') && /^(y|,)$/.test(w[k - 1] ?? '');
  const conTallas = w.some((x) => /^tallas?$/.test(x));
  /** where the last count was read: a number right after it is its size ("dos 40") */
  let contadaEn = -2;
  // "tallas 38, 39, 40 y 42": the sizes of a list, up to its "y"
  let tallas = false;
  for (let i = 0; i < w.length; i++) {
    const previa = w[i - 1] ?? '';
    // ("3 en talla L y 2 XL": after a size in letters the numbers are counts again)
    if (/^(tallas?|numeros?|nros?)$/.test(previa)) tallas = esNumero(w[i]);
    else if (tallas && !esNumero(w[i]) && w[i] !== ',' && w[i] !== 'y' && !esNumero(previa)) tallas = false;
    const valor = /^\d+$/.test(w[i]) ? Number(w[i]) : articuloContado(i) ? 1 : numeroEnPalabra(w[i]);
    if (valor === undefined || valor < 1 || valor >= 1000) continue;
    // ("2 talla 38 y 2 talla 41", "6 en 40": the count of a size)
    if (tallas && !/^(tallas?|en|de)$/.test(w[i + 1] ?? '')) {
      if (previa === 'y') tallas = false;
      continue;
    }
    // "calle 72", "caja x 100" are no counts; "5 de 40", "6 en 42", "de 30", "dos 40": the size or measure of a count
    if (ANTES_NO_CANTIDAD.has(previa) || /^(de|en)$/.test(previa) || contadaEn === i - 1) continue;
    // "paso a las 7", "130 en total": an hour, a sum of money
    if ((previa === 'las' && w[i - 2] === 'a') || (w[i + 1] === 'en' && w[i + 2] === 'total')) continue;
    // "los dos primeros": which, not how many
    if (/^(primer|ultim|segund)/.test(w[i + 1] ?? '')) continue;
    let j = i + 1;
    // ("4 talla M, 4 L y 2 XL": beside sizes, an "m" or an "l" is one, no unit)
    if (TRAS_NO_CANTIDAD.has(w[j] ?? '') && !(conTallas && /^[sml]$/.test(w[j]))) continue;
    // "2 docenas" are 24
    const porEmpaque = /^docenas?$/.test(w[j] ?? '') ? 12 : 1;
    if (EMPAQUES.has(w[j] ?? '')) j++;
    if (w[j] === 'de' || w[j] === 'del') j++;
    if (/^(los|las|el|la|esos|esas|estos|estas)$/.test(w[j] ?? '')) j++;
    const cosa = w[j] && w[j] !== ',' && !NO_COSA.has(w[j]) && !esNumero(w[j]) ? w[j] : undefined;
    fuera.push({ cantidad: valor * porEmpaque, cosa });
    contadaEn = i;
  }
  return fuera;
}

/** whether a customer's word names this product: "guantes" of "Guantes de nitrilo…" */
const nombraLinea = (cosa: string, nombre: string) => {
  const r = raiz(cosa);
  return r.length >= 3 && (plegar(nombre).match(/[a-z0-9]+/g) ?? []).some((x) => raiz(x) === r);
};

/**
 * What one turn does against what it says and what the message asked: "¿Cuántas unidades de X
 * quieres?" beside "Te agregué 20 × X"; a count of the message that reaches no line it changed
 * ("20 de guantes y 15 de tapabocas" → 20 and 20); a count given to one product that lands on
 * another; one count put on two lines when the message gave one to each. `antes` and `despues`:
 * the cart before and after the turn.
 */
export function revisarCoherencia(t: { mensaje: string; respuesta: string; antes: LineaRevisada[]; despues: LineaRevisada[] }): Incoherencia[] {
  const fuera: Incoherencia[] = [];
  const marcar = (tipo: TipoIncoherencia, fragmento: string) => fuera.push({ tipo, fragmento });
  const agregados = [...t.respuesta.matchAll(/Te agregué (\d+) × (.+?) \(/g)].map((m) => m[2]);
  const cambiadas = t.despues
    .map((l) => {
      const previa = t.antes.find((a) => a.nombre === l.nombre);
      return { ...l, delta: l.cantidad - (previa?.cantidad ?? 0) };
    })
    .filter((l) => l.delta !== 0);
  for (const m of t.respuesta.matchAll(/¿Cuántas unidades de (.+?) quieres\?|Me falta saber cuántas unidades quieres de (.+?)\./g)) {
    const nombre = m[1] ?? m[2];
    if (agregados.includes(nombre) || cambiadas.some((l) => l.nombre === nombre)) marcar('pregunta_y_agrega', m[0]);
  }
  if (!cambiadas.length) return fuera;
  // the shop said why a count could not be taken: stock, a limit, a choice still open
  if (/Solo (?:tenemos|quedan|queda)|No tenemos esa cantidad|máximo|¿cuál quieres \(|Me falta saber cuál/.test(t.respuesta)) return fuera;
  const cuentas = cantidadesDelMensaje(t.mensaje);
  const tiene = (l: { cantidad: number; delta: number }, n: number) => l.cantidad === n || Math.abs(l.delta) === n;
  const distintas = new Set(cuentas.map((c) => c.cantidad));
  const enRespuesta = (n: number) => new RegExp(`(?<!\\d)${n}(?!\\d)`).test(t.respuesta.replace(/\$[\d.]+/g, ''));
  const perdidas = cuentas.filter((c) => !cambiadas.some((l) => tiene(l, c.cantidad)) && !enRespuesta(c.cantidad));
  // "12 pantaneras, 6 en 40 y 6 en 42", "4 pares: 2 talla 38 y 2 talla 41": the parts of a count the line took whole
  // ("1 talla M, 2 L, 1 XL y 1 XXL": all the counts are the parts, some of them also said in the reply)
  const suma = perdidas.reduce((x, c) => x + c.cantidad, 0);
  const total = cuentas.reduce((x, c) => x + c.cantidad, 0);
  const partes = perdidas.length >= 2 && (cuentas.some((c) => c.cantidad === suma) || cambiadas.some((l) => tiene(l, suma) || tiene(l, total)));
  for (const c of cuentas) {
    const suya = c.cosa ? cambiadas.filter((l) => nombraLinea(c.cosa!, l.nombre)) : [];
    if (suya.length === 1 && !tiene(suya[0], c.cantidad) && !partes)
      marcar('cantidad_cruzada', `${c.cantidad} de ${c.cosa} → ${suya[0].cantidad} × ${suya[0].nombre}`);
    else if (perdidas.includes(c) && !partes)
      marcar('cantidad_perdida', `${c.cantidad}${c.cosa ? ` de ${c.cosa}` : ''} → ${cambiadas.map((l) => `${l.cantidad} × ${l.nombre}`).join(', ')}`);
  }
  if (distintas.size >= 2)
    for (const n of distintas) {
      const con = cambiadas.filter((l) => l.delta === n && !t.antes.some((a) => a.nombre === l.nombre));
      if (con.length >= 2 && cuentas.filter((c) => c.cantidad === n).length < con.length)
        marcar('cantidad_repetida', `${n} × ${con.map((l) => l.nombre).join(' y ')}`);
    }
  return fuera;
}
