import { HttpStatus, NotFoundException, PayloadTooLargeException } from '@nestjs/common';
import { ArgumentsHost } from '@nestjs/common';
import { Codigo, codigoDeStatus, ErrorDominio, esError, ocupado, STATUS_DE } from './errores';
import { CuerpoError, ErroresFilter } from './filters/errores.filter';

/** runs the filter on one error and returns the body and headers it sends */
function responder(e: unknown, cabeceras: Record<string, string> = {}) {
  const enviados: { status?: number; cuerpo?: CuerpoError; cabeceras: Record<string, string> } = { cabeceras: {} };
  const res = {
    headersSent: false,
    setHeader: (k: string, v: string) => (enviados.cabeceras[k.toLowerCase()] = v),
    status(s: number) {
      enviados.status = s;
      return this;
    },
    json: (c: CuerpoError) => (enviados.cuerpo = c),
  };
  const req = { method: 'GET', url: '/x', headers: cabeceras };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new ErroresFilter().catch(e, host);
  return enviados;
}

describe('coded errors', () => {
  it('every code has a status, and domain errors take theirs from the one map', () => {
    for (const codigo of Object.values(Codigo)) expect(STATUS_DE[codigo]).toBeGreaterThanOrEqual(400);
    expect(new ErrorDominio(Codigo.SIN_STOCK, 'x').getStatus()).toBe(HttpStatus.CONFLICT);
    expect(new ErrorDominio(Codigo.VALIDACION, 'x').getStatus()).toBe(HttpStatus.BAD_REQUEST);
  });

  it('callers recognise an error by its code', () => {
    const e: unknown = new ErrorDominio(Codigo.SIN_STOCK, 'agotado', { producto_id: 1 });
    expect(esError(e, Codigo.SIN_STOCK)).toBe(true);
    expect(esError(e, Codigo.CONFLICTO)).toBe(false);
    expect(esError(new Error('x'), Codigo.SIN_STOCK)).toBe(false);
  });

  it('the body carries codigo and request_id beside statusCode, error, message and details', () => {
    const r = responder(new ErrorDominio(Codigo.SIN_STOCK, 'Solo hay 1', { producto_id: 7 }), { 'x-request-id': 'abc-1' });
    expect(r.status).toBe(409);
    expect(r.cuerpo).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'Solo hay 1',
      codigo: 'SIN_STOCK',
      request_id: 'abc-1',
      details: { producto_id: 7 },
    });
  });

  it("Nest's own exceptions, middleware errors and the unexpected get the code of their kind", () => {
    expect(responder(new NotFoundException('Cannot GET /nada')).cuerpo?.codigo).toBe(Codigo.RUTA_INEXISTENTE);
    expect(responder(new PayloadTooLargeException()).cuerpo?.codigo).toBe(Codigo.DEMASIADO_GRANDE);
    expect(responder({ type: 'entity.too.large', status: 413 }).cuerpo).toMatchObject({ statusCode: 413, codigo: Codigo.DEMASIADO_GRANDE });
    const interno = responder(new Error('secreto en la pila'));
    expect(interno.cuerpo).toMatchObject({ statusCode: 500, codigo: Codigo.INTERNO, message: 'Error interno del servidor' });
    expect(interno.cuerpo?.request_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(interno.cabeceras['x-request-id']).toBe(interno.cuerpo?.request_id);
  });

  it('a retryable error sends Retry-After', () => {
    const r = responder(ocupado('ocupado', 3));
    expect(r.cuerpo).toMatchObject({ statusCode: 503, codigo: Codigo.OCUPADO, details: { reintentar_en_s: 3 } });
    expect(r.cabeceras['retry-after']).toBe('3');
  });

  it('a status without a code of its own maps to its generic code', () => {
    expect(codigoDeStatus(418)).toBe(Codigo.PETICION_INVALIDA);
    expect(codigoDeStatus(502)).toBe(Codigo.INTERNO);
    expect(codigoDeStatus(429)).toBe(Codigo.DEMASIADAS_PETICIONES);
  });
});
