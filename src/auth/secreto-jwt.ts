import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Outside production the JWT secret may be left unset: one is generated on first start and kept
 * in the data folder, so tokens survive restarts without anyone inventing a secret by hand.
 */
export function secretoJwt(dataDir: string): string {
  const archivo = join(dataDir, 'jwt-secret');
  if (existsSync(archivo)) return readFileSync(archivo, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secreto = randomBytes(48).toString('base64url');
  writeFileSync(archivo, secreto, { mode: 0o600 });
  return secreto;
}
