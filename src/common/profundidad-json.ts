/** how deep a JSON body may nest: the API's deepest DTO needs 3; validation recurses, so a bomb must stop here */
export const PROFUNDIDAD_MAXIMA = 32;

/**
 * body-parser `verify`: refuses (400) a JSON body nested deeper than PROFUNDIDAD_MAXIMA, with one
 * linear scan of the raw bytes before anything parses or walks it recursively.
 */
export function verificarProfundidad(_req: unknown, _res: unknown, buf: Buffer): void {
  let profundidad = 0;
  let enTexto = false;
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i];
    if (enTexto) {
      if (c === 0x5c)
        i++; // backslash escapes the next byte
      else if (c === 0x22) enTexto = false;
    } else if (c === 0x22) enTexto = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++profundidad > PROFUNDIDAD_MAXIMA)
        throw Object.assign(new Error(`El JSON anida más de ${PROFUNDIDAD_MAXIMA} niveles`), { status: 400, type: 'entity.too.deep' });
    } else if (c === 0x7d || c === 0x5d) profundidad--;
  }
}
