import { ESTADOS_PEDIDO, EstadoPedido } from './pedido.entity';
import { agruparLineas, puedeTransitar } from './transiciones';

describe('transiciones de pedido', () => {
  const legales: Array<[EstadoPedido, EstadoPedido]> = [
    ['pendiente', 'confirmado'],
    ['pendiente', 'cancelado'],
    ['confirmado', 'despachado'],
    ['confirmado', 'cancelado'],
    ['despachado', 'entregado'],
  ];

  it.each(ESTADOS_PEDIDO.flatMap((d) => ESTADOS_PEDIDO.map((h) => [d, h] as [EstadoPedido, EstadoPedido])))('%s → %s', (desde, hacia) => {
    const esperado = legales.some(([d, h]) => d === desde && h === hacia);
    expect(puedeTransitar(desde, hacia)).toBe(esperado);
  });
});

describe('agruparLineas', () => {
  it('sums repeated products and keeps first-seen order', () => {
    expect(
      agruparLineas([
        { producto_id: 2, cantidad: 1 },
        { producto_id: 1, cantidad: 3 },
        { producto_id: 2, cantidad: 4 },
      ]),
    ).toEqual([
      { producto_id: 2, cantidad: 5 },
      { producto_id: 1, cantidad: 3 },
    ]);
  });
});
