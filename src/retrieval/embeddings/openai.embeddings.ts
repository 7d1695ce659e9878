import OpenAI from 'openai';
import { Resiliencia } from '../../common/resiliencia';
import { Embeddings, UsoEmbedding } from '../retrieval.interfaces';
import { comprobarDimension, porLotes } from './normalizar';

export interface OpcionesOpenAIEmbeddings {
  apiKey: string;
  /** any OpenAI-compatible server: Ollama, vLLM, llama.cpp (…/v1) */
  baseURL?: string;
  modelo: string;
  dimension: number;
  timeout: number;
  lote?: number;
}

/** Embeddings through the `openai` SDK, from OpenAI or any server that speaks its API. */
export class OpenAIEmbeddings implements Embeddings {
  readonly modelId: string;
  readonly dimension: number;
  private readonly cliente: OpenAI;
  private readonly resiliencia: Resiliencia;

  constructor(private readonly o: OpcionesOpenAIEmbeddings) {
    this.modelId = `openai:${o.modelo}:${o.dimension}`;
    this.dimension = o.dimension;
    // Retries belong to Resiliencia, so the circuit breaker sees every failure.
    this.cliente = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, maxRetries: 0, timeout: o.timeout });
    this.resiliencia = new Resiliencia({ nombre: 'openai', timeoutMs: o.timeout });
  }

  embed(texts: string[], _uso?: UsoEmbedding): Promise<Float32Array[]> {
    return porLotes(texts, this.o.lote ?? 96, (parte) =>
      this.resiliencia.ejecutar(async (signal) => {
        const r = await this.cliente.embeddings.create({ model: this.o.modelo, input: parte }, { signal });
        return [...r.data].sort((a, b) => a.index - b.index).map((d) => comprobarDimension(d.embedding, this.dimension, 'openai'));
      }),
    );
  }
}
