import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`salud y documentación (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp()));
  afterAll(() => t.cerrar());

  it('liveness and readiness are public and report the database and migrations', async () => {
    await t.http().get('/health').expect(200, { status: 'ok' });
    const listo = await t.http().get('/health/ready').expect(200);
    expect(listo.body).toMatchObject({ status: 'ok', info: { base_de_datos: { status: 'up' }, migraciones: { status: 'up', motor: t.motor } } });
  });

  it('serves Swagger with every staff path, its schemas, bearer auth and error answers', async () => {
    await t.http().get('/docs').expect(200).expect('Content-Type', /html/);
    const { body: doc } = await t.http().get('/docs-json').expect(200);
    for (const ruta of [
      '/productos/productos',
      '/productos/productos/{id}',
      '/clientes',
      '/clientes/{cedula}',
      '/clientes/buscar',
      '/clientes/{cedula}/historial',
      '/pedidos',
      '/pedidos/{id}',
      '/pedidos/{id}/estado',
      '/venta/ventas',
      '/auth/login',
      '/auth/register',
      '/auth/me',
      '/health',
      '/health/ready',
      '/chat/texto',
      '/chat/audio',
      '/chat/imagen',
      '/chat/historial/{chat_id}',
      '/chat/{chat_id}/pausar',
      '/chat/{chat_id}/reanudar',
      '/chat/{chat_id}/responder',
      '/productos/buscar',
      '/productos/importar',
      '/exportar/{recurso}',
      '/admin/empresa',
      '/admin/estadisticas',
      '/admin/productos/sincronizar',
      '/logs/metrics/uso',
      '/metrics',
    ]) {
      expect(Object.keys(doc.paths)).toContain(ruta);
    }
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    const crear = doc.paths['/pedidos'].post;
    expect(crear.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(crear.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409', '422']));
    expect(doc.components.schemas.CrearProductoDto.properties.precio).toMatchObject({ type: 'number', example: 85000 });
    expect(doc.components.schemas.ErrorDto.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'codigo', 'request_id']));
    expect(doc.components.schemas.Codigo.enum).toEqual(expect.arrayContaining(['VALIDACION', 'NO_ENCONTRADO', 'SIN_STOCK', 'RUTA_INEXISTENTE']));
  });

  it("every request carries an id, the caller's or a new one", async () => {
    expect((await t.http().get('/health').expect(200)).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect((await t.http().get('/health').set('X-Request-Id', 'soporte-123').expect(200)).headers['x-request-id']).toBe('soporte-123');
  });

  it('GET /metrics speaks the Prometheus text format', async () => {
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id: 'metricas-1' }).expect(200);
    const r = await t.http().get('/metrics').expect(200);
    expect(r.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    expect(r.text).toContain('# TYPE agente_eventos_total counter');
    expect(r.text).toMatch(/^agente_eventos_total\{instancia="[^"]+",evento="turnos"\} [1-9]\d*$/m);
    const rss = Number(/^process_resident_memory_bytes\{instancia="[^"]+"\} (\d+)$/m.exec(r.text)?.[1]);
    expect(rss).toBeGreaterThan(Number(/^nodejs_heap_size_used_bytes\{instancia="[^"]+"\} (\d+)$/m.exec(r.text)?.[1]));
  });

  it('unknown routes answer the error shape with 404', async () => {
    const r = await t.http().get('/no-existe').set('X-Request-Id', 'caso-404').expect(404);
    expect(r.body).toMatchObject({ statusCode: 404, error: 'Not Found', codigo: 'RUTA_INEXISTENTE', request_id: 'caso-404' });
  });

  // last: it closes this file's database connection
  it('readiness is 503 when the database is gone', async () => {
    await t.ds.destroy();
    const r = await t.http().get('/health/ready').expect(503);
    expect(r.body).toMatchObject({
      statusCode: 503,
      error: 'Service Unavailable',
      codigo: 'NO_DISPONIBLE',
      details: { base_de_datos: { status: 'down' }, migraciones: { status: 'down' } },
    });
  });
});
