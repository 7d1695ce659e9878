import { Readable } from 'node:stream';
import { stream, Workbook } from 'exceljs';
import { parse } from 'fast-csv';
import { setImmediate as turno } from 'node:timers/promises';
import { cedente } from '../common/ceder';
import { plegar } from '../common/texto';
import { tamanoDescomprimido } from './zip';

/** what a sheet may hold before it is refused, unread */
export interface LimitesHoja {
  filas: number;
  bytesDescomprimidos: number;
}

/** a sheet past its limits: the import refuses it (413) before or while reading, never after */
export class HojaDemasiadoGrande extends Error {}

/** a CSV is handed to the parser this many bytes at a time, a turn of the event loop between two */
const TROZO_CSV = 32 * 1024;

/** A spreadsheet row as read: its number in the sheet (header = 1) and its cells by column. */
export interface FilaLeida {
  fila: number;
  valores: Record<string, unknown>;
}

/** Column names people use → the product field they mean. */
const COLUMNAS: Record<string, string> = {
  sku: 'sku',
  codigo: 'sku',
  referencia: 'sku',
  ref: 'sku',
  nombre: 'nombre',
  producto: 'nombre',
  descripcion: 'descripcion',
  detalle: 'descripcion',
  precio: 'precio',
  valor: 'precio',
  preciounitario: 'precio',
  stock: 'stock',
  existencias: 'stock',
  inventario: 'stock',
  cantidad: 'stock',
  unidades: 'stock',
  categoria: 'categoria',
  linea: 'categoria',
  activo: 'activo',
  estado: 'activo',
};

export function campoDeColumna(encabezado: string): string | undefined {
  return COLUMNAS[plegar(encabezado).replace(/[^a-z]/g, '')];
}

/** XLSX is a zip; anything else must be text to be a CSV. */
export function formatoHoja(b: Buffer): 'xlsx' | 'csv' | null {
  if (b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
  return b.subarray(0, 4096).includes(0) ? null : 'csv';
}

type ValorCelda = string | number | boolean | Date | null | undefined;

/** what a cell holds: formulas give their result, rich text its plain text */
function celda(v: unknown): ValorCelda {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    const o = v as { result?: unknown; text?: unknown; richText?: Array<{ text: string }> };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    return celda(o.result ?? o.text ?? null);
  }
  return v as ValorCelda;
}

function porCampo(encabezados: string[], valores: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  encabezados.forEach((h, i) => {
    const campo = campoDeColumna(h);
    const v = celda(valores[i]);
    if (campo && v !== null && v !== undefined && String(v).trim() !== '') out[campo] = typeof v === 'string' ? v.trim() : v;
  });
  return out;
}

/** streamed where exceljs can (the sheet inflates as it is read), and reading stops at the row cap */
async function leerXlsx(b: Buffer, limites: LimitesHoja): Promise<FilaLeida[]> {
  const tamano = tamanoDescomprimido(b);
  if (tamano === undefined) throw new Error('el XLSX está dañado');
  if (tamano > limites.bytesDescomprimidos) throw new HojaDemasiadoGrande(`el XLSX descomprimido pasa de ${Math.round(limites.bytesDescomprimidos / 1e6)} MB`);
  const filas: FilaLeida[] = [];
  const ceder = cedente();
  let encabezados: string[] | undefined;
  for await (const row of filasXlsx(b)) {
    if (row.number > limites.filas + 1) throw new HojaDemasiadoGrande(`la hoja pasa de ${limites.filas} filas`);
    const valores = (row.values ?? []).slice(1);
    if (!encabezados) {
      encabezados = valores.map((v) => String(celda(v) ?? ''));
      continue;
    }
    const v = porCampo(encabezados, valores);
    if (Object.keys(v).length) filas.push({ fila: row.number, valores: v });
    await ceder();
  }
  return filas;
}

type FilaXlsx = { number: number; values: unknown[] };

