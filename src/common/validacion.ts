import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { Codigo, ErrorDominio } from './errores';

/** field → its messages, nested fields as "items.0.cantidad" */
function aplanar(errores: ValidationError[], prefijo = ''): Record<string, string[]> {
  const salida: Record<string, string[]> = {};
  for (const e of errores) {
    const campo = prefijo ? `${prefijo}.${e.property}` : e.property;
    if (e.constraints) salida[campo] = Object.values(e.constraints);
    Object.assign(salida, aplanar(e.children ?? [], campo));
  }
  return salida;
}

/** whitelist + forbid unknown fields + transform, and errors keyed by field in `details` */
export function crearValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errores) => {
      const details = aplanar(errores);
      return new ErrorDominio(Codigo.VALIDACION, `Datos inválidos: ${Object.keys(details).join(', ')}`, details);
    },
  });
}

/** the file uploaded in a multipart field, or 400 when it is missing or empty */
export function archivoExigido(archivo: Express.Multer.File | undefined, campo: string): Express.Multer.File {
  if (!archivo?.buffer?.length) throw new BadRequestException(`Falta el archivo en el campo "${campo}"`);
  return archivo;
}
