import { once } from 'node:events';
import { Writable } from 'node:stream';
import { stream } from 'exceljs';
import { format } from 'fast-csv';
import { aCentavos } from '../common/money';

/** an amount of money: exact text in CSV, a number with a money format in XLSX */
export interface Dinero {
  dinero: number;
}
export type Celda = string | number | boolean | Date | Dinero | null | undefined;

const esDinero = (v: Celda): v is Dinero => typeof v === 'object' && v !== null && !(v instanceof Date);
export type Formato = 'csv' | 'xlsx';

/** One row at a time into a stream: nothing accumulates, so 100,000 rows cost what one does. */
export interface Escritor {
  fila(valores: Celda[]): Promise<void>;
  cerrar(): Promise<void>;
}

/** what makes a spreadsheet read a cell as a formula: =, +, -, @ (and their full-width forms) after any blanks, or a control character first */
const FORMULA = /^(\s*[=+\-@\uff1d\uff0b\uff0d\uff20]|[\t\r\n])/;

/**
 * A CSV text a spreadsheet would run as a formula is prefixed with an apostrophe: a customer's
 * name must never execute in the accountant's Excel. (XLSX needs no prefix: its text cells are
 * typed as text.)
 */
export function neutralizar(texto: string): string {
  return FORMULA.test(texto) ? `'${texto}` : texto;
}

/** Money as exact text with two decimals, computed on integer centavos. */
export function dinero(pesos: number): string {
  const c = aCentavos(pesos);
  const signo = c < 0 ? '-' : '';
  const abs = Math.abs(c);
  return `${signo}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

function texto(v: Celda): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (esDinero(v)) return dinero(v.dinero);
  if (typeof v === 'string') return neutralizar(v);
  return String(v);
}

/**
 * Waits until `s` takes more, or rejects (AbortError) once the export is cancelled: a client that
 * went away must not leave a writer waiting for a drain that never comes.
 * readable-stream 2 (archiver's) predates writableNeedDrain, hence the state fallback.
 */
async function cuandoDrene(s: Writable | undefined, senal: AbortSignal): Promise<void> {
  const estado = (s as { _writableState?: { needDrain?: boolean } } | undefined)?._writableState;
  if (s && (s.writableNeedDrain ?? estado?.needDrain)) await once(s, 'drain', { signal: senal });
}

/**
 * UTF-8 with BOM (Excel opens accents right), cells separated by ';' as Excel reads them with
 * Spanish (Colombia) settings, and every cell quoted: a ';', ',' or line break inside a field
 * stays inside its cell, so no text can start a new cell that a spreadsheet would run.
 */
export function escritorCsv(destino: Writable, encabezados: string[], senal: AbortSignal): Escritor {
  const csv = format({ headers: encabezados, writeBOM: true, delimiter: ';', quoteColumns: true, quoteHeaders: true });
  csv.pipe(destino);
  return {
    async fila(valores) {
      if (!csv.write(valores.map(texto))) await once(csv, 'drain', { signal: senal });
      await cuandoDrene(destino, senal);
    },
    async cerrar() {
      csv.end();
      await once(destino, 'finish', { signal: senal });
    },
  };
}

/**
 * Where the sheet's XML waits to be compressed: exceljs's StreamBuf pipes into archiver's input
 * stream and ignores what write() returns, and deflate only advances when the event loop turns,
 * so without waiting on it the whole uncompressed sheet piles up there. Internal to exceljs 4.x;
 * escritores.spec proves the bound still holds.
 */
function entradaZip(ws: unknown): Writable | undefined {
  return (ws as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
}

export function escritorXlsx(destino: Writable, encabezados: string[], hoja: string, senal: AbortSignal): Escritor {
  const libro = new stream.xlsx.WorkbookWriter({ stream: destino, useStyles: true, useSharedStrings: false });
  const ws = libro.addWorksheet(hoja, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cabecera = ws.addRow(encabezados);
  cabecera.font = { bold: true };
  cabecera.commit();
  return {
    async fila(valores) {
      // a string is written as a text cell (never a formula: those are exceljs's { formula } values), shown as typed
      const fila = ws.addRow(valores.map((v) => (v instanceof Date ? v.toISOString() : esDinero(v) ? aCentavos(v.dinero) / 100 : (v ?? null))));
      valores.forEach((v, i) => {
        if (esDinero(v)) fila.getCell(i + 1).numFmt = '#,##0.00';
        // '@' (Text): editing the cell in Excel keeps it text instead of evaluating it
        else if (typeof v === 'string') fila.getCell(i + 1).numFmt = '@';
      });
      fila.commit();
      await cuandoDrene(entradaZip(ws), senal);
      await cuandoDrene(destino, senal);
    },
    async cerrar() {
      ws.commit();
      await libro.commit();
    },
  };
}
