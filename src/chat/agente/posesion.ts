import { validarCampo } from './datos-cliente';
import { DatosCliente } from './tipos';

/**
 * "A cédula proves nothing" (CONTRACT.md, Personal data). A stored customer is recognised only
 * when the chat also carries the phone number on file, typed exactly (both normalised the same
 * way). Until then the chat is a guest: nothing of the stored record is shown or changed.
 */
export function poseeRegistro(datos: DatosCliente, registro: DatosCliente | null | undefined): registro is DatosCliente {
  if (!registro?.telefono || !datos.cedula || !datos.telefono || registro.cedula !== datos.cedula) return false;
  const guardado = validarCampo('telefono', registro.telefono);
  return (guardado.ok ? guardado.valor : registro.telefono) === datos.telefono;
}

/** the fields a verified customer may reuse from the record (their own typed data always wins) */
export const REUTILIZABLES = ['nombre_completo', 'correo', 'direccion', 'barrio'] as const;

/** "Calle 10 # 43-20", "Laureles" → "Calle 10 # •••, Laureles": enough to recognise, not to learn */
export function direccionEnmascarada(direccion: string, barrio?: string): string {
  const numeral = direccion.indexOf('#');
  const via = numeral > 0 ? direccion.slice(0, numeral + 1).trim() : direccion.split(/\s+/).slice(0, 2).join(' ');
  return `${via} •••${barrio ? `, ${barrio}` : ''}`;
}
