import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Outside production a secret (the JWT's, the sales pseudonym's) may be left unset: one is
 * generated on first start and kept in the data folder, so it survives restarts without anyone
 * inventing a secret by hand. Production requires it in the environment (env.validation.ts).
 */
export function secretoGenerado(dataDir: string, nombre: 'jwt-secret' | 'seudonimo-secret'): string {
  const archivo = join(dataDir, nombre);
  if (existsSync(archivo)) return readFileSync(archivo, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secreto = randomBytes(48).toString('base64url');
  writeFileSync(archivo, secreto, { mode: 0o600 });
  return secreto;
}
