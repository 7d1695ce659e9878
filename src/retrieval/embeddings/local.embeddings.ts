import { Analizador } from '../texto/analizador';
import { Embeddings, UsoEmbedding } from '../retrieval.interfaces';
import { normalizarL2 } from './normalizar';

/** FNV-1a: fast, stable across runs and machines, which the persisted index relies on. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The offline default: a hashed bag of Spanish features. Stems carry meaning across plural and
 * gender, character trigrams keep typos close ("extintr" ~ "extintor"), quantity+unit terms
 * keep "20 lb" apart from "10 lb", and word pairs reward phrases ("casco amarillo"). The
 * synonym lexicon runs first, so Colombian words land on catalog words.
 */
export class LocalEmbeddings implements Embeddings {
  readonly dimension: number;
  readonly modelId: string;

  constructor(
    private readonly analizador: Analizador,
    dimension = 256,
    /** part of the model id: a changed lexicon must rebuild the persisted index */
    versionLexico = '',
  ) {
    this.dimension = dimension;
    this.modelId = `local-hash-v1:${dimension}:${versionLexico}`;
  }

  async embed(texts: string[], uso: UsoEmbedding = 'documento'): Promise<Float32Array[]> {
    return texts.map((t) => this.vector(t, uso === 'consulta'));
  }

  vector(texto: string, tolerante = false): Float32Array {
    const v = new Float32Array(this.dimension);
    const { palabras, terminos } = this.analizador.analizar(texto, tolerante);
    const frecuencia = new Map<string, number>();
    const sumar = (rasgo: string, peso: number) => frecuencia.set(rasgo, (frecuencia.get(rasgo) ?? 0) + peso);

    for (const t of terminos) sumar(`t:${t}`, /\d/.test(t) && /[a-z]/.test(t) ? 1.5 : 1);
    for (let i = 1; i < terminos.length; i++) sumar(`b:${terminos[i - 1]}_${terminos[i]}`, 0.5);
    for (const p of palabras) {
      if (p.length < 4) continue;
      const marcada = `#${p}#`;
      const n = marcada.length - 2;
      for (let i = 0; i < n; i++) sumar(`c:${marcada.slice(i, i + 3)}`, 0.6 / Math.sqrt(n));
    }
    // Sublinear term frequency: a word repeated in a long description must not drown the name.
    for (const [rasgo, f] of frecuencia) {
      const h = fnv1a(rasgo);
      v[h % this.dimension] += (h & 0x80000000 ? -1 : 1) * (f <= 1 ? f : 1 + Math.log(f));
    }
    return normalizarL2(v);
  }
}
