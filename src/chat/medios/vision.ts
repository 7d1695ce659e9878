import { GoogleGenAI } from '@google/genai';
import OpenAI from 'openai';
import { Resiliencia, TiemposProveedor, tiemposDe } from '../../common/resiliencia';
import { Vision } from './medios.interfaces';
import { MIME_IMAGEN, TipoImagen } from './tipo-archivo';

/** Product-focused: the answer becomes a catalog search, so it must read like one. */
export function instruccionVision(leyenda?: string): string {
  return [
    'Eres el asistente de una tienda. Describe en español, en una sola frase corta, el producto principal de la foto',
    'como lo buscaría un cliente en un catálogo: tipo de producto, color, tamaño o capacidad si se ven, y marca o texto visible.',
    'Sin saludos ni explicaciones; si no hay un producto reconocible responde "sin producto".',
    leyenda ? `El cliente escribió junto a la foto: "${leyenda}".` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

interface OpcionesVision extends TiemposProveedor {
  apiKey: string;
  baseURL?: string;
  modelo?: string;
}

export class GeminiVision implements Vision {
  readonly nombre: string;
  private readonly ai: GoogleGenAI;
  private readonly modelo: string;
  private readonly resiliencia: Resiliencia;

  constructor(o: OpcionesVision) {
    this.modelo = o.modelo ?? 'gemini-2.5-flash';
    this.nombre = `gemini:${this.modelo}`;
    this.ai = new GoogleGenAI({ apiKey: o.apiKey, httpOptions: { baseUrl: o.baseURL, timeout: o.timeoutMs, retryOptions: { attempts: 1 } } });
    this.resiliencia = new Resiliencia({ ...tiemposDe(o), nombre: 'visión gemini' });
  }

  describir(imagen: Buffer, tipo: TipoImagen, leyenda?: string): Promise<string> {
    return this.resiliencia.ejecutar(async (abortSignal) => {
      const r = await this.ai.models.generateContent({
        model: this.modelo,
        contents: [
          { role: 'user', parts: [{ inlineData: { mimeType: MIME_IMAGEN[tipo], data: imagen.toString('base64') } }, { text: instruccionVision(leyenda) }] },
        ],
        config: { temperature: 0, abortSignal },
      });
      return (r.text ?? '').trim();
    });
  }
}

export class OpenAIVision implements Vision {
  readonly nombre: string;
  private readonly cliente: OpenAI;
  private readonly modelo: string;
  private readonly resiliencia: Resiliencia;

  constructor(o: OpcionesVision) {
    this.modelo = o.modelo ?? 'gpt-4o-mini';
    this.nombre = `openai:${this.modelo}`;
    this.cliente = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, maxRetries: 0, timeout: o.timeoutMs });
    this.resiliencia = new Resiliencia({ ...tiemposDe(o), nombre: 'visión openai' });
  }

  describir(imagen: Buffer, tipo: TipoImagen, leyenda?: string): Promise<string> {
    return this.resiliencia.ejecutar(async (signal) => {
      const r = await this.cliente.chat.completions.create(
        {
          model: this.modelo,
          temperature: 0,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'text', text: instruccionVision(leyenda) },
                { type: 'image_url', image_url: { url: `data:${MIME_IMAGEN[tipo]};base64,${imagen.toString('base64')}` } },
              ],
            },
          ],
        },
        { signal },
      );
      return (r.choices[0]?.message?.content ?? '').trim();
    });
  }
}
