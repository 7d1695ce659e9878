import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Mutex } from 'redis-semaphore';
import { CerrojoRedis } from '../src/chat/cerrojo';
import { REDIS } from '../src/redis/redis.module';
import { CanalesService } from '../src/chat/canales.service';
import { AppDePrueba, crearApp } from './utils/crear-app';
import { tardaHasta } from './utils/esperar';

/** The shared Redis connection: one per process, reported in readiness, closed with the app. */
describe('Redis (REDIS_URL)', () => {
  let t: AppDePrueba;
  const prefijo = `prueba-${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    t = await crearApp({
      REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
      REDIS_PREFIJO: prefijo,
      INSTANCIA_ID: 'replica-a',
      CERROJO_ESPERA_MS: '400',
    });
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

  it('two replicas (two connections) never run turns of one chat at the same time', async () => {
    const otra = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379');
    try {
      const replicas = [new CerrojoRedis(t.app.get(REDIS), prefijo, 5000), new CerrojoRedis(otra, prefijo, 5000)];
      let dentro = 0;
      let maximo = 0;
      const orden: number[] = [];
      const turno = (i: number) => async () => {
        dentro++;
        maximo = Math.max(maximo, dentro);
        await new Promise((r) => setImmediate(r));
        await t.app.get<Redis>(REDIS).ping();
        orden.push(i);
        dentro--;
        return i;
      };
      const resultados = await Promise.all(Array.from({ length: 12 }, (_, i) => replicas[i % 2].ejecutar('chat-1', turno(i))));
      expect(resultados).toEqual(Array.from({ length: 12 }, (_, i) => i));
      expect(maximo).toBe(1);
      expect(orden).toHaveLength(12);
    } finally {
      otra.disconnect();
    }
  });

  it('a chat whose turn is held elsewhere answers 503 with Retry-After after the bounded wait', async () => {
    const ajeno = new Mutex(t.app.get(REDIS), `${prefijo}cerrojo:chat:ocupado-1`, { lockTimeout: 10000, refreshInterval: 0 });
    await ajeno.acquire();
    try {
      const r = await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id: 'ocupado-1' }).expect(503);
      expect(r.headers['retry-after']).toBe('1');
      expect(r.body).toMatchObject({ statusCode: 503, details: { reintentar_en_s: 1 } });
    } finally {
      await ajeno.release();
    }
    await t.http().post('/chat/texto').set(t.integracion).send({ mensaje: 'hola', chat_id: 'ocupado-1' }).expect(200);
  });

  it('messages to a channel go through the durable queue: retried with backoff, one delivery per id', async () => {
    const canales = t.app.get(CanalesService);
    const entregados: string[] = [];
    let fallos = 2;
    canales.registrar('prueba', {
      enviar: async (chatId, texto) => {
        if (fallos-- > 0) throw new Error('el canal no responde');
        entregados.push(`${chatId}:${texto}`);
      },
    });
    const id = `prueba:${randomBytes(4).toString('hex')}`;
    expect(await canales.enviar('prueba', 'c1', 'hola', id)).toBe(true);
    expect(await canales.enviar('prueba', 'c1', 'hola', id)).toBe(true); // a retried request: same id
    await tardaHasta(async () => entregados.length > 0, 5000, 'entregado tras dos fallos');
    expect(await canales.enviar('prueba', 'c1', 'hola', id)).toBe(true);
    expect(await canales.enviar('prueba', 'c1', 'otro', `${id}-2`)).toBe(true);
    await tardaHasta(async () => entregados.length > 1, 5000, 'segundo mensaje');
    expect(entregados).toEqual(['c1:hola', 'c1:otro']);
    expect(await canales.enviar('sin-canal', 'c1', 'hola')).toBe(false);
  });
});
