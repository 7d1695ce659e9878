import { modeloCompetente, Responder, vectorFalso } from './modelo-falso';
import { ServidorFalso, servidorFalso } from './servidor-falso';

export interface OpenAIFalso extends ServidorFalso {
  /** the model's behaviour, replaceable per test */
  responder: Responder;
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
      if (p.ruta === '/v1/chat/completions') {
        const mensajes = c.messages as Array<{ role: string; content: string }>;
        const content = falso.responder({
          sistema: mensajes.find((m) => m.role === 'system')?.content ?? '',
          usuario: mensajes.find((m) => m.role === 'user')?.content ?? '',
          esInterpretacion: c.response_format !== undefined,
        });
        return {
          cuerpo: {
            id: `chatcmpl-${++creado}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model: c.model,
            choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' }],
            usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
          },
        };
      }
      return { status: 404, cuerpo: { error: { message: `Unknown route ${p.ruta}` } } };
    }),
    { responder: modeloCompetente },
  );
  return falso;
}
