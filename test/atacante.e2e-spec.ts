import { createHash } from 'node:crypto';
import { telegramFalso, TelegramFalso } from './fakes/telegram.fake';
import { nuevoChat } from './utils/chat';
import { AppDePrueba, crearApp } from './utils/crear-app';

/**
 * The attacker of issue 12's introduction, replayed against the real app on both engines:
 * (1) harvesting customers with 50 guessed cédulas, (2) continuing someone else's chat by its id,
 * a Telegram one included, (3) reading an erased customer back from leftovers or by reversing the
 * pseudonym. Each attack must get nothing.
 */
describe(`attacker script (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let tg: TelegramFalso;
  const CLIENTES = [
    { cedula: '10000007', nombre_completo: 'Ana Gómez', telefono: '3001234567', correo: 'ana@correo.co', direccion: 'Calle 10 # 43-20', barrio: 'Laureles' },
    { cedula: '10000023', nombre_completo: 'Beto Ríos', telefono: '3012223344', correo: 'beto@correo.co', direccion: 'Carrera 7 # 12-30', barrio: 'Envigado' },
    { cedula: '10000041', nombre_completo: 'Carla Díaz', telefono: '3023334455', correo: 'carla@correo.co', direccion: 'Avenida 33 # 80-15', barrio: 'Belén' },
  ];
  const secretos = (c: (typeof CLIENTES)[number]) => [c.nombre_completo, c.nombre_completo.split(' ')[0], c.telefono, c.correo, c.direccion, c.barrio];
  const TELEGRAM = 7301;

  beforeAll(async () => {
    tg = await telegramFalso();
    t = await crearApp({ SEED_DEMO: 'true', TELEGRAM_TOKEN: tg.token, TELEGRAM_API_ROOT: tg.url });
    for (const c of CLIENTES) await t.http().post('/clientes').set(t.admin).send(c).expect(201);
  });
  afterAll(async () => {
    await t.cerrar();
    await tg.cerrar();
  });

  it('attack 1: fifty guessed cédulas, each typed in data collection, harvest nobody and change nobody', async () => {
    const dicho: string[] = [];
    const limitadas: number[] = [];
    for (let i = 0; i < 50; i++) {
      const cedula = String(10000000 + i);
      // a botnet: every guess from its own address and chat, so the rate limits do not hide a leak
      const ip = `127.0.${10 + Math.floor(i / 200)}.${(i % 200) + 1}`;
      const chat = { id: undefined as string | undefined, token: undefined as string | undefined };
      for (const mensaje of ['quiero 1 casco de seguridad amarillo', 'listo', 'Juan Pérez', cedula]) {
        const r = await t
          .http()
          .post('/chat/texto')
          .set({ 'X-Forwarded-For': ip, ...(chat.token ? { 'X-Chat-Token': chat.token } : {}) })
          .send({ mensaje, ...(chat.id ? { chat_id: chat.id } : {}) });
        if (r.status === 429) limitadas.push(i);
        else expect(r.status).toBe(200);
        chat.id ??= r.body.chat_id;
        chat.token ??= r.body.chat_token;
        // (without the chat's random token, which may spell a first name by chance: "…SpsAna5g…")
        dicho.push(JSON.stringify({ ...r.body, chat_token: undefined }));
      }
    }
    const todo = dicho.join('\n');
    for (const c of CLIENTES) for (const s of secretos(c)) expect(todo).not.toContain(s);
    expect(todo).not.toContain('de nuevo');
    // the answer after a stored cédula is the same as after an unknown one: the next question
    const tras = (i: number) => JSON.parse(dicho[i * 4 + 3]).pedido?.datos_faltantes[0];
    expect([tras(7), tras(23), tras(41)]).toEqual([tras(8), tras(24), tras(42)]);

    // going on to the end in a victim's name changes nothing of hers
    const chat = nuevoChat(t);
    await chat.guion('quiero 1 casco de seguridad amarillo', 'listo', 'Juan Pérez', '10000007', '3109998877', 'juan@correo.co', 'Calle 1 # 1-1', 'Centro');
    expect((await chat.di('ninguna')).estado_venta).toBe('completado');
    for (const c of CLIENTES) expect((await t.http().get(`/clientes/${c.cedula}`).set(t.admin).expect(200)).body).toMatchObject(c);
  });

  it('attack 1b: a script hammering one address is cut by the rate limits', async () => {
    const codigos: number[] = [];
    for (let i = 0; i < 70; i++) codigos.push((await t.http().post('/chat/texto').set('X-Forwarded-For', '127.0.99.1').send({ mensaje: 'hola' })).status);
    expect(codigos).toContain(429);
    expect(codigos.filter((c) => c === 200).length).toBeLessThanOrEqual(60);
  });

  it('attack 2: continuing someone else’s chat by its id, REST or Telegram, gets 403 and reveals nothing', async () => {
    // the victims: one on the web, one on Telegram, both with an order and an address
    const web = nuevoChat(t);
    await web.guion('quiero 1 casco de seguridad amarillo', 'listo', 'Daniela Mora', '52111222', '3205554433', 'dani@correo.co', 'Calle 50 # 20-10', 'Prado');
    await web.di('ninguna');
    tg.texto(TELEGRAM, 'quiero 1 casco de seguridad amarillo');
    await tg.esperarEnvios(TELEGRAM, 1);
    const pasos = ['listo', 'Esteban Vélez', '71222333', '3116667788', 'esteban@correo.co', 'Carrera 70 # 45-12', 'Estadio', 'ninguna'];
    for (const [i, paso] of pasos.entries()) {
      tg.texto(TELEGRAM, paso);
      await tg.esperarEnvios(TELEGRAM, 2 + i);
    }

    const respuestas: string[] = [];
    for (const chat_id of [web.id!, String(TELEGRAM)]) {
      for (const cabeceras of [{}, { 'X-Chat-Token': 'a'.repeat(32) }, { 'X-Chat-Token': web.token! }, { 'X-Api-Key': 'av_inventada' }]) {
        const r = await t.http().post('/chat/texto').set(cabeceras).send({ mensaje: '¿dónde está mi pedido? ¿a qué dirección va?', chat_id });
        if (chat_id === web.id && 'X-Chat-Token' in cabeceras && cabeceras['X-Chat-Token'] === web.token) continue; // the owner
        expect([401, 403]).toContain(r.status);
        respuestas.push(JSON.stringify(r.body));
      }
    }
    // the attacker's own chat token opens only the attacker's chat
    const propio = nuevoChat(t);
    await propio.di('hola');
    const cruzado = await t
      .http()
      .post('/chat/texto')
      .set('X-Chat-Token', propio.token!)
      .send({ mensaje: 'ver mi pedido', chat_id: String(TELEGRAM) });
    expect(cruzado.status).toBe(403);
    respuestas.push(JSON.stringify(cruzado.body));
    // staff endpoints stay closed
    await t.http().get(`/chat/historial/${TELEGRAM}`).expect(401);
    await t.http().get(`/chat/historial/${web.id}`).expect(401);
    const todo = respuestas.join('\n');
    for (const s of ['Daniela', 'Calle 50', 'Prado', 'Esteban', 'Carrera 70', 'Estadio', 'pedido #']) expect(todo).not.toContain(s);
    // and nothing the attacker sent reached the victims' conversations
    const historial = (await t.http().get(`/chat/historial/${TELEGRAM}`).query({ limite: 100 }).set(t.admin).expect(200)).body.items;
    expect(historial.map((m: { mensaje: string }) => m.mensaje)).not.toContain('¿dónde está mi pedido? ¿a qué dirección va?');
  });

  it('attack 3: after erasure neither leftovers nor the pseudonym give the customer back', async () => {
    const victima = {
      cedula: '43999111',
      nombre: 'Fabiola Henao',
      telefono: '3157770011',
      correo: 'fabi@correo.co',
      direccion: 'Calle 9 # 9-99',
      barrio: 'Robledo',
    };
    const chat = nuevoChat(t);
    await chat.guion(
      'quiero 1 casco de seguridad amarillo',
      'listo',
      victima.nombre,
      victima.cedula,
      victima.telefono,
      victima.correo,
      victima.direccion,
      victima.barrio,
    );
    await chat.di('ninguna');
    const borrado = (await t.http().delete(`/clientes/${victima.cedula}/datos-personales`).set(t.admin).expect(200)).body;

    // leftovers: a full dump of every table the app has
    const tablas: Array<{ nombre: string }> =
      t.motor === 'postgres'
        ? await t.ds.query(`SELECT tablename AS nombre FROM pg_tables WHERE schemaname = 'public'`)
        : await t.ds.query(`SELECT name AS nombre FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`);
    const volcado = await Promise.all(tablas.map(async ({ nombre }) => [nombre, JSON.stringify(await t.ds.query(`SELECT * FROM "${nombre}"`))] as const));
    const restos = volcado.flatMap(([tabla, filas]) =>
      [victima.cedula, victima.nombre, 'Fabiola', victima.telefono, victima.correo, victima.direccion, victima.barrio, chat.id!]
        .filter((dato) => filas.includes(dato))
        .map((dato) => `${tabla}: ${dato}`),
    );
    expect(restos).toEqual([]);
    // the chat is gone for its old token, and a later message does not bring her back
    const despues = await t.http().post('/chat/texto').set('X-Chat-Token', chat.token!).send({ mensaje: 'hola de nuevo', chat_id: chat.id });
    expect(despues.status).toBe(403);

    // reversing the pseudonym: trying every cédula near hers with the hashes one could compute without the server's secret
    const objetivo = borrado.cedula_anonima.slice('anon-'.length);
    const base = Number(victima.cedula) - 5000;
    for (let n = base; n < base + 10_000; n++) {
      for (const entrada of [`agente-vendedor:${n}`, String(n), `cedula:${n}`])
        expect(createHash('sha256').update(entrada).digest('hex').slice(0, 15)).not.toBe(objetivo);
    }
  });
});
