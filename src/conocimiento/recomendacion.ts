import { leerNumero } from '../common/numeros';
import { palabras } from '../common/texto';

const PERSONAS =
  /^(trabajador|trabajadores|empleado|empleados|persona|personas|operario|operarios|obrero|obreros|colaborador|colaboradores|brigadista|brigadistas)$/;

/** "necesito dotar a 10 trabajadores", "dotación para cinco empleados": how many people a kit is for */
export function personasEn(texto: string): number | undefined {
  const w = palabras(texto);
  for (let i = 0; i < w.length; i++) {
    const n = leerNumero(w, i);
    if (n && n.valor > 1 && n.valor <= 1000 && PERSONAS.test(w[i + n.largo] ?? '')) return n.valor;
  }
  return undefined;
}
