import { randomBytes } from 'node:crypto';
import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { configurarApp } from '../src/app.setup';
import { CambiosService } from '../src/retrieval/cambios.service';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { tardaHasta } from './utils/esperar';

/** Two apps in one process on one PostgreSQL database and one Redis: two replicas (PostgreSQL only; SQLite is single-instance). */
describe('two replicas in one process (REDIS_URL)', () => {
  let t: AppDePrueba;
  let otra: NestExpressApplication;

  beforeAll(async () => {
    t = await crearApp({
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIJO: `prueba-${randomBytes(4).toString('hex')}:`,
      INSTANCIA_ID: 'replica-a',
    });
    const modulo = await Test.createTestingModule({ imports: [(await import('../src/app.module')).AppModule] }).compile();
    otra = modulo.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
    configurarApp(otra);
    await otra.init();
  });
  afterAll(async () => {
    await otra?.close();
    await t.cerrar();
  });

  it('a product created, edited and deactivated on one replica is followed by the other within a second', async () => {
    const buscaEnOtra = async (q: string) =>
      (
        await request(otra.getHttpServer())
          .get(`/productos/buscar?q=${encodeURIComponent(q)}`)
          .set(t.admin)
          .expect(200)
      ).body.resultados.map((r: { producto: { sku: string } }) => r.producto.sku) as string[];
    const creado = await t
      .http()
      .post('/productos/productos')
      .set(t.admin)
      .send({ sku: 'REP-1', nombre: 'Zapapico forjado', descripcion: 'herramienta de excavación', precio: 52000, stock: 4, categoria: 'herramientas' })
      .expect(201);
    expect(await tardaHasta(async () => (await buscaEnOtra('zapapico')).includes('REP-1'), 1000, 'creado')).toBeLessThan(1000);
    await t.http().put(`/productos/productos/${creado.body.id}`).set(t.admin).send({ nombre: 'Barreton forjado' }).expect(200);
    await tardaHasta(async () => (await buscaEnOtra('barreton')).includes('REP-1'), 1000, 'editado');
    await t.http().delete(`/productos/productos/${creado.body.id}`).set(t.admin).expect(200);
    await tardaHasta(async () => !(await buscaEnOtra('barreton')).includes('REP-1'), 1000, 'desactivado');
    expect(await otra.get(CambiosService).estado()).toMatchObject({ pendientes: 0, suscrito: true });
  });

  it('an integration key the other replica has verified (and keeps in memory) stops working there once revoked here', async () => {
    const { id, clave } = (await t.http().post('/integraciones').set(t.admin).send({ nombre: 'Pasarela' }).expect(201)).body;
    const turnoEnOtra = () => request(otra.getHttpServer()).post('/chat/texto').set('X-Api-Key', clave).send({ mensaje: 'hola', chat_id: 'pasarela:1' });
    await turnoEnOtra().expect(200);
    await turnoEnOtra().expect(200);
    await t.http().delete(`/integraciones/${id}`).set(t.admin).expect(200);
    await tardaHasta(async () => (await turnoEnOtra()).status === 401, 1000, 'revocada en la otra réplica');
  });
});
