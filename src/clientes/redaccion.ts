/** what erased data becomes in stored messages */
export const BORRADO = '[dato borrado]';

const CORREO = /[\p{L}0-9._%+-]+@[\p{L}0-9-]+(?:\.[\p{L}0-9-]+)*\.\p{L}{2,}/gu;
/** digit runs with the separators people type (1.036.555.444, +57 315 222 3344), not prices ($45.000) */
const NUMERO = /(?<![$\d])\+?\d[\d .-]{2,18}\d(?!\d)/g;
const escapar = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** the values to look for: whole values and, for names and streets, their parts */
export function valoresConocidos(datos: Array<string | null | undefined>): string[] {
  const valores = new Set<string>();
  for (const d of datos) {
    const v = d?.trim().replace(/\s+/g, ' ');
    if (!v || v.length < 3) continue;
    valores.add(v);
    if (v.includes('#')) valores.add(v.slice(0, v.indexOf('#')).trim());
    for (const parte of v.split(/[\s,]+/)) if (/^\p{L}{3,}$/u.test(parte)) valores.add(parte);
  }
  return [...valores].filter((v) => v.length >= 3).sort((a, b) => b.length - a.length);
}

/**
 * Removes a person's data from a text (Ley 1581 erasure): the values known of them, in any letter
 * case and spacing, and anything shaped like an e-mail, a phone or an id number.
 */
export function redactar(texto: string, conocidos: string[]): string {
  let t = texto;
  for (const v of conocidos) {
    const patron = escapar(v).replace(/ /g, '\\s+');
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${patron}(?![\\p{L}\\p{N}])`, 'giu'), BORRADO);
  }
  t = t.replace(CORREO, BORRADO);
  return t.replace(NUMERO, (m) => {
    const digitos = m.replace(/\D/g, '').length;
    return digitos >= 5 && digitos <= 14 ? BORRADO : m;
  });
}

/** the same over every string of a JSON value (message metadata: transcriptions, captions) */
export function redactarJson<T>(valor: T, conocidos: string[]): T {
  if (typeof valor === 'string') return redactar(valor, conocidos) as T;
  if (Array.isArray(valor)) return valor.map((v: unknown) => redactarJson(v, conocidos)) as T;
  if (valor && typeof valor === 'object') return Object.fromEntries(Object.entries(valor).map(([k, v]) => [k, redactarJson(v, conocidos)])) as T;
  return valor;
}
