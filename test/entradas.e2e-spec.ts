import { AppDePrueba, crearApp } from './utils/crear-app';

/** Issue 12 §8: trivial bad input is a 4xx on both engines, never a 5xx. */
describe(`trivial input never 5xx (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => {
    t = await crearApp({ LIMITE_CHAT_IP_MINUTO: '0', LIMITE_CHATS_NUEVOS_IP_HORA: '0' });
  });
  afterAll(() => t.cerrar());

  const chat = (cuerpo: unknown) => t.http().post('/chat/texto').set('Content-Type', 'application/json').send(JSON.stringify(cuerpo));
  const esperar4xx = (status: number) => {
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(500);
  };

  it.each([null, 42, { a: 1 }, ['x'], true])('chat_id %j', async (chat_id) => {
    esperar4xx((await chat({ mensaje: 'hola', chat_id })).status);
  });

  it.each([
    ['a NUL byte', 'hola\u0000mundo'],
    ['a lone surrogate', 'hola \ud800 mundo'],
    ['a lone low surrogate', '\udfff'],
  ])('a message with %s is refused or stored, not a 500', async (_, mensaje) => {
    const r = await chat({ mensaje });
    expect(r.status).toBeLessThan(500);
  });

  it('NUL bytes in staff fields, queries and paths', async () => {
    const r = await t.http().post('/clientes').set(t.admin).send({ cedula: '12345678', nombre_completo: 'Ana\u0000 Gómez' });
    esperar4xx(r.status);
    esperar4xx((await t.http().get('/clientes').query({ busqueda: 'a\u0000b' }).set(t.admin)).status);
    expect((await t.http().get('/clientes/12%00345').set(t.admin)).status).toBeLessThan(500);
    esperar4xx((await t.http().get('/productos/buscar').query({ q: '\u0000' }).set(t.admin)).status);
  });

  it('JSON nested 10,000 deep', async () => {
    const profundo = '['.repeat(10_000) + ']'.repeat(10_000);
    const r = await t.http().post('/chat/texto').set('Content-Type', 'application/json').send(`{"mensaje":"hola","x":${profundo}}`);
    esperar4xx(r.status);
    const objeto = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    esperar4xx((await t.http().post('/clientes').set(t.admin).set('Content-Type', 'application/json').send(objeto)).status);
  });

  it.each([1, 2, 3])('audio of %i bytes', async (n) => {
    const r = await t.http().post('/chat/audio').set(t.integracion).field('chat_id', `audio-${n}`).attach('audio', Buffer.alloc(n, 0x4f), 'n.ogg');
    esperar4xx(r.status);
  });

  it('null for required fields', async () => {
    esperar4xx((await chat({ mensaje: null })).status);
    esperar4xx((await t.http().post('/pedidos').set(t.admin).send({ cliente_cedula: null, items: null })).status);
    esperar4xx((await t.http().post('/productos/productos').set(t.admin).send({ sku: null, nombre: null, precio: null, stock: null })).status);
  });

  it('ids above 2^31 − 1 in paths and bodies', async () => {
    for (const ruta of ['/pedidos/3000000000', '/productos/productos/99999999999', '/pedidos/9007199254740993', '/conocimiento/3000000000'])
      esperar4xx((await t.http().get(ruta).set(t.admin)).status);
    esperar4xx((await t.http().put('/pedidos/3000000000/estado').set(t.admin).send({ estado: 'confirmado' })).status);
    const r = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: '12345678', items: [{ producto_id: 3_000_000_000, cantidad: 1 }] });
    esperar4xx(r.status);
    esperar4xx((await t.http().patch('/usuarios/3000000000').set(t.admin).send({ activo: true })).status);
  });

  it.each(['20260101', '2026-W05-3', '2026-13-45', '2026-02-30', '+002026-01-01', '2026-01-01T25:00'])('dates like %s', async (fecha) => {
    for (const ruta of ['/pedidos', '/venta/ventas', '/admin/estadisticas', '/exportar/pedidos'])
      expect((await t.http().get(ruta).query({ desde: fecha, hasta: fecha }).set(t.admin)).status).toBeLessThan(500);
  });
});
