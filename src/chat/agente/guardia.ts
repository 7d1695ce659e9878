import { aCentavos } from '../../common/money';
import { plegar } from '../../common/texto';

export interface Permitido {
  /** names the answer may mention */
  productos: string[];
  /** amounts the answer may state */
  montos: number[];
  /** every catalog name: one of these outside `productos` is a product the rows did not give */
  catalogo: string[];
}

export type Veredicto = { ok: true } | { ok: false; motivo: string };

const MONTO = /\$\s?\d{1,3}(?:[.,]\d{3})+(?:,\d{1,2})?|\$\s?\d+|\b\d{1,3}(?:\.\d{3})+(?=\s*(?:pesos|cop)\b)/gi;

function aNumero(texto: string): number {
  const limpio = texto.replace(/[$\s]/g, '');
  // Colombian format: dots for thousands, an optional comma and two decimals.
  const [entero, decimales] = limpio.split(/,(?=\d{1,2}$)/);
  return Number(`${entero.replace(/[.,]/g, '')}${decimales ? `.${decimales}` : ''}`);
}

/** the amounts a text states, in pesos */
export function montosEn(texto: string): number[] {
  return (texto.match(MONTO) ?? []).map(aNumero).filter(Number.isFinite);
}

/**
 * Checks what a language model wrote before a customer reads it: every amount must be one the
 * order or the retrieved rows hold, and no catalog product outside the rows may be named.
 */
export function verificarRedaccion(texto: string, p: Permitido): Veredicto {
  const montos = new Set(p.montos.map((m) => aCentavos(m)));
  for (const m of texto.match(MONTO) ?? []) {
    const valor = aNumero(m);
    if (!Number.isFinite(valor) || !montos.has(aCentavos(valor))) return { ok: false, motivo: `monto no respaldado: ${m.trim()}` };
  }
  const plano = plegar(texto);
  const propios = new Set(p.productos.map(plegar));
  const ajeno = p.catalogo.map(plegar).find((n) => n.length > 3 && !propios.has(n) && plano.includes(n) && ![...propios].some((x) => x.includes(n)));
  return ajeno ? { ok: false, motivo: `producto no recuperado: ${ajeno}` } : { ok: true };
}
