import { modeloCompetente, Responder, vectorFalso } from './modelo-falso';
import { ServidorFalso, servidorFalso } from './servidor-falso';

export interface GeminiFalso extends ServidorFalso {
  responder: Responder;
}

type Parte = { text?: string; inlineData?: { mimeType: string; data: string } };
type Contenido = { parts?: Parte[] };
const texto = (c?: Contenido) => (c?.parts ?? []).map((p) => p.text ?? '').join('');

/**
 * The Gemini API's wire format on 127.0.0.1 (v1 and v1beta paths): models/{m}:batchEmbedContents,
 * :embedContent and :generateContent, with the x-goog-api-key header checked.
 */
export async function geminiFalso(opciones: { apiKey?: string } = {}): Promise<GeminiFalso> {
  const { apiKey = 'clave-gemini' } = opciones;
  const falso: GeminiFalso = Object.assign(
    await servidorFalso((p) => {
      if (p.cabeceras['x-goog-api-key'] !== apiKey) {
        return { status: 400, cuerpo: { error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT' } } };
      }
      const m = /^\/v1(?:beta)?\/models\/([^:]+):(\w+)/.exec(p.ruta);
      const c = p.cuerpo as Record<string, unknown>;
      const embeber = (r: { content: Contenido; taskType?: string; outputDimensionality?: number }) => ({
        values: vectorFalso(texto(r.content), r.outputDimensionality ?? 768, r.taskType === 'RETRIEVAL_QUERY'),
      });
      switch (m?.[2]) {
        case 'batchEmbedContents':
          return { cuerpo: { embeddings: (c.requests as Array<Parameters<typeof embeber>[0]>).map(embeber) } };
        case 'embedContent':
          return { cuerpo: { embedding: embeber(c as Parameters<typeof embeber>[0]) } };
        case 'generateContent': {
          const config = (c.generationConfig ?? {}) as Record<string, unknown>;
          const respuesta = falso.responder({
            sistema: texto(c.systemInstruction as Contenido),
            usuario: (c.contents as Contenido[]).map(texto).join('\n'),
            esInterpretacion: config.responseJsonSchema !== undefined || config.responseSchema !== undefined,
            imagen: (c.contents as Contenido[]).flatMap((x) => x.parts ?? []).find((x) => x.inlineData)?.inlineData?.mimeType,
          });
          return {
            cuerpo: {
              candidates: [{ content: { role: 'model', parts: [{ text: respuesta }] }, finishReason: 'STOP', index: 0 }],
              usageMetadata: { promptTokenCount: 10, candidatesTokenCount: 10, totalTokenCount: 20 },
              modelVersion: m[1],
            },
          };
        }
        default:
          return { status: 404, cuerpo: { error: { code: 404, message: `Unknown route ${p.ruta}`, status: 'NOT_FOUND' } } };
      }
    }),
    { responder: modeloCompetente },
  );
  return falso;
}
