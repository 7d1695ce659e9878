import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** a random secret that is unguessable as it is, so a plain SHA-256 is enough to store it */
export function nuevoSecreto(prefijo = ''): string {
  return `${prefijo}${randomBytes(24).toString('base64url')}`;
}

export function hashSecreto(secreto: string): string {
  return createHash('sha256').update(secreto).digest('hex');
}

/** compares a presented secret with a stored hash in constant time */
export function coincide(secreto: string, hash: string | null | undefined): boolean {
  if (!hash) return false;
  const a = Buffer.from(hashSecreto(secreto), 'hex');
  const b = Buffer.from(hash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
