import { palabras } from '../common/texto';
import { Bm25 } from './busqueda/bm25';
import { VectorHit } from './retrieval.interfaces';
import { alternanciasVerbales, Analizador, sinDiminutivo } from './texto/analizador';
import { Acepciones, Tesauro } from './texto/tesauro';
import { DocumentoVectorial, EstadoVectores, VectoresPersistidos } from './vectores';

export interface CampoTexto {
  texto: string;
  /** BM25F weight of the field (a title counts more than the body) */
  peso: number;
  /** a field that says what the document is about (its title, its question): see HitTexto.clave */
  clave?: boolean;
}

/** One searchable document of a collection: weighted text fields and what it is filtered by. */
export interface DocumentoTexto {
  id: number;
  campos: CampoTexto[];
  categoria: string;
  activo: boolean;
}

export interface HitTexto {
  id: number;
  /** fused relevance, comparable within one query */
  score: number;
  /** cosine to the query (0 when vectors did not answer) */
  semantico: number;
  lexico: number;
  /** share of the query's informative weight (IDF) the document contains: comparable across queries */
  cobertura: number;
  /** share of the document's key fields' informative weight the query asks about: of two FAQs sharing the query's words, the one asking nothing more */
  clave: number;
  /** the query terms found in the document's key fields */
  claves: string[];
  /** the query terms found ("term~" when read as a typo) */
  coincidencias: string[];
}

export interface EstadoColeccion extends EstadoVectores {
  documentos: number;
}

export interface OpcionesColeccion {
  /** below this cosine a purely semantic hit is noise */
  umbralSemantico: number;
  /** words of the collection's queries that carry no topic ("hacen", "ustedes"), beside the analyser's own */
  vacias?: Iterable<string>;
  /**
   * A stemmer for the analyser's words, for prose: the catalog's light plural/gender stemming
   * keeps "cuida" and "cuidado" apart, a full Spanish stemmer does not. Quantities with units
   * ("10lb") are kept as the analyser reads them.
   */
  raiz?: (palabra: string) => string;
  /** words that carry no topic when no document uses them ("dejar", "ayudan"): they then weigh nothing in `cobertura` */
  debiles?: (palabra: string) => boolean;
  /** phrases read as one word on both sides, for what the analyser drops ("cada cuanto" → "frecuencia") */
  frases?: Record<string, string>;
  /** a general thesaurus, through which a query word no text uses reaches the texts' own words, weighing less (see `lejanas`) */
  tesauro?: Tesauro;
}

/** the shortest stem of a one-word phrase read for its other forms too */
const RAIZ_MINIMA = 4;

/** the senses that must lead a word to a term for the thesaurus' reading to stand for the word itself */
const ACUERDO = 2;
/** what a thesaurus reading weighs beside the word itself */
const PESO_LEJANO = 0.5;

const PESOS = { semantico: 0.4, lexico: 0.25, cobertura: 0.2, clave: 0.15 };

/**
 * A searchable collection of texts beside the catalog (knowledge passages, or any other): BM25
 * with the same Spanish analyser as product search, vectors from the configured embedder in an
 * index of its own (VectoresPersistidos: persisted with a fingerprint, updated per change), and
 * one fused ranking. The owner says how to load every document; the collection keeps the rest.
 */
export class ColeccionTextos {
  private readonly bm25 = new Bm25();
  private readonly fichas = new Map<number, { categoria: string; activo: boolean; clave: Set<string> }>();
  private readonly vacias: Set<string>;
  private readonly frases?: { patron: RegExp; a: Map<string, string> };
  /** the stems of the one-word phrases, read as their word's stem: "revise", "demoran", "cobren" are the forms listed ("revisar", "demora", "cobran") */
  private readonly raices = new Map<string, string>();
  /** built on the first word it must read: stemming the thesaurus' headwords costs a boot a fifth of a second */
  private acepciones?: Acepciones;

  constructor(
    readonly nombre: string,
    private readonly analizador: Analizador,
    private readonly vectores: VectoresPersistidos,
    private readonly cargar: () => Promise<DocumentoTexto[]>,
    private readonly opciones: OpcionesColeccion,
  ) {
    this.vacias = new Set(opciones.vacias ?? []);
    const frases = Object.entries(opciones.frases ?? {}).map(([de, a]) => [palabras(de).join(' '), a] as const);
    if (frases.length) {
      const alternativas = frases.map(([de]) => de).sort((x, y) => y.length - x.length);
      this.frases = { patron: new RegExp(`\\b(${alternativas.join('|')})\\b`, 'g'), a: new Map(frases) };
    }
    const raiz = opciones.raiz;
    if (raiz) {
      const dudosas = new Set<string>();
      for (const [de, a] of frases) {
        if (de.includes(' ') || a.includes(' ')) continue;
        const [r, ra] = [raiz(de), raiz(a)];
        // a short stem is many words' ("dan" of daño and of dar); one read as two words is neither
        if (r.length < RAIZ_MINIMA || r === ra) continue;
        if (this.raices.has(r) && this.raices.get(r) !== ra) dudosas.add(r);
        this.raices.set(r, ra);
      }
      for (const r of dudosas) this.raices.delete(r);
    }
  }

