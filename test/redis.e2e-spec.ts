import { randomBytes } from 'node:crypto';
import { REDIS } from '../src/redis/redis.module';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** The shared Redis connection: one per process, reported in readiness, closed with the app. */
describe('Redis (REDIS_URL)', () => {
  let t: AppDePrueba;
  const prefijo = `prueba-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await crearApp({ REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', REDIS_PREFIJO: prefijo, INSTANCIA_ID: 'replica-a' });
  });
  afterAll(() => t.cerrar());

  it('/health/ready names the instance and reports Redis up', async () => {
    const r = await t.http().get('/health/ready').expect(200);
    expect(r.body.info).toMatchObject({
      instancia: { status: 'up', id: 'replica-a' },
      redis: { status: 'up', configurado: true },
    });
  });

  it('the connection is shared and works', async () => {
    const redis = t.app.get(REDIS);
    await redis.set(`${prefijo}eco`, 'hola', 'EX', 30);
    expect(await redis.get(`${prefijo}eco`)).toBe('hola');
    await redis.del(`${prefijo}eco`);
  });
});
