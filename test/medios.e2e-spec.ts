import { geminiFalso, GeminiFalso } from './fakes/gemini.fake';
import { modeloCompetente } from './fakes/modelo-falso';
import { openAIFalso, OpenAIFalso } from './fakes/openai.fake';
import { ARCHIVOS } from './utils/archivos';
import { AppDePrueba, crearApp } from './utils/crear-app';

/** Voice notes through OpenAI-compatible transcription, photos through Gemini vision, both against fakes. */
describe(`notas de voz y fotos con proveedores (${process.env.TEST_DB})`, () => {
  let t: AppDePrueba;
  let openai: OpenAIFalso;
  let gemini: GeminiFalso;
  beforeAll(async () => {
    [openai, gemini] = await Promise.all([openAIFalso({ apiKey: 'sk-prueba' }), geminiFalso({ apiKey: 'clave-gemini' })]);
    t = await crearApp({
      SEED_DEMO: 'true',
      TRANSCRIPTION_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-prueba',
      OPENAI_BASE_URL: `${openai.url}/v1`,
      VISION_PROVIDER: 'gemini',
      GOOGLE_API_KEY: 'clave-gemini',
      GEMINI_BASE_URL: gemini.url,
      PROVEEDOR_TIMEOUT_MS: '300',
    });
  });
  afterAll(async () => {
    await t.cerrar();
    await Promise.all([openai.cerrar(), gemini.cerrar()]);
  });
  afterEach(() => {
    openai.fallar(0);
    gemini.fallar(0);
    gemini.responder = modeloCompetente;
  });

  const audio = (archivo: Buffer, chat_id: string, nombre = 'nota.ogg') =>
    t.http().post('/chat/audio').set(t.integracion).field('chat_id', chat_id).attach('audio', archivo, nombre);
  const imagen = (archivo: Buffer, chat_id: string, mensaje?: string) => {
    const r = t.http().post('/chat/imagen').set(t.integracion).field('chat_id', chat_id);
    if (mensaje) r.field('mensaje', mensaje);
    return r.attach('imagen', archivo, 'foto.jpg');
  };

  it('a voice note is transcribed (the real multipart upload) and handled as text', async () => {
    openai.transcribir = ({ modelo, idioma, audio }) =>
      modelo === 'whisper-1' && idioma === 'es' && audio?.subarray(0, 4).toString() === 'OggS' ? 'quiero dos cascos amarillos' : 'mal';
    const r = await audio(ARCHIVOS.ogg, 'voz-1').expect(200);
    expect(r.body.metadatos).toMatchObject({ medio: 'audio', transcripcion: 'quiero dos cascos amarillos' });
    expect(r.body.pedido.items).toEqual([expect.objectContaining({ nombre: 'Casco de seguridad amarillo', cantidad: 2 })]);
    const historial = await t.http().get('/chat/historial/voz-1').set(t.admin).expect(200);
    expect(historial.body.items[0]).toMatchObject({ remitente: 'usuario', mensaje: 'quiero dos cascos amarillos' });
  });

  it('audio is checked by content, not by name, and limited to 25 MB', async () => {
    await audio(ARCHIVOS.texto, 'voz-2', 'nota.ogg').expect(415);
    await audio(ARCHIVOS.mp3, 'voz-2', 'cualquiera.bin').expect(200);
    await audio(Buffer.concat([ARCHIVOS.ogg, Buffer.alloc(25 * 1024 * 1024)]), 'voz-2').expect(413);
    await t.http().post('/chat/audio').set(t.integracion).field('chat_id', 'voz-2').expect(400);
  });

  it('a transcription server that fails or hangs is a clear 503', async () => {
    openai.fallar(10, { status: 500, cuerpo: { error: { message: 'caído' } } });
    const r = await audio(ARCHIVOS.ogg, 'voz-3').expect(503);
    expect(r.body.message).toContain('transcripción');
    openai.fallar(10, 'colgar');
    await audio(ARCHIVOS.ogg, 'voz-3').expect(503);
  });

  it('a photo is described by the vision model and the description searches the catalog', async () => {
    gemini.responder = (p) => (p.imagen === 'image/jpeg' ? 'casco de seguridad amarillo' : 'sin producto');
    const r = await imagen(ARCHIVOS.jpeg, 'foto-1').expect(200);
    expect(r.body.metadatos).toMatchObject({ medio: 'imagen', descripcion_imagen: 'casco de seguridad amarillo' });
    expect(r.body.tipo_mensaje).toBe('inventario');
    expect(r.body.productos.map((p: { nombre: string }) => p.nombre)).toContain('Casco de seguridad amarillo');
  });

  it('a caption with "de estos" orders the product in the photo', async () => {
    gemini.responder = () => 'guantes de carnaza';
    const r = await imagen(ARCHIVOS.png, 'foto-2', 'quiero 3 de estos').expect(200);
    expect(r.body.pedido.items).toEqual([expect.objectContaining({ nombre: 'Guantes de carnaza', cantidad: 3 })]);
  });

  it('vision failing or slow: the caption alone is used; with no caption, the customer is asked to describe it', async () => {
    gemini.fallar(10, 'colgar');
    const conLeyenda = await imagen(ARCHIVOS.jpeg, 'foto-3', 'tienen botas pantaneras?').expect(200);
    expect(conLeyenda.body.respuesta).toContain('Botas de caucho pantaneras');
    gemini.fallar(10, { status: 500, cuerpo: { error: { message: 'caído' } } });
    const sinLeyenda = await imagen(ARCHIVOS.jpeg, 'foto-3').expect(200);
    expect(sinLeyenda.body.respuesta).toContain('escribes cuál buscas');
  });

  it('images are checked by content and limited to 10 MB', async () => {
    await imagen(ARCHIVOS.texto, 'foto-4').expect(415);
    await imagen(Buffer.concat([ARCHIVOS.jpeg, Buffer.alloc(10 * 1024 * 1024)]), 'foto-4').expect(413);
  });
});
