import { GoogleGenAI } from '@google/genai';
import { Resiliencia } from '../../common/resiliencia';
import { Embeddings, UsoEmbedding } from '../retrieval.interfaces';
import { comprobarDimension, porLotes } from './normalizar';

export interface OpcionesGeminiEmbeddings {
  apiKey: string;
  baseURL?: string;
  modelo: string;
  dimension: number;
  timeout: number;
  lote?: number;
}

/** Embeddings through `@google/genai`: one :batchEmbedContents call per slice of texts. */
export class GeminiEmbeddings implements Embeddings {
  readonly modelId: string;
  readonly dimension: number;
  private readonly ai: GoogleGenAI;
  private readonly resiliencia: Resiliencia;

  constructor(private readonly o: OpcionesGeminiEmbeddings) {
    this.modelId = `gemini:${o.modelo}:${o.dimension}`;
    this.dimension = o.dimension;
    this.ai = new GoogleGenAI({ apiKey: o.apiKey, httpOptions: { baseUrl: o.baseURL, timeout: o.timeout, retryOptions: { attempts: 1 } } });
    this.resiliencia = new Resiliencia({ nombre: 'gemini', timeoutMs: o.timeout });
  }

  embed(texts: string[], uso: UsoEmbedding = 'documento'): Promise<Float32Array[]> {
    return porLotes(texts, this.o.lote ?? 100, (parte) =>
      this.resiliencia.ejecutar(async (signal) => {
        const r = await this.ai.models.embedContent({
          model: this.o.modelo,
          contents: parte,
          config: { outputDimensionality: this.dimension, taskType: uso === 'consulta' ? 'RETRIEVAL_QUERY' : 'RETRIEVAL_DOCUMENT', abortSignal: signal },
        });
        const vectores = r.embeddings ?? [];
        if (vectores.length !== parte.length) throw new Error(`gemini devolvió ${vectores.length} vectores para ${parte.length} textos`);
        return vectores.map((e) => comprobarDimension(e.values ?? [], this.dimension, 'gemini'));
      }),
    );
  }
}