  /**
   * The thesaurus' readings of a query word none of whose terms (`propios`) the texts use: the
   * terms they do use, and the query does not already ask, that two of its senses agree on
   * ("cobran" → percibir by two senses of "cobrar"). Noise only matters when it lands on the
   * texts' own words, and one sense alone landing there is mostly noise ("factura" → bizcocho).
   */
  private lejanas(palabra: string, propios: Set<string>, pedidos: string[]): string[] {
    const tesauro = this.opciones.tesauro;
    if (!tesauro || [...propios].some((t) => this.bm25.tiene(t))) return [];
    this.acepciones ??= new Acepciones(tesauro, this.opciones.raiz ?? ((p) => this.analizador.terminos(p)[0] ?? p));
    const terminos = this.acepciones.terminos(palabra, (x) => x.length >= RAIZ_MINIMA && this.bm25.tiene(x));
    return [...terminos].filter(([t, sentidos]) => sentidos >= ACUERDO && !pedidos.includes(t)).map(([t]) => t);
  }

  /** Loads everything from the owner (persisted vectors reused when their fingerprint matches). */
  async preparar(forzar = false): Promise<{ documentos: number; indexados: number; ms: number }> {
    const inicio = performance.now();
    const r = await this.vectores.reconstruir(async () => {
      const documentos = await this.cargar();
      this.bm25.limpiar();
      this.fichas.clear();
      for (const d of documentos) this.indexarLexico(d);
      return documentos.map(vectorial);
    }, forzar);
    return { ...r, ms: Math.round(performance.now() - inicio) };
  }

  /** Follows changes: new or edited documents, deactivated ones, and removed ids. */
  aplicar(documentos: DocumentoTexto[], quitados: number[] = []): Promise<void> {
    for (const id of quitados) {
      this.bm25.quitar(id);
      this.fichas.delete(id);
    }
    for (const d of documentos) this.indexarLexico(d);
    return this.vectores.aplicar(documentos.map(vectorial), quitados);
  }

  get tamano(): number {
    return this.fichas.size;
  }

