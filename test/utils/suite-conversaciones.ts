import { GUIONES } from '../fixtures/conversaciones';
import { conversar } from './conversar';
import { demoConProveedor, PrepararProveedor } from './crear-app';

/**
 * The whole scripted conversation suite against the real app, with the language provider
 * that `entorno` configures (and whatever fake server it needs, started by `preparar`).
 */
export function suiteConversaciones(proveedor: string, preparar?: PrepararProveedor) {
  describe(`agente: ${GUIONES.length} conversaciones por HTTP, proveedor ${proveedor} (${process.env.TEST_DB})`, () => {
    const t = demoConProveedor(preparar);

    it.each(GUIONES.map((g, i) => [g.nombre, g, `${proveedor}-${i}`] as const))('%s', (_, guion, chatId) => conversar(t(), guion, chatId));

    it('every answer names who understood and who wrote it', async () => {
      const r = await t().http().get(`/chat/historial/${proveedor}-0`).set(t().admin).expect(200);
      const agente = r.body.items.filter((m: { remitente: string }) => m.remitente === 'agente');
      expect(agente.length).toBeGreaterThan(0);
      for (const m of agente) expect(m.metadatos.interprete).toEqual(proveedor === 'local' ? 'local' : expect.stringMatching(new RegExp(`^${proveedor}:`)));
    });
  });
}
