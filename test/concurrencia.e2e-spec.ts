import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearCliente, crearProducto } from './utils/datos';

describe(`stock bajo compradores concurrentes (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('30 buyers of the last 5 units: exactly 5 orders and 25 clear 409s, stock 0', async () => {
    const p = await crearProducto(t, { stock: 5, precio: 120000 });
    const clientes = await Promise.all(Array.from({ length: 30 }, (_, i) => crearCliente(t, { cedula: `${90000000 + i}` })));
    const respuestas = await Promise.all(
      clientes.map((c) =>
        t
          .http()
          .post('/pedidos')
          .set(t.admin)
          .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 1 }] }),
      ),
    );
    const estados = respuestas.map((r) => r.status);
    expect(estados.filter((s) => s === 201)).toHaveLength(5);
    expect(estados.filter((s) => s === 409)).toHaveLength(25);
    for (const r of respuestas.filter((x) => x.status === 409)) {
      expect(r.body).toMatchObject({ statusCode: 409, error: 'Conflict', codigo: 'SIN_STOCK', details: { producto_id: p.id, disponible: 0 } });
    }
    const producto = await t.http().get(`/productos/productos/${p.id}`).set(t.admin).expect(200);
    expect(producto.body.stock).toBe(0);
    const ventas = await t.http().get('/venta/ventas?limite=100').set(t.admin).expect(200);
    expect(ventas.body.items.filter((v: { producto_id: number }) => v.producto_id === p.id)).toHaveLength(5);
  });
});
