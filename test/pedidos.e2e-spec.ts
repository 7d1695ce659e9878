import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearCliente, crearOperador, crearPedidoEn, crearProducto } from './utils/datos';
import { diaEnZona } from '../src/database/fechas';

describe(`pedidos y ventas (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  const stock = async (id: number) => (await t.http().get(`/productos/productos/${id}`).set(t.admin)).body.stock;

  it('registers order, lines, sales, stock and customer totals in one go, with exact money', async () => {
    const c = await crearCliente(t);
    const a = await crearProducto(t, { precio: 19999.99, stock: 10 });
    const b = await crearProducto(t, { precio: 0.1, stock: 10 });
    const r = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({
        cliente_cedula: c.cedula,
        chat_id: 'chat-1',
        items: [
          { producto_id: a.id, cantidad: 3 },
          { producto_id: b.id, cantidad: 2 },
          { producto_id: b.id, cantidad: 1 },
        ],
      })
      .expect(201);
    expect(r.body).toMatchObject({ estado: 'pendiente', chat_id: 'chat-1', cliente_cedula: c.cedula, total: 60000.27 });
    expect(r.body.items).toEqual([
      expect.objectContaining({ producto_id: a.id, cantidad: 3, precio_unitario: 19999.99, subtotal: 59999.97 }),
      expect.objectContaining({ producto_id: b.id, cantidad: 3, precio_unitario: 0.1, subtotal: 0.3 }),
    ]);
    expect(await stock(a.id)).toBe(7);
    expect(await stock(b.id)).toBe(7);
    const ventas = await t.http().get(`/venta/ventas?cedula=${c.cedula}`).set(t.admin).expect(200);
    expect(ventas.body.items.map((v: { total: number; estado: string }) => [v.total, v.estado]).sort()).toEqual([
      [0.3, 'registrada'],
      [59999.97, 'registrada'],
    ]);
    const cliente = await t.http().get(`/clientes/${c.cedula}`).set(t.admin).expect(200);
    expect(cliente.body).toMatchObject({ total_compras: 1, valor_total_compras: 60000.27, fecha_ultima_compra: expect.any(String) });
  });

  it('refuses more than the stock with 409 and changes nothing', async () => {
    const c = await crearCliente(t);
    const a = await crearProducto(t, { stock: 5 });
    const b = await crearProducto(t, { stock: 1 });
    const r = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({
        cliente_cedula: c.cedula,
        items: [
          { producto_id: a.id, cantidad: 2 },
          { producto_id: b.id, cantidad: 2 },
        ],
      })
      .expect(409);
    expect(r.body).toMatchObject({ statusCode: 409, codigo: 'SIN_STOCK', details: { producto_id: b.id, solicitado: 2, disponible: 1 } });
    expect(await stock(a.id)).toBe(5);
    const cliente = await t.http().get(`/clientes/${c.cedula}`).set(t.admin);
    expect(cliente.body.total_compras).toBe(0);
  });

  it('answers 422 for unknown customers or inactive products, 400 for bad lines', async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t);
    await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: '55555555', items: [{ producto_id: p.id, cantidad: 1 }] })
      .expect(422);
    await t.http().delete(`/productos/productos/${p.id}`).set(t.admin).expect(200);
    const r = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 1 }] })
      .expect(422);
    expect(r.body.details).toEqual({ productos: [p.id] });
    for (const items of [[], [{ producto_id: p.id, cantidad: 0 }], [{ producto_id: p.id, cantidad: -2 }], [{ producto_id: p.id }]]) {
      await t.http().post('/pedidos').set(t.admin).send({ cliente_cedula: c.cedula, items }).expect(400);
    }
  });

  it('moves along legal states only (409 otherwise) and cancelling gives stock back', async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t, { stock: 4, precio: 2500 });
    const { body: pedido } = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 3 }] })
      .expect(201);
    const mover = (estado: string) => t.http().put(`/pedidos/${pedido.id}/estado`).set(t.admin).send({ estado });
    const ilegal = await mover('entregado').expect(409);
    expect(ilegal.body.codigo).toBe('TRANSICION_INVALIDA');
    expect(ilegal.body.details).toEqual({ estado_actual: 'pendiente', permitidos: ['confirmado', 'cancelado'] });
    await mover('confirmado').expect(200);
    await mover('pendiente').expect(409);
    await mover('inventado').expect(400);
    expect(await stock(p.id)).toBe(1);
    const cancelado = await mover('cancelado').expect(200);
    expect(cancelado.body.estado).toBe('cancelado');
    expect(await stock(p.id)).toBe(4);
    await mover('confirmado').expect(409);
    const ventas = await t.http().get(`/venta/ventas?cedula=${c.cedula}`).set(t.admin);
    expect(ventas.body.items.map((v: { estado: string }) => v.estado)).toEqual(['anulada']);
    const cliente = await t.http().get(`/clientes/${c.cedula}`).set(t.admin);
    expect(cliente.body).toMatchObject({ total_compras: 0, valor_total_compras: 0 });
    await t.http().put('/pedidos/999999/estado').set(t.admin).send({ estado: 'confirmado' }).expect(404);
  });

  it('an Idempotency-Key makes a retried POST return the first order', async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t, { stock: 10 });
    const cuerpo = { cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 2 }] };
    const primero = await t.http().post('/pedidos').set(t.admin).set('Idempotency-Key', 'compra-42').send(cuerpo).expect(201);
    const otra = await Promise.all([1, 2, 3].map(() => t.http().post('/pedidos').set(t.admin).set('Idempotency-Key', 'compra-42').send(cuerpo)));
    for (const r of otra) {
      expect(r.status).toBe(200);
      expect(r.headers['idempotent-replayed']).toBe('true');
      expect(r.body.id).toBe(primero.body.id);
    }
    expect(await stock(p.id)).toBe(8);
    await t.http().post('/pedidos').set(t.admin).set('Idempotency-Key', 'compra-43').send(cuerpo).expect(201);
    expect(await stock(p.id)).toBe(6);
  });

  it('lists with filters by estado, cédula and dates', async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t, { stock: 10 });
    const { body: a } = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 1 }] })
      .expect(201);
    await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 1 }] })
      .expect(201);
    await t.http().put(`/pedidos/${a.id}/estado`).set(t.admin).send({ estado: 'confirmado' }).expect(200);
    const confirmados = await t.http().get(`/pedidos?cedula=${c.cedula}&estado=confirmado`).set(t.admin).expect(200);
    expect(confirmados.body.items.map((x: { id: number }) => x.id)).toEqual([a.id]);
    // a date alone is the shop's day (ZONA_HORARIA, America/Bogota by default), not the UTC one
    const hoy = diaEnZona(new Date(), 'America/Bogota');
    const deHoy = await t.http().get(`/pedidos?cedula=${c.cedula}&desde=${hoy}&hasta=${hoy}`).set(t.admin).expect(200);
    expect(deHoy.body.total).toBe(2);
    const futuro = await t.http().get(`/pedidos?cedula=${c.cedula}&desde=2999-01-01`).set(t.admin).expect(200);
    expect(futuro.body.total).toBe(0);
    const ventasHoy = await t.http().get(`/venta/ventas?cedula=${c.cedula}&desde=${hoy}`).set(t.admin).expect(200);
    expect(ventasHoy.body.total).toBe(2);
    await t.http().get('/pedidos?desde=ayer').set(t.admin).expect(400);
    const uno = await t.http().get(`/pedidos/${a.id}`).set(t.admin).expect(200);
    expect(uno.body.items).toHaveLength(1);
  });

  it("reads a date alone as the shop's calendar day (America/Bogota), and a datetime as the instant it names", async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t, { precio: 1000, stock: 10 });
    const crear = (creadoEn: string) => crearPedidoEn(t, c.cedula, p.id, creadoEn);
    // 2020: no other order of the suite falls in these days
    const temprano = await crear('2020-06-15T00:05:00-05:00');
    const noche = await crear('2020-06-15T23:30:00-05:00'); // 2020-06-16 04:30 UTC
    const siguiente = await crear('2020-06-16T00:10:00-05:00');
    const ids = async (consulta: string) =>
      ((await t.http().get(`/pedidos?cedula=${c.cedula}&${consulta}`).set(t.admin).expect(200)).body.items as Array<{ id: number }>).map((x) => x.id).sort();
    expect(await ids('desde=2020-06-15&hasta=2020-06-15')).toEqual([temprano, noche].sort());
    expect(await ids('desde=2020-06-16&hasta=2020-06-16')).toEqual([siguiente]);
    expect(await ids('desde=2020-06-16T04:00:00Z&hasta=2020-06-16T05:00:00Z')).toEqual([noche]);
    expect(await ids('desde=2020-06-15T23:00:00-05:00&hasta=2020-06-16T00:00:00-05:00')).toEqual([noche]);
    const e = (await t.http().get('/admin/estadisticas').query({ desde: '2020-06-15', hasta: '2020-06-16' }).set(t.admin).expect(200)).body;
    expect(e.serie_diaria).toEqual([
      { fecha: '2020-06-15', pedidos: 2, total: 2000 },
      { fecha: '2020-06-16', pedidos: 1, total: 1000 },
    ]);
    const dia = (await t.http().get('/admin/estadisticas').query({ desde: '2020-06-15', hasta: '2020-06-15' }).set(t.admin).expect(200)).body;
    expect(dia.ventas).toEqual({ total: 2000, pedidos: 2, ticket_promedio: 1000 });
  });

  it('registers a counter sale through /venta/ventas, operators included', async () => {
    const operador = await crearOperador(t);
    const c = await crearCliente(t);
    const p = await crearProducto(t, { stock: 3, precio: 1500.5 });
    const r = await t.http().post('/venta/ventas').set(operador).send({ producto_id: p.id, cliente_cedula: c.cedula, cantidad: 2 }).expect(201);
    expect(r.body).toMatchObject({ producto_id: p.id, cantidad: 2, total: 3001, estado: 'registrada', detalle: { precio_unitario: 1500.5 } });
    await t.http().post('/venta/ventas').set(operador).send({ producto_id: p.id, cliente_cedula: c.cedula, cantidad: 2 }).expect(409);
    expect(await stock(p.id)).toBe(1);
  });
});
