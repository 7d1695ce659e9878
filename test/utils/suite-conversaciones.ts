import { GUIONES } from '../fixtures/conversaciones';
import { conversar } from './conversar';
import { AppDePrueba, crearApp } from './crear-app';

/**
 * The whole scripted conversation suite against the real app, with the language provider
 * that `entorno` configures (and whatever fake server it needs, started by `preparar`).
 */
export function suiteConversaciones(
  proveedor: string,
  preparar: () => Promise<{ entorno: Record<string, string>; cerrar: () => Promise<void> }> = async () => ({ entorno: {}, cerrar: async () => {} }),
) {
  describe(`agente: ${GUIONES.length} conversaciones por HTTP, proveedor ${proveedor} (${process.env.TEST_DB})`, () => {
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

    it.each(GUIONES.map((g, i) => [g.nombre, g, `${proveedor}-${i}`] as const))('%s', (_, guion, chatId) => conversar(t, guion, chatId));

    it('every answer names who understood and who wrote it', async () => {
      const r = await t.http().get(`/chat/historial/${proveedor}-0`).set(t.admin).expect(200);
      const agente = r.body.items.filter((m: { remitente: string }) => m.remitente === 'agente');
      expect(agente.length).toBeGreaterThan(0);
      for (const m of agente) expect(m.metadatos.interprete).toEqual(proveedor === 'local' ? 'local' : expect.stringMatching(new RegExp(`^${proveedor}:`)));
    });
  });
}
