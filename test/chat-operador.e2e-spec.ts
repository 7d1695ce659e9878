import { ChatService } from '../src/chat/chat.service';
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

  it("a turn whose agent fails still stores the customer's message, once, and the next turn goes on", async () => {
    // a private step every turn takes, so the failure lands inside the agent
    const chat = t.app.get<ChatService, { tarjetas: () => Promise<unknown> }>(ChatService);
    jest.spyOn(chat, 'tarjetas').mockRejectedValueOnce(new Error('falla simulada'));
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id: 'falla-1' }).expect(500);
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'buenas', chat_id: 'falla-1' }).expect(200);
    const historial = await t.http().get('/chat/historial/falla-1').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { remitente: string; mensaje: string }) => [m.remitente, m.mensaje])).toEqual([
      ['usuario', 'hola'],
      ['usuario', 'buenas'],
      ['agente', expect.any(String)],
    ]);
  });
});
