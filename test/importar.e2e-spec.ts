import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { nuevoChat } from './utils/chat';
import { crearOperador } from './utils/datos';
import { esperarHasta } from './utils/esperar';

async function xlsx(filas: unknown[][]): Promise<Buffer> {
  const libro = new Workbook();
  const hoja = libro.addWorksheet('Catálogo');
  for (const f of filas) hoja.addRow(f);
  return Buffer.from(await libro.xlsx.writeBuffer());
}

describe(`importación del catálogo (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  const importar = (archivo: Buffer, nombre = 'catalogo.xlsx') => t.http().post('/productos/importar').set(t.admin).attach('archivo', archivo, nombre);
  const buscar = async (q: string) => (await t.http().get('/productos/buscar').query({ q }).set(t.admin).expect(200)).body.resultados;

  it('an XLSX upserts by sku, reports every rejected row with its number and reason, and the search follows', async () => {
    const r = await importar(
      await xlsx([
        ['SKU', 'Nombre', 'Descripción', 'Precio', 'Stock', 'Categoría', 'Activo'],
        ['MAN-IGN', 'Manta ignífuga 1.2 x 1.8 m', 'Para sofocar fuego en cocinas', 74000, 15, 'extintores', 'si'],
        ['CAS-AMA', 'Casco de seguridad amarillo', '', 30500, 80, 'cascos', 'si'],
        ['MAL-1', 'Precio negativo', '', -5, 1, 'x', 'si'],
        ['', 'Sin sku', '', 1000, 1, 'x', 'si'],
        ['MAN-IGN', 'Repetida', '', 1, 1, 'x', 'si'],
      ]),
    ).expect(200);
    expect(r.body).toMatchObject({ formato: 'xlsx', filas: 5, creados: 1, actualizados: 1 });
    expect(r.body.rechazados.map((x: { fila: number }) => x.fila)).toEqual([4, 5, 6]);
    expect(r.body.rechazados[0].motivos.join()).toMatch(/precio/);
    expect(r.body.rechazados[2].motivos.join()).toContain('repetido');
    expect((await buscar('manta ignifuga'))[0].producto).toMatchObject({ sku: 'MAN-IGN', precio: 74000, stock: 15 });
    expect((await buscar('casco amarillo'))[0].producto).toMatchObject({ sku: 'CAS-AMA', precio: 30500, stock: 80 });
  });

  it('a CSV from a Spanish-locale Excel (semicolons, BOM, $45.000 prices) works too; a deactivated row leaves the search', async () => {
    const csv =
      '\uFEFFcodigo;producto;valor;existencias;categoria;estado\nGUA-NIT;Guantes de nitrilo desechables caja x 100;$33.500;40;guantes;activo\nCIN-PEL;Cinta de peligro 500 metros;35000;45;senalizacion;inactivo\n';
    const r = await importar(Buffer.from(csv), 'catalogo.csv').expect(200);
    expect(r.body).toMatchObject({ formato: 'csv', filas: 2, creados: 0, actualizados: 2, rechazados: [] });
    expect((await buscar('guantes de nitrilo'))[0].producto.precio).toBe(33500);
    expect((await buscar('cinta de peligro')).map((x: { producto: { sku: string } }) => x.producto.sku)).not.toContain('CIN-PEL');
  });

  it('a broken file changes nothing; only admins import', async () => {
    const antes = (await t.http().get('/productos/productos').set(t.admin)).body.total;
    await importar(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(50, 7)])).expect(400);
    await importar(Buffer.from([0, 1, 2, 3, 0, 0]), 'x.csv').expect(400);
    await t.http().post('/productos/importar').set(t.admin).expect(400);
    await t
      .http()
      .post('/productos/importar')
      .set(await crearOperador(t))
      .attach('archivo', Buffer.from('sku,nombre\n'), 'a.csv')
      .expect(403);
    expect((await t.http().get('/productos/productos').set(t.admin)).body.total).toBe(antes);
  });

  it('a large import leaves the service answering: a chat turn and a search are answered while it is still saving, in batches', async () => {
    const N = 8_000;
    const total = async () => (await t.http().get('/productos/productos').query({ limite: 1 }).set(t.admin).expect(200)).body.total as number;
    const inicial = await total();
    const csv = ['sku,nombre,precio,stock,categoria', ...Array.from({ length: N }, (_, i) => `LOTE-${i},Guante de prueba ${i},${1000 + i},5,pruebas`)].join(
      '\n',
    );
    let terminada = false;
    const importacion = importar(Buffer.from(csv), 'grande.csv').then((r) => {
      terminada = true;
      return r;
    });
    // in progress: some batches saved (each its own transaction), the request not answered yet
    await esperarHasta(async () => (await total()) > inicial, 'la importación guardó un primer lote', { ms: 60000, cadaMs: 50 });
    const chat = nuevoChat(t);
    expect((await chat.di('hola, ¿tienen cascos?')).respuesta).toBeTruthy();
    await buscar('casco amarillo');
    const guardados = (await total()) - inicial;
    // the service answered before the import ended: it was neither waiting for it nor blocked by it
    expect(terminada).toBe(false);
    expect(guardados).toBeLessThan(N);
    const r = await importacion;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ filas: N, creados: N, rechazados: [] });
    expect((await buscar('guante de prueba 7999'))[0].producto.sku).toBe('LOTE-7999');
  });

  it('npm run importar does the same from the command line, with a progress bar', async () => {
    if (process.env.TEST_DB !== 'sqlite') return; // one engine is enough for the CLI wiring
    const dir = mkdtempSync(join(tmpdir(), 'importar-'));
    const archivo = join(dir, 'nuevos.xlsx');
    writeFileSync(
      archivo,
      await xlsx([
        ['sku', 'nombre', 'precio', 'stock', 'categoria'],
        ['SEN-RIE', 'Señal riesgo eléctrico', 15000, 30, 'senalizacion'],
        ['X', '', 1, 1, 'x'],
      ]),
    );
    let salida = '';
    try {
      execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/importar.ts', archivo], {
        env: process.env,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (e) {
      salida = `${(e as { stdout: string }).stdout}${(e as { stderr: string }).stderr}`;
      expect((e as { status: number }).status).toBe(1); // one rejected row
    }
    expect(salida).toContain('2 filas (xlsx): 1 creados, 0 actualizados, 1 rechazados');
    expect(salida).toContain('[##############################] 1/1 filas');
    await t.reiniciar();
    expect((await buscar('senal riesgo electrico'))[0].producto.sku).toBe('SEN-RIE');
  });
});
