import { Logger } from '@nestjs/common';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** Issue 12 §5: with no ADMIN_EMAIL the first account needs the one-time setup token from the log. */
describe(`first account (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let token = '';
  const ADMIN = { email: 'duena@tienda.co', password: 'caballo correcto batería grapa', nombre: 'Dueña' };

  beforeAll(async () => {
    const avisos = jest.spyOn(Logger.prototype, 'warn');
    t = await crearApp({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' });
    const aviso = avisos.mock.calls.map(([m]) => String(m)).find((m) => m.includes('X-Setup-Token'));
    token = /X-Setup-Token: (\S+)/.exec(aviso ?? '')?.[1] ?? '';
    avisos.mockRestore();
  });
  afterAll(() => t.cerrar());

  it('the log printed a setup token', () => {
    expect(token.length).toBeGreaterThanOrEqual(32);
  });

  it('anonymous calls, without the token or with a wrong one, create nothing', async () => {
    const sin = await t.http().post('/auth/register').send(ADMIN).expect(401);
    expect(sin.body.message).toContain('X-Setup-Token');
    await t.http().post('/auth/register').set('X-Setup-Token', 'x'.repeat(token.length)).send(ADMIN).expect(401);
    expect(await t.ds.query('SELECT id FROM usuarios')).toHaveLength(0);
  });

  it('the token creates the first admin once; then only an admin registers accounts', async () => {
    const r = await t
      .http()
      .post('/auth/register')
      .set('X-Setup-Token', token)
      .send({ ...ADMIN, rol: 'operador' })
      .expect(201);
    expect(r.body.rol).toBe('admin');
    await t
      .http()
      .post('/auth/register')
      .set('X-Setup-Token', token)
      .send({ ...ADMIN, email: 'segundo@tienda.co' })
      .expect(401);
    await t.http().post('/auth/login').send({ email: ADMIN.email, password: ADMIN.password }).expect(200);
  });
});
