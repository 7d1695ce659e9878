/** Variant words: what tells apart products that share a name (colour, weight, capacity, size). */
export const COLORES = new Set([
  'amarill',
  'blanc',
  'azul',
  'roj',
  'verd',
  'negr',
  'naranj',
  'gris',
  'caf',
  'morad',
  'rosad',
  'clar',
  'oscur',
  'transparent',
  'fucsi',
]);

/** tipo ("color", "medida:lb", "talla") → values, from analysed terms */
export type Variantes = Map<string, Set<string>>;

export function extraerVariantes(terminos: string[]): Variantes {
  const v: Variantes = new Map();
  const poner = (tipo: string, valor: string) => {
    const s = v.get(tipo) ?? new Set<string>();
    s.add(valor);
    v.set(tipo, s);
  };
  terminos.forEach((t, i) => {
    if (COLORES.has(t)) poner('color', t);
    const medida = /^(\d+)([a-z]+)$/.exec(t);
    if (medida) poner(`medida:${medida[2]}`, medida[1]);
    if (t === 'tall' && terminos[i + 1]) poner('talla', terminos[i + 1]);
  });
  return v;
}

/**
 * How a product's variants agree with what the customer asked: +1 per agreeing kind, −1 per
 * kind where the product has another value (asked "amarillo", product is "blanco").
 */
export function acuerdoVariantes(pedidas: Variantes, delProducto: Variantes): { acuerdos: string[]; conflictos: number } {
  const acuerdos: string[] = [];
  let conflictos = 0;
  for (const [tipo, valores] of pedidas) {
    const propios = delProducto.get(tipo);
    if (!propios) continue;
    const comunes = [...valores].filter((x) => propios.has(x));
    if (comunes.length > 0) acuerdos.push(...comunes.map((x) => `${tipo}=${x}`));
    else conflictos++;
  }
  return { acuerdos, conflictos };
}
