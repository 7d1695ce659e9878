import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { Rol } from './usuario.entity';

/** bcrypt reads only the first 72 bytes: a longer password would be silently truncated */
export const BYTES_MAXIMOS_CLAVE = 72;
export const LARGO_MINIMO: Record<Rol, number> = { admin: 12, operador: 8 };

let estimador: ZxcvbnFactory | undefined;

/** zxcvbn with the common-password lists and Spanish words, loaded the first time it is needed */
function zxcvbn(): ZxcvbnFactory {
  if (!estimador) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily: the dictionaries weigh several MB
    const { ZxcvbnFactory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const comun = require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const es = require('@zxcvbn-ts/language-es-es') as typeof import('@zxcvbn-ts/language-es-es');
    estimador = new ZxcvbnFactory({ dictionary: { ...comun.dictionary, ...es.dictionary }, graphs: comun.adjacencyGraphs });
  }
  return estimador;
}

/**
 * Why a password may not be used, or undefined: at least 12 characters for admins (8 for
 * operators), at most 72 bytes (refused, never truncated), and not a common or guessable one
 * (zxcvbn score below 2, also counting the account's own e-mail and name).
 */
export function motivoClaveDebil(password: string, rol: Rol, propios: string[] = []): string | undefined {
  if ([...password].length < LARGO_MINIMO[rol]) return `la contraseña de un ${rol} debe tener al menos ${LARGO_MINIMO[rol]} caracteres`;
  if (Buffer.byteLength(password, 'utf8') > BYTES_MAXIMOS_CLAVE)
    return `la contraseña no puede pasar de ${BYTES_MAXIMOS_CLAVE} bytes (unos 72 caracteres sin tildes)`;
  const entradas = [...propios, ...propios.flatMap((p) => p.split(/[@.\s]+/)), 'agente', 'vendedor', 'admin', 'administrador'].filter((p) => p.length >= 3);
  if (zxcvbn().check(password, entradas).score < 2) return 'la contraseña es demasiado común o fácil de adivinar: usa una frase de varias palabras';
  return undefined;
}
