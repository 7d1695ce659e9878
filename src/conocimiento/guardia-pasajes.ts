import { formatoCOP } from '../common/money';
import { plegar } from '../common/texto';
import { montosEn, verificarRedaccion, Veredicto } from '../chat/agente/guardia';

const URL = /\b(?:https?:\/\/|www\.)[^\s)]+|\b[\w.+-]+@[\w-]+\.[\w.]+\b/gi;
/** digits with the separators people put in amounts, dates and phones: "$45.000", "15/03/2026", "300 123 4567", "+57 1 234" */
const CIFRA = /\+?\d[\d.,:/\s-]*\d|\d/g;
const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

const soloDigitos = (s: string) => s.replace(/\D/g, '');

/**
 * A model's answer from knowledge passages may say only what they say: every amount, number,
 * date, phone, URL or e-mail must appear in them, and no catalog product outside the ones they
 * (or the recommended products) name may be mentioned. Anything else is the model's invention.
 */
export function verificarConPasajes(texto: string, pasajes: string[], permitido: { productos: string[]; montos: number[]; catalogo: string[] }): Veredicto {
  const fuente = pasajes.join('\n');
  const planoFuente = plegar(fuente);
  // the recommended products' names and prices come from the catalog: their figures are true too
  const digitosFuente = [fuente, ...permitido.productos, ...permitido.montos.map(formatoCOP)].flatMap((t) => (t.match(CIFRA) ?? []).map(soloDigitos));
  const porProductos = verificarRedaccion(texto, {
    productos: [...permitido.productos, ...permitido.catalogo.filter((n) => planoFuente.includes(plegar(n)))],
    montos: [...permitido.montos, ...montosEn(fuente)],
    catalogo: permitido.catalogo,
  });
  if (!porProductos.ok) return porProductos;
  for (const u of texto.match(URL) ?? []) {
    if (!planoFuente.includes(plegar(u).replace(/[.,;]+$/, ''))) return { ok: false, motivo: `dirección o correo no respaldado: ${u}` };
  }
  for (const c of texto.match(CIFRA) ?? []) {
    const d = soloDigitos(c);
    if (d && !digitosFuente.includes(d)) return { ok: false, motivo: `cifra no respaldada: ${c.trim()}` };
  }
  const planoTexto = plegar(texto);
  const mes = MESES.find((m) => new RegExp(`\\b${m}\\b`).test(planoTexto) && !new RegExp(`\\b${m}\\b`).test(planoFuente));
  return mes ? { ok: false, motivo: `fecha no respaldada: ${mes}` } : { ok: true };
}
