import { distanciaEdicion, fonetica, toleranciaTipeo } from '../../common/texto';

export interface CampoLexico {
  terminos: string[];
  /** BM25F field weight: a word in the name counts more than one in the description */
  peso: number;
}

export interface HitLexico {
  id: number;
  score: number;
  /** the query terms this document contains */
  coincidencias: string[];
}

const K1 = 1.2;
const B = 0.75;

/**
 * BM25F over weighted fields, updatable one document at a time so the index follows the
 * catalog without rebuilds. Exact words and SKUs always score here, whatever the embedder does.
 */
export class Bm25 {
  /** term → (document slot → weighted frequency) */
  private readonly postings = new Map<string, Map<number, number>>();
  /**
   * Documents live in dense slots (reused after a removal), so a query accumulates scores in a
   * typed array instead of a map: a word that most of 10,000 products share costs a scan, not
   * ten thousand map writes.
   */
  private readonly slots = new Map<number, number>();
  private idDe: number[] = [];
  private longitudDe: number[] = [];
  private libres: number[] = [];
  private readonly terminosDoc = new Map<number, string[]>();
  private longitudTotal = 0;
  /** phonetic keys of the vocabulary, computed once per term */
  private readonly sonidos = new Map<string, string>();
  /**
   * the terms a typo may be read as: all but bare numbers, which no word is within typo distance
   * of, and which a catalog of SKUs and references holds by the hundred thousand
   */
  private readonly corregibles = new Set<string>();

  get tamano(): number {
    return this.slots.size;
  }

  agregar(id: number, campos: CampoLexico[]): void {
    this.quitar(id);
    const tf = new Map<string, number>();
    let longitud = 0;
    for (const { terminos, peso } of campos) {
      for (const t of terminos) tf.set(t, (tf.get(t) ?? 0) + peso);
      longitud += terminos.length * peso;
    }
    const slot = this.libres.pop() ?? this.idDe.length;
    this.slots.set(id, slot);
    this.idDe[slot] = id;
    for (const [t, f] of tf) {
      let lista = this.postings.get(t);
      if (!lista) {
        this.postings.set(t, (lista = new Map<number, number>()));
        if (!/^\d+$/.test(t)) this.corregibles.add(t);
      }
      lista.set(slot, f);
    }
    this.longitudDe[slot] = longitud;
    this.terminosDoc.set(id, [...tf.keys()]);
    this.longitudTotal += longitud;
  }

  quitar(id: number): void {
    const terminos = this.terminosDoc.get(id);
    const slot = this.slots.get(id);
    if (!terminos || slot === undefined) return;
    for (const t of terminos) {
      const lista = this.postings.get(t);
      lista?.delete(slot);
      if (lista?.size === 0) {
        this.postings.delete(t);
        this.corregibles.delete(t);
      }
    }
    this.longitudTotal -= this.longitudDe[slot];
    this.slots.delete(id);
    this.libres.push(slot);
    this.terminosDoc.delete(id);
  }

  limpiar(): void {
    this.postings.clear();
    this.corregibles.clear();
    this.slots.clear();
    this.idDe = [];
    this.longitudDe = [];
    this.libres = [];
    this.terminosDoc.clear();
    this.longitudTotal = 0;
  }

  /**
   * A term the catalog does not use is read as a typo of the closest one it does ("extintr" →
   * "extintor"); ties go to the more common term. Numbers are never corrected: 10 is not 20.
   */
  corregir(termino: string): string {
    if (this.postings.has(termino) || /\d/.test(termino)) return termino;
    const max = toleranciaTipeo(termino.length);
    const sonido = fonetica(termino);
    let mejor = termino;
    let mejorDistancia = max + 1;
    let mejorFrecuencia = 0;
    for (const candidato of this.corregibles) {
      const lista = this.postings.get(candidato)!;
      const d = distanciaEdicion(sonido, this.sonido(candidato), max);
      if (d < mejorDistancia || (d === mejorDistancia && d <= max && lista.size > mejorFrecuencia)) {
        mejor = candidato;
        mejorDistancia = d;
        mejorFrecuencia = lista.size;
      }
    }
    return mejorDistancia <= max ? mejor : termino;
  }

  private sonido(termino: string): string {
    let s = this.sonidos.get(termino);
    if (s === undefined) this.sonidos.set(termino, (s = fonetica(termino)));
    return s;
  }

  /** whether some document holds the term */
  tiene(termino: string): boolean {
    return this.postings.has(termino);
  }

  /** the share of the documents that hold the term */
  parte(termino: string): number {
    return (this.postings.get(termino)?.size ?? 0) / Math.max(1, this.slots.size);
  }

  /** how informative a term is here; a term no document has weighs the most */
  idf(termino: string): number {
    const n = this.slots.size;
    const df = this.postings.get(termino)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** @param pesos what a query term weighs beside the others (1 when absent): a looser reading of a word counts less */
  buscar(consulta: string[], k: number, aceptar: (id: number) => boolean = () => true, pesos?: ReadonlyMap<string, number>): HitLexico[] {
    const n = this.slots.size;
    if (n === 0) return [];
    const media = this.longitudTotal / n;
    const terminos = [...new Set(consulta)].filter((t) => this.postings.has(t));
    const puntos = new Float64Array(this.idDe.length);
    // per slot: 0 not seen yet, 1 accepted, 2 filtered out (the filter is asked once per document)
    const visto = new Uint8Array(this.idDe.length);
    const aceptados: number[] = [];
    for (const t of terminos) {
      const lista = this.postings.get(t)!;
      const idf = Math.log(1 + (n - lista.size + 0.5) / (lista.size + 0.5)) * (pesos?.get(t) ?? 1);
      // (forEach: a for…of over a Map allocates an entry per document)
      lista.forEach((f, slot) => {
        if (visto[slot] === 0) {
          visto[slot] = aceptar(this.idDe[slot]) ? 1 : 2;
          if (visto[slot] === 1) aceptados.push(slot);
        }
        if (visto[slot] === 2) return;
        const norma = K1 * (1 - B + (B * this.longitudDe[slot]) / media);
        puntos[slot] += (idf * f * (K1 + 1)) / (f + norma);
      });
    }
    // only what can reach the k best is sorted: everything at or above the k-th best score
    let candidatos = aceptados;
    if (aceptados.length > k) {
      const orden = Float64Array.from(aceptados, (s) => puntos[s]).sort();
      const umbral = orden[orden.length - k];
      candidatos = aceptados.filter((s) => puntos[s] >= umbral);
    }
    return candidatos
      .sort((a, b) => puntos[b] - puntos[a] || this.idDe[a] - this.idDe[b])
      .slice(0, k)
      .map((slot) => ({ id: this.idDe[slot], score: puntos[slot], coincidencias: terminos.filter((t) => this.postings.get(t)!.has(slot)) }));
  }
}
