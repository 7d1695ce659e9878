import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`chat: historial y toma por un humano (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('staff-only; unknown chats are 404', async () => {
    await t.http().get('/chat/historial/nadie').expect(401);
    await t.http().get('/chat/historial/nadie').set(t.admin).expect(404);
    await t.http().post('/chat/nadie/pausar').set(t.admin).expect(404);
    await t.http().post('/chat/nadie/responder').set(t.admin).send({ mensaje: 'hola' }).expect(404);
  });
});
