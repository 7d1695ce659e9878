import { Writable } from 'node:stream';
import { ValueType, Workbook } from 'exceljs';
import fc from 'fast-check';
import { esperarHasta } from '../../test/utils/esperar';
import { Celda, dinero, Escritor, escritorCsv, escritorXlsx, neutralizar } from './escritores';

const fila = (i: number): Celda[] => [
  i,
  `SKU-${i}`,
  `Casco de seguridad amarillo, referencia ${i}`,
  { dinero: 1000 + i / 100 },
  new Date(Date.UTC(2026, 0, 1)),
];
const ENCABEZADOS = ['ID', 'SKU', 'Nombre', 'Precio', 'Creado'];

/** A destination that reads everything, or nothing at all (a client that stopped reading). */
function destino(lee: boolean): Writable & { bytes: Buffer[] } {
  const bytes: Buffer[] = [];
  const w = new Writable({ highWaterMark: 1024, write: (trozo: Buffer, _c, listo) => (lee ? (bytes.push(trozo), setImmediate(listo)) : undefined) });
  return Object.assign(w, { bytes });
}

const escritores: Record<string, (d: Writable, s: AbortSignal) => Escritor> = {
  csv: (d, s) => escritorCsv(d, ENCABEZADOS, s),
  xlsx: (d, s) => escritorXlsx(d, ENCABEZADOS, 'Productos', s),
};

describe('celdas', () => {
  it('neutralises what a spreadsheet would run as a formula, and nothing else', () => {
    for (const peligrosa of ['=1+1', '+57 300', '-2', '@SUMA(A1)', '\tx', '\rx', '\nx', ' =1+1', '＝1+1']) expect(neutralizar(peligrosa)).toBe(`'${peligrosa}`);
    for (const normal of ['Ñoño', '3001112233', 'a=b', '', 'a;=b']) expect(neutralizar(normal)).toBe(normal);
  });

  it('writes money exactly, from integer centavos', () => {
    expect([dinero(0.1 + 0.2), dinero(62000), dinero(-5.5), dinero(1234567.899)]).toEqual(['0.30', '62000.00', '-5.50', '1234567.90']);
  });
});

describe.each(Object.keys(escritores))('escritor %s', (formato) => {
  it('waits for a client that stops reading, and lets go when the export is cancelled', async () => {
    const d = destino(false);
    const corte = new AbortController();
    const escritor = escritores[formato](d, corte.signal);
    let filas = 0;
    // without backpressure this loop would run to the end (and resolve) before anything could stop it
    const trabajo = (async () => {
      while (filas < 200_000) await escritor.fila(fila(++filas));
    })();
    // the client's buffer is full: the writer now waits for a drain that never comes
    await esperarHasta(() => d.writableNeedDrain, 'el destino no llegó a llenarse');
    const escritasAlParar = filas;
    corte.abort();
    await expect(trabajo).rejects.toThrow(/abort/i);
    expect(filas).toBe(escritasAlParar);
  });
});

describe('escritor xlsx', () => {
  it('streams the sheet while rows are written, instead of compressing it all at the end', async () => {
    const d = destino(true);
    const escritor = escritorXlsx(d, ENCABEZADOS, 'Productos', new AbortController().signal);
    for (let i = 1; i <= 20_000; i++) await escritor.fila(fila(i));
    // ~4 MB of XML went in; exceljs alone would have emitted almost nothing by now
    expect(Buffer.concat(d.bytes).length).toBeGreaterThan(200_000);
    await escritor.cerrar();

    const libro = new Workbook();
    await libro.xlsx.load(Buffer.concat(d.bytes) as unknown as ArrayBuffer);
    const hoja = libro.getWorksheet('Productos')!;
    expect(hoja.rowCount).toBe(20_001);
    expect(hoja.getRow(20_001).values).toEqual([
      undefined,
      20_000,
      'SKU-20000',
      'Casco de seguridad amarillo, referencia 20000',
      1200,
      '2026-01-01T00:00:00.000Z',
    ]);
  });
});

/** how Excel with Spanish (Colombia) settings splits a CSV: ';' between cells, RFC 4180 quotes */
function celdasComoExcelColombia(csv: string): string[][] {
  const filas: string[][] = [[]];
  let celda = '';
  let comillas = false;
  const cerrarCelda = () => {
    filas.at(-1)!.push(celda);
    celda = '';
  };
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (comillas && c === '"' && csv[i + 1] === '"') {
      celda += '"';
      i++;
    } else if (c === '"') comillas = !comillas;
    else if (comillas || (c !== ';' && c !== '\n' && c !== '\r')) celda += c;
    else if (c === ';') cerrarCelda();
    else if (c === '\n') {
      cerrarCelda();
      filas.push([]);
    }
  }
  if (celda || filas.at(-1)!.length) cerrarCelda();
  return filas.filter((f) => f.length > 0);
}

const alfabeto = fc.constantFrom('=', '+', '-', '@', ';', ',', '"', "'", '\t', '\r', '\n', ' ', 'a', '1', 'Ñ', '＝', '(', ')');
const hostil = fc.array(alfabeto, { maxLength: 12 }).map((cs) => cs.join(''));

describe('spreadsheets stay inert whatever a field holds', () => {
  it('CSV: every cell Excel (Colombia) sees is the field as written or with a leading apostrophe, and none starts a formula', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostil, { minLength: 3, maxLength: 3 }), async (campos) => {
        const d = destino(true);
        const e = escritorCsv(d, ['A', 'B', 'C'], new AbortController().signal);
        await e.fila(campos);
        await e.cerrar();
        const [cabecera, celdas, ...resto] = celdasComoExcelColombia(
          Buffer.concat(d.bytes)
            .toString('utf8')
            .replace(/^\ufeff/, ''),
        );
        expect(cabecera).toEqual(['A', 'B', 'C']);
        expect(resto).toEqual([]);
        expect(celdas).toHaveLength(3);
        celdas.forEach((celda, i) => {
          expect(/^(\s*[=+\-@＝＋－＠]|[\t\r\n])/.test(celda)).toBe(false);
          expect([campos[i], `'${campos[i]}`]).toContain(celda);
        });
      }),
      { numRuns: 150 },
    );
  });

  it('XLSX: text cells hold the text exactly, typed as text, never a formula and with no apostrophe', async () => {
    const peligrosas = ['=HYPERLINK("http://malo","clic")', '+57 300', '-2+3', '@SUMA(A1)', '=1+1;=2+2', '\t=1'];
    const d = destino(true);
    const e = escritorXlsx(d, ['A'], 'Hoja', new AbortController().signal);
    for (const p of peligrosas) await e.fila([p]);
    await e.cerrar();
    const libro = new Workbook();
    await libro.xlsx.load(Uint8Array.from(Buffer.concat(d.bytes)).buffer);
    const hoja = libro.getWorksheet('Hoja')!;
    peligrosas.forEach((p, i) => {
      const celda = hoja.getRow(i + 2).getCell(1);
      expect(celda.type).toBe(ValueType.String);
      expect(celda.value).toBe(p);
      expect(celda.formula).toBeUndefined();
      expect(celda.numFmt).toBe('@');
    });
  });
});
