import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Workbook } from 'exceljs';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ExportService } from '../src/export/export.service';
import { Producto } from '../src/productos/producto.entity';
import { binario } from './utils/binario';
import { esperarHasta } from './utils/esperar';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { crearCliente, crearOperador } from './utils/datos';

describe(`exportaciones CSV y XLSX (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => {
    t = await crearApp({ SEED_DEMO: 'true' });
    await crearCliente(t, { cedula: '900100200', nombre_completo: '=HYPERLINK("http://malo")', telefono: '3001112233' });
    await crearCliente(t, { cedula: '900100201', nombre_completo: 'Ñoño Pérez' });
    await t
      .http()
      .post('/pedidos')
      .set(t.admin)
      .send({
        cliente_cedula: '900100201',
        items: [
          { producto_id: 1, cantidad: 2 },
          { producto_id: 7, cantidad: 1 },
        ],
      })
      .expect(201);
  });
  afterAll(() => t.cerrar());

  const csv = async (ruta: string) => {
    const r = await t.http().get(ruta).set(t.admin).buffer(true).parse(binario).expect(200);
    return { r, texto: (r.body as Buffer).toString('utf8') };
  };

  it('CSV: UTF-8 with BOM, Spanish headers, exact money, ISO dates, formulas neutralised', async () => {
    const { r, texto } = await csv('/exportar/clientes');
    expect(r.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(r.headers['content-disposition']).toMatch(/attachment; filename="clientes-.*\.csv"/);
    expect(texto.charCodeAt(0)).toBe(0xfeff);
    const [cabecera, ...filas] = texto.slice(1).trim().split('\n');
    expect(cabecera.split(';').slice(0, 3)).toEqual(['"Cédula"', '"Nombre completo"', '"Teléfono"']);
    expect(filas.find((f) => f.startsWith('"900100200"'))).toContain(`"'=HYPERLINK(""http://malo"")"`);
    const noño = filas.find((f) => f.startsWith('"900100201"'))!;
    expect(noño).toContain('Ñoño Pérez');
    expect(noño).toMatch(/;"1";"152000\.00";"true";/);
    expect(noño).toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });

  it('orders with their lines, and the filters of the contract', async () => {
    const { texto } = await csv('/exportar/pedidos?cedula=900100201&estado=pendiente');
    const filas = texto.trim().split('\n');
    expect(filas).toHaveLength(2);
    expect(filas[1]).toContain('2 × Extintor multipropósito ABC 5 libras; 1 × Casco de seguridad amarillo');
    expect((await csv('/exportar/pedidos?estado=entregado')).texto.trim().split('\n')).toHaveLength(1);
    expect((await csv('/exportar/ventas?hasta=2000-01-01')).texto.trim().split('\n')).toHaveLength(1);
    expect((await csv('/exportar/ventas?cedula=900100201')).texto.trim().split('\n')).toHaveLength(3);
    expect((await csv('/exportar/productos?estado=activo')).texto.trim().split('\n')).toHaveLength(44);
  });

  it('a real XLSX that a spreadsheet opens, with numbers as numbers', async () => {
    const r = await t.http().get('/exportar/productos?formato=xlsx').set(t.admin).buffer(true).parse(binario).expect(200);
    expect(r.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const libro = new Workbook();
    await libro.xlsx.load(Uint8Array.from(r.body as Buffer).buffer);
    const hoja = libro.getWorksheet('Productos')!;
    expect(hoja.getRow(1).getCell(2).value).toBe('SKU');
    expect(hoja.rowCount).toBe(44);
    expect(hoja.getRow(2).getCell(5).value).toBe(62000);
  });

  it('guardar=true also leaves the file under exports/ with a name the server chose', async () => {
    const r = await t.http().get('/exportar/ventas?guardar=true').set(t.admin).buffer(true).parse(binario).expect(200);
    const ruta = r.headers['x-archivo-guardado'];
    expect(ruta).toMatch(/^exports\/ventas-[\w-]+\.csv$/);
    expect(readFileSync(join(process.env.EXPORTS_DIR!, ruta.replace('exports/', '')))).toEqual(r.body);
  });

  it('a client that leaves mid-download cancels it: no more pages are read and no partial copy stays', async () => {
    const ds = t.app.get(DataSource);
    for (let i = 0; i < 2500; i += 500) {
      const lote = Array.from({ length: 500 }, (_, j) => ({ sku: `LOTE-${i + j}`, nombre: `Guante de carnaza referencia ${i + j}`, precio: 9000, stock: 5 }));
      await ds.createQueryBuilder().insert().into(Producto).values(lote).execute();
    }
    const paginas = jest.spyOn(SelectQueryBuilder.prototype, 'getMany');
    // a client that takes one chunk and then stops reading
    let recibio = false;
    const cliente = new Writable({ highWaterMark: 1024, write: () => void (recibio = true) });
    const exportacion = t.app.get(ExportService).exportar('productos', { formato: 'csv', guardar: true }, cliente, 'cancelada.csv');
    await esperarHasta(() => recibio, 'la descarga no empezó');
    cliente.destroy();
    await expect(exportacion).resolves.toBeUndefined();
    const leidas = paginas.mock.calls.length;
    paginas.mockRestore();
    // 3 pages of 1,000 in the table; what the stream buffers hold before they push back is under 2
    expect(leidas).toBeLessThan(3);
    expect(existsSync(join(process.env.EXPORTS_DIR!, 'cancelada.csv'))).toBe(false);
  });

  it('validates and is staff-only', async () => {
    await t.http().get('/exportar/usuarios').set(t.admin).expect(400);
    await t.http().get('/exportar/clientes?formato=pdf').set(t.admin).expect(400);
    await t.http().get('/exportar/clientes?guardar=../../etc').set(t.admin).expect(400);
    await t.http().get('/exportar/clientes').expect(401);
    await t
      .http()
      .get('/exportar/clientes')
      .set(await crearOperador(t))
      .expect(200);
  });
});
