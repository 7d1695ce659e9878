import { ARCHIVOS } from './utils/archivos';
import { AppDePrueba, crearApp } from './utils/crear-app';

describe(`notas de voz y fotos sin proveedores (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  beforeAll(async () => (t = await crearApp({ SEED_DEMO: 'true' })));
  afterAll(() => t.cerrar());

  it('a voice note is a clear 503 asking to write instead', async () => {
    const r = await t.http().post('/chat/audio').set(t.integracion).field('chat_id', 'sin-1').attach('audio', ARCHIVOS.ogg, 'nota.ogg').expect(503);
    expect(r.body).toMatchObject({ statusCode: 503, message: expect.stringContaining('escribe tu mensaje') });
  });

  it('a photo with a caption is answered from the caption; without one, the customer is asked to describe it', async () => {
    const conLeyenda = await t
      .http()
      .post('/chat/imagen')
      .set(t.integracion)
      .field('chat_id', 'sin-2')
      .field('mensaje', 'tienen este casco blanco?')
      .attach('imagen', ARCHIVOS.png, 'f.png')
      .expect(200);
    expect(conLeyenda.body.respuesta).toContain('Casco de seguridad blanco');
    const sola = await t.http().post('/chat/imagen').set(t.integracion).field('chat_id', 'sin-2').attach('imagen', ARCHIVOS.png, 'f.png').expect(200);
    expect(sola.body.respuesta).toContain('escribes cuál buscas');
    const historial = await t.http().get('/chat/historial/sin-2').set(t.admin).expect(200);
    expect(historial.body.items.map((m: { mensaje: string }) => m.mensaje)).toContain('[foto]');
  });
});
