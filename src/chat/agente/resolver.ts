import { LectorCatalogo } from '../../retrieval/texto/vocabulario';
import { Resolucion } from './maquina';
import { FilaCatalogo } from './plantillas';
import { Mencion } from './tipos';

export interface Candidato {
  producto: FilaCatalogo;
  categoria: string;
  score: number;
  cobertura: number;
  sinCoincidir: string[];
  coincidencias: string[];
}

/** how close to the best score another product must be to count as an equally good reading */
const MARGEN = 0.12;
const MAX_OPCIONES = 6;

/**
 * What a mention means in the catalog: one product, a choice the customer must make ("10 o 20
 * libras?"), or nothing. The agent never guesses between close candidates.
 */
export function clasificar(mencion: Mencion, candidatos: Candidato[], lector: LectorCatalogo): Resolucion {
  if (candidatos.length === 0) return { mencion, tipo: 'ninguno', parecidos: [] };
  const [mejor] = candidatos;
  if (mejor.coincidencias.includes('sku')) return { mencion, tipo: 'unico', producto: mejor.producto };
  // Most of what the customer named is not in any product: say so, and offer the neighbours.
  if (mejor.cobertura < 0.5) {
    // Neighbours worth offering share a real word or the meaning, not just a typo-level likeness.
    const parecidos = candidatos.filter((c) => c.coincidencias.some((x) => x === 'semantica' || !/~$|=/.test(x))).slice(0, 3);
    return { mencion, tipo: 'ninguno', parecidos: parecidos.map((c) => c.producto) };
  }
  // "delantal de carnaza" when only carnaza gloves are: what is near, never sold as the thing asked
  if (mencion.nucleoAjeno) {
    const cercanas = candidatos.filter((c) => c.cobertura >= 0.5).slice(0, 4);
    return { mencion, tipo: 'ambiguo', opciones: cercanas.map((c) => c.producto), aproximado: true };
  }
  const cercanos = candidatos.filter((c) => c.score >= mejor.score - MARGEN).slice(0, MAX_OPCIONES);
  // "cascos dieléctricos" when no helmet is: the best lacks something the catalog does sell; say so, never swap silently
  const faltan = mejor.sinCoincidir.filter((t) => lector.contiene(t));
  if (faltan.length > 0) {
    const cercanas = candidatos.filter((c) => c.cobertura >= 0.5).slice(0, 4);
    return { mencion, tipo: 'ambiguo', opciones: cercanas.map((c) => c.producto), aproximado: true };
  }
  if (cercanos.length === 1) return { mencion, tipo: 'unico', producto: mejor.producto };
  return { mencion, tipo: 'ambiguo', opciones: cercanos.map((c) => c.producto), aproximado: mejor.sinCoincidir.length > 0 };
}
