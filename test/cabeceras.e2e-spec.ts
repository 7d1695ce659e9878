import { AppDePrueba, crearApp } from './utils/crear-app';

/** Issue 12 §9: security headers, and /docs and /metrics closable or behind a token. */
describe(`headers and exposure (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  const TOKEN_DOCS = 'token-de-la-documentacion-123';

  beforeAll(async () => {
    t = await crearApp({ DOCS_ACCESO: 'token', DOCS_TOKEN: TOKEN_DOCS, METRICS_ACCESO: 'cerrado' });
  });
  afterAll(() => t.cerrar());

  it('every answer carries a CSP without inline script, no framing, nosniff and no referrer', async () => {
    for (const ruta of ['/panel/', '/health', '/chat/conversaciones']) {
      const r = await t.http().get(ruta);
      const csp = r.headers['content-security-policy'];
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).toContain("frame-ancestors 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
      expect(r.headers['x-powered-by']).toBeUndefined();
    }
  });

  it('the panel page has no inline script', async () => {
    const html = (await t.http().get('/panel/').expect(200)).text;
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(m[1]).toMatch(/src=/);
      expect(m[2].trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  it('/docs behind a token: refused without it, served with it (header or ?token=)', async () => {
    const sin = await t.http().get('/docs-json').expect(401);
    expect(sin.body.codigo).toBe('NO_AUTENTICADO');
    await t.http().get('/docs-json').set('Authorization', 'Bearer otro-token-cualquiera-1').expect(401);
    await t.http().get('/docs-json').set('Authorization', `Bearer ${TOKEN_DOCS}`).expect(200);
    const pagina = await t.http().get('/docs').query({ token: TOKEN_DOCS });
    expect(pagina.status).toBeLessThan(400);
    // the browser then loads Swagger UI's files and the document with the cookie it was given
    const galleta = String(pagina.headers['set-cookie']);
    expect(galleta).toMatch(/acceso_docs=.*HttpOnly/i);
    await t.http().get('/docs-json').set('Cookie', galleta.split(';')[0]).expect(200);
    const ui = await t.http().get('/docs/swagger-ui-init.js').set('Cookie', galleta.split(';')[0]);
    expect(ui.status).toBe(200);
  });

  it('/metrics closed: 404 as if absent', async () => {
    const r = await t.http().get('/metrics').expect(404);
    expect(r.body.codigo).toBe('RUTA_INEXISTENTE');
  });
});
