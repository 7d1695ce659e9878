import { AppDePrueba, crearApp } from './utils/crear-app';

/** Issue 12 §3: public chat endpoints are rate limited per address, per chat and for new chats. */
describe(`chat rate limits in memory (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  // distinct client addresses, as a proxy on this host (TRUST_PROXY=loopback) reports them
  const desde = (ip: string) => ({ 'X-Forwarded-For': ip });
  const turno = (ip: string, cuerpo: object, extra: Record<string, string> = {}) =>
    t
      .http()
      .post('/chat/texto')
      .set({ ...desde(ip), ...extra })
      .send(cuerpo);

  beforeAll(async () => {
    t = await crearApp({ LIMITE_CHAT_IP_MINUTO: '5', LIMITE_CHAT_MINUTO: '3', LIMITE_CHATS_NUEVOS_IP_HORA: '2' });
  });
  afterAll(() => t.cerrar());

  const esperar429 = (r: { status: number; headers: Record<string, string>; body: Record<string, unknown> }, limite: string) => {
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
    expect(r.body).toMatchObject({ statusCode: 429, codigo: 'DEMASIADAS_PETICIONES', details: { limite } });
    expect(r.body.message).toMatch(/intenta|espera/i);
  };

  it('new chats per address and hour', async () => {
    await turno('127.0.0.2', { mensaje: 'hola' }).expect(200);
    await turno('127.0.0.2', { mensaje: 'hola' }).expect(200);
    const r = await turno('127.0.0.2', { mensaje: 'hola' });
    esperar429(r, 'chats_nuevos_ip');
    expect(Number(r.headers['retry-after'])).toBeGreaterThan(60);
    // another address is another customer
    await turno('127.0.0.3', { mensaje: 'hola' }).expect(200);
  });

  it('turns per chat and minute, whoever sends them', async () => {
    const primero = (await turno('127.0.0.4', { mensaje: 'hola' }).expect(200)).body;
    const seguir = { 'X-Chat-Token': primero.chat_token };
    await turno('127.0.0.4', { mensaje: 'qué venden?', chat_id: primero.chat_id }, seguir).expect(200);
    await turno('127.0.0.5', { mensaje: 'cascos', chat_id: primero.chat_id }, seguir).expect(200);
    esperar429(await turno('127.0.0.6', { mensaje: 'cascos', chat_id: primero.chat_id }, seguir), 'chat');
  });

  it('turns per address and minute, across chats', async () => {
    const a = (await turno('127.0.0.7', { mensaje: 'hola' }).expect(200)).body;
    await turno('127.0.0.7', { mensaje: 'hola', chat_id: a.chat_id }, { 'X-Chat-Token': a.chat_token }).expect(200);
    await turno('127.0.0.7', { mensaje: 'hola', chat_id: a.chat_id }, { 'X-Chat-Token': a.chat_token }).expect(200);
    const b = (await turno('127.0.0.7', { mensaje: 'hola' }).expect(200)).body;
    await turno('127.0.0.7', { mensaje: 'hola', chat_id: b.chat_id }, { 'X-Chat-Token': b.chat_token }).expect(200);
    esperar429(await turno('127.0.0.7', { mensaje: 'hola', chat_id: b.chat_id }, { 'X-Chat-Token': b.chat_token }), 'chat_ip');
  });

  it('an integration serves many customers from one address: only its per-chat limit applies', async () => {
    for (let i = 0; i < 8; i++) await turno('127.0.0.8', { mensaje: 'hola', chat_id: `sitio-${i}` }, t.integracion).expect(200);
    await turno('127.0.0.8', { mensaje: 'hola', chat_id: 'sitio-0' }, t.integracion).expect(200);
    await turno('127.0.0.8', { mensaje: 'hola', chat_id: 'sitio-0' }, t.integracion).expect(200);
    esperar429(await turno('127.0.0.8', { mensaje: 'hola', chat_id: 'sitio-0' }, t.integracion), 'chat');
  });

  it('a limited request is not stored as a turn', async () => {
    const r = await t.http().get('/chat/historial/sitio-0').set(t.admin).expect(200);
    expect(r.body.items.filter((m: { remitente: string }) => m.remitente === 'usuario')).toHaveLength(3);
  });
});
