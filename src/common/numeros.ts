import { fonetica, palabras } from './texto';

const UNIDADES: Record<string, number> = {
  cero: 0,
  un: 1,
  uno: 1,
  una: 1,
  dos: 2,
  tres: 3,
  cuatro: 4,
  cinco: 5,
  seis: 6,
  siete: 7,
  ocho: 8,
  nueve: 9,
  diez: 10,
  once: 11,
  doce: 12,
  trece: 13,
  catorce: 14,
  quince: 15,
  dieciseis: 16,
  diecisiete: 17,
  dieciocho: 18,
  diecinueve: 19,
  veinte: 20,
  veintiuno: 21,
  veintiun: 21,
  veintiuna: 21,
  veintidos: 22,
  veintitres: 23,
  veinticuatro: 24,
  veinticinco: 25,
  veintiseis: 26,
  veintisiete: 27,
  veintiocho: 28,
  veintinueve: 29,
};
const DECENAS: Record<string, number> = { treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70, ochenta: 80, noventa: 90 };
const CENTENAS: Record<string, number> = {
  cien: 100,
  ciento: 100,
  doscientos: 200,
  doscientas: 200,
  trescientos: 300,
  trescientas: 300,
  cuatrocientos: 400,
  cuatrocientas: 400,
  quinientos: 500,
  quinientas: 500,
  seiscientos: 600,
  seiscientas: 600,
  setecientos: 700,
  setecientas: 700,
  ochocientos: 800,
  ochocientas: 800,
  novecientos: 900,
  novecientas: 900,
};
/** words that are a count of units: "una docena", "un par" */
const AGRUPADORES: Record<string, number> = { par: 2, pares: 2, docena: 12, docenas: 12 };

/** number words by sound, so "sinco" and "dose" still count */
const POR_SONIDO = new Map<string, string>(
  [...Object.keys(UNIDADES), ...Object.keys(DECENAS), ...Object.keys(CENTENAS), 'mil'].filter((p) => p.length > 3).map((p) => [fonetica(p), p]),
);

function canonico(p: string | undefined): string | undefined {
  if (p === undefined || p in UNIDADES || p in DECENAS || p in CENTENAS || p === 'mil') return p;
  return POR_SONIDO.get(fonetica(p)) ?? p;
}

export interface NumeroLeido {
  valor: number;
  /** words consumed from the start position */
  largo: number;
}

/**
 * Reads a quantity starting at words[i]: digits ("12"), words ("veinticinco",
 * "treinta y cinco", "ciento veinte", "dos mil"), and counts ("una docena", "media docena",
 * "un par de"). Returns undefined when no number starts there.
 */
export function leerNumero(w: string[], i: number): NumeroLeido | undefined {
  if (w[i] === 'media' && w[i + 1] === 'docena') return { valor: 6, largo: 2 };
  if (/^\d+$/.test(w[i] ?? '')) return conAgrupador(w, i, Number(w[i]), 1);
  let total = 0;
  let actual = 0;
  let j = i;
  let leido = false;
  for (; j < w.length; j++) {
    const p = canonico(w[j])!;
    if (p in UNIDADES) actual += UNIDADES[p];
    else if (p in DECENAS) {
      actual += DECENAS[p];
      // "treinta y cinco": the "y" belongs to the number only when a unit follows
      const unidad = canonico(w[j + 2]);
      if (w[j + 1] === 'y' && unidad && UNIDADES[unidad] !== undefined && UNIDADES[unidad] < 10) {
        actual += UNIDADES[unidad];
        j += 2;
      }
    } else if (p in CENTENAS) actual += CENTENAS[p];
    else if (p === 'mil') {
      total += (actual || 1) * 1000;
      actual = 0;
    } else break;
    leido = true;
  }
  if (!leido) return undefined;
  return conAgrupador(w, i, total + actual, j - i);
}

function conAgrupador(w: string[], i: number, valor: number, largo: number): NumeroLeido {
  const siguiente = w[i + largo];
  if (siguiente && siguiente in AGRUPADORES) {
    const base = AGRUPADORES[siguiente];
    // "10 pares de guantes": gloves and boots are sold by the pair, so the pair is the unit
    return { valor: siguiente.startsWith('par') ? valor : valor * base, largo: largo + 1 };
  }
  return { valor, largo };
}

/** the first number anywhere in a text, for short answers like "mejor 3" or "que sean cinco" */
export function primerNumero(texto: string): number | undefined {
  const w = palabras(texto);
  for (let i = 0; i < w.length; i++) {
    const n = leerNumero(w, i);
    if (n) return n.valor;
  }
  return undefined;
}
