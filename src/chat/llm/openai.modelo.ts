import OpenAI from 'openai';
import { Completado, ModeloRemoto, OpcionesModeloRemoto } from './modelo-remoto';

/** OpenAI or any OpenAI-compatible server (Ollama, vLLM, llama.cpp) with structured output. */
export class OpenAIModelo extends ModeloRemoto {
  readonly nombre: string;
  private readonly cliente: OpenAI;
  private readonly modelo: string;

  constructor(o: OpcionesModeloRemoto) {
    super('openai', o);
    this.modelo = o.modelo ?? 'gpt-4o-mini';
    this.nombre = `openai:${this.modelo}`;
    this.cliente = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, maxRetries: 0, timeout: o.timeoutMs });
  }

  protected async completar({ sistema, usuario, esquema, signal }: Completado): Promise<string> {
    const r = await this.cliente.chat.completions.create(
      {
        model: this.modelo,
        temperature: esquema ? 0 : 0.4,
        messages: [
          { role: 'system', content: sistema },
          { role: 'user', content: usuario },
        ],
        ...(esquema
          ? {
              response_format: {
                type: 'json_schema' as const,
                json_schema: { name: 'interpretacion', strict: true, schema: esquema as Record<string, unknown> },
              },
            }
          : {}),
      },
      { signal },
    );
    const contenido = r.choices[0]?.message?.content;
    if (!contenido) throw new Error('openai respondió sin contenido');
    return contenido;
  }
}
