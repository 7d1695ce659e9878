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

/**
 * A text a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed
 * with an apostrophe: a customer's name must never execute in the accountant's Excel.
 */
export function neutralizar(texto: string): string {
  return /^[=+\-@\t\r]/.test(texto) ? `'${texto}` : texto;
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

export function escritorCsv(destino: Writable, encabezados: string[]): Escritor {
  // UTF-8 with BOM: Excel opens accents right; ';' would be locale-specific, ',' is the standard
  const csv = format({ headers: encabezados, writeBOM: true, quoteColumns: false });
  csv.pipe(destino);
  return {
    async fila(valores) {
      if (!csv.write(valores.map(texto))) await once(csv, 'drain');
      if (destino.writableNeedDrain) await once(destino, 'drain');
    },
    async cerrar() {
      csv.end();
      await once(destino, 'finish');
    },
  };
}

export function escritorXlsx(destino: Writable, encabezados: string[], hoja: string): Escritor {
  const libro = new stream.xlsx.WorkbookWriter({ stream: destino, useStyles: true, useSharedStrings: false });
  const ws = libro.addWorksheet(hoja, { views: [{ state: 'frozen', ySplit: 1 }] });
  const cabecera = ws.addRow(encabezados);
  cabecera.font = { bold: true };
  cabecera.commit();
  return {
    async fila(valores) {
      const fila = ws.addRow(valores.map((v) => (typeof v === 'string' ? neutralizar(v) : v instanceof Date ? v.toISOString() : esDinero(v) ? aCentavos(v.dinero) / 100 : (v ?? null))));
      valores.forEach((v, i) => {
        if (esDinero(v)) fila.getCell(i + 1).numFmt = '#,##0.00';
      });
      fila.commit();
      // exceljs writes without asking: wait here when the client reads slower than we write
      if (destino.writableNeedDrain) await once(destino, 'drain');
    },
    async cerrar() {
      ws.commit();
      await libro.commit();
    },
  };
}
