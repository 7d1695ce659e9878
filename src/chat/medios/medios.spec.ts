import { GeminiFalso } from '../../../test/fakes/gemini.fake';
import { OpenAIFalso } from '../../../test/fakes/openai.fake';
import { proveedoresFalsos } from '../../../test/fakes/proveedores-falsos';
import { ARCHIVOS } from '../../../test/utils/archivos';
import { ProveedorNoDisponible } from '../../common/proveedores';
import { consultaDeImagen } from '../chat.service';
import { Vision } from './medios.interfaces';
import { OpenAITranscripcion } from './openai.transcripcion';
import { tipoAudio, tipoImagen } from './tipo-archivo';
import { GeminiVision, OpenAIVision } from './vision';

describe('file types by content', () => {
  it.each([
    ['ogg', ARCHIVOS.ogg],
    ['mp3', ARCHIVOS.mp3],
    ['wav', ARCHIVOS.wav],
    ['m4a', Buffer.concat([Buffer.from([0, 0, 0, 0x20]), Buffer.from('ftypM4A '), Buffer.alloc(20)])],
    ['webm', Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(20)])],
  ])('audio %s', (tipo, b) => expect(tipoAudio(b)).toBe(tipo));

  it.each([
    ['jpeg', ARCHIVOS.jpeg],
    ['png', ARCHIVOS.png],
    ['webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(20)])],
  ])('image %s', (tipo, b) => expect(tipoImagen(b)).toBe(tipo));

  it('text is neither', () => {
    expect(tipoAudio(ARCHIVOS.texto)).toBeNull();
    expect(tipoImagen(ARCHIVOS.texto)).toBeNull();
    expect(tipoImagen(ARCHIVOS.wav)).toBeNull();
  });
});

describe('consultaDeImagen', () => {
  it.each([
    ['casco amarillo', undefined, 'casco amarillo'],
    [undefined, 'tienen botas?', 'tienen botas?'],
    ['guantes de carnaza', 'quiero 3 de estos', 'quiero 3 guantes de carnaza'],
    ['casco blanco', 'cuanto vale', 'cuanto vale: casco blanco'],
  ])('%s + %s', (d, l, esperado) => expect(consultaDeImagen(d, l)).toBe(esperado));
});

describe('voice and vision providers over the wire', () => {
  const falsos = proveedoresFalsos();

  it('transcription uploads the audio as multipart with model and language', async () => {
    falsos.openai.transcribir = ({ modelo, idioma, audio }) => `${modelo}/${idioma}/${audio?.subarray(0, 3).toString()}`;
    const t = new OpenAITranscripcion({ apiKey: 'sk-prueba', baseURL: `${falsos.openai.url}/v1`, modelo: 'whisper-large-v3', timeoutMs: 1000 });
    await expect(t.transcribir(ARCHIVOS.mp3, 'mp3')).resolves.toBe('whisper-large-v3/es/ID3');
    expect(falsos.openai.peticiones.at(-1)!.cabeceras['content-type']).toMatch(/^multipart\/form-data/);
  });

  it('transcription failing or hanging is ProveedorNoDisponible', async () => {
    const t = new OpenAITranscripcion({ apiKey: 'sk-prueba', baseURL: `${falsos.openai.url}/v1`, modelo: 'whisper-1', timeoutMs: 100 });
    falsos.openai.fallar(3, { status: 500, cuerpo: { error: { message: 'caído' } } });
    await expect(t.transcribir(ARCHIVOS.ogg, 'ogg')).rejects.toBeInstanceOf(ProveedorNoDisponible);
    falsos.openai.fallar(3, 'colgar');
    await expect(t.transcribir(ARCHIVOS.ogg, 'ogg')).rejects.toThrow('sin respuesta en 100 ms');
  });

  const visiones: Array<[string, () => GeminiFalso | OpenAIFalso, () => Vision]> = [
    ['gemini', () => falsos.gemini, () => new GeminiVision({ apiKey: 'clave-gemini', baseURL: falsos.gemini.url, timeoutMs: 150 })],
    ['openai', () => falsos.openai, () => new OpenAIVision({ apiKey: 'sk-prueba', baseURL: `${falsos.openai.url}/v1`, timeoutMs: 150 })],
  ];

  it.each(visiones)('%s vision sends the image inline with a product-focused prompt', async (_, servidor, crear) => {
    servidor().responder = (p) => (p.imagen === 'image/png' && /producto/.test(p.usuario) && /quiero 3/.test(p.usuario) ? 'chaleco reflectivo naranja' : 'no');
    await expect(crear().describir(ARCHIVOS.png, 'png', 'quiero 3')).resolves.toBe('chaleco reflectivo naranja');
  });

  it.each(visiones)('%s vision failing or hanging is ProveedorNoDisponible', async (_, servidor, crear) => {
    servidor().fallar(3, { status: 503, cuerpo: { error: { message: 'sobrecargado' } } });
    await expect(crear().describir(ARCHIVOS.jpeg, 'jpeg')).rejects.toBeInstanceOf(ProveedorNoDisponible);
    servidor().fallar(3, 'colgar');
    await expect(crear().describir(ARCHIVOS.jpeg, 'jpeg')).rejects.toThrow('sin respuesta');
  });
});
