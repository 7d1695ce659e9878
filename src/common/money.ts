/**
 * Money is exact: amounts travel as numbers of pesos with at most two decimals and all
 * arithmetic happens on integer centavos, so no float rounding ever reaches a total.
 */
export type Centavos = number;

export function aCentavos(pesos: number | string): Centavos {
  const n = typeof pesos === 'string' ? Number(pesos) : pesos;
  if (!Number.isFinite(n)) throw new RangeError(`monto inválido: ${pesos}`);
  return Math.round(n * 100);
}

export function aPesos(centavos: Centavos): number {
  return centavos / 100;
}

/** unit price × quantity, exact */
export function multiplicar(precio: number, cantidad: number): number {
  return aPesos(aCentavos(precio) * cantidad);
}

export function sumar(montos: Array<number | string>): number {
  return aPesos(montos.reduce<number>((acc, m) => acc + aCentavos(m), 0));
}

/** "$45.000" or "$45.000,50", as Colombians write pesos */
export function formatoCOP(pesos: number): string {
  const c = aCentavos(pesos);
  const enteros = Math.trunc(Math.abs(c) / 100);
  const dec = Math.abs(c) % 100;
  const miles = enteros.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${c < 0 ? '-' : ''}$${miles}${dec ? ',' + dec.toString().padStart(2, '0') : ''}`;
}

/** TypeORM transformer: DECIMAL columns come back as strings (PostgreSQL) or numbers (SQLite) */
export const decimalTransformer = {
  to: (v?: number | null) => (v === null || v === undefined ? v : aPesos(aCentavos(v)).toFixed(2)),
  from: (v?: string | number | null) => (v === null || v === undefined ? v : aPesos(aCentavos(v))),
};
