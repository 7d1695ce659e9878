import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearOperador } from './utils/datos';

describe(`búsqueda de productos e índice (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  const buscar = (q: string, extra: Record<string, string | number> = {}) =>
    t
      .http()
      .get('/productos/buscar')
      .query({ q, ...extra })
      .set(t.admin)
      .expect(200);

  it('finds what customers write, with scores and what matched', async () => {
    const r = await buscar('extinguidor 20 lb');
    expect(r.body.consulta).toBe('extinguidor 20 lb');
    expect(r.body.degradada).toBe(false);
    expect(r.body.resultados[0].producto.sku).toBe('EXT-ABC-20');
    expect(r.body.resultados[0].coincidencias).toEqual(expect.arrayContaining(['extintor', '20lb']));
    expect(r.body.resultados[0].score).toBeGreaterThan(r.body.resultados[1]?.score ?? 0);
    for (const [q, sku] of [
      ['tapabocas', 'TAP-DES'],
      ['botas pantaneras', 'BOT-CAU'],
      ['casco amarilo', 'CAS-AMA'],
      ['lentes oscuros', 'GAF-OSC'],
      ['EXT-K-6L', 'EXT-K-6L'],
    ]) {
      expect((await buscar(q)).body.resultados[0].producto.sku).toBe(sku);
    }
  });

  it('filters by category and limits', async () => {
    const r = await buscar('seguridad', { categoria: 'cascos', limite: 2 });
    expect(r.body.resultados).toHaveLength(2);
    for (const x of r.body.resultados) expect(x.producto.categoria).toBe('cascos');
  });

  it('validates its input and is staff-only', async () => {
    await t.http().get('/productos/buscar').set(t.admin).expect(400);
    await t.http().get('/productos/buscar').query({ q: 'casco', limite: 500 }).set(t.admin).expect(400);
    await t.http().get('/productos/buscar').query({ q: 'casco' }).expect(401);
  });

  it('follows the catalog: new, renamed and deactivated products', async () => {
    const creado = await t
      .http()
      .post('/productos/productos')
      .set(t.admin)
      .send({ sku: 'DUC-LAV', nombre: 'Ducha lavaojos de emergencia', precio: 890000, stock: 2, categoria: 'primeros-auxilios' })
      .expect(201);
    expect((await buscar('lavaojos')).body.resultados[0].producto.sku).toBe('DUC-LAV');
    await t.http().put(`/productos/productos/${creado.body.id}`).set(t.admin).send({ nombre: 'Estación lavaojos portátil' }).expect(200);
    expect((await buscar('estacion lavaojos portatil')).body.resultados[0].producto.nombre).toBe('Estación lavaojos portátil');
    await t.http().delete(`/productos/productos/${creado.body.id}`).set(t.admin).expect(200);
    expect((await buscar('lavaojos')).body.resultados.map((r: { producto: { sku: string } }) => r.producto.sku)).not.toContain('DUC-LAV');
  });

  it('rebuilds on demand (admin; POST and the GET alias) and reports counts and time', async () => {
    const r = await t.http().post('/admin/productos/sincronizar').set(t.admin).expect(200);
    expect(r.body).toMatchObject({ productos: 44, indexados: 43 });
    expect(r.body.ms).toBeGreaterThanOrEqual(0);
    expect(r.body.backend).toMatch(/^(faiss|exacto)$/);
    await t.http().get('/admin/productos/sincronizar').set(t.admin).expect(200);
    const operador = await crearOperador(t);
    await t.http().post('/admin/productos/sincronizar').set(operador).expect(403);
  });

  it('/health/ready tells which index runs and its state', async () => {
    const r = await t.http().get('/health/ready').expect(200);
    expect(r.body.info.indice).toMatchObject({ status: 'up', estado: 'listo', vectores: 43, productos: 44 });
    if (process.env.CI === 'true') expect(r.body.info.indice.backend).toBe('faiss');
  });

  it('a restart loads the persisted index instead of rebuilding it', async () => {
    await t.reiniciar();
    const r = await t.http().get('/health/ready').expect(200);
    expect(r.body.info.indice).toMatchObject({ estado: 'listo', origen: 'cargado', vectores: 43 });
    expect((await buscar('extinguidor 20 lb')).body.resultados[0].producto.sku).toBe('EXT-ABC-20');
  });
});
