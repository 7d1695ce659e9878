import { JwtService } from '@nestjs/jwt';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { COMPRA_DEMO } from './utils/chat';
import { escuchar } from './utils/sse';

describe(`eventos en vivo, bandeja y ajustes de stock (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let base: string;
  beforeAll(async () => {
    t = await crearApp({ SEED_DEMO: 'true', EVENTOS_LATIDO_MS: '200' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(() => t.cerrar());

  it('streams order and chat events to signed-in staff only, after they are committed', async () => {
    expect((await fetch(`${base}/eventos`)).status).toBe(401);
    const flujo = await escuchar(base, t.admin.Authorization);
    try {
      expect(flujo.respuesta.headers.get('content-type')).toMatch(/^text\/event-stream/);
      await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: COMPRA_DEMO[0], chat_id: 'ev-1' }).expect(200);
      await flujo.esperar((e) => e.tipo === 'chat.actualizado' && e.datos.chat_id === 'ev-1' && e.datos.remitente === 'agente');
      for (const m of COMPRA_DEMO.slice(1)) await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: m, chat_id: 'ev-1' }).expect(200);
      const creado = await flujo.esperar((e) => e.tipo === 'pedido.creado' && e.datos.chat_id === 'ev-1');
      const id = creado.datos.pedido_id as number;
      // the event arrives after the commit: the order it names is there
      expect((await t.http().get(`/pedidos/${id}`).set(t.admin).expect(200)).body.estado).toBe('pendiente');
      await t.http().put(`/pedidos/${id}/estado`).set(t.admin).send({ estado: 'confirmado' }).expect(200);
      await flujo.esperar((e) => e.tipo === 'pedido.cambiado' && e.datos.pedido_id === id && e.datos.estado === 'confirmado');
      await t.http().post('/chat/ev-1/pausar').set(t.admin).expect(200);
      await flujo.esperar((e) => e.tipo === 'chat.actualizado' && e.datos.chat_id === 'ev-1' && e.datos.remitente === undefined);
    } finally {
      flujo.cerrar();
    }
  });

  it('ends the stream when its session no longer holds (checked at each keep-alive)', async () => {
    // the admin's own claims, re-signed to expire soon: long enough to open the stream on a busy machine
    const jwt = t.app.get(JwtService);
    const { exp: _exp, iat: _iat, ...claims } = jwt.decode<Record<string, unknown>>(t.admin.Authorization.slice('Bearer '.length));
    const corto = jwt.sign(claims, { expiresIn: 5 });
    const flujo = await escuchar(base, `Bearer ${corto}`);
    try {
      expect(flujo.respuesta.status).toBe(200);
      await flujo.esperar((e) => e.tipo === 'sesion.terminada', 20000);
    } finally {
      flujo.cerrar();
    }
  });

  it("ends a deactivated account's stream", async () => {
    const cuenta = { nombre: 'Lucía Operadora', email: 'lucia@tienda.co', password: 'linterna roja del puerto 77', rol: 'operador' };
    const { body: u } = await t.http().post('/auth/register').set(t.admin).send(cuenta).expect(201);
    const { body: sesion } = await t.http().post('/auth/login').send({ email: cuenta.email, password: cuenta.password }).expect(200);
    const flujo = await escuchar(base, `Bearer ${sesion.access_token}`);
    try {
      expect(flujo.respuesta.status).toBe(200);
      await t.http().patch(`/usuarios/${u.id}`).set(t.admin).send({ activo: false }).expect(200);
      await flujo.esperar((e) => e.tipo === 'sesion.terminada', 5000);
    } finally {
      flujo.cerrar();
    }
  });

  it('counts orders per state and filters them by channel', async () => {
    const conteos = (await t.http().get('/pedidos/conteos').set(t.admin).expect(200)).body;
    expect(conteos).toEqual({ pendiente: 0, confirmado: 1, despachado: 0, entregado: 0, cancelado: 0 });
    expect((await t.http().get('/pedidos?canal=api').set(t.admin).expect(200)).body.total).toBe(1);
    expect((await t.http().get('/pedidos?canal=telegram').set(t.admin).expect(200)).body.total).toBe(0);
    expect((await t.http().get('/pedidos?canal=mostrador').set(t.admin).expect(200)).body.total).toBe(0);
    expect((await t.http().get('/pedidos/conteos?canal=telegram').set(t.admin).expect(200)).body.confirmado).toBe(0);
    await t.http().get('/pedidos?canal=fax').set(t.admin).expect(400);
    // the customer by part of the name the order was delivered to, or by the whole cédula
    for (const [cliente, total] of [
      ['ANDRÉS felipe', 1],
      ['98765432', 1],
      ['9876', 0],
      ['maría', 0],
    ] as const)
      expect({ cliente, total: (await t.http().get('/pedidos').query({ cliente }).set(t.admin).expect(200)).body.total }).toEqual({ cliente, total });
  });

  it('keeps quick replies and counts what each staff member has not read', async () => {
    const creada = await t.http().post('/bandeja/respuestas-rapidas').set(t.admin).send({ titulo: ' Horario ', texto: 'De 8 a 6.' }).expect(201);
    expect(creada.body).toMatchObject({ titulo: 'Horario', texto: 'De 8 a 6.' });
    const mala = await t.http().post('/bandeja/respuestas-rapidas').set(t.admin).send({ titulo: '', texto: 'x' }).expect(400);
    expect(Object.keys(mala.body.details)).toEqual(['titulo']);
    await t.http().put(`/bandeja/respuestas-rapidas/${creada.body.id}`).set(t.admin).send({ titulo: 'Horario', texto: 'De 8 a 5.' }).expect(200);
    expect((await t.http().get('/bandeja/respuestas-rapidas').set(t.admin).expect(200)).body).toMatchObject([{ texto: 'De 8 a 5.' }]);
    await t.http().delete(`/bandeja/respuestas-rapidas/${creada.body.id}`).set(t.admin).expect(204);
    await t.http().delete(`/bandeja/respuestas-rapidas/${creada.body.id}`).set(t.admin).expect(404);

    const noLeidos = async () => (await t.http().get('/bandeja/no-leidos?chat_id=ev-1&chat_id=nadie').set(t.admin).expect(200)).body;
    expect(await noLeidos()).toEqual({ 'ev-1': COMPRA_DEMO.length, nadie: 0 });
    await t.http().put('/bandeja/leido/ev-1').set(t.admin).expect(200);
    expect(await noLeidos()).toEqual({ 'ev-1': 0, nadie: 0 });
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola?', chat_id: 'ev-1' }).expect(200);
    expect((await noLeidos())['ev-1']).toBe(1);
    await t.http().put('/bandeja/leido/nadie').set(t.admin).expect(404);
  });

  it('marks chats read and edits quick replies while customers write, without a failed request (one SQLite connection)', async () => {
    const chats = Array.from({ length: 8 }, (_, i) => `ev-par-${i}`);
    for (const chat_id of chats) await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id }).expect(200);
    const estados = await Promise.all(
      chats.flatMap((chat_id, i) => [
        ...['tienen cascos?', 'dame 2', 'y guantes?'].map((mensaje) => t.http().post('/chat/texto').set(t.integracion).send({ mensaje, chat_id })),
        ...[1, 2, 3].map(() => t.http().put(`/bandeja/leido/${chat_id}`).set(t.admin)),
        t
          .http()
          .post('/bandeja/respuestas-rapidas')
          .set(t.admin)
          .send({ titulo: `Saludo ${i}`, texto: 'Hola, ya te atiendo.' }),
      ]),
    ).then((rs) => rs.map((r) => r.status));
    expect(estados.filter((s) => s >= 500)).toEqual([]);
  });

  it("shows a chat's cart and its latest order beside the conversation", async () => {
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'quiero 3 cascos amarillos', chat_id: 'ev-2' }).expect(200);
    const r = await t.http().get('/bandeja/chats/ev-2').set(t.admin).expect(200);
    expect(r.body).toMatchObject({
      chat_id: 'ev-2',
      estado_venta: 'confirmando',
      carrito: { items: [{ cantidad: 3, subtotal: 84000 }], total: 84000 },
      pedido: null,
    });
    const conPedido = await t.http().get('/bandeja/chats/ev-1').set(t.admin).expect(200);
    expect(conPedido.body.pedido).toMatchObject({ estado: 'confirmado', total: 56000 });
    await t.http().get('/bandeja/chats/nadie').set(t.admin).expect(404);
  });

  it('adjusts stock by a signed amount with a reason the audit log keeps, never below zero', async () => {
    const { body } = await t.http().get('/productos/productos?q=CAS-AMA').set(t.admin).expect(200);
    const p = body.items[0];
    const r = await t.http().post(`/productos/productos/${p.id}/stock`).set(t.admin).send({ cambio: 5, motivo: 'Llegó un pedido del proveedor' }).expect(200);
    expect(r.body.stock).toBe(p.stock + 5);
    const bajo = await t
      .http()
      .post(`/productos/productos/${p.id}/stock`)
      .set(t.admin)
      .send({ cambio: -(p.stock + 6), motivo: 'prueba' })
      .expect(409);
    expect(bajo.body).toMatchObject({ codigo: 'SIN_STOCK', details: { producto_id: p.id, solicitado: p.stock + 6, disponible: p.stock + 5 } });
    const sinMotivo = await t.http().post(`/productos/productos/${p.id}/stock`).set(t.admin).send({ cambio: 0 }).expect(400);
    expect(Object.keys(sinMotivo.body.details).sort()).toEqual(['cambio', 'motivo']);
    const auditoria = (await t.http().get('/admin/auditoria?limite=100').set(t.admin).expect(200)).body.items;
    expect(auditoria).toContainEqual(
      expect.objectContaining({
        accion: 'POST /productos/productos/:id/stock',
        recurso_id: String(p.id),
        cambios: { cambio: 5, motivo: 'Llegó un pedido del proveedor' },
      }),
    );
  });
});
