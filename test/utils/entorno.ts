import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Motor } from './base-de-datos';

export const ADMIN = { email: 'admin@prueba.co', password: 'clave-de-prueba-123' };
const PG_ADMIN = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Runs before each e2e file is loaded (jest setupFiles): the app reads and validates its
 * environment when its module is imported, so each file gets a fresh database and data folder
 * here. The PostgreSQL database itself is created by crearApp().
 */
export function prepararEntorno(motor: Motor): void {
  // created by whoever writes there first, removed by crearApp().cerrar()
  const dataDir = join(tmpdir(), `agente-e2e-${randomBytes(6).toString('hex')}`);
  let url = `sqlite:${join(dataDir, 'agente.db')}`;
  if (motor === 'postgres') {
    const u = new URL(PG_ADMIN);
    u.pathname = `/agente_e2e_${randomBytes(6).toString('hex')}`;
    url = u.toString();
  }
  Object.assign(process.env, {
    TEST_DB: motor,
    NODE_ENV: 'test',
    DATABASE_URL: url,
    DATA_DIR: dataDir,
    EXPORTS_DIR: join(dataDir, 'exports'),
    SEED_DEMO: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    JWT_SECRET: randomBytes(32).toString('hex'),
    // provider retries wait a few ms, not the production backoff
    PROVEEDOR_REINTENTO_BASE_MS: '5',
  });
}
