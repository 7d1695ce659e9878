/**
 * How documents become passages: an imported file is cut into sections at its headings (one
 * entry each), and every entry's text into passages at paragraphs, short ones grouped and long
 * ones cut at sentences, so a passage is about one thing and small enough to quote.
 */

export type FormatoDocumento = 'markdown' | 'texto' | 'pdf';

export interface Seccion {
  titulo: string;
  contenido: string;
}

/** a passage's id in the index: entry id × this + its position (an entry never has more passages) */
export const PASAJES_POR_ENTRADA = 1000;
const LARGO_PASAJE = 700;
const LARGO_TITULO = 200;

/** Sections of a document: Markdown headings, or heading-like lines in plain text and PDF. */
export function seccionesDe(texto: string, formato: FormatoDocumento, tituloDocumento: string): Seccion[] {
  const lineas = texto.replace(/\r\n?/g, '\n').split('\n');
  const secciones: Array<{ titulo: string; lineas: string[] }> = [];
  let actual = { titulo: tituloDocumento, lineas: [] as string[] };
  const cerrar = () => {
    if (actual.lineas.some((l) => l.trim())) secciones.push(actual);
  };
  lineas.forEach((linea, i) => {
    const titulo = formato === 'markdown' ? tituloMarkdown(linea) : tituloSuelto(linea, lineas[i + 1]);
    if (titulo) {
      cerrar();
      actual = { titulo: titulo.slice(0, LARGO_TITULO), lineas: [] };
    } else {
      actual.lineas.push(formato === 'markdown' ? sinMarcas(linea) : linea);
    }
  });
  cerrar();
  return secciones.map((s) => ({ titulo: s.titulo, contenido: parrafos(s.lineas.join('\n')).join('\n\n') }));
}

function tituloMarkdown(linea: string): string | undefined {
  const m = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(linea);
  return m ? sinMarcas(m[1]).trim() : undefined;
}

/**
 * A short line without closing punctuation, followed by text, reads as a heading ("Garantía de
 * botas", "2. Facturación"); a numbered list item with a full sentence does not.
 */
function tituloSuelto(linea: string, siguiente: string | undefined): string | undefined {
  const t = linea.trim();
  if (!t || t.length > 80 || /[.,;]$/.test(t) || t.split(/\s+/).length > 10) return undefined;
  if (!/^(\d+(\.\d+)*[.)]?\s+)?[A-ZÁÉÍÓÚÑ¿¡]/.test(t)) return undefined;
  if (siguiente === undefined || !siguiente.trim()) {
    // a heading followed by a blank line is still one when the line is in capitals or ends in ':'
    if (!(t === t.toUpperCase() && /[A-Z]/.test(t)) && !t.endsWith(':')) return undefined;
  }
  return t.replace(/:$/, '');
}

/** Markdown emphasis, links and list markers out; the words stay. */
function sinMarcas(linea: string): string {
  return linea
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/^\s*>\s?/, '')
    .replace(/^\s*[-*+]\s+/, '- ');
}

/**
 * Paragraphs: blocks between blank lines; in text without blank lines (what PDF extraction
 * gives), a line ending a sentence ends its paragraph. Wrapped lines are joined.
 */
export function parrafos(texto: string): string[] {
  const limpio = texto.replace(/\r\n?/g, '\n').replace(/[ \t]+/g, ' ');
  const bloques = /\n\s*\n/.test(limpio) ? limpio.split(/\n\s*\n/) : limpio.split(/(?<=[.!?:])\s*\n/);
  return bloques
    .map((b) =>
      b
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        // list items keep their own line; wrapped prose is joined into one
        .reduce((acc, l) => (acc ? `${acc}${l.startsWith('- ') ? '\n' : ' '}${l}` : l), ''),
    )
    .filter((p) => p.length > 0);
}

/** An entry's passages: paragraphs grouped up to a readable size, long paragraphs cut at sentences. */
export function pasajesDe(contenido: string): string[] {
  const piezas = parrafos(contenido).flatMap((p) => (p.length <= LARGO_PASAJE ? [p] : agrupar(oraciones(p), ' ')));
  return agrupar(piezas, '\n\n').slice(0, PASAJES_POR_ENTRADA);
}

function agrupar(piezas: string[], union: string): string[] {
  const grupos: string[] = [];
  for (const p of piezas) {
    const ultimo = grupos[grupos.length - 1];
    if (ultimo !== undefined && ultimo.length + union.length + p.length <= LARGO_PASAJE) grupos[grupos.length - 1] = `${ultimo}${union}${p}`;
    else grupos.push(p);
  }
  return grupos;
}

/** Sentences: a full stop followed by a capital (so "$45.000 la" or "S.A.S. desde" stay whole). */
export function oraciones(texto: string): string[] {
  return texto
    .split(/(?<=\S[.!?])\s+(?=[¿¡A-ZÁÉÍÓÚÑ-])|\n+/)
    .map((o) => o.trim())
    .filter(Boolean);
}
