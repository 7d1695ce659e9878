import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { defaults as pgDefaults, types as pgTypes } from 'pg';
import * as sqlite3 from 'sqlite3';
import { DataSourceOptions } from 'typeorm';
import { MIGRACIONES } from '../../migrations';
import { ENTIDADES } from './entidades';

// Timestamps are UTC on both engines: PostgreSQL "timestamp" columns carry no zone, so dates are
// written and read as UTC whatever the server's or the Node process's local zone is.
pgDefaults.parseInputDatesAsUTC = true;
pgTypes.setTypeParser(pgTypes.builtins.TIMESTAMP, (v) => new Date(`${v.replace(' ', 'T')}Z`));

/**
 * TypeORM calls sqlite3's verbose() unconditionally: every query then builds an Error and an
 * inspected copy of its arguments, and that Error pins the caller's async frame (with the rows
 * it holds) across the I/O wait, so a 100,000-row export promoted every page into the old
 * generation. This driver is sqlite3 itself, with verbose() a no-op.
 */
const sqliteSinTrazas = { ...sqlite3, verbose: () => sqliteSinTrazas };

/**
 * One place turns DATABASE_URL into TypeORM options, shared by the app, the TypeORM CLI
 * (ormconfig.ts) and the tests, so the three can never drift apart.
 */
export function opcionesBaseDatos(url: string): DataSourceOptions {
  const comun = { entities: ENTIDADES, migrations: MIGRACIONES, synchronize: false, logging: false } as const;
  if (url.startsWith('sqlite:')) {
    const archivo = url.slice('sqlite:'.length);
    if (archivo !== ':memory:') mkdirSync(dirname(resolve(archivo)), { recursive: true });
    // WAL lets readers go on while an order is being written.
    return { ...comun, type: 'sqlite', driver: sqliteSinTrazas, database: archivo, enableWAL: archivo !== ':memory:' };
  }
  return { ...comun, type: 'postgres', url, poolSize: 10, extra: { options: '-c timezone=UTC' } };
}
