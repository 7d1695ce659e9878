import { modeloCompetente, Responder, vectorFalso } from './modelo-falso';
import { ServidorFalso, servidorFalso } from './servidor-falso';

export interface OpenAIFalso extends ServidorFalso {
  /** the model's behaviour, replaceable per test */
  responder: Responder;
  /** the transcription model's behaviour */
  transcribir: (p: { modelo?: string; idioma?: string; audio?: Buffer }) => string;
}

/** just enough multipart/form-data parsing for the SDK's uploads */
function multipart(crudo: Buffer, tipo: string): { campos: Record<string, string>; archivo?: Buffer } {
  const limite = /boundary=(?:"([^"]+)"|([^;]+))/.exec(tipo);
  const campos: Record<string, string> = {};
  let archivo: Buffer | undefined;
  if (!limite) return { campos };
  const separador = Buffer.from(`--${limite[1] ?? limite[2]}`);
  let inicio = crudo.indexOf(separador);
  while (inicio >= 0) {
    const siguiente = crudo.indexOf(separador, inicio + separador.length);
    if (siguiente < 0) break;
    const parte = crudo.subarray(inicio + separador.length + 2, siguiente - 2);
    const fin = parte.indexOf('\r\n\r\n');
    const cabecera = parte.subarray(0, fin).toString('utf8');
    const valor = parte.subarray(fin + 4);
    const nombre = /name="([^"]+)"/.exec(cabecera)?.[1];
    if (/filename=/.test(cabecera)) archivo = valor;
    else if (nombre) campos[nombre] = valor.toString('utf8');
    inicio = siguiente;
  }
  return { campos, archivo };
}

const noAutorizado = { status: 401, cuerpo: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error', code: 'invalid_api_key' } } };

/** OpenAI's wire format on 127.0.0.1: /v1/embeddings (float or base64) and /v1/chat/completions. */
export async function openAIFalso(opciones: { apiKey?: string; dimension?: number } = {}): Promise<OpenAIFalso> {
  const { apiKey = 'sk-prueba', dimension = 64 } = opciones;
  let creado = 0;
  const falso: OpenAIFalso = Object.assign(
    await servidorFalso((p) => {
      if (p.cabeceras.authorization !== `Bearer ${apiKey}`) return noAutorizado;
      const c = p.cuerpo as Record<string, unknown>;
      if (p.ruta === '/v1/embeddings') {
        const entradas = (Array.isArray(c.input) ? c.input : [c.input]) as string[];
        const data = entradas.map((t, index) => {
          const v = vectorFalso(t, dimension);
          const embedding = c.encoding_format === 'base64' ? Buffer.from(Float32Array.from(v).buffer).toString('base64') : v;
          return { object: 'embedding', index, embedding };
        });
        return { cuerpo: { object: 'list', data, model: c.model, usage: { prompt_tokens: entradas.length, total_tokens: entradas.length } } };
      }
      if (p.ruta === '/v1/audio/transcriptions') {
        const { campos, archivo } = multipart(p.crudo, p.cabeceras['content-type'] ?? '');
        return { cuerpo: { text: falso.transcribir({ modelo: campos.model, idioma: campos.language, audio: archivo }) } };
      }
      if (p.ruta === '/v1/chat/completions') {
        type Parte = { type: string; text?: string; image_url?: { url: string } };
        const mensajes = c.messages as Array<{ role: string; content: string | Parte[] }>;
        const contenido = mensajes.find((m) => m.role === 'user')?.content ?? '';
        const partes: Parte[] = typeof contenido === 'string' ? [{ type: 'text', text: contenido }] : contenido;
        const imagen = partes.find((x) => x.type === 'image_url')?.image_url?.url.match(/^data:([^;]+);base64,/)?.[1];
        const content = falso.responder({
          sistema: (mensajes.find((m) => m.role === 'system')?.content as string) ?? '',
          usuario: partes.map((x) => x.text ?? '').join(''),
          esInterpretacion: c.response_format !== undefined,
          imagen,
        });
        return {
          cuerpo: {
            id: `chatcmpl-${++creado}`,
            object: 'chat.completion',
            created: Math.floor(Date.now() / 1000),
            model: c.model,
            choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          },
        };
      }
      return { status: 404, cuerpo: { error: { message: `Unknown route ${p.ruta}` } } };
    }),
    { responder: modeloCompetente, transcribir: () => 'quiero dos cascos amarillos' },
  );
  return falso;
}