/** the rows of the first sheet (only the first is the catalog) */
async function* filasXlsx(b: Buffer): AsyncGenerator<FilaXlsx> {
  let leidas = 0;
  try {
    const libro = new stream.xlsx.WorkbookReader(Readable.from(b), { sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', worksheets: 'emit' });
    for await (const hoja of libro) {
      for await (const row of hoja as AsyncIterable<FilaXlsx>) {
        leidas++;
        yield row;
      }
      return;
    }
    return;
  } catch (e) {
    // exceljs's streaming reader cannot place a sheet that comes before the workbook part in the
    // zip ("reading 'sheets'" of an undefined model): the whole file, already bounded by its
    // uncompressed size, is read in one go instead
    if (!(e instanceof TypeError) || leidas > 0) throw e;
  }
  const hoja = (await new Workbook().xlsx.load(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer)).worksheets[0];
  for (let n = 1; hoja && n <= hoja.rowCount; n++) {
    const row = hoja.getRow(n);
    if (row.cellCount) yield { number: n, values: row.values as unknown[] };
  }
}

function leerCsv(b: Buffer, limites: LimitesHoja): Promise<FilaLeida[]> {
  // rows after the header = line breaks, not counting one that ends the file; counted before parsing
  let saltos = b[b.length - 1] === 10 ? -1 : 0;
  for (let i = b.indexOf(10); i >= 0 && saltos <= limites.filas; i = b.indexOf(10, i + 1)) saltos++;
  if (saltos > limites.filas) return Promise.reject(new HojaDemasiadoGrande(`el CSV pasa de ${limites.filas} filas`));
  const fin = b.indexOf(10);
  const primera = b.subarray(0, fin < 0 ? b.length : fin).toString('utf8');
  // Excel in a Spanish locale saves with ';'
  const delimiter = (primera.match(/;/g)?.length ?? 0) > (primera.match(/,/g)?.length ?? 0) ? ';' : ',';
  // Parsed a slice at a time: given the whole text, the parser would hold the event loop for
  // seconds on a 300,000-row file (pausing its output does not pause its parsing).
  async function* trozos(): AsyncGenerator<Buffer> {
    const cuerpo = b.subarray(b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0);
    for (let i = 0; i < cuerpo.length; i += TROZO_CSV) {
      yield cuerpo.subarray(i, i + TROZO_CSV);
      await turno();
    }
  }
  return new Promise((resolve, reject) => {
    const filas: FilaLeida[] = [];
    let encabezados: string[] | undefined;
    let n = 0;
    const csv = parse({ delimiter, ignoreEmpty: true, trim: true, strictColumnHandling: false })
      .on('error', reject)
      .on('data', (valores: string[]) => {
        n++;
        if (!encabezados) {
          encabezados = valores;
          return;
        }
        const v = porCampo(encabezados, valores);
        if (Object.keys(v).length) filas.push({ fila: n, valores: v });
      })
      .on('end', () => resolve(filas));
    Readable.from(trozos(), { objectMode: false }).on('error', reject).pipe(csv);
  });
}

/** Reads a products sheet (CSV or XLSX) into rows keyed by product field. Throws on a broken file. */
export async function leerHoja(b: Buffer, limites: LimitesHoja): Promise<{ formato: 'csv' | 'xlsx'; filas: FilaLeida[] }> {
  const formato = formatoHoja(b);
  if (!formato) throw new Error('no es un CSV ni un XLSX');
  const filas = formato === 'xlsx' ? await leerXlsx(b, limites) : await leerCsv(b, limites);
  return { formato, filas };
}

/** "45.000", "$45.000,50", "45000.5", 45000 → pesos; what cannot be read stays as is (and fails validation). */
export function leerPrecio(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const s = v.replace(/[$\s]/g, '');
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+(\.\d{1,2})?$/.test(s)) return Number(s);
  return v;
}

export function leerEntero(v: unknown): unknown {
  return typeof v === 'string' && /^\d+$/.test(v.replace(/\./g, '')) ? Number(v.replace(/\./g, '')) : v;
}

export function leerBooleano(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const f = plegar(v);
  if (['si', 'true', '1', 'activo', 'x'].includes(f)) return true;
  if (['no', 'false', '0', 'inactivo'].includes(f)) return false;
  return v;
}
