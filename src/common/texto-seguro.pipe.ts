import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { Codigo, ErrorDominio } from './errores';

/**
 * Every string of a request (body, query, path) before validation: a NUL character is refused
 * (PostgreSQL cannot store it, and no customer types one), and lone UTF-16 surrogates become
 * U+FFFD, so both engines store the same well-formed text.
 */
@Injectable()
export class TextoSeguroPipe implements PipeTransform {
  transform(valor: unknown, meta: ArgumentMetadata): unknown {
    if (meta.type === 'custom') return valor;
    return limpiar(valor, meta.data ?? meta.type);
  }
}

/** a high surrogate not followed by a low one, or a low one not preceded by a high one */
const SUELTO = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

function limpiar(valor: unknown, campo: string): unknown {
  if (typeof valor === 'string') {
    if (valor.includes('\u0000')) throw new ErrorDominio(Codigo.VALIDACION, `Datos inválidos: ${campo}`, { [campo]: ['no puede contener el carácter NUL'] });
    return valor.replace(SUELTO, '\ufffd');
  }
  if (Array.isArray(valor)) return valor.map((v, i) => limpiar(v, `${campo}.${i}`));
  if (valor && typeof valor === 'object' && !Buffer.isBuffer(valor)) {
    for (const [k, v] of Object.entries(valor)) (valor as Record<string, unknown>)[k] = limpiar(v, k);
  }
  return valor;
}
