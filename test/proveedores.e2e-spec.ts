import { openAIFalso, OpenAIFalso } from './fakes/openai.fake';
import { modeloCompetente } from './fakes/modelo-falso';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** What happens when the configured model misbehaves: the customer never sees it. */
describe(`proveedor de lenguaje que falla o inventa (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let falso: OpenAIFalso;
  beforeAll(async () => {
    falso = await openAIFalso({ apiKey: 'sk-prueba' });
    t = await crearApp({
      SEED_DEMO: 'true',
      LLM_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-prueba',
      OPENAI_BASE_URL: `${falso.url}/v1`,
      PROVEEDOR_TIMEOUT_MS: '300',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await falso.cerrar();
  });
  afterEach(() => {
    falso.responder = modeloCompetente;
    falso.fallar(0);
  });

  const turno = (mensaje: string, chat_id: string) => t.http().post('/chat/texto').set(t.integracion).send({ mensaje, chat_id }).expect(200);

  it('the guard blocks an invented price: the template answer is sent and the event counted', async () => {
    const base = (await t.http().get('/logs/metrics/uso').set(t.admin).expect(200)).body.contadores['guardia.bloqueos'] ?? 0;
    falso.responder = (p) => (p.esInterpretacion ? modeloCompetente(p) : '¡Claro! El casco amarillo te sale en $19.900, precio especial de hoy.');
    const r = await turno('quiero 2 cascos amarillos', 'guardia-1');
    expect(r.body.respuesta).not.toContain('19.900');
    expect(r.body.respuesta).toContain('$28.000');
    expect(r.body.metadatos.redactor).toBe('plantilla (guardia)');
    expect(r.body.pedido.total).toBe(56000);
    const despues = (await t.http().get('/logs/metrics/uso').set(t.admin).expect(200)).body.contadores['guardia.bloqueos'];
    expect(despues).toBe(base + 1);
  });

  it('the guard blocks a catalog product the rows did not give', async () => {
    falso.responder = (p) => (p.esInterpretacion ? modeloCompetente(p) : 'Te agregué los cascos. ¿Te interesa también el Arnés de cuerpo completo?');
    const r = await turno('quiero 1 casco blanco', 'guardia-2');
    expect(r.body.respuesta).not.toContain('Arnés');
    expect(r.body.metadatos.redactor).toBe('plantilla (guardia)');
  });

  it('an answer within the rows goes through as the model wrote it', async () => {
    const r = await turno('quiero 1 casco azul', 'guardia-3');
    expect(r.body.respuesta.startsWith('¡Con mucho gusto!')).toBe(true);
    expect(r.body.metadatos.redactor).toBe('openai:gpt-4o-mini');
  });

  it('a provider that is down or hangs: the local provider answers that turn, nothing is lost', async () => {
    falso.fallar(20, { status: 500, cuerpo: { error: { message: 'caído' } } });
    const r = await turno('quiero 3 guantes de carnaza', 'caido-1');
    expect(r.body.metadatos).toMatchObject({ interprete: 'local', redactor: 'plantilla (respaldo)' });
    expect(r.body.pedido.items).toEqual([expect.objectContaining({ cantidad: 3 })]);
    expect(r.body.respuesta).not.toMatch(/error|caído|HTTP/i);
    falso.fallar(0);
    falso.fallar(6, 'colgar');
    const lento = await turno('ver mi pedido', 'caido-1');
    expect(lento.body.estado_venta).toBe('confirmando');
    const historial = await t.http().get('/chat/historial/caido-1').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { remitente: string }) => m.remitente)).toEqual(['usuario', 'agente', 'usuario', 'agente']);
  });
});
