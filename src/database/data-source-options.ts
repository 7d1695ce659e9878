import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { MIGRACIONES } from '../../migrations';
import { ENTIDADES } from './entidades';

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
    return { ...comun, type: 'sqlite', database: archivo, enableWAL: archivo !== ':memory:' };
  }
  return { ...comun, type: 'postgres', url, poolSize: 10 };
}