  async buscar(consulta: string, opciones: { limite: number; categoria?: string }): Promise<{ hits: HitTexto[]; degradada: boolean }> {
    // phrases first: "cada cuanto" is a question of frequency before "cuanto" is a filler
    const texto = palabras(this.conFrases(consulta))
      .filter((p) => !this.esVacia(p))
      .join(' ');
    const originales = this.terminos(texto, true);
    const terminos = originales.map((t) => this.bm25.corregir(t));
    const corregidos = new Set(terminos.filter((t, i) => t !== originales[i] && !originales.includes(t)));
    const unicos = [...new Set(terminos)];
    // coverage counts the customer's words, not the terms a synonym adds: "eléctricas" read as
    // "eléctricas dieléctricos" is one word asked about, and must not weigh twice
    const porPalabra = [...new Set(texto.split(' ').filter(Boolean))]
      .map((p) => ({ p, ts: new Set(this.terminos(p, true).map((t) => this.bm25.corregir(t))) }))
      .filter(({ p, ts }) => ts.size > 0 && !(this.opciones.debiles?.(p) && ![...ts].some((t) => this.bm25.tiene(t))))
      .map(({ p, ts }) => ({ ts, lejanas: this.lejanas(p, ts, unicos) }));
    // the thesaurus' readings of words the texts never use, weighing less than the words themselves
    const lejanos = new Set(porPalabra.flatMap(({ lejanas }) => lejanas));
    const pesos = new Map([...lejanos].map((t) => [t, PESO_LEJANO]));
    const pesoPalabra = (ts: Set<string>) => Math.max(...[...ts].map((t) => this.bm25.idf(t)));
    const pesoTotal = porPalabra.reduce((s, { ts }) => s + pesoPalabra(ts), 0);
    const acepta = (id: number) => {
      const f = this.fichas.get(id);
      return !!f && f.activo && (opciones.categoria === undefined || f.categoria === opciones.categoria);
    };
    const amplitud = Math.max(opciones.limite * 5, 50);
    const semanticos: VectorHit[] | undefined = unicos.length
      ? await this.vectores.buscar(texto, amplitud, { categoria: opciones.categoria, soloActivos: true })
      : [];
    const lexicos = new Map(this.bm25.buscar([...unicos, ...pesos.keys()], amplitud, acepta, pesos).map((h) => [h.id, h]));
    const maxLexico = Math.max(0, ...[...lexicos.values()].map((h) => h.score));
    const sem = new Map((semanticos ?? []).filter((h) => acepta(h.id)).map((h) => [h.id, h.score]));

    const hits: HitTexto[] = [];
    for (const id of new Set([...lexicos.keys(), ...sem.keys()])) {
      const lex = lexicos.get(id);
      const semantico = Math.max(0, sem.get(id) ?? 0);
      if (!lex && semantico < this.opciones.umbralSemantico) continue;
      const halladas = new Set(lex?.coincidencias ?? []);
      const claveDoc = this.fichas.get(id)!.clave;
      // a word read through the thesaurus onto what the entry is about (its key fields) counts as a share of itself, its own reading ("term~") found;
      // onto a word its text merely uses, it only ranks ("¿lavan overoles?" is no question about how to clean them)
      const leidas: string[] = [];
      const pesoCoincidente = porPalabra.reduce((suma, { ts, lejanas }) => {
        const propio = Math.max(0, ...[...ts].filter((t) => halladas.has(t)).map((t) => this.bm25.idf(t) * (corregidos.has(t) ? 0.5 : 1)));
        const suyas = lejanas.filter((t) => halladas.has(t));
        const lejano = suyas.length > 0 ? PESO_LEJANO : 0;
        if (suyas.some((t) => claveDoc.has(t))) leidas.push(`${[...ts][0]}~`);
        return suma + Math.max(propio, lejano * pesoPalabra(ts));
      }, 0);
      const cobertura = pesoTotal > 0 ? pesoCoincidente / pesoTotal : 0;
      const pesoClave = [...claveDoc].reduce((s, t) => s + this.bm25.idf(t), 0);
      const claves = [...claveDoc].filter((t) => unicos.includes(t) || lejanos.has(t));
      const clave = pesoClave > 0 ? claves.reduce((s, t) => s + this.bm25.idf(t) * (unicos.includes(t) ? 1 : PESO_LEJANO), 0) / pesoClave : 0;
      const score =
        PESOS.semantico * semantico + PESOS.lexico * (lex && maxLexico > 0 ? lex.score / maxLexico : 0) + PESOS.cobertura * cobertura + PESOS.clave * clave;
      hits.push({
        id,
        score: redondear(score),
        semantico: redondear(semantico),
        lexico: redondear(lex?.score ?? 0),
        cobertura: redondear(cobertura),
        clave: redondear(clave),
        claves,
        coincidencias: [...(lex?.coincidencias ?? []).map((t) => (corregidos.has(t) || !unicos.includes(t) ? `${t}~` : t)), ...leidas],
      });
    }
    hits.sort((a, b) => b.score - a.score || a.id - b.id);
    return { hits: hits.slice(0, opciones.limite), degradada: semanticos === undefined };
  }

  async estado(): Promise<EstadoColeccion> {
    return { ...(await this.vectores.informe()), documentos: this.fichas.size };
  }

  cerrar(): Promise<void> {
    return this.vectores.cerrar();
  }

  /** The terms this collection indexes and queries with (what an owner compares sentences by, too). */
  terminos(texto: string, consulta = false): string[] {
    const conFrases = this.conFrases(texto);
    const { palabras: leidas, terminos } = this.analizador.analizar(conFrases, consulta);
    const raiz = this.opciones.raiz;
    if (!raiz) return terminos;
    // the phrases' stems read only the words written, not the ones the analyser's synonyms add ("moto" adds "vehículo", which is no "carro")
    const escritas = new Set(palabras(conFrases));
    // a query's diminutive ("tallercito"), its singular or plural the stemmer reads apart ("arnés" → arne, "arneses" → arnes),
    // or another form of a stem-changing verb ("piden" for "pedimos") is the word the documents use, when they use it
    const deConsulta = (p: string) => {
      const propia = raiz(p);
      // a shop or a place in "-ería" (Montería, ferretería) is no form of the phrase's verb its stem shares ("montar")
      const r = (escritas.has(p) && !/erias?$/.test(p) ? this.raices.get(propia) : undefined) ?? propia;
      if (!consulta || this.bm25.tiene(r)) return r;
      return (
        [...sinDiminutivo(p).map(raiz), ...otroNumero(p).map(raiz), ...(r.length >= 3 ? alternanciasVerbales(r) : []), ...otrasFormas(p).map(raiz)].find((b) =>
          this.bm25.tiene(b),
        ) ?? r
      );
    };
    return [...leidas.map(deConsulta), ...terminos.filter((t) => /\d/.test(t) && /[a-z]/.test(t))];
  }

