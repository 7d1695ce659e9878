import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { opcionesBaseDatos } from '../../src/database/data-source-options';

export type Motor = 'sqlite' | 'postgres';

const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BaseDePrueba {
  url: string;
  opciones: DataSourceOptions;
  eliminar(): Promise<void>;
}

/** A fresh, empty database per suite: a temp SQLite file, or a new PostgreSQL database. */
export async function baseDeDatosDePrueba(motor: Motor): Promise<BaseDePrueba> {
  if (motor === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'agente-'));
    const url = `sqlite:${join(dir, 'prueba.db')}`;
    return { url, opciones: opcionesBaseDatos(url), eliminar: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const nombre = `agente_prueba_${randomBytes(6).toString('hex')}`;
  await conAdmin((c) => c.query(`CREATE DATABASE ${nombre}`));
  const base = new URL(PG_ADMIN);
  base.pathname = `/${nombre}`;
  const url = base.toString();
  return {
    url,
    opciones: opcionesBaseDatos(url),
    eliminar: () => conAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${nombre} WITH (FORCE)`)),
  };
}

/** runs `fn` on a connection to the PostgreSQL server's admin database */
export async function conAdmin(fn: (c: Client) => Promise<unknown>): Promise<void> {
  const c = new Client({ connectionString: PG_ADMIN });
  await c.connect();
  try {
    await fn(c);
  } finally {
    await c.end();
  }
}
