import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Codigo, ErrorDominio } from './errores';

export type Acceso = 'publico' | 'token' | 'cerrado';

/**
 * Security headers (helmet) for every answer: a CSP without inline script (the panel is ES
 * modules from /panel/js), no framing anywhere, nosniff, no referrer. Swagger UI's page at /docs
 * brings inline styles of its own, so only there styles may be inline.
 */
export function cabecerasSeguridad() {
  const base = {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
  const general = helmet({ contentSecurityPolicy: { useDefaults: false, directives: base }, referrerPolicy: { policy: 'no-referrer' } });
  const docs = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { ...base, styleSrc: ["'self'", "'unsafe-inline'"] } },
    referrerPolicy: { policy: 'no-referrer' },
  });
  return (req: Request, res: Response, next: NextFunction) => (req.path.startsWith('/docs') ? docs : general)(req, res, next);
}

const iguales = (dado: string | undefined, esperado: string | undefined): boolean => {
  const a = Buffer.from(dado ?? '');
  const b = Buffer.from(esperado ?? '');
  return b.length > 0 && a.length === b.length && timingSafeEqual(a, b);
};

const galleta = (req: Request, nombre: string): string | undefined =>
  String(req.headers.cookie ?? '')
    .split(';')
    .map((c) => c.trim().split('='))
    .find(([k]) => k === nombre)?.[1];

/**
 * `/docs` and `/metrics` as configured: open, behind a token, or closed (404, as if they did not
 * exist). The token comes as `Authorization: Bearer <token>`; a browser opens `/docs?token=…`
 * once and gets an HttpOnly cookie, so Swagger UI's own files and `/docs-json` load after it.
 */
export function exposicion(acceso: Acceso, token: string | undefined, que: string, nombreGalleta: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (acceso === 'publico') return next();
    if (acceso === 'cerrado') return next(new ErrorDominio(Codigo.RUTA_INEXISTENTE, `Cannot ${req.method} ${req.originalUrl.split('?')[0]}`));
    const [tipo, valor] = String(req.headers.authorization ?? '').split(' ');
    if ((tipo === 'Bearer' && iguales(valor, token)) || iguales(galleta(req, nombreGalleta), token)) return next();
    if (typeof req.query.token === 'string' && iguales(req.query.token, token)) {
      res.cookie(nombreGalleta, token, { httpOnly: true, sameSite: 'strict', path: '/', secure: req.secure });
      return next();
    }
    next(new ErrorDominio(Codigo.NO_AUTENTICADO, `${que} necesita su token (Authorization: Bearer …)`));
  };
}
