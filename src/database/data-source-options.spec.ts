import * as sqlite3 from 'sqlite3';
import { DataSource } from 'typeorm';
import { opcionesBaseDatos } from './data-source-options';

describe('opcionesBaseDatos', () => {
  it('opens SQLite without sqlite3 verbose mode (a stack trace per query, pinning each page of rows)', async () => {
    const all = sqlite3.Database.prototype.all;
    const ds = await new DataSource(opcionesBaseDatos('sqlite::memory:')).initialize();
    try {
      expect(await ds.query('SELECT 1 AS uno')).toEqual([{ uno: 1 }]);
      expect(sqlite3.Database.prototype.all).toBe(all);
    } finally {
      await ds.destroy();
    }
  });
});
