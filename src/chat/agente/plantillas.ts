import { formatoCOP } from '../../common/money';
import { Campo, Tema } from './tipos';

/**
 * Every sentence the agent says with the local provider, warm and short. The state machine
 * picks them; a language model, when configured, only rephrases them.
 */

export interface Negocio {
  nombre: string;
  nombre_agente: string;
  horario: string;
  direccion: string;
  telefono_contacto: string;
  medios_pago: string[];
  zonas_entrega: string;
  tiempos_entrega: string;
  devoluciones: string;
  garantia: string;
  aviso_datos: string;
  limite_por_producto: number;
  mostrar_stock: boolean;
}

export interface FilaCatalogo {
  id: number;
  nombre: string;
  precio: number;
  stock: number;
}

export const PREGUNTA_CAMPO: Record<Campo, string> = {
  nombre_completo: '¿Cuál es tu nombre completo?',
  cedula: '¿Cuál es tu número de cédula?',
  telefono: '¿A qué número de celular te podemos contactar?',
  correo: '¿Cuál es tu correo electrónico?',
  direccion: '¿Cuál es la dirección de entrega?',
  barrio: '¿En qué barrio queda?',
  indicaciones_adicionales: '¿Alguna indicación para la entrega (torre, apartamento, horario)? Si no, escribe "ninguna".',
};

export const NOMBRE_CAMPO: Record<Campo, string> = {
  nombre_completo: 'nombre',
  cedula: 'cédula',
  telefono: 'celular',
  correo: 'correo',
  direccion: 'dirección',
  barrio: 'barrio',
  indicaciones_adicionales: 'indicaciones',
};

export const ALGO_MAS = '¿Deseas agregar algo más o procedemos con el pedido?';

export function disponibilidad(p: FilaCatalogo, n: Negocio): string {
  if (p.stock <= 0) return 'agotado';
  if (n.mostrar_stock) return `${p.stock} disponibles`;
  return p.stock <= 5 ? 'pocas unidades' : 'disponible';
}

export function fichaProducto(p: FilaCatalogo, n: Negocio): string {
  return `• ${p.nombre}: ${formatoCOP(p.precio)} (${disponibilidad(p, n)})`;
}

export function opciones(lista: FilaCatalogo[]): string {
  return lista.map((p, i) => `${i + 1}. ${p.nombre}: ${formatoCOP(p.precio)}${p.stock <= 0 ? ' (agotado)' : ''}`).join('\n');
}

export function respuestaTema(tema: Tema, n: Negocio): string {
  switch (tema) {
    case 'horario':
      return `Nuestro horario es ${n.horario}.`;
    case 'direccion':
      return `Estamos en ${n.direccion}.`;
    case 'pago':
      return n.medios_pago.length ? `Puedes pagar con ${lista(n.medios_pago)}.` : 'Aún no tengo registrados los medios de pago; un asesor te los confirma.';
    case 'entrega':
      return `Entregamos en ${n.zonas_entrega}. Tiempos: ${n.tiempos_entrega}.`;
    case 'devoluciones':
      return `Sobre cambios y devoluciones: ${n.devoluciones}.`;
    case 'garantia':
      return `Sobre la garantía: ${n.garantia}.`;
    case 'datos':
      return n.aviso_datos;
    case 'contacto':
      return n.telefono_contacto ? `Puedes llamarnos al ${n.telefono_contacto}.` : 'Puedes escribirnos por este chat cuando quieras.';
    case 'humano':
      return `Claro, le aviso a un asesor de ${n.nombre} para que continúe contigo por este chat.`;
    case 'desconocido':
      return `No tengo esa información. Si quieres, le pido a un asesor de ${n.nombre} que te responda por este chat.`;
  }
}

export function lista(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} y ${xs[xs.length - 1]}`;
}

export function saludo(n: Negocio): string {
  return `¡Hola! Soy ${n.nombre_agente}, de ${n.nombre}. Te ayudo a encontrar productos, precios y a hacer tu pedido. ¿Qué estás buscando?`;
}
