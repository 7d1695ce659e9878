import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearOperador } from './utils/datos';
import { ADMIN } from './utils/entorno';

describe(`auth (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('creates the first admin from ADMIN_EMAIL and identifies it on /auth/me', async () => {
    const me = await t.http().get('/auth/me').set(t.admin).expect(200);
    expect(me.body).toMatchObject({ email: ADMIN.email, rol: 'admin', activo: true });
    expect(me.body.password_hash).toBeUndefined();
  });

  it('rejects staff endpoints without a token or with a bad one (401)', async () => {
    const sin = await t.http().get('/productos/productos').expect(401);
    expect(sin.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      codigo: 'NO_AUTENTICADO',
      request_id: expect.any(String),
      message: expect.stringContaining('token'),
    });
    await t.http().get('/clientes').set('Authorization', 'Bearer no.es.un.jwt').expect(401);
  });

  it('wrong password is 401 and never says whether the e-mail exists', async () => {
    const a = await t.http().post('/auth/login').send({ email: ADMIN.email, password: 'equivocada' }).expect(401);
    const b = await t.http().post('/auth/login').send({ email: 'nadie@prueba.co', password: 'equivocada' }).expect(401);
    expect(a.body.message).toBe(b.body.message);
  });

  it('register is admin-only once a user exists; operators get 403 on admin endpoints', async () => {
    await t.http().post('/auth/register').send({ email: 'intruso@prueba.co', password: 'clave-larga-1', nombre: 'X' }).expect(401);
    const operador = await crearOperador(t, 'laura@prueba.co');
    const me = await t.http().get('/auth/me').set(operador).expect(200);
    expect(me.body.rol).toBe('operador');
    await t.http().post('/auth/register').set(operador).send({ email: 'otro@prueba.co', password: 'clave-larga-1', nombre: 'Otro' }).expect(403);
    const prohibido = await t.http().post('/productos/productos').set(operador).send({ sku: 'X1', nombre: 'Algo', precio: 1, stock: 1 }).expect(403);
    expect(prohibido.body).toMatchObject({ statusCode: 403, error: 'Forbidden', codigo: 'PROHIBIDO' });
    await t.http().get('/productos/productos').set(operador).expect(200);
    await t.http().post('/auth/register').set(t.admin).send({ email: 'laura@prueba.co', password: 'clave-larga-1', nombre: 'Dup' }).expect(409);
  });

  it('validates the login body (400 with details by field)', async () => {
    const r = await t.http().post('/auth/login').send({ email: 'no-es-correo', password: 5, extra: true }).expect(400);
    expect(Object.keys(r.body.details).sort()).toEqual(['email', 'extra', 'password']);
  });

  it('throttles repeated failed logins with 429, per e-mail and address', async () => {
    const intento = () => t.http().post('/auth/login').send({ email: 'victima@prueba.co', password: 'mala' });
    for (let i = 0; i < 5; i++) expect((await intento()).status).toBe(401);
    const bloqueado = await intento().expect(429);
    expect(bloqueado.body.codigo).toBe('DEMASIADAS_PETICIONES');
    expect(bloqueado.body.details.reintentar_en_s).toBeGreaterThan(0);
    // another account from the same address is not locked out
    await t.http().post('/auth/login').send(ADMIN).expect(200);
  });
});
