import { openAIFalso, OpenAIFalso } from './fakes/openai.fake';
import { telegramFalso, TelegramFalso } from './fakes/telegram.fake';
import { ARCHIVOS } from './utils/archivos';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { esperarHasta } from './utils/esperar';

/**
 * The Telegram channel in polling mode against a fake Bot API (telegraf makes the real calls):
 * a whole purchase with text and a voice note, duplicates, takeover, operator replies, restarts.
 */
describe(`Telegram por polling (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let tg: TelegramFalso;
  let openai: OpenAIFalso;
  const CLIENTE = 7001;

  beforeAll(async () => {
    [tg, openai] = await Promise.all([telegramFalso(), openAIFalso({ apiKey: 'sk-prueba' })]);
    // written while the bot was down: must be handled at start-up, not lost
    tg.texto(CLIENTE, 'hola');
    t = await crearApp({
      SEED_DEMO: 'true',
      TELEGRAM_TOKEN: tg.token,
      TELEGRAM_API_ROOT: tg.url,
      TRANSCRIPTION_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-prueba',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      PROVEEDOR_TIMEOUT_MS: '500',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await Promise.all([tg.cerrar(), openai.cerrar()]);
  });

  const pedidosDe = async (chat: number) =>
    (await t.http().get('/pedidos').query({ limite: 100 }).set(t.admin).expect(200)).body.items.filter((p: { chat_id: string }) => p.chat_id === String(chat));

  it('an update that waited while the bot was down is answered at start-up', async () => {
    const [saludo] = await tg.esperarEnvios(CLIENTE, 1);
    expect(saludo).toContain('Sofía');
  });

  it('a whole purchase with text and a voice note; the order shows once in the staff API', async () => {
    openai.transcribir = () => 'quiero dos cascos amarillos y un extintor de veinte libras';
    tg.voz(CLIENTE, ARCHIVOS.ogg);
    let enviados = await tg.esperarEnvios(CLIENTE, 2);
    expect(enviados[1]).toContain('Total del pedido: $201.000');
    const pasos = ['listo', 'Valentina Ospina', '1017222333', '3126667788', 'valen@correo.com', 'cra 70 # 45-12', 'laureles', 'ninguna'];
    for (const [i, texto] of pasos.entries()) {
      const update = tg.texto(CLIENTE, texto);
      enviados = await tg.esperarEnvios(CLIENTE, 3 + i);
      // Telegram may deliver an update twice: the repeat is ignored
      if (texto === 'ninguna') tg.encolar(update);
    }
    expect(enviados.at(-1)).toMatch(/pedido #\d+ quedó registrado por \$201\.000/);
    // a chat's updates are handled in order: once a later message is answered, the repeat was ignored
    tg.texto(CLIENTE, 'gracias');
    const conMarca = await tg.esperarEnvios(CLIENTE, enviados.length + 1);
    expect(conMarca).toHaveLength(enviados.length + 1);
    const pedidos = await pedidosDe(CLIENTE);
    expect(pedidos).toHaveLength(1);
    expect(pedidos[0]).toMatchObject({ cliente_cedula: '1017222333', total: 201000 });
    const historial = await t.http().get(`/chat/historial/${CLIENTE}`).set(t.admin).query({ limite: 100 }).expect(200);
    expect(historial.body.items.filter((m: { remitente: string }) => m.remitente === 'usuario')).toHaveLength(3 + pasos.length); // hola, the voice note, the steps and "gracias"
    expect(historial.body.items[2].metadatos).toMatchObject({ medio: 'audio', transcripcion: 'quiero dos cascos amarillos y un extintor de veinte libras' });
  });

  it('/start and /ayuda', async () => {
    tg.texto(7002, '/start');
    tg.texto(7002, '/ayuda');
    const [inicio, ayuda] = await tg.esperarEnvios(7002, 2);
    expect(inicio).toContain('Seguridad Industrial El Roble');
    expect(ayuda).toContain('nota de voz');
  });

  it('a photo with a caption searches the catalog from the caption when there is no vision provider', async () => {
    tg.foto(7003, ARCHIVOS.jpeg, 'tienen este casco azul?');
    const [r] = await tg.esperarEnvios(7003, 1);
    expect(r).toContain('Casco de seguridad azul');
  });

  it('a voice note the transcription server cannot handle gets a friendly answer', async () => {
    openai.fallar(20, { status: 500, cuerpo: { error: { message: 'caído' } } });
    tg.voz(7004, ARCHIVOS.ogg);
    const [r] = await tg.esperarEnvios(7004, 1);
    openai.fallar(0);
    expect(r).toContain('No pude escuchar tu nota de voz');
  });

  it('a paused chat stores the message and the agent does not answer (only the hold message); the operator reply reaches Telegram, long ones split', async () => {
    tg.texto(7005, 'hola');
    await tg.esperarEnvios(7005, 1);
    await t.http().post('/chat/7005/pausar').set(t.admin).expect(200);
    tg.texto(7005, 'quiero 2 cascos amarillos');
    // the turn is over once the message is stored; only then is it sure nothing else was sent
    await esperarHasta(
      async () =>
        (await t.http().get('/chat/historial/7005').set(t.admin).expect(200)).body.items.some(
          (m: { mensaje: string }) => m.mensaje === 'quiero 2 cascos amarillos',
        ),
      'el mensaje durante la pausa no se guardó',
    );
    const durantePausa = await tg.esperarEnvios(7005, 2);
    expect(durantePausa).toEqual([expect.any(String), 'Un asesor de la tienda te está atendiendo; en un momento te responde.']);
    const respuesta = await t.http().post('/chat/7005/responder').set(t.admin).send({ mensaje: 'Hola, soy Carlos de la tienda.' }).expect(201);
    expect(respuesta.body.metadatos.entregado).toBe(true);
    await t
      .http()
      .post('/chat/7005/responder')
      .set(t.admin)
      .send({ mensaje: `${'Detalle del despacho. '.repeat(190)}Fin.` })
      .expect(201);
    const enviados = await tg.esperarEnvios(7005, 5);
    expect(enviados[2]).toBe('Hola, soy Carlos de la tienda.');
    expect(enviados.slice(3).every((x) => x.length <= 4096)).toBe(true);
    expect(enviados.slice(3).join(' ')).toContain('Fin.');
    const historial = await t.http().get('/chat/historial/7005').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { remitente: string }) => m.remitente)).toEqual(['usuario', 'agente', 'usuario', 'sistema', 'operador', 'operador']);
    // nothing was added to a cart while paused
    expect(historial.body.items[3].estado_venta).toBeNull();
  });

  it('a failing sendMessage is retried', async () => {
    tg.fallarEnvios(2);
    tg.texto(7006, 'a que hora abren?');
    const [r] = await tg.esperarEnvios(7006, 1);
    expect(r).toContain('7:00 a.m.');
  });

  it('after a restart a repeated update is still ignored', async () => {
    const update = tg.texto(7007, 'quiero 1 cono de trafico');
    await tg.esperarEnvios(7007, 1);
    await t.reiniciar();
    tg.encolar(update);
    tg.texto(7007, 'ver mi pedido');
    tg.texto(7007, 'gracias');
    // handled in order: the answers are the first turn, "ver mi pedido" and "gracias", nothing for the repeat
    const enviados = await tg.esperarEnvios(7007, 3);
    expect(enviados).toHaveLength(3);
    expect(enviados[1]).toContain('1 × Cono de tráfico 70 cm');
  });
});
