import { randomBytes } from 'node:crypto';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configurarApp } from '../src/app.setup';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** With REDIS_URL the counters live in Redis: two replicas share them, a restart keeps them. */
describe(`chat rate limits in Redis (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let otra: NestExpressApplication;
  const prefijo = `prueba-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await crearApp({
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIJO: prefijo,
      LIMITE_CHAT_IP_MINUTO: '4',
      LIMITE_CHATS_NUEVOS_IP_HORA: '0',
    });
    const { AppModule } = await import('../src/app.module');
    otra = (await Test.createTestingModule({ imports: [AppModule] }).compile()).createNestApplication<NestExpressApplication>({
      bodyParser: false,
      logger: ['error'],
    });
    configurarApp(otra);
    await otra.init();
  });
  afterAll(async () => {
    await otra.close();
    await t.cerrar();
  });

  it('one address spread over two replicas is counted once, and 0 turns the new-chat limit off', async () => {
    const a = () => t.http().post('/chat/texto').set('X-Forwarded-For', '127.0.0.9').send({ mensaje: 'hola' });
    const b = () => request(otra.getHttpServer()).post('/chat/texto').set('X-Forwarded-For', '127.0.0.9').send({ mensaje: 'hola' });
    await a().expect(200);
    await b().expect(200);
    await a().expect(200);
    await b().expect(200);
    const r = await a();
    expect(r.status).toBe(429);
    expect(r.headers['retry-after']).toBeDefined();
    expect((await b()).status).toBe(429);
    await t.reiniciar();
    expect((await a()).status).toBe(429);
  });
});
