import { GUIONES } from './fixtures/conversaciones';
import { conversar } from './utils/conversar';
import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`agente: ${GUIONES.length} conversaciones por HTTP con el proveedor local (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  it.each(GUIONES.map((g, i) => [g.nombre, g, `conv-${i}`] as const))('%s', (_, guion, chatId) => conversar(t, guion, chatId));
});
