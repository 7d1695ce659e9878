import { telegramFalso, TelegramFalso } from './fakes/telegram.fake';
import { ARCHIVOS } from './utils/archivos';
import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`Telegram por webhook (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let tg: TelegramFalso;
  const SECRETO = 'secreto-del-webhook-0123456789';

  beforeAll(async () => {
    tg = await telegramFalso();
    t = await crearApp({
      SEED_DEMO: 'true',
      TELEGRAM_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.url,
      TELEGRAM_MODE: 'webhook',
      TELEGRAM_WEBHOOK_URL: 'https://tienda.example.co/hooks/telegram',
      TELEGRAM_WEBHOOK_SECRET: SECRETO,
      TELEGRAM_WEBHOOK_PATH: '/hooks/telegram',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await tg.cerrar();
  });

  it('registers the webhook with its secret at start-up and does not poll', () => {
    expect(tg.webhook()).toEqual({ url: 'https://tienda.example.co/hooks/telegram', secret_token: SECRETO });
    expect(tg.peticiones.some((p) => p.ruta.endsWith('/getUpdates'))).toBe(false);
  });

  it('refuses a call without the right secret and handles one with it, once', async () => {
    const update = tg.texto(8001, 'tienen guantes de nitrilo?');
    const sinSecreto = await t.http().post('/hooks/telegram').send(update).expect(401);
    expect(sinSecreto.body).toMatchObject({ statusCode: 401, codigo: 'NO_AUTENTICADO', request_id: sinSecreto.headers['x-request-id'] });
    await t.http().post('/hooks/telegram').set('X-Telegram-Bot-Api-Secret-Token', 'otro-secreto-cualquiera').send(update).expect(401);
    expect(tg.enviados).toHaveLength(0);
    await t.http().post('/hooks/telegram').set('X-Telegram-Bot-Api-Secret-Token', SECRETO).send(update).expect(200);
    const [r] = await tg.esperarEnvios(8001, 1);
    expect(r).toContain('Guantes de nitrilo');
    await t.http().post('/hooks/telegram').set('X-Telegram-Bot-Api-Secret-Token', SECRETO).send(update).expect(200);
    // a later update of the chat is answered after the repeat would have been: one answer each, none for the repeat
    await t.http().post('/hooks/telegram').set('X-Telegram-Bot-Api-Secret-Token', SECRETO).send(tg.texto(8001, 'gracias')).expect(200);
    const enviados = await tg.esperarEnvios(8001, 2);
    expect(enviados).toHaveLength(2);
  });

  it('with no transcription provider a voice note gets a friendly request to write', async () => {
    const update = tg.voz(8002, ARCHIVOS.ogg);
    await t.http().post('/hooks/telegram').set('X-Telegram-Bot-Api-Secret-Token', SECRETO).send(update).expect(200);
    const [r] = await tg.esperarEnvios(8002, 1);
    expect(r).toContain('¿Me escribes lo que necesitas');
  });
});
