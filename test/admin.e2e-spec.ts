import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearOperador } from './utils/datos';

describe(`tienda de demostración y perfil del negocio (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  it('an empty database gets the demo catalog and the demo business profile', async () => {
    const productos = await t.http().get('/productos/productos?limite=100').set(t.admin).expect(200);
    expect(productos.body.total).toBeGreaterThanOrEqual(40);
    const categorias = new Set(productos.body.items.map((p: { categoria: string }) => p.categoria));
    expect([...categorias]).toEqual(expect.arrayContaining(['extintores', 'cascos', 'guantes', 'calzado', 'alturas', 'primeros-auxilios']));
    const extintores = productos.body.items.filter((p: { nombre: string }) => /extintor multiprop/i.test(p.nombre));
    expect(extintores.length).toBeGreaterThanOrEqual(3);
    const empresa = await t.http().get('/admin/empresa').set(t.admin).expect(200);
    expect(empresa.body).toMatchObject({ nombre: 'Seguridad Industrial El Roble', limite_por_producto: 1000, mostrar_stock: true });
    expect(empresa.body.medios_pago).toContain('Nequi');
    expect(empresa.body.aviso_datos).toMatch(/Ley 1581/);
    // the panel counts and shows days in the zone the API counts them in
    expect(empresa.body.zona_horaria).toBe('America/Bogota');
  });

  it('seeding runs once: a restart does not duplicate the catalog', async () => {
    const seed = t.app.get((await import('../src/database/seed/seed.service')).SeedService);
    const antes = (await t.http().get('/productos/productos').set(t.admin)).body.total;
    await seed.onModuleInit();
    expect((await t.http().get('/productos/productos').set(t.admin)).body.total).toBe(antes);
  });

  it('admins change the profile; operators may read it but not change it', async () => {
    const operador = await crearOperador(t);
    await t.http().get('/admin/empresa').set(operador).expect(200);
    await t.http().put('/admin/empresa').set(operador).send({ horario: 'siempre' }).expect(403);
    const r = await t
      .http()
      .put('/admin/empresa')
      .set(t.admin)
      .send({ horario: 'lunes a sábado 8 a 6', mostrar_stock: false, medios_pago: ['Nequi'] })
      .expect(200);
    expect(r.body).toMatchObject({ horario: 'lunes a sábado 8 a 6', mostrar_stock: false, medios_pago: ['Nequi'], nombre: 'Seguridad Industrial El Roble' });
    await t.http().put('/admin/empresa').set(t.admin).send({ limite_por_producto: 0 }).expect(400);
    await t.http().put('/admin/empresa').set(t.admin).send({ id: 2 }).expect(400);
  });
});
