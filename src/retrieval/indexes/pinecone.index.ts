import { Resiliencia, tiemposDe } from '../../common/resiliencia';
import { VectorFilter, VectorHit, VectorIndex, VectorMetadata } from '../retrieval.interfaces';

export interface OpcionesPinecone {
  apiKey: string;
  /** the index's data-plane host, as Pinecone's console shows it */
  host: string;
  namespace: string;
  timeoutMs?: number;
  esperaBaseMs?: number;
  enfriamientoMs?: number;
}

const LOTE = 100;

/** An HTTP answer that is not 2xx, with its status, so Resiliencia knows whether to retry. */
class ErrorPinecone extends Error {
  constructor(
    readonly status: number,
    cuerpo: string,
  ) {
    super(`Pinecone respondió ${status}: ${cuerpo.slice(0, 300)}`);
  }
}

/**
 * Pinecone's data-plane REST API behind the VECTOR_INDEX token: the vectors live in Pinecone
 * (so persist/load have nothing to do), ids are product ids as strings, and category/active
 * travel as metadata for server-side filtering.
 */
export class PineconeIndex implements VectorIndex {
  readonly kind = 'pinecone';
  private readonly base: string;
  private readonly resiliencia: Resiliencia;

  constructor(private readonly o: OpcionesPinecone) {
    this.base = (/^https?:\/\//.test(o.host) ? o.host : `https://${o.host}`).replace(/\/+$/, '');
    this.resiliencia = new Resiliencia({ ...tiemposDe({ ...o, timeoutMs: o.timeoutMs ?? 15000 }), nombre: 'pinecone' });
  }

  async upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void> {
    for (let i = 0; i < items.length; i += LOTE) {
      const vectors = items.slice(i, i + LOTE).map((x) => ({ id: String(x.id), values: Array.from(x.vector), metadata: { ...x.metadata } }));
      await this.llamar('/vectors/upsert', { vectors, namespace: this.o.namespace });
    }
  }

  async remove(ids: number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 1000) await this.llamar('/vectors/delete', { ids: ids.slice(i, i + 1000).map(String), namespace: this.o.namespace });
  }

  async search(vector: Float32Array, k: number, filter?: VectorFilter): Promise<VectorHit[]> {
    const filtro: Record<string, unknown> = {};
    if (filter?.categoria !== undefined) filtro.categoria = { $eq: filter.categoria };
    if (filter?.soloActivos) filtro.activo = { $eq: true };
    const r = (await this.llamar('/query', {
      vector: Array.from(vector),
      topK: k,
      includeMetadata: false,
      includeValues: false,
      namespace: this.o.namespace,
      ...(Object.keys(filtro).length ? { filter: filtro } : {}),
    })) as { matches?: Array<{ id: string; score: number }> };
    return (r.matches ?? []).map((m) => ({ id: Number(m.id), score: m.score }));
  }

  async size(): Promise<number> {
    const r = (await this.llamar('/describe_index_stats', {})) as { namespaces?: Record<string, { vectorCount?: number }> };
    return r.namespaces?.[this.o.namespace]?.vectorCount ?? 0;
  }

  async clear(): Promise<void> {
    try {
      await this.llamar('/vectors/delete', { deleteAll: true, namespace: this.o.namespace });
    } catch (e) {
      // Deleting a namespace that does not exist yet is Pinecone's 404: already clear.
      if ((e as { causa?: { status?: number } }).causa?.status !== 404) throw e;
    }
  }

  async persist(): Promise<void> {}

  /** Pinecone keeps the vectors; there is something to load when the namespace holds any. */
  async load(): Promise<boolean> {
    return (await this.size()) > 0;
  }

  private llamar(ruta: string, cuerpo: unknown): Promise<unknown> {
    return this.resiliencia.ejecutar(async (signal) => {
      const r = await fetch(`${this.base}${ruta}`, {
        method: 'POST',
        headers: { 'Api-Key': this.o.apiKey, 'X-Pinecone-API-Version': '2025-04', 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify(cuerpo),
        signal,
      });
      const texto = await r.text();
      if (!r.ok) throw new ErrorPinecone(r.status, texto);
      return (texto ? JSON.parse(texto) : {}) as unknown;
    });
  }
}
