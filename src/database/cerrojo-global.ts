import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';

/** a stable 63-bit key for pg_advisory_lock from a task's name */
function llave(nombre: string): string {
  return BigInt.asIntN(64, createHash('sha256').update(`agente-vendedor:${nombre}`).digest().readBigInt64BE()).toString();
}

/**
 * A PostgreSQL session advisory lock held on a connection of its own while fn runs: replicas
 * started together run migrations, the seed and the first admin one after another instead of
 * colliding. SQLite is single-instance, so there it simply runs fn.
 */
export async function conCerrojoGlobal<T>(ds: DataSource, nombre: string, fn: () => Promise<T>): Promise<T> {
  if (ds.options.type !== 'postgres') return fn();
  const qr = ds.createQueryRunner();
  await qr.connect();
  try {
    await qr.query('SELECT pg_advisory_lock($1)', [llave(nombre)]);
    try {
      return await fn();
    } finally {
      await qr.query('SELECT pg_advisory_unlock($1)', [llave(nombre)]);
    }
  } finally {
    await qr.release();
  }
}
