import { AppDePrueba, crearApp } from './utils/crear-app';
import { ADMIN } from './utils/entorno';

/** Issue 12 §5–6: staff sessions follow the account; login cannot be probed. */
describe(`staff sessions and login (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  const CLAVE = 'caballo correcto batería grapa';
  let secuencia = 0;

  beforeAll(async () => {
    t = await crearApp({ LOGIN_MAX_FALLOS: '3', LOGIN_MAX_FALLOS_IP: '6' });
  });
  afterAll(() => t.cerrar());

  const desde = (ip: string) => ({ 'X-Forwarded-For': ip });
  const entrar = (email: string, password = CLAVE, ip = '127.0.1.1') => t.http().post('/auth/login').set(desde(ip)).send({ email, password });
  async function cuenta(rol: 'admin' | 'operador') {
    const email = `persona${++secuencia}@prueba.co`;
    const creada = await t.http().post('/auth/register').set(t.admin).send({ email, password: CLAVE, nombre: 'Persona Prueba', rol }).expect(201);
    const login = await entrar(email).expect(200);
    return { id: creada.body.id as number, email, auth: { Authorization: `Bearer ${login.body.access_token}` } };
  }

  it('logout ends that token at once; a new login works', async () => {
    const u = await cuenta('operador');
    await t.http().get('/auth/me').set(u.auth).expect(200);
    await t.http().post('/auth/logout').set(u.auth).expect(204);
    const r = await t.http().get('/auth/me').set(u.auth).expect(401);
    expect(r.body.codigo).toBe('NO_AUTENTICADO');
    const otra = await entrar(u.email).expect(200);
    await t.http().get('/auth/me').set('Authorization', `Bearer ${otra.body.access_token}`).expect(200);
  });

  it('a deactivated account is refused at once and cannot sign in', async () => {
    const u = await cuenta('operador');
    await t.http().patch(`/usuarios/${u.id}`).set(t.admin).send({ activo: false }).expect(200);
    await t.http().get('/productos/productos').set(u.auth).expect(401);
    await entrar(u.email).expect(401);
  });

  it('a demoted admin loses admin rights at once', async () => {
    const u = await cuenta('admin');
    await t.http().get('/usuarios').set(u.auth).expect(200);
    const r = await t.http().patch(`/usuarios/${u.id}`).set(t.admin).send({ rol: 'operador' }).expect(200);
    expect(r.body).toMatchObject({ rol: 'operador', activo: true });
    await t.http().get('/usuarios').set(u.auth).expect(401);
    const nuevo = await entrar(u.email).expect(200);
    await t.http().get('/usuarios').set('Authorization', `Bearer ${nuevo.body.access_token}`).expect(403);
  });

  it('a deleted account is refused within the short cache', async () => {
    const u = await cuenta('operador');
    await t.http().get('/auth/me').set(u.auth).expect(200);
    await t.ds.query(`DELETE FROM usuarios WHERE id = ${u.id}`);
    const limite = Date.now() + 5000;
    let status = 200;
    while (status === 200 && Date.now() < limite) status = (await t.http().get('/productos/productos').set(u.auth)).status;
    expect(status).toBe(401);
  });

  it('admins list and manage accounts; the last active admin cannot be removed; operators may not', async () => {
    const lista = await t.http().get('/usuarios').set(t.admin).expect(200);
    expect(lista.body.map((u: { email: string }) => u.email)).toContain(ADMIN.email);
    expect(JSON.stringify(lista.body)).not.toMatch(/password|version_sesion/);
    const op = await cuenta('operador');
    await t.http().get('/usuarios').set(op.auth).expect(403);
    await t.http().patch(`/usuarios/${op.id}`).set(op.auth).send({ rol: 'admin' }).expect(403);
    const admins = lista.body.filter((u: { rol: string; activo: boolean }) => u.rol === 'admin' && u.activo);
    // demote every other admin first, then the last one is protected
    for (const a of admins.filter((u: { email: string }) => u.email !== ADMIN.email))
      await t.http().patch(`/usuarios/${a.id}`).set(t.admin).send({ activo: false }).expect(200);
    const yo = lista.body.find((u: { email: string }) => u.email === ADMIN.email);
    const r = await t.http().patch(`/usuarios/${yo.id}`).set(t.admin).send({ rol: 'operador' }).expect(409);
    expect(r.body.message).toContain('al menos un administrador');
  });

  it('changing one’s password ends the other sessions and answers a new token', async () => {
    const u = await cuenta('operador');
    await t.http().post('/auth/password').set(u.auth).send({ password_actual: 'no-es-esta', password_nueva: 'otra frase larga distinta' }).expect(401);
    const debil = await t.http().post('/auth/password').set(u.auth).send({ password_actual: CLAVE, password_nueva: 'password1' }).expect(400);
    expect(debil.body.details.password[0]).toContain('común');
    const r = await t.http().post('/auth/password').set(u.auth).send({ password_actual: CLAVE, password_nueva: 'otra frase larga distinta' }).expect(200);
    await t.http().get('/auth/me').set(u.auth).expect(401);
    await t.http().get('/auth/me').set('Authorization', `Bearer ${r.body.access_token}`).expect(200);
    await entrar(u.email, 'otra frase larga distinta', '127.0.1.2').expect(200);
  });

  it('passwords: ≥ 12 characters for admins, not common, never silently truncated past 72 bytes', async () => {
    const registrar = (password: string, rol = 'admin') =>
      t
        .http()
        .post('/auth/register')
        .set(t.admin)
        .send({ email: `p${++secuencia}@prueba.co`, password, nombre: 'Prueba', rol });
    expect((await registrar('corta-123ab').expect(400)).body.details.password[0]).toContain('12');
    await registrar('password1234').expect(400);
    await registrar('corta-123ab', 'operador').expect(201);
    const larga = 'ñ'.repeat(37); // 74 bytes
    expect((await registrar(larga).expect(400)).body.details.password[0]).toContain('72 bytes');
    // an account whose password is 72 bytes does not accept it with anything appended
    const setenta = 'caballo correcto bateria grapa, luna roja sobre el mar de cartagena 2026!'.slice(0, 72);
    expect(Buffer.byteLength(setenta)).toBe(72);
    const email = `p${++secuencia}@prueba.co`;
    await t.http().post('/auth/register').set(t.admin).send({ email, password: setenta, nombre: 'Prueba', rol: 'operador' }).expect(201);
    await entrar(email, setenta, '127.0.1.3').expect(200);
    await entrar(email, `${setenta}extra`, '127.0.1.3').expect(401);
  });

  it('an unknown e-mail costs as much as a wrong password (a real bcrypt comparison)', async () => {
    const medir = async (email: string, ip: string) => {
      const inicio = performance.now();
      await entrar(email, 'no-es-la-clave', ip).expect(401);
      return performance.now() - inicio;
    };
    const mediana = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const { email } = await cuenta('operador');
    const conocido: number[] = [];
    const desconocido: number[] = [];
    for (let i = 0; i < 3; i++) {
      conocido.push(await medir(email, `127.0.2.${i}`));
      desconocido.push(await medir(`nadie${i}@prueba.co`, `127.0.3.${i}`));
    }
    expect(mediana(desconocido)).toBeGreaterThan(mediana(conocido) * 0.5);
  });

  it('failures are limited per account across addresses, and per address across accounts', async () => {
    const u = await cuenta('operador');
    for (let i = 0; i < 3; i++) await entrar(u.email, 'mala-clave', `127.0.4.${i}`).expect(401);
    const cuentaBloqueada = await entrar(u.email, 'mala-clave', '127.0.4.9').expect(429);
    expect(cuentaBloqueada.body.codigo).toBe('DEMASIADAS_PETICIONES');
    expect(Number(cuentaBloqueada.headers['retry-after'])).toBeGreaterThan(0);
    // even the right password waits: the account is under attack
    await entrar(u.email, CLAVE, '127.0.4.10').expect(429);

    for (let i = 0; i < 6; i++) await entrar(`rociado${i}@prueba.co`, 'Verano2026', '127.0.5.1').expect(401);
    await entrar('otro@prueba.co', 'Verano2026', '127.0.5.1').expect(429);
    await entrar(ADMIN.email, ADMIN.password, '127.0.5.1').expect(429);
    await entrar(ADMIN.email, ADMIN.password, '127.0.5.2').expect(200);
  });

  // last: it ends the main admin's session
  it('two admins removing each other at once leave one active admin', async () => {
    const otro = await cuenta('admin');
    const activos = async () =>
      Number(
        (await t.ds.query(`SELECT COUNT(*) AS n FROM usuarios WHERE rol = 'admin' AND activo = ${process.env.TEST_DB === 'postgres' ? 'true' : '1'}`))[0].n,
      );
    expect(await activos()).toBe(2);
    const yo = (await t.http().get('/auth/me').set(t.admin).expect(200)).body.id as number;
    const respuestas = await Promise.all([
      t.http().patch(`/usuarios/${otro.id}`).set(t.admin).send({ activo: false }),
      t.http().patch(`/usuarios/${yo}`).set(otro.auth).send({ activo: false }),
    ]);
    expect(respuestas.map((r) => r.status).filter((s) => s === 200)).toHaveLength(1);
    expect(await activos()).toBe(1);
  });
});
