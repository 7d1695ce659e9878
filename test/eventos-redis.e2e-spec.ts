import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { esperarHasta } from './utils/esperar';
import { escuchar } from './utils/sse';

const URL_REDIS = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** With REDIS_URL, staff events cross replicas: what one publishes, the others' screens receive. */
describe(`eventos entre réplicas por Redis (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let base: string;
  const prefijo = `prueba-${randomBytes(4).toString('hex')}:`;
  const otra = new Redis(URL_REDIS);
  const oyente = new Redis(URL_REDIS);

  beforeAll(async () => {
    t = await crearApp({ REDIS_URL: URL_REDIS, REDIS_PREFIJO: prefijo, INSTANCIA_ID: 'replica-a' });
    await t.app.listen(0, '127.0.0.1');
    base = (await t.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => {
    otra.disconnect();
    oyente.disconnect();
    await t.cerrar();
  });

  it("relays another replica's events and publishes its own", async () => {
    const propios: string[] = [];
    oyente.on('message', (_c, m) => propios.push(m));
    await oyente.subscribe(`${prefijo}eventos`);
    const flujo = await escuchar(base, t.admin.Authorization);
    try {
      const evento = { tipo: 'pedido.creado', pedido_id: 77, estado: 'pendiente', chat_id: 'telegram:1' };
      await otra.publish(`${prefijo}eventos`, JSON.stringify({ origen: 'replica-b', evento }));
      expect((await flujo.esperar((e) => e.tipo === 'pedido.creado')).datos).toEqual(evento);

      await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id: 'r-1' }).expect(200);
      await flujo.esperar((e) => e.tipo === 'chat.actualizado' && e.datos.chat_id === 'r-1');
      const propio = await esperarHasta(() => propios.find((m) => m.includes('"r-1"')), 'el evento propio no llegó a Redis');
      expect(JSON.parse(propio)).toMatchObject({
        origen: 'replica-a',
        evento: { tipo: 'chat.actualizado', chat_id: 'r-1' },
      });
      // its own events come back over Redis too, but are not delivered twice
      expect(flujo.recibidos.filter((e) => e.tipo === 'chat.actualizado' && e.datos.remitente === 'usuario')).toHaveLength(1);
    } finally {
      flujo.cerrar();
    }
  });
});
