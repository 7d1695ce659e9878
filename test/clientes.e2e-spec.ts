import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearCliente, crearProducto } from './utils/datos';

describe(`clientes (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('registers a customer, normalising cédula and phone, and rejects a duplicate', async () => {
    const r = await t
      .http()
      .post('/clientes')
      .set(t.admin)
      .send({ cedula: '1.020.304.050', nombre_completo: 'María Fernanda Ruiz', telefono: '300 123 4567', correo: 'MARIA@Correo.co', barrio: 'Laureles' })
      .expect(201);
    expect(r.body).toMatchObject({
      cedula: '1020304050',
      telefono: '3001234567',
      correo: 'maria@correo.co',
      total_compras: 0,
      valor_total_compras: 0,
      activo: true,
    });
    await t.http().post('/clientes').set(t.admin).send({ cedula: '1020304050', nombre_completo: 'Otra Persona' }).expect(409);
    await t.http().post('/clientes').set(t.admin).send({ cedula: '12', nombre_completo: 'Corta' }).expect(400);
  });

  it('searches by name, cédula or phone, paginated', async () => {
    await crearCliente(t, { cedula: '70111222', nombre_completo: 'Jorge Iván Restrepo', telefono: '3157778899' });
    await crearCliente(t, { cedula: '43555666', nombre_completo: 'Luz Dary Restrepo', telefono: '3209990000' });
    const porNombre = await t.http().get('/clientes?busqueda=restrepo').set(t.admin).expect(200);
    expect(porNombre.body.total).toBe(2);
    const porTelefono = await t.http().get('/clientes/buscar?q=315 777').set(t.admin).expect(200);
    expect(porTelefono.body.map((c: { cedula: string }) => c.cedula)).toEqual(['70111222']);
    const porCedula = await t.http().get('/clientes/buscar?q=43555').set(t.admin).expect(200);
    expect(porCedula.body[0].nombre_completo).toBe('Luz Dary Restrepo');
    const pagina = await t.http().get('/clientes?limite=1&pagina=2&busqueda=restrepo').set(t.admin).expect(200);
    expect(pagina.body.items).toHaveLength(1);
  });

  it('updates, deactivates and shows the order history', async () => {
    const c = await crearCliente(t);
    const p = await crearProducto(t, { precio: 5000 });
    await t.http().put(`/clientes/${c.cedula}`).set(t.admin).send({ direccion: 'Cra 70 # 1-2' }).expect(200);
    await t.http().put(`/clientes/${c.cedula}`).set(t.admin).send({ cedula: '999' }).expect(400);
    await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({ cliente_cedula: c.cedula, items: [{ producto_id: p.id, cantidad: 2 }] })
      .expect(201);
    const h = await t.http().get(`/clientes/${c.cedula}/historial`).set(t.admin).expect(200);
    expect(h.body.items).toHaveLength(1);
    expect(h.body.items[0]).toMatchObject({ total: 10000, items: [{ producto_id: p.id, cantidad: 2, subtotal: 10000 }] });
    const borrado = await t.http().delete(`/clientes/${c.cedula}`).set(t.admin).expect(200);
    expect(borrado.body).toMatchObject({ activo: false, direccion: 'Cra 70 # 1-2', total_compras: 1 });
    await t.http().get('/clientes/00000000/historial').set(t.admin).expect(404);
  });
});
