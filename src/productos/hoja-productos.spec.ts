import { Workbook } from 'exceljs';
import JSZip from 'jszip';
import { leerHoja } from './hoja-productos';

const limites = { filas: 1000, bytesDescomprimidos: 10e6 };

async function xlsx(filas: unknown[][]): Promise<Buffer> {
  const libro = new Workbook();
  const hoja = libro.addWorksheet('Productos');
  for (const f of filas) hoja.addRow(f);
  return Buffer.from(await libro.xlsx.writeBuffer());
}

/** the same file with its parts in another order, as other writers lay them out */
async function reordenado(b: Buffer, primero: string[]): Promise<Buffer> {
  const origen = await JSZip.loadAsync(b);
  const destino = new JSZip();
  const nombres = Object.keys(origen.files).filter((n) => !origen.files[n].dir);
  for (const n of [...primero, ...nombres.filter((x) => !primero.includes(x))]) destino.file(n, await origen.files[n].async('nodebuffer'));
  return destino.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('reading a catalog sheet', () => {
  const filas = [
    ['sku', 'nombre', 'precio', 'stock', 'categoria'],
    ['CAS-01', 'Casco blanco', 45000, 10, 'cascos'],
    ['GUA-02', 'Guantes de nitrilo', 18000, 40, 'guantes'],
  ];

  it('reads every row of an XLSX with its number', async () => {
    const { formato, filas: leidas } = await leerHoja(await xlsx(filas), limites);
    expect(formato).toBe('xlsx');
    expect(leidas.map((f) => [f.fila, f.valores.sku])).toEqual([
      [2, 'CAS-01'],
      [3, 'GUA-02'],
    ]);
  });

  it('reads a file whose sheet comes before its workbook part (the streaming reader cannot)', async () => {
    const b = await reordenado(await xlsx(filas), [
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const { filas: leidas } = await leerHoja(b, limites);
    expect(leidas.map((f) => [f.fila, f.valores.nombre, f.valores.precio])).toEqual([
      [2, 'Casco blanco', 45000],
      [3, 'Guantes de nitrilo', 18000],
    ]);
  });
});
