/**
 * The contracts behind the Retrieval module's DI tokens. Feature modules depend on these
 * tokens only; configuration picks the implementation (RETRIEVER_BACKEND, EMBEDDINGS_PROVIDER).
 */
export const VECTOR_INDEX = Symbol('VECTOR_INDEX');
/** a new vector index of the configured backend for a named collection (the catalog's is VECTOR_INDEX) */
export const FABRICA_INDICES = Symbol('FABRICA_INDICES');
export type FabricaIndices = (coleccion: string) => VectorIndex;
export const EMBEDDINGS = Symbol('EMBEDDINGS');

export type UsoEmbedding = 'documento' | 'consulta';

export interface Embeddings {
  /** stable id of model + settings, part of the index fingerprint */
  readonly modelId: string;
  readonly dimension: number;
  /**
   * One vector per text, L2-normalised, in input order. `uso` tells catalog text from a
   * customer's query: models with asymmetric retrieval tasks (Gemini's taskType) use it, and
   * the local embedder reads a query's typos more forgivingly.
   */
  embed(texts: string[], uso?: UsoEmbedding): Promise<Float32Array[]>;
}

/** what the index keeps beside each vector, used to filter at query time */
export interface VectorMetadata {
  categoria: string;
  activo: boolean;
}

export interface VectorFilter {
  categoria?: string;
  soloActivos?: boolean;
}

export interface VectorHit {
  id: number;
  score: number;
}

export interface VectorIndex {
  /** 'faiss' | 'exact' | 'pinecone' */
  readonly kind: string;
  upsert(items: Array<{ id: number; vector: Float32Array; metadata: VectorMetadata }>): Promise<void>;
  remove(ids: number[]): Promise<void>;
  search(vector: Float32Array, k: number, filter?: VectorFilter): Promise<VectorHit[]>;
  size(): Promise<number>;
  /** drop everything (a full rebuild starts here) */
  clear(): Promise<void>;
  /** persist under dir / load from dir; load returns false when nothing usable is there */
  persist(dir: string): Promise<void>;
  load(dir: string): Promise<boolean>;
}

/** the lexical side of hybrid search (BuscadorHibrido), shared with the analyser it was built with */
export const BUSCADOR = Symbol('BUSCADOR');
/** the Spanish analyser (with the synonym lexicon) every lexical index shares: `{ analizador, sinonimos }` */
export const ANALIZADOR = Symbol('ANALIZADOR');
/** the general thesaurus collections read unknown words through (`Tesauro`), undefined when its file is missing */
export const TESAURO = Symbol('TESAURO');
/** below this cosine a purely semantic hit is noise; depends on the embedder */
export const UMBRAL_SEMANTICO = Symbol('UMBRAL_SEMANTICO');
