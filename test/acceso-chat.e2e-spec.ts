import { createHash } from 'node:crypto';
import { ChatService } from '../src/chat/chat.service';
import { ARCHIVOS } from './utils/archivos';
import { nuevoChat } from './utils/chat';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** Issue 12 §2: a chat belongs to whoever started it. */
describe(`chat ownership (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  const texto = (cuerpo: object, headers: Record<string, string> = {}) => t.http().post('/chat/texto').set(headers).send(cuerpo);

  beforeAll(async () => {
    t = await crearApp();
  });
  afterAll(() => t.cerrar());

  it('the turn that creates a chat returns its chat_token; later turns need it in X-Chat-Token', async () => {
    const primero = await texto({ mensaje: 'hola' }).expect(200);
    const { chat_id, chat_token } = primero.body;
    expect(chat_id).toMatch(/^web-/);
    expect(chat_token).toEqual(expect.any(String));
    expect(chat_token.length).toBeGreaterThanOrEqual(32);

    const segundo = await texto({ mensaje: 'qué venden?', chat_id }, { 'X-Chat-Token': chat_token }).expect(200);
    expect(segundo.body.chat_id).toBe(chat_id);
    expect(segundo.body.chat_token).toBeUndefined();

    const sin = await texto({ mensaje: 'hola', chat_id }).expect(403);
    expect(sin.body).toMatchObject({ statusCode: 403, codigo: 'CHAT_TOKEN_REQUERIDO', message: expect.stringContaining('X-Chat-Token') });
    const malo = await texto({ mensaje: 'hola', chat_id }, { 'X-Chat-Token': 'x'.repeat(32) }).expect(403);
    expect(malo.body).toMatchObject({ codigo: 'CHAT_AJENO', message: expect.stringContaining('no corresponde') });
  });

  it("one chat's token does not open another, and an unknown id answers exactly like someone else's", async () => {
    const a = nuevoChat(t);
    const b = nuevoChat(t);
    await a.di('hola');
    await b.di('hola');
    const cruzado = await texto({ mensaje: 'ver mi pedido', chat_id: b.id }, { 'X-Chat-Token': a.token! }).expect(403);
    const inventado = await texto({ mensaje: 'ver mi pedido', chat_id: 'web-no-existe' }, { 'X-Chat-Token': a.token! }).expect(403);
    expect({ ...inventado.body, request_id: undefined }).toEqual({ ...cruzado.body, request_id: undefined });
  });

  it('only the hash of the token is stored', async () => {
    const c = nuevoChat(t);
    await c.di('hola');
    const [fila] = await t.ds.query(`SELECT token_hash FROM conversaciones WHERE chat_id = '${c.id}'`);
    expect(fila.token_hash).toBe(createHash('sha256').update(c.token!).digest('hex'));
    const todo = JSON.stringify(await t.ds.query(`SELECT * FROM conversaciones WHERE chat_id = '${c.id}'`));
    expect(todo).not.toContain(c.token);
  });

  it('image and audio turns need the token too', async () => {
    const c = nuevoChat(t);
    await c.di('hola');
    await t.http().post('/chat/imagen').field('chat_id', c.id!).field('mensaje', 'cascos').attach('imagen', ARCHIVOS.png, 'f.png').expect(403);
    await t.http().post('/chat/audio').field('chat_id', c.id!).attach('audio', ARCHIVOS.ogg, 'n.ogg').expect(403);
    const ok = await t
      .http()
      .post('/chat/imagen')
      .set('X-Chat-Token', c.token!)
      .field('chat_id', c.id!)
      .field('mensaje', 'cascos')
      .attach('imagen', ARCHIVOS.png, 'f.png')
      .expect(200);
    expect(ok.body.chat_id).toBe(c.id);
    const nueva = await t.http().post('/chat/imagen').field('mensaje', 'cascos').attach('imagen', ARCHIVOS.png, 'f.png').expect(200);
    expect(nueva.body.chat_token).toEqual(expect.any(String));
  });

  it("another channel's chat (Telegram) is never reachable over REST, not even with an integration key", async () => {
    await t.app.get(ChatService).atender('hola', '7001', 'telegram');
    const publico = await texto({ mensaje: 'ver mi pedido', chat_id: '7001' }, { 'X-Chat-Token': 'x'.repeat(32) }).expect(403);
    expect(publico.body.codigo).toBe('CHAT_AJENO');
    await texto({ mensaje: 'ver mi pedido', chat_id: '7001' }).expect(403);
    const integracion = await texto({ mensaje: 'ver mi pedido', chat_id: '7001' }, t.integracion).expect(403);
    expect(integracion.body.codigo).toBe('CHAT_AJENO');
    const historial = await t.http().get('/chat/historial/7001').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { mensaje: string }) => m.mensaje)).not.toContain('ver mi pedido');
  });

  describe('integration keys', () => {
    let operador: { Authorization: string };
    beforeAll(async () => {
      await t
        .http()
        .post('/auth/register')
        .set(t.admin)
        .send({ email: 'op@prueba.co', password: 'otra-clave-larga-456', nombre: 'Op', rol: 'operador' })
        .expect(201);
      const login = await t.http().post('/auth/login').send({ email: 'op@prueba.co', password: 'otra-clave-larga-456' }).expect(200);
      operador = { Authorization: `Bearer ${login.body.access_token}` };
    });

    it('are created by an admin only, shown once, listed without the secret', async () => {
      await t.http().post('/integraciones').set(operador).send({ nombre: 'x' }).expect(403);
      await t.http().post('/integraciones').send({ nombre: 'x' }).expect(401);
      const creada = await t.http().post('/integraciones').set(t.admin).send({ nombre: 'Sitio web' }).expect(201);
      expect(creada.body).toMatchObject({ nombre: 'Sitio web', activa: true, clave: expect.stringMatching(/^av_/) });
      expect(creada.body.hash).toBeUndefined();
      const lista = await t.http().get('/integraciones').set(t.admin).expect(200);
      const texto = JSON.stringify(lista.body);
      expect(texto).toContain('Sitio web');
      expect(texto).not.toContain(creada.body.clave);
      expect(texto).not.toContain('"hash"');
      const [fila] = await t.ds.query(`SELECT hash FROM claves_integracion WHERE id = ${creada.body.id}`);
      expect(fila.hash).toBe(createHash('sha256').update(creada.body.clave).digest('hex'));
    });

    it('choose their own chat ids, reach only their own chats, and stop at once when revoked', async () => {
      const a = (await t.http().post('/integraciones').set(t.admin).send({ nombre: 'Pasarela A' }).expect(201)).body;
      const b = (await t.http().post('/integraciones').set(t.admin).send({ nombre: 'Pasarela B' }).expect(201)).body;
      const r = await texto({ mensaje: 'hola', chat_id: 'sitio:cliente-42' }, { 'X-Api-Key': a.clave }).expect(200);
      expect(r.body.chat_id).toBe('sitio:cliente-42');
      expect(r.body.chat_token).toBeUndefined();
      await texto({ mensaje: 'qué venden?', chat_id: 'sitio:cliente-42' }, { 'X-Api-Key': a.clave }).expect(200);
      expect((await texto({ mensaje: 'hola', chat_id: 'sitio:cliente-42' }, { 'X-Api-Key': b.clave }).expect(403)).body.codigo).toBe('CHAT_AJENO');
      await texto({ mensaje: 'hola', chat_id: 'sitio:cliente-42' }).expect(403);

      const publico = nuevoChat(t);
      await publico.di('hola');
      await texto({ mensaje: 'hola', chat_id: publico.id }, { 'X-Api-Key': a.clave }).expect(403);

      await t.http().delete(`/integraciones/${a.id}`).set(t.admin).expect(200);
      const revocada = await texto({ mensaje: 'hola', chat_id: 'sitio:cliente-42' }, { 'X-Api-Key': a.clave }).expect(401);
      expect(revocada.body.codigo).toBe('CLAVE_INTEGRACION_INVALIDA');
      await texto({ mensaje: 'hola' }, { 'X-Api-Key': 'av_inventada' }).expect(401);
    });
  });

  it('Swagger documents the token, the key and the 403', async () => {
    const doc = (await t.http().get('/docs-json').expect(200)).body;
    const op = doc.paths['/chat/texto'].post;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(['X-Chat-Token', 'X-Api-Key']));
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['403', '429']));
    expect(doc.components.schemas.RespuestaChatDto.properties.chat_token).toBeDefined();
    expect(doc.paths['/integraciones'].post).toBeDefined();
  });
});
