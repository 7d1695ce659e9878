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
  private readonly postings = new Map<string, Map<number, number>>();
  private readonly longitudes = new Map<number, number>();
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
    return this.longitudes.size;
  }

  agregar(id: number, campos: CampoLexico[]): void {
    this.quitar(id);
    const tf = new Map<string, number>();
    let longitud = 0;
    for (const { terminos, peso } of campos) {
      for (const t of terminos) tf.set(t, (tf.get(t) ?? 0) + peso);
      longitud += terminos.length * peso;
    }
    for (const [t, f] of tf) {
      let lista = this.postings.get(t);
      if (!lista) {
        this.postings.set(t, (lista = new Map<number, number>()));
        if (!/^\d+$/.test(t)) this.corregibles.add(t);
      }
      lista.set(id, f);
    }
    this.longitudes.set(id, longitud);
    this.terminosDoc.set(id, [...tf.keys()]);
    this.longitudTotal += longitud;
  }

  quitar(id: number): void {
    const terminos = this.terminosDoc.get(id);
    if (!terminos) return;
    for (const t of terminos) {
      const lista = this.postings.get(t);
      lista?.delete(id);
      if (lista?.size === 0) {
        this.postings.delete(t);
        this.corregibles.delete(t);
      }
    }
    this.longitudTotal -= this.longitudes.get(id) ?? 0;
    this.longitudes.delete(id);
    this.terminosDoc.delete(id);
  }

  limpiar(): void {
    this.postings.clear();
    this.corregibles.clear();
    this.longitudes.clear();
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
    return (this.postings.get(termino)?.size ?? 0) / Math.max(1, this.longitudes.size);
  }

  /** how informative a term is here; a term no document has weighs the most */
  idf(termino: string): number {
    const n = this.longitudes.size;
    const df = this.postings.get(termino)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /** @param pesos what a query term weighs beside the others (1 when absent): a looser reading of a word counts less */
  buscar(consulta: string[], k: number, aceptar: (id: number) => boolean = () => true, pesos?: ReadonlyMap<string, number>): HitLexico[] {
    const n = this.longitudes.size;
    if (n === 0) return [];
    const media = this.longitudTotal / n;
    const acumulado = new Map<number, HitLexico>();
    for (const t of new Set(consulta)) {
      const lista = this.postings.get(t);
      if (!lista) continue;
      const idf = Math.log(1 + (n - lista.size + 0.5) / (lista.size + 0.5)) * (pesos?.get(t) ?? 1);
      for (const [id, f] of lista) {
        if (!aceptar(id)) continue;
        const norma = K1 * (1 - B + (B * (this.longitudes.get(id) ?? media)) / media);
        const hit = acumulado.get(id) ?? { id, score: 0, coincidencias: [] };
        hit.score += (idf * f * (K1 + 1)) / (f + norma);
        hit.coincidencias.push(t);
        acumulado.set(id, hit);
      }
    }
    return [...acumulado.values()].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
  }
}
