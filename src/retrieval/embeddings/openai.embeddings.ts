import OpenAI from 'openai';
import { EmbeddingsRemoto, OpcionesEmbeddingsRemoto } from './embeddings-remoto';

/** Embeddings through the `openai` SDK, from OpenAI or any server that speaks its API (Ollama, vLLM…). */
export class OpenAIEmbeddings extends EmbeddingsRemoto {
  private readonly cliente: OpenAI;

  constructor(o: OpcionesEmbeddingsRemoto) {
    super('openai', o, 96);
    // Retries belong to Resiliencia, so the circuit breaker sees every failure.
    this.cliente = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, maxRetries: 0, timeout: o.timeoutMs });
  }

  protected async embederLote(textos: string[], _uso: unknown, signal: AbortSignal): Promise<number[][]> {
    const r = await this.cliente.embeddings.create({ model: this.o.modelo, input: textos }, { signal });
    return [...r.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
  }
}
