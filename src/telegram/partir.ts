/** Telegram refuses messages over 4096 characters. */
export const LIMITE_TELEGRAM = 4096;

/**
 * Splits a long answer into messages under the limit, at paragraph, line or word boundaries
 * when there is one, so a list of products is never cut in the middle of a line.
 */
export function partirMensaje(texto: string, limite = LIMITE_TELEGRAM): string[] {
  const partes: string[] = [];
  let resto = texto.trim();
  while (resto.length > limite) {
    const ventana = resto.slice(0, limite);
    const corte = [ventana.lastIndexOf('\n\n'), ventana.lastIndexOf('\n'), ventana.lastIndexOf(' ')].find((i) => i > limite / 2) ?? limite;
    partes.push(resto.slice(0, corte).trimEnd());
    resto = resto.slice(corte).trimStart();
  }
  if (resto) partes.push(resto);
  return partes;
}
