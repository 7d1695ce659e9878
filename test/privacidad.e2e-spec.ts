import { AppDePrueba, crearApp } from './utils/crear-app';
import { nuevoChat } from './utils/chat';
import { crearProducto } from './utils/datos';

/** Issue 12: nobody reads or changes another customer's data through the chat. */
describe(`privacy of customer data (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let producto: { id: number; nombre: string };
  const ANA = {
    cedula: '1020304050',
    nombre_completo: 'Ana Gómez',
    telefono: '3001234567',
    correo: 'ana@correo.co',
    direccion: 'Calle 10 # 43-20',
    barrio: 'Laureles',
    indicaciones_adicionales: 'Portería',
  };
  const SECRETOS = ['Ana', 'Calle 10', '43-20', 'Laureles', 'ana@correo.co', '3001234567', 'Portería', 'de nuevo'];

  beforeAll(async () => {
    t = await crearApp();
    producto = await crearProducto(t, { nombre: 'Casco de seguridad blanco', categoria: 'cascos', stock: 100 });
    await t.http().post('/clientes').set(t.admin).send(ANA).expect(201);
  });
  afterAll(() => t.cerrar());

  const pedidoDe = async (id: number | null) => (await t.http().get(`/pedidos/${id}`).set(t.admin).expect(200)).body;
  const ana = async () => (await t.http().get(`/clientes/${ANA.cedula}`).set(t.admin).expect(200)).body;

  it("a stranger typing Ana's cédula learns nothing, changes nothing of hers (not even her purchase totals, ordering or cancelling), and the order keeps the stranger's own delivery data", async () => {
    const antes = await ana();
    const chat = nuevoChat(t);
    const dicho = await chat.guion(
      'quiero 1 casco de seguridad blanco',
      'si',
      'Pedro Pérez',
      ANA.cedula,
      '3109998877',
      'pedro@correo.co',
      'Carrera 5 # 1-1',
      'Centro',
    );
    const final = await chat.di('ninguna');
    expect(final.estado_venta).toBe('completado');
    for (const s of SECRETOS) expect(`${dicho}\n${final.respuesta}`).not.toContain(s);

    const pedido = await pedidoDe(final.pedido!.id);
    expect(pedido).toMatchObject({
      cliente_cedula: ANA.cedula,
      entrega_nombre: 'Pedro Pérez',
      entrega_telefono: '3109998877',
      entrega_correo: 'pedro@correo.co',
      entrega_direccion: 'Carrera 5 # 1-1',
      entrega_barrio: 'Centro',
      entrega_indicaciones: null,
      cuenta_para_cliente: false,
    });
    const totales = ({ total_compras, valor_total_compras, fecha_ultima_compra }: Record<string, unknown>) => ({
      total_compras,
      valor_total_compras,
      fecha_ultima_compra,
    });
    expect(await ana()).toMatchObject(ANA);
    expect(totales(await ana())).toEqual(totales(antes));
    await t.http().put(`/pedidos/${pedido.id}/estado`).set(t.admin).send({ estado: 'cancelado' }).expect(200);
    expect(totales(await ana())).toEqual(totales(antes));
  });

  it('the phone on file proves possession: the stored data is reused, shown masked, and the order carries it', async () => {
    const chat = nuevoChat(t);
    await chat.guion('quiero 1 casco de seguridad blanco', 'si', 'Ana Gómez', ANA.cedula);
    const verificada = await chat.di('300 123 4567');
    expect(verificada.respuesta).toContain('Calle 10 # •••, Laureles');
    expect(verificada.respuesta).not.toContain('43-20');
    const final = await chat.guion('si', 'llamar al llegar');
    expect(final).not.toContain('43-20');
    const pedido = await pedidoDe((await chat.di('ver mi pedido')).pedido?.id ?? null);
    expect(pedido).toMatchObject({
      entrega_direccion: ANA.direccion,
      entrega_barrio: ANA.barrio,
      entrega_correo: ANA.correo,
      entrega_indicaciones: 'llamar al llegar',
    });
    // a verified customer may update their own record, and the order is in her totals
    expect(pedido.cuenta_para_cliente).toBe(true);
    expect(await ana()).toMatchObject({ indicaciones_adicionales: 'llamar al llegar', total_compras: 1, valor_total_compras: pedido.total });
  });

  it('an inactive customer still buys as a guest; the record stays inactive and untouched', async () => {
    await t.http().post('/clientes').set(t.admin).send({ cedula: '55667788', nombre_completo: 'Luis Inactivo', telefono: '3205556677' }).expect(201);
    await t.http().delete('/clientes/55667788').set(t.admin).expect(200);
    const chat = nuevoChat(t);
    await chat.guion('quiero 1 casco de seguridad blanco', 'si', 'Luis Nuevo', '55667788', '3205556677', 'luis@correo.co', 'Calle 1 # 2-3', 'Robledo');
    const final = await chat.di('ninguna');
    expect(final.estado_venta).toBe('completado');
    expect(final.respuesta).not.toContain('de nuevo');
    const luis = (await t.http().get('/clientes/55667788').set(t.admin).expect(200)).body;
    expect(luis).toMatchObject({ activo: false, nombre_completo: 'Luis Inactivo', correo: null, direccion: null });
    expect(await pedidoDe(final.pedido!.id)).toMatchObject({ entrega_nombre: 'Luis Nuevo', entrega_direccion: 'Calle 1 # 2-3' });
  });

  it('a new cédula from the chat registers the customer with the data given', async () => {
    const chat = nuevoChat(t);
    await chat.guion('quiero 1 casco de seguridad blanco', 'si', 'Marta Ruiz', '99887766', '3151112233', 'marta@correo.co', 'Calle 2 # 3-4', 'Belén');
    expect((await chat.di('ninguna')).estado_venta).toBe('completado');
    expect((await t.http().get('/clientes/99887766').set(t.admin).expect(200)).body).toMatchObject({ nombre_completo: 'Marta Ruiz', barrio: 'Belén' });
  });

  it('staff orders take the delivery data given for them, the rest from the record, and export it', async () => {
    const r = await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({
        cliente_cedula: ANA.cedula,
        items: [{ producto_id: producto.id, cantidad: 1 }],
        entrega_direccion: 'Oficina: Cra 43A # 1-50',
        entrega_nombre: 'Recepción',
      })
      .expect(201);
    expect(r.body).toMatchObject({
      entrega_nombre: 'Recepción',
      entrega_direccion: 'Oficina: Cra 43A # 1-50',
      entrega_telefono: ANA.telefono,
      entrega_barrio: ANA.barrio,
    });
    const csv = await t.http().get('/exportar/pedidos').query({ formato: 'csv' }).set(t.admin).expect(200);
    expect(csv.text).toContain('Dirección de entrega');
    expect(csv.text).toContain('Oficina: Cra 43A # 1-50');
  });
});
