import { Workbook } from 'exceljs';
import { binario } from './utils/binario';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { diaEnZona } from '../src/database/fechas';

/**
 * The operations loop of the shop: a spreadsheet of products goes in, a customer buys one
 * through the chat, and the sale shows in the statistics and in every export, CSV and XLSX.
 */
describe(`operaciones: hoja → chat → estadísticas y exportaciones (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  const chat = (mensaje: string, chat_id: string) => t.http().post('/chat/texto').set(t.integracion).send({ mensaje, chat_id }).expect(200);

  it('imports, sells through the chat, and reports it everywhere', async () => {
    const libro = new Workbook();
    const hoja = libro.addWorksheet('Nuevos');
    hoja.addRow(['sku', 'nombre', 'descripcion', 'precio', 'stock', 'categoria']);
    hoja.addRow(['KIT-DER', 'Kit antiderrames para químicos', 'Absorbentes, guantes y bolsa para derrames pequeños', 189000, 6, 'primeros-auxilios']);
    await t
      .http()
      .post('/productos/importar')
      .set(t.admin)
      .attach('archivo', Buffer.from(await libro.xlsx.writeBuffer()), 'nuevos.xlsx')
      .expect(200);

    for (const m of [
      'hola, necesito 2 kits antiderrames',
      'listo',
      'Julián Cardona',
      '71555666',
      '3014445566',
      'julian@correo.com',
      'calle 30 # 65-10',
      'belén',
      'ninguna',
    ])
      await chat(m, 'ops-compra');
    await chat('quiero 3 cascos blancos', 'ops-abandona');
    await chat('hola', 'ops-saluda');
    await chat('quiero 2 taladros', 'ops-saluda');

    const e = (await t.http().get('/admin/estadisticas').set(t.admin).expect(200)).body;
    expect(e.ventas).toEqual({ total: 378000, pedidos: 1, ticket_promedio: 378000 });
    expect(e.pedidos_por_estado).toEqual({ pendiente: 1 });
    expect(e.top_productos[0]).toMatchObject({ nombre: 'Kit antiderrames para químicos', unidades: 2, total: 378000 });
    expect(e.top_clientes[0]).toMatchObject({ cedula: '71555666', nombre: 'Julián Cardona', pedidos: 1, total: 378000 });
    expect(e.embudo.etapas).toEqual({ conversaciones: 3, con_carrito: 2, dando_datos: 1, con_pedido: 1 });
    expect(e.embudo.mayor_abandono).toMatchObject({ perdidos: 1 });
    expect(e.conversion).toBeCloseTo(0.333, 3);
    expect(e.bajo_stock.map((p: { sku: string }) => p.sku)).toEqual(expect.arrayContaining(['KIT-DER', 'CAM-RIG']));
    expect(e.serie_diaria).toEqual([{ fecha: diaEnZona(new Date(), 'America/Bogota'), pedidos: 1, total: 378000 }]);
    expect(e.no_encontrados).toEqual([{ texto: 'taladros', veces: 1 }]);
    const futuro = (await t.http().get('/admin/estadisticas').query({ desde: '2100-01-01' }).set(t.admin).expect(200)).body;
    expect(futuro.ventas).toEqual({ total: 0, pedidos: 0, ticket_promedio: 0 });

    const esperado: Record<string, string> = {
      pedidos: '2 × Kit antiderrames para químicos',
      ventas: 'Kit antiderrames para químicos',
      clientes: 'Julián Cardona',
      productos: 'KIT-DER',
    };
    for (const [recurso, texto] of Object.entries(esperado)) {
      const csv = (await t.http().get(`/exportar/${recurso}`).set(t.admin).buffer(true).parse(binario).expect(200)).body.toString('utf8');
      expect(csv).toContain(texto);
      const x = (await t.http().get(`/exportar/${recurso}?formato=xlsx`).set(t.admin).buffer(true).parse(binario).expect(200)).body as Buffer;
      const leido = new Workbook();
      await leido.xlsx.load(Uint8Array.from(x).buffer);
      expect(leido.worksheets[0].rowCount).toBeGreaterThan(1);
    }
  });

  it('statistics are staff-only and validate their range', async () => {
    await t.http().get('/admin/estadisticas').expect(401);
    await t.http().get('/admin/estadisticas').query({ desde: 'ayer' }).set(t.admin).expect(400);
  });
});
