import { GoogleGenAI } from '@google/genai';
import { Completado, ModeloRemoto, OpcionesModeloRemoto } from './modelo-remoto';

/** Gemini through @google/genai, with a JSON schema for understanding. */
export class GeminiModelo extends ModeloRemoto {
  readonly nombre: string;
  private readonly ai: GoogleGenAI;
  private readonly modelo: string;

  constructor(o: OpcionesModeloRemoto) {
    super('gemini', o);
    this.modelo = o.modelo ?? 'gemini-2.5-flash';
    this.nombre = `gemini:${this.modelo}`;
    this.ai = new GoogleGenAI({ apiKey: o.apiKey, httpOptions: { baseUrl: o.baseURL, timeout: o.timeoutMs, retryOptions: { attempts: 1 } } });
  }

  protected async completar({ sistema, usuario, esquema, signal }: Completado): Promise<string> {
    const r = await this.ai.models.generateContent({
      model: this.modelo,
      contents: [{ role: 'user', parts: [{ text: usuario }] }],
      config: {
        systemInstruction: sistema,
        temperature: esquema ? 0 : 0.4,
        abortSignal: signal,
        ...(esquema ? { responseMimeType: 'application/json', responseJsonSchema: esquema } : {}),
      },
    });
    const texto = r.text;
    if (!texto) throw new Error('gemini respondió sin texto');
    return texto;
  }
}
