import { EstadoPedido } from './pedido.entity';

/**
 * Legal moves of an order: forward along pendiente → confirmado → despachado → entregado, or
 * cancelado before it leaves the shop. Delivered and cancelled orders are final.
 */
const SIGUIENTES: Record<EstadoPedido, readonly EstadoPedido[]> = {
  pendiente: ['confirmado', 'cancelado'],
  confirmado: ['despachado', 'cancelado'],
  despachado: ['entregado'],
  entregado: [],
  cancelado: [],
};

export function puedeTransitar(desde: EstadoPedido, hacia: EstadoPedido): boolean {
  return SIGUIENTES[desde].includes(hacia);
}

export function transicionesDesde(estado: EstadoPedido): readonly EstadoPedido[] {
  return SIGUIENTES[estado];
}

export interface LineaPedida {
  producto_id: number;
  cantidad: number;
}

/** the same product asked twice in one order becomes one line with the summed quantity */
export function agruparLineas(lineas: LineaPedida[]): LineaPedida[] {
  const porProducto = new Map<number, number>();
  for (const l of lineas) porProducto.set(l.producto_id, (porProducto.get(l.producto_id) ?? 0) + l.cantidad);
  return [...porProducto].map(([producto_id, cantidad]) => ({ producto_id, cantidad }));
}
