import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearProducto } from './utils/datos';

describe(`productos (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('creates, reads, updates and lists a product with exact money', async () => {
    const creado = await t
      .http()
      .post('/productos/productos')
      .set(t.admin)
      .send({ sku: 'GUA-NIT-M', nombre: 'Guantes de nitrilo talla M', precio: 12999.99, stock: 40, categoria: 'Guantes' })
      .expect(201);
    expect(creado.body).toMatchObject({
      id: expect.any(Number),
      sku: 'GUA-NIT-M',
      precio: 12999.99,
      stock: 40,
      categoria: 'guantes',
      activo: true,
      descripcion: '',
    });
    const leido = await t.http().get(`/productos/productos/${creado.body.id}`).set(t.admin).expect(200);
    expect(leido.body.precio).toBe(12999.99);
    const cambiado = await t.http().put(`/productos/productos/${creado.body.id}`).set(t.admin).send({ precio: 0.1, stock: 3 }).expect(200);
    expect(cambiado.body).toMatchObject({ precio: 0.1, stock: 3, nombre: 'Guantes de nitrilo talla M' });
  });

  it('paginates and filters by categoria, q and activo', async () => {
    for (let i = 0; i < 5; i++) await crearProducto(t, { nombre: `Casco color ${i}`, categoria: 'cascos' });
    const p1 = await t.http().get('/productos/productos?categoria=cascos&limite=2&pagina=1').set(t.admin).expect(200);
    expect(p1.body).toMatchObject({ total: 5, pagina: 1, limite: 2, paginas: 3 });
    expect(p1.body.items).toHaveLength(2);
    const p3 = await t.http().get('/productos/productos?categoria=cascos&limite=2&pagina=3').set(t.admin).expect(200);
    expect(p3.body.items).toHaveLength(1);
    const q = await t.http().get('/productos/productos?q=COLOR%203').set(t.admin).expect(200);
    expect(q.body.items.map((p: { nombre: string }) => p.nombre)).toEqual(['Casco color 3']);
    const inactivos = await t.http().get('/productos/productos?activo=false').set(t.admin).expect(200);
    expect(inactivos.body.items.every((p: { activo: boolean }) => !p.activo)).toBe(true);
  });

  it('DELETE deactivates instead of deleting', async () => {
    const p = await crearProducto(t);
    const r = await t.http().delete(`/productos/productos/${p.id}`).set(t.admin).expect(200);
    expect(r.body.activo).toBe(false);
    const sigue = await t.http().get(`/productos/productos/${p.id}`).set(t.admin).expect(200);
    expect(sigue.body.activo).toBe(false);
  });

  it('answers 409 for a repeated sku and 404 for an unknown id', async () => {
    const p = await crearProducto(t);
    const dup = await t.http().post('/productos/productos').set(t.admin).send({ sku: p.sku, nombre: 'Otro', precio: 1, stock: 1 }).expect(409);
    expect(dup.body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      codigo: 'DUPLICADO',
      request_id: dup.headers['x-request-id'],
      message: expect.stringContaining(p.sku),
    });
    const otro = await crearProducto(t);
    await t.http().put(`/productos/productos/${otro.id}`).set(t.admin).send({ sku: p.sku }).expect(409);
    const nf = await t.http().get('/productos/productos/999999').set(t.admin).expect(404);
    expect(nf.body).toMatchObject({ statusCode: 404, error: 'Not Found', codigo: 'NO_ENCONTRADO' });
  });

  it.each([
    ['a negative price', { sku: 'N1', nombre: 'Nombre', precio: -1, stock: 1 }, 'precio'],
    ['three decimals', { sku: 'N2', nombre: 'Nombre', precio: 1.234, stock: 1 }, 'precio'],
    ['a price as text', { sku: 'N3', nombre: 'Nombre', precio: 'caro', stock: 1 }, 'precio'],
    ['fractional stock', { sku: 'N4', nombre: 'Nombre', precio: 1, stock: 1.5 }, 'stock'],
    ['an unknown field', { sku: 'N5', nombre: 'Nombre', precio: 1, stock: 1, descuento: 5 }, 'descuento'],
    ['a bad sku', { sku: 'con espacios', nombre: 'Nombre', precio: 1, stock: 1 }, 'sku'],
  ])('rejects %s with 400 and the field in details', async (_, cuerpo, campo) => {
    const r = await t.http().post('/productos/productos').set(t.admin).send(cuerpo).expect(400);
    expect(r.body).toMatchObject({ statusCode: 400, error: 'Bad Request', codigo: 'VALIDACION' });
    expect(r.body.details).toHaveProperty(campo);
  });

  it.each(['limite=0', 'limite=101', 'pagina=0', 'pagina=abc', 'activo=quizas', 'orden=precio'])('rejects query %s with 400', async (qs) => {
    await t.http().get(`/productos/productos?${qs}`).set(t.admin).expect(400);
  });

  it('answers malformed JSON with 400 and oversized bodies with 413, never 500', async () => {
    const malo = await t.http().post('/productos/productos').set(t.admin).set('Content-Type', 'application/json').send('{"sku": ').expect(400);
    expect(malo.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      codigo: 'PETICION_INVALIDA',
      request_id: expect.any(String),
      message: expect.stringMatching(/JSON/),
    });
    const grande = await t
      .http()
      .post('/productos/productos')
      .set(t.admin)
      .send({ sku: 'G', nombre: 'x'.repeat(2 * 1024 * 1024), precio: 1, stock: 1 })
      .expect(413);
    // the body parser fails before any Nest code runs, and the answer still has its code and id
    expect(grande.body).toMatchObject({ statusCode: 413, codigo: 'DEMASIADO_GRANDE', request_id: grande.headers['x-request-id'] });
    expect(JSON.stringify(grande.body)).not.toMatch(/at .*\.js/);
    await t.http().get('/productos/productos/abc').set(t.admin).expect(400);
  });
});
