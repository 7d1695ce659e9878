import { GoogleGenAI } from '@google/genai';
import { UsoEmbedding } from '../retrieval.interfaces';
import { EmbeddingsRemoto, OpcionesEmbeddingsRemoto } from './embeddings-remoto';

/** Embeddings through `@google/genai`: one :batchEmbedContents call per slice, task type per use. */
export class GeminiEmbeddings extends EmbeddingsRemoto {
  private readonly ai: GoogleGenAI;

  constructor(o: OpcionesEmbeddingsRemoto) {
    super('gemini', o, 100);
    this.ai = new GoogleGenAI({ apiKey: o.apiKey, httpOptions: { baseUrl: o.baseURL, timeout: o.timeoutMs, retryOptions: { attempts: 1 } } });
  }

  protected async embederLote(textos: string[], uso: UsoEmbedding, signal: AbortSignal): Promise<number[][]> {
    const r = await this.ai.models.embedContent({
      model: this.o.modelo,
      contents: textos,
      config: { outputDimensionality: this.dimension, taskType: uso === 'consulta' ? 'RETRIEVAL_QUERY' : 'RETRIEVAL_DOCUMENT', abortSignal: signal },
    });
    return (r.embeddings ?? []).map((e) => e.values ?? []);
  }
}
