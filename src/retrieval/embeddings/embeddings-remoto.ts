import { Resiliencia, TiemposProveedor, tiemposDe } from '../../common/resiliencia';
import { Embeddings, UsoEmbedding } from '../retrieval.interfaces';
import { comprobarDimension } from './normalizar';

export interface OpcionesEmbeddingsRemoto extends TiemposProveedor {
  apiKey: string;
  baseURL?: string;
  modelo: string;
  dimension: number;
  /** texts per HTTP call */
  lote?: number;
}

/**
 * What remote embedders share: slicing into batches, resilience per call, and checking each
 * vector's dimension. A provider only says how to embed one slice.
 */
export abstract class EmbeddingsRemoto implements Embeddings {
  readonly modelId: string;
  readonly dimension: number;
  private readonly resiliencia: Resiliencia;

  protected constructor(
    private readonly proveedor: string,
    protected readonly o: OpcionesEmbeddingsRemoto,
    private readonly loteMaximo: number,
  ) {
    this.modelId = `${proveedor}:${o.modelo}:${o.dimension}`;
    this.dimension = o.dimension;
    this.resiliencia = new Resiliencia({ ...tiemposDe(o), nombre: proveedor });
  }

  protected abstract embederLote(textos: string[], uso: UsoEmbedding, signal: AbortSignal): Promise<ArrayLike<number>[]>;

  async embed(texts: string[], uso: UsoEmbedding = 'documento'): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    const lote = this.o.lote ?? this.loteMaximo;
    for (let i = 0; i < texts.length; i += lote) {
      const parte = texts.slice(i, i + lote);
      const vectores = await this.resiliencia.ejecutar((signal) => this.embederLote(parte, uso, signal));
      if (vectores.length !== parte.length) throw new Error(`${this.proveedor} devolvió ${vectores.length} vectores para ${parte.length} textos`);
      out.push(...vectores.map((v) => comprobarDimension(v, this.dimension, this.proveedor)));
    }
    return out;
  }
}
