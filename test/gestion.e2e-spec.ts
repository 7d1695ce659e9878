import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearOperador } from './utils/datos';

/** What ops need beyond orders: the audit log, habeas data requests, the list of chats. */
describe(`auditoría, Ley 1581 y conversaciones (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  const chat = (mensaje: string, chat_id: string) => t.http().post('/chat/texto').set(t.integracion).send({ mensaje, chat_id }).expect(200);

  it('records who changed a price, a stock and an order state, without passwords', async () => {
    await t.http().put('/productos/productos/7').set(t.admin).send({ precio: 30500, stock: 99 }).expect(200);
    await t
      .http()
      .post('/auth/register')
      .set(t.admin)
      .send({ email: 'nuevo@tienda.co', password: 'clave-secreta-1', nombre: 'Nuevo', rol: 'operador' })
      .expect(201);
    await t.http().put('/productos/productos/999').set(t.admin).send({ precio: 1 }).expect(404);
    const r = await t.http().get('/admin/auditoria').query({ recurso: 'productos' }).set(t.admin).expect(200);
    expect(r.body.items[0]).toMatchObject({ usuario_email: 'admin@prueba.co', accion: 'PUT /productos/productos/:id', recurso_id: '999', estado_http: 404 });
    expect(r.body.items[1]).toMatchObject({
      accion: 'PUT /productos/productos/:id',
      ruta: '/productos/productos/7',
      recurso_id: '7',
      cambios: { precio: 30500, stock: 99 },
      estado_http: 200,
    });
    const registro = (await t.http().get('/admin/auditoria').query({ recurso: 'register' }).set(t.admin).expect(200)).body.items[0];
    expect(registro.cambios).toMatchObject({ email: 'nuevo@tienda.co', password: '***' });
    await t
      .http()
      .get('/admin/auditoria')
      .set(await crearOperador(t))
      .expect(403);
  });

  it('lists the chats for ops, most recent first, with state and last message', async () => {
    await chat('quiero 2 cascos amarillos', 'lista-1');
    await chat('hola', 'lista-2');
    await t.http().post('/chat/lista-1/pausar').set(t.admin).expect(200);
    const r = await t.http().get('/chat/conversaciones').set(t.admin).expect(200);
    expect(r.body.items[0]).toMatchObject({ chat_id: 'lista-1', pausado: true, estado_venta: 'confirmando', estado: null });
    expect(r.body.items[0].ultimo_mensaje).toContain('¿Deseas agregar algo más');
    const pausados = await t.http().get('/chat/conversaciones').query({ pausado: true }).set(t.admin).expect(200);
    expect(pausados.body.items.map((c: { chat_id: string }) => c.chat_id)).toEqual(['lista-1']);
  });

  it('a chat that asks for a person waits at the top of the inbox, oldest first, until an operator answers', async () => {
    const r1 = await chat('quiero hablar con un asesor', 'humano-1');
    expect(r1.body.respuesta).toContain('asesor');
    expect(r1.body.respuesta).toContain('horario');
    // the offer of a human, accepted
    const r2 = await chat('¿tienen parqueadero?', 'humano-2');
    expect(r2.body.respuesta).toContain('No tengo esa información');
    await chat('sí, por favor', 'humano-2');
    await chat('hola', 'humano-3');
    const esperan = await t.http().get('/chat/conversaciones').query({ necesita_humano: true }).set(t.admin).expect(200);
    expect(esperan.body.items.map((c: { chat_id: string }) => c.chat_id)).toEqual(['humano-1', 'humano-2']);
    expect(esperan.body.items[0]).toMatchObject({ necesita_humano: true, necesita_humano_motivo: 'el cliente pidió un asesor' });
    expect(esperan.body.items[0].necesita_humano_desde).toBeTruthy();
    const todas = await t.http().get('/chat/conversaciones').set(t.admin).expect(200);
    expect(todas.body.items.slice(0, 2).map((c: { chat_id: string }) => c.chat_id)).toEqual(['humano-1', 'humano-2']);
    await t.http().post('/chat/humano-1/responder').set(t.admin).send({ mensaje: 'Hola, soy Marta, ¿en qué te ayudo?' }).expect(201);
    await t.http().post('/chat/humano-2/pausar').set(t.admin).expect(200);
    const despues = await t.http().get('/chat/conversaciones').query({ necesita_humano: true }).set(t.admin).expect(200);
    expect(despues.body.items).toEqual([]);
  });

  it("exports a customer's data, then erases it keeping the sales figures", async () => {
    for (const m of [
      'quiero 1 casco azul',
      'listo',
      'Marta Lucía Henao',
      '43111222',
      '3157778899',
      'marta@correo.com',
      'cra 43 # 10-20',
      'el poblado',
      'ninguna',
    ])
      await chat(m, 'habeas-1');
    const datos = (await t.http().get('/clientes/43111222/datos-personales').set(t.admin).expect(200)).body;
    expect(datos.cliente).toMatchObject({ nombre_completo: 'Marta Lucía Henao', correo: 'marta@correo.com' });
    expect(datos.pedidos).toHaveLength(1);
    expect(datos.conversaciones[0].mensajes.length).toBeGreaterThan(10);
    const antes = (await t.http().get('/admin/estadisticas').set(t.admin).expect(200)).body.ventas;

    const r = await t.http().delete('/clientes/43111222/datos-personales').set(t.admin).expect(200);
    expect(r.body).toMatchObject({ cedula_anonima: expect.stringMatching(/^anon-[0-9a-f]{15}$/), pedidos_conservados: 1 });
    expect(r.body).toMatchObject({ chats_desvinculados: 1, mensajes_redactados: expect.any(Number) });
    expect(r.body.mensajes_redactados).toBeGreaterThan(5);
    await t.http().get('/clientes/43111222').set(t.admin).expect(404);
    const anonimo = (await t.http().get(`/clientes/${r.body.cedula_anonima}`).set(t.admin).expect(200)).body;
    expect(anonimo).toMatchObject({
      nombre_completo: 'Cliente anonimizado',
      telefono: null,
      correo: null,
      direccion: null,
      total_compras: 1,
      valor_total_compras: 28000,
    });
    expect((await t.http().get('/admin/estadisticas').set(t.admin).expect(200)).body.ventas).toEqual(antes);
    // the chat's id no longer leads to it
    await t.http().get('/chat/historial/habeas-1').set(t.admin).expect(404);
    await t.http().get('/clientes/43111222/datos-personales').set(t.admin).expect(404);
  });
});
