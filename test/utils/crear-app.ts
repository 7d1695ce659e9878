import { Test } from '@nestjs/testing';
import { NestExpressApplication } from '@nestjs/platform-express';
import { rmSync } from 'node:fs';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { configurarApp } from '../../src/app.setup';
import { conAdmin } from './base-de-datos';
import { ADMIN } from './entorno';

export interface AppDePrueba {
  app: NestExpressApplication;
  http: () => ReturnType<typeof request>;
  /** Authorization header of the seeded admin */
  admin: { Authorization: string };
  /**
   * X-Api-Key of an integration key: a test that picks its own chat ids talks as a
   * server-to-server integration (a public client gets its id and X-Chat-Token: test/utils/chat.ts)
   */
  integracion: { 'X-Api-Key': string };
  ds: DataSource;
  motor: string;
  /** a process restart: the app closes and boots again on the same database and data folder */
  reiniciar(): Promise<void>;
  cerrar(): Promise<void>;
}

/**
 * The real app (same module, same setup as main.ts) on the database prepared for this file.
 * `entorno` adds variables for this file: the app reads its configuration when its module is
 * first loaded, so only a file's first call can change it.
 */
export async function crearApp(entorno: Record<string, string> = {}): Promise<AppDePrueba> {
  Object.assign(process.env, entorno);
  const { AppModule } = await import('../../src/app.module');
  const motor = process.env.TEST_DB!;
  const nombrePg = motor === 'postgres' ? new URL(process.env.DATABASE_URL!).pathname.slice(1) : null;
  if (nombrePg) await conAdmin((c) => c.query(`CREATE DATABASE ${nombrePg}`));

  const iniciar = async () => {
    const modulo = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = modulo.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: ['error'] });
    configurarApp(app);
    await app.init();
    return app;
  };
  const prueba: AppDePrueba = {
    app: await iniciar(),
    http: () => request(prueba.app.getHttpServer()),
    admin: { Authorization: '' },
    integracion: { 'X-Api-Key': '' },
    get ds() {
      return prueba.app.get(DataSource);
    },
    motor,
    reiniciar: async () => {
      await prueba.app.close();
      prueba.app = await iniciar();
    },
    cerrar: async () => {
      await prueba.app.close();
      if (nombrePg) await conAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${nombrePg} WITH (FORCE)`));
      rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
    },
  };
  // a file that tests the very first account starts with none (ADMIN_EMAIL empty)
  if (process.env.ADMIN_EMAIL === '') return prueba;
  const login = await prueba.http().post('/auth/login').send(ADMIN).expect(200);
  prueba.admin = { Authorization: `Bearer ${login.body.access_token}` };
  const clave = await prueba.http().post('/integraciones').set(prueba.admin).send({ nombre: 'pruebas' }).expect(201);
  prueba.integracion = { 'X-Api-Key': clave.body.clave };
  return prueba;
}

/** How a suite picks its language provider: the variables that choose it, and how to stop its fake server. */
export type PrepararProveedor = () => Promise<{ entorno: Record<string, string>; cerrar: () => Promise<void> }>;

/**
 * For the enclosing describe: the demo shop, booted before its tests with the provider `preparar`
 * sets up (offline when none), closed after them and then the provider stopped. Call the result
 * inside a test for the app.
 */
export function demoConProveedor(preparar: PrepararProveedor = async () => ({ entorno: {}, cerrar: async () => {} })): () => AppDePrueba {
  let t: AppDePrueba;
  let cerrarProveedor: () => Promise<void>;
  beforeAll(async () => {
    const p = await preparar();
    cerrarProveedor = p.cerrar;
    t = await crearApp({ SEED_DEMO: 'true', ...p.entorno });
  });
  afterAll(async () => {
    await t.cerrar();
    await cerrarProveedor();
  });
  return () => t;
}