  /** whether some document holds the term, or a term it reads as a typo of */
  conoce(termino: string): boolean {
    return this.bm25.tiene(this.bm25.corregir(termino));
  }

  /** how informative a term (or the term it reads as a typo of) is here; a term no document has weighs the most */
  peso(termino: string): number {
    return this.bm25.idf(this.bm25.corregir(termino));
  }

  /** the share of the documents that hold the term (or the term it reads as a typo of) */
  parte(termino: string): number {
    return this.bm25.parte(this.bm25.corregir(termino));
  }

  /** whether some document's key fields (its title, its question) hold the term or the term it reads as a typo of */
  esClave(termino: string): boolean {
    const t = this.bm25.corregir(termino);
    for (const f of this.fichas.values()) if (f.activo && f.clave.has(t)) return true;
    return false;
  }

  /**
   * a word this collection's queries drop as carrying no topic (its own list, and adverbs: "exactamente"); not an adverb of what
   * some document's key fields are about ("¿facturan electrónicamente?" of "Factura electrónica")
   */
  esVacia(palabra: string): boolean {
    if (this.vacias.has(palabra)) return true;
    if (palabra.length < 8 || !palabra.endsWith('mente')) return false;
    const [adjetivo] = this.terminos(palabra.slice(0, -5));
    return !adjetivo || !this.esClave(adjetivo);
  }

  /** The text with the collection's phrases read as their words ("echan carga" → "recarga"). */
  conFrases(texto: string): string {
    if (!this.frases) return texto;
    const { patron, a } = this.frases;
    return palabras(texto)
      .join(' ')
      .replace(patron, (f) => a.get(f) ?? f);
  }

  private indexarLexico(d: DocumentoTexto): void {
    // a title's filler ("¿Hacen…?") is not what it is about, nor the common verb it is asked with ("¿tengo que hacer el curso otra vez?")
    const clave = new Set(
      d.campos
        .filter((c) => c.clave)
        .flatMap((c) =>
          this.terminos(
            palabras(this.conFrases(c.texto))
              .filter((p) => !this.esVacia(p) && !this.opciones.debiles?.(p))
              .join(' '),
          ),
        ),
    );
    this.fichas.set(d.id, { categoria: d.categoria, activo: d.activo, clave });
    this.bm25.agregar(
      d.id,
      d.campos.map((c) => ({ terminos: this.terminos(c.texto), peso: c.peso })),
    );
  }
}

/**
 * A verb's other forms, as candidates: the stemmer cuts some persons shorter than the infinitive
 * ("separan" → sep, "separar" → separ), so the form a text uses may be another stem. An
 * infinitive gives its present forms; a plural present form its infinitive ("separan" → separar).
 */
function otrasFormas(palabra: string): string[] {
  if (palabra.length < 5) return [];
  const infinitivo = /^([a-z]{3,})(ar|er|ir)$/.exec(palabra);
  if (infinitivo) {
    const [, base, fin] = infinitivo;
    return (fin === 'ar' ? ['a', 'an', 'o', 'amos'] : ['e', 'en', 'o', fin === 'er' ? 'emos' : 'imos']).map((t) => base + t);
  }
  // only the plural persons: a form in -a, -e or -o is as often a noun ("tubo" is no form of a verb "tuber")
  const presente = /^([a-z]{3,}?)(amos|emos|imos|an|en)$/.exec(palabra);
  if (!presente) return [];
  const base = presente[1];
  return presente[2].startsWith('a') ? [`${base}ar`] : [`${base}er`, `${base}ir`];
}

/** a noun's other number, as candidates: "arnes" ↔ "arneses", "valvula" ↔ "valvulas", "motor" ↔ "motores" */
function otroNumero(palabra: string): string[] {
  if (palabra.length < 4) return [];
  if (!palabra.endsWith('s')) return [/[aeiou]$/.test(palabra) ? `${palabra}s` : `${palabra}es`];
  return [palabra.slice(0, -1), ...(palabra.endsWith('es') ? [palabra.slice(0, -2)] : []), `${palabra}es`];
}

function vectorial(d: DocumentoTexto): DocumentoVectorial {
  return {
    id: d.id,
    texto: d.campos
      .map((c) => c.texto.trim())
      .filter(Boolean)
      .join('. '),
    metadata: { categoria: d.categoria, activo: d.activo },
  };
}

function redondear(x: number): number {
  return Math.round(x * 10000) / 10000;
}
