import { distanciaEdicion, fonetica, palabras, plegar, toleranciaTipeo } from '../../common/texto';
import { COLORES } from '../busqueda/variantes';
import { Analizador, raiz } from './analizador';
import { esMuyComun, esPalabraComun } from './palabras-es';

/**
 * How the catalog supports one word of a customer's message:
 * - `nucleo`: it names a kind of product (the head of a product name, or a lexicon word for one);
 * - `nombre`: a distinctive word of some names or a category ("dieléctricos", "nitrilo");
 * - `modificador`: a word names use to tell products apart (colour, size, "seguridad");
 * - undefined: the catalog does not use it: it is the customer's conversation.
 */
export type Soporte = 'nucleo' | 'nombre' | 'modificador';

export interface ProductoVocabulario {
  id: number;
  sku: string;
  nombre: string;
  categoria: string;
  activo: boolean;
  /** what its variants are listed in ("colores blanco, negro y gris"), when the vocabulary may read it */
  descripcion?: string;
}

/** Reads words against the catalog: what the conversation needs, without the index. */
export interface LectorCatalogo {
  /** `tolerante` (default): also read by ear and as a typo of a catalog word */
  soporte(palabra: string, tolerante?: boolean): Soporte | undefined;
  /** the word names a category of the catalog ("extintores") */
  esCategoria(palabra: string): boolean;
  /** the analysed term (as search reads it, "dielectric", "20lb") is in some active product's name */
  contiene(termino: string): boolean;
  /** some active product's name starts with the first word and carries the others ("casco abierto con visor"): together they name one product */
  juntos(palabras: string[]): boolean;
  /** some active product's name carries these words one right after the other ("triple 15", "calibre 12"): a number there names, it counts nothing */
  seguidos(palabras: string[]): boolean;
  /** the text with each misspelt word replaced by the catalog term it reads as ("guantez" → "guant") */
  reescribir(texto: string): string;
  /** the word heads names of a pack of another kind of product ("Caja lapiceros BIC x 24", "Par de cartuchos"), not of a thing of its own ("Caja octagonal") */
  envase(palabra: string): boolean;
}

/** prefixes said alone to stress ("súper bueno"), never a clipped product word */
const INTENSIFICADORES = new Set(['super', 'hiper', 'requete', 'archi']);

/** a word used by more than this share of the products tells nothing apart ("seguridad") */
const COMUN = 0.15;

/**
 * The catalog's own vocabulary: the analysed terms (same folding, synonyms and stems as search)
 * of active products' names, SKUs and categories, and the lexicon words that lead to them. It
 * follows the search index document by document, so it is current after every product change,
 * import and rebuild. Descriptions are left out on purpose: they are full of ordinary words
 * ("ideal", "trabajo", "ayuda") that must stay conversation.
 */
export class VocabularioCatalogo implements LectorCatalogo {
  /** term → ids of the products whose name starts with it */
  private readonly nucleos = new Map<string, Set<number>>();
  /** term → ids of the products whose name, SKU or category carries it */
  private readonly terminos = new Map<string, Set<number>>();
  private readonly porProducto = new Map<
    number,
    { nucleo?: string; terminos: string[]; sku: string; nombre: string[]; categoria: string[]; opciones: string[] }
  >();
  /** category terms → ids */
  private readonly categorias = new Map<string, Set<number>>();
  /** every analysed term of active names, numbers and measures included */
  private readonly delNombre = new Map<string, Set<number>>();
  /** term → ids of the products whose description lists it among its options ("formas coffin, almendra y stiletto") */
  private readonly opciones = new Map<string, Set<number>>();
  /** whole SKUs, folded ("res-cart"), as a customer may type one */
  private readonly skus = new Map<string, number>();
  /** the sound of each stem ("kask" for casco): "kasco blanko" reads as the catalog spells it */
  private readonly sonidos = new Map<string, string>();
  private readonly iniciales = new Map<string, Map<string, string>>();
  /** per-word readings; cleared on every change */
  private readonly cache = new Map<string, Soporte | null>();

  constructor(private readonly analizador: Analizador) {}

  get productos(): number {
    return this.porProducto.size;
  }

  indexar(p: ProductoVocabulario): void {
    const cambio = { nuevos: new Set<string>(), idos: new Set<string>() };
    this.quitarDe(p.id, cambio);
    if (p.activo) this.agregar(p, cambio);
    this.seguirLecturas(cambio);
  }

  quitar(id: number): void {
    const cambio = { nuevos: new Set<string>(), idos: new Set<string>() };
    this.quitarDe(id, cambio);
    this.seguirLecturas(cambio);
  }

  private agregar(p: ProductoVocabulario, cambio: { nuevos: Set<string> }): void {
    const completo = [...new Set(this.analizador.terminos(p.nombre))];
    for (const t of completo) añadir(this.delNombre, t, p.id);
    const nombre = completo.filter((t) => !/^\d/.test(t));
    // SKU parts are abbreviations ("CON-TRA"): only the longer ones say something a customer may type
    const sku = this.analizador.terminos(p.sku.replace(/[-_]/g, ' ')).filter((t) => t.length > 3);
    const categoria = this.analizador.terminos(p.categoria.replace(/[-_]/g, ' ')).filter((t) => t.length > 2);
    for (const t of categoria) añadir(this.categorias, t, p.id);
    const otros = [...sku, ...categoria].filter((t) => !/^\d/.test(t));
    const terminos = [...new Set([...nombre, ...otros])];
    const nucleo = nombre[0];
    if (nucleo) añadir(this.nucleos, nucleo, p.id);
    for (const t of terminos) if (añadir(this.terminos, t, p.id)) cambio.nuevos.add(t);
    const opciones = opcionesListadas(p.descripcion ?? '').flatMap((w) => this.analizador.terminos(w));
    for (const t of opciones) añadir(this.opciones, t, p.id);
    const codigo = plegar(p.sku);
    this.skus.set(codigo, p.id);
    this.porProducto.set(p.id, { nucleo, terminos, sku: codigo, nombre: completo, categoria, opciones });
  }

  private quitarDe(id: number, cambio: { idos: Set<string> }): void {
    const previo = this.porProducto.get(id);
    if (!previo) return;
    if (previo.nucleo) retirar(this.nucleos, previo.nucleo, id);
    for (const t of previo.terminos) if (retirar(this.terminos, t, id)) cambio.idos.add(t);
    for (const t of previo.nombre) retirar(this.delNombre, t, id);
    for (const t of previo.categoria) retirar(this.categorias, t, id);
    for (const t of previo.opciones) retirar(this.opciones, t, id);
    if (this.skus.get(previo.sku) === id) this.skus.delete(previo.sku);
    this.porProducto.delete(id);
  }

  limpiar(): void {
    this.nucleos.clear();
    this.terminos.clear();
    this.porProducto.clear();
    this.skus.clear();
    this.delNombre.clear();
    this.categorias.clear();
    this.opciones.clear();
    this.cache.clear();
    this.sonidos.clear();
    this.iniciales.clear();
  }

  /**
   * The readings derived from the terms follow a change term by term: rebuilding them over the
   * whole vocabulary after every product would cost each chat turn during an import a full pass.
   * Only a term gone for good that was the one read for its sound sends the sounds to a rebuild.
   */
  private seguirLecturas({ nuevos, idos }: { nuevos: Set<string>; idos: Set<string> }): void {
    this.cache.clear();
    for (const t of idos) {
      if (nuevos.has(t)) continue;
      this.iniciales.get(t[0])?.delete(t);
      if (this.sonidos.get(fonetica(t)) === t) this.sonidos.clear();
    }
    for (const t of nuevos) {
      if (idos.has(t)) continue;
      if (this.sonidos.size) this.sonidos.set(fonetica(t), t);
      if (this.iniciales.size) porLetra(this.iniciales, t).set(t, fonetica(t));
    }
  }

  esCategoria(palabra: string): boolean {
    return this.analizador.terminos(palabra, true).some((t) => this.categorias.has(t) || this.categorias.has(this.porSonido(t)));
  }

  contiene(termino: string): boolean {
    return this.delNombre.has(termino);
  }

  /** the analysed term is only an option some description lists ("negr" where no name carries a colour): which, never what */
  soloOpcion(termino: string): boolean {
    return this.opciones.has(termino) && !this.terminos.has(termino);
  }

  juntos([cabeza, ...otras]: string[]): boolean {
    const terminos = (w: string) => this.analizador.terminos(w).map((t) => (this.delNombre.has(t) ? t : this.porSonido(t)));
    const resto = otras.map(terminos);
    // the name starts with the first ("Barbuquejo para casco" is no casco with barbuquejo)
    for (const t of terminos(cabeza ?? ''))
      for (const id of this.nucleos.get(t) ?? []) {
        const nombre = new Set(this.porProducto.get(id)?.nombre);
        if (resto.every((ts) => ts.some((x) => nombre.has(x)))) return true;
      }
    return false;
  }

  seguidos(palabras: string[]): boolean {
    const buscados = palabras.map((w) => this.analizador.terminos(w));
    if (buscados.some((ts) => ts.length !== 1)) return false;
    const [primero, ...resto] = buscados.map(([t]) => t);
    for (const id of this.delNombre.get(primero) ?? []) {
      const nombre = this.porProducto.get(id)?.nombre ?? [];
      if (nombre.some((t, i) => t === primero && resto.every((r, k) => nombre[i + k + 1] === r))) return true;
    }
    return false;
  }

  envase(palabra: string): boolean {
    return this.analizador.terminos(palabra).some((t) =>
      [...(this.nucleos.get(t) ?? [])].some((id) => {
        const [, contenido] = this.porProducto.get(id)?.nombre ?? [];
        return contenido !== undefined && contenido !== t && this.nucleos.has(contenido);
      }),
    );
  }

  reescribir(texto: string): string {
    return palabras(texto)
      .map((w) => {
        const t = raiz(w);
        if (/\d/.test(w) || this.terminos.has(t) || this.nucleos.has(t)) return w;
        const entera = this.recorte(t);
        if (entera !== t) return entera;
        if (esPalabraComun(w)) return w;
        const leido = this.porSonido(t);
        if (leido !== t) return leido;
        const leida = [this.corregir(t), this.diminutivo(t)].find((x) => x !== t);
        return leida ?? w;
      })
      .join(' ');
  }

  /** The strongest support any reading of the word has (its synonyms and a typo-level correction included). */
  soporte(palabra: string, tolerante = true): Soporte | undefined {
    if (this.skus.has(plegar(palabra))) return 'nucleo';
    const w = palabras(palabra).join(' ');
    if (!w || /^\d+$/.test(w)) return undefined;
    if (!tolerante)
      return this.analizador
        .terminos(w)
        .map((t) => this.soporteTermino(t))
        .find(Boolean);
    const guardado = this.cache.get(w);
    if (guardado !== undefined) return guardado ?? undefined;
    let mejor: Soporte | undefined;
    // a word of everyday Spanish is that word, never a catalog word spelt wrong
    const escrita = w.split(' ').every(esPalabraComun);
    for (const t of this.analizador.terminos(w, true)) {
      const s =
        this.soporteTermino(t) ??
        (escrita ? undefined : (this.soporteTermino(this.porSonido(t)) ?? this.soporteTermino(this.corregir(t)) ?? this.soporteTermino(this.diminutivo(t)))) ??
        this.soporteTermino(this.recorte(t));
      if (s === 'nucleo' || (s === 'nombre' && mejor !== 'nucleo') || (s && !mejor)) mejor = s;
    }
    this.cache.set(w, mejor ?? null);
    return mejor;
  }

  private soporteTermino(t: string): Soporte | undefined {
    if (this.nucleos.has(t)) return 'nucleo';
    const ids = this.terminos.get(t);
    // "necesito nudes", "1 de stiletto": an option a description lists tells which of a product, never a thing the shop lacks
    if (!ids) return this.opciones.has(t) ? 'modificador' : undefined;
    if (COLORES.has(t)) return 'modificador';
    // a category no name spells ("pintura", "herramientas") names a class of products, however many
    if (this.categorias.has(t) && !this.delNombre.has(t)) return 'nombre';
    return ids.size <= Math.max(3, this.porProducto.size * COMUN) ? 'nombre' : 'modificador';
  }

  /** a word spelt by ear ("kasco", "guantez") is the catalog term that sounds the same */
  private porSonido(t: string): string {
    if (this.sonidos.size === 0) for (const termino of this.terminos.keys()) this.sonidos.set(fonetica(termino), termino);
    // same length: a silent h ("hacer" → "acer") is another word, not a spelling; a long word
    // written without its leading h ("ipoclorito", "erramienta") is that word
    for (const forma of [t, raiz(t.replace(/z$/, 's'))]) {
      const termino = this.sonidos.get(fonetica(forma));
      if (termino && (termino.length === forma.length || (forma.length >= 6 && termino === `h${forma}`))) return termino;
    }
    return t;
  }

  /** a misspelt word read as the closest catalog term by sound ("estintor"); short words are never corrected */
  private corregir(t: string): string {
    // short words are too close to too many ordinary ones ("hacer" is not "acero")
    const max = t.length < 6 ? 0 : toleranciaTipeo(t.length);
    if (max === 0) return t;
    const sonido = fonetica(t);
    let mejor = t;
    let distancia = max + 1;
    for (const [candidato, suyo] of this.porInicial(t[0])) {
      const d = distanciaEdicion(sonido, suyo, max);
      if (d < distancia) [mejor, distancia] = [candidato, d];
    }
    return distancia <= max ? mejor : t;
  }

  /** a diminutive ("extintorsito", "casquito", "guantecitos") is the catalog term it is made from */
  private diminutivo(t: string): string {
    const m = /^(.{3,}?)(?:ec|c|s)?it$/.exec(t);
    if (!m) return t;
    const base = m[1].replace(/qu$/, 'c').replace(/gu$/, 'g');
    // ("cajitas": a short head of names, "caja", is made smaller too)
    return [t.slice(0, -2), base].find((b) => (b.length >= 4 && this.terminos.has(b)) || (b.length === 3 && this.nucleos.has(b))) ?? t;
  }

  /**
   * A clipped word ("el semi" for "semipermanente") is the one term of the catalog it starts, when
   * that term is much longer; a word said for itself ("mano", "auto") or to stress ("súper") clips nothing.
   */
  private recorte(t: string): string {
    if (t.length < 4 || !/^\p{L}+$/u.test(t) || INTENSIFICADORES.has(t) || esMuyComun(t)) return t;
    let unico: string | undefined;
    for (const termino of this.porInicial(t[0]).keys())
      if (termino.length >= t.length + 5 && termino.startsWith(t)) {
        if (unico !== undefined) return t;
        unico = termino;
      }
    return unico ?? t;
  }

  /** terms by their first letter, with their sound: built once, then followed term by term, so a typo costs one small scan */
  private porInicial(inicial: string): Map<string, string> {
    if (this.iniciales.size === 0) for (const termino of this.terminos.keys()) porLetra(this.iniciales, termino).set(termino, fonetica(termino));
    return this.iniciales.get(inicial) ?? new Map<string, string>();
  }
}

/** words that open what a thing is for, where or with what ("para pisos, paredes y baños", "con shampoo, keratina y…") */
const USO = /^(?:para|pa|contra|en|sobre|como|con|sin|entre|desde|hasta|incluye|trae)$/;
/** the kinds of option a description lists a product's choices under ("colores", "formas", "gama de") */
const CLASE_OPCION =
  /^(?:colou?r|colores|tonos?|tonalidad|tonalidades|formas?|variedad|variedades|tallas?|gamas?|aromas?|fragancias?|sabores?|presentaciones|presentacion|tamanos?|medidas?|modelos?|referencias?|estilos?|acabados?|diseños?|disenos?|versiones|tipos?|opciones|lineas?|motivos?|estampados?)$/;

/**
 * The options a description lists, word by word: the one-word items of a list ("formas coffin,
 * almendra y stiletto", "gama de nudes, rojos, pasteles y glitter") and the last word of the item
 * that opens them after the kind of option ("colores blanco", "gama de nudes"), or every item of
 * a list in brackets ("(naturales, cenizas y dorados)"). Lists of longer items ("polvo de 28 g,
 * monómero de 60 ml y pincel") are what a kit carries, and a list after "para", "en" or "con" what
 * it serves or brings: not options.
 */
export function opcionesListadas(descripcion: string): string[] {
  const salida: string[] = [];
  const texto = descripcion.toLowerCase();
  const trozos = [
    ...[...texto.matchAll(/\(([^()]*)\)/g)].map((m) => ({ texto: m[1], aparte: true })),
    // ("Colores: azul oscuro, caqui y negro": after the kind of option and a colon, every item, of one word or two)
    ...[...texto.matchAll(/(\p{L}+)\s*:([^.;:()]*)/gu)]
      .filter((m) => CLASE_OPCION.test(plegar(m[1])))
      .map((m) => ({ texto: m[2], aparte: true, dobles: true })),
    ...texto
      .replace(/\([^()]*\)/g, '.')
      .split(/[.;:]+/)
      .map((t) => ({ texto: t, aparte: false })),
  ];
  for (const trozo of trozos) {
    const partes = trozo.texto.split(/\s*,\s*/);
    const ultima = partes.pop() ?? '';
    const final = ultima.split(/\s+(?:y|o|e|u)\s+/);
    // a list: "a, b y c" (two items at least after the first)
    if (final.length < 2 || partes.length < 1) continue;
    const items = [...partes, ...final].map((x) => x.trim().split(/\s+/).filter(Boolean));
    const palabra = (x: string[]) => x.length === 1 && /^\p{L}{3,}$/u.test(x[0]);
    const primera = trozo.aparte ? 0 : items.findIndex((x, k) => k > 0 && palabra(x));
    const abre = items[primera - 1];
    // ("colores blanco, negro…", "gama de nudes, rojos…": the kind of option, right before the first)
    const clase = abre?.at(-2) === 'de' ? abre.at(-3) : abre?.at(-2);
    if (primera < 0 || (abre && !CLASE_OPCION.test(plegar(clase ?? '')))) continue;
    if (abre) salida.push(abre[abre.length - 1]);
    for (const item of items.slice(primera)) {
      if (USO.test(item[0] ?? '')) break;
      if (palabra(item)) salida.push(item[0]);
      else if ('dobles' in trozo && item.length === 2) salida.push(...item);
    }
  }
  return salida.filter((w) => /^\p{L}{3,}$/u.test(w));
}

function porLetra(m: Map<string, Map<string, string>>, termino: string): Map<string, string> {
  let deLetra = m.get(termino[0]);
  if (!deLetra) m.set(termino[0], (deLetra = new Map<string, string>()));
  return deLetra;
}

/** true when the term is new to the map */
function añadir(m: Map<string, Set<number>>, t: string, id: number): boolean {
  let s = m.get(t);
  const nuevo = !s;
  if (!s) m.set(t, (s = new Set()));
  s.add(id);
  return nuevo;
}

/** true when the term leaves the map */
function retirar(m: Map<string, Set<number>>, t: string, id: number): boolean {
  const s = m.get(t);
  s?.delete(id);
  if (s?.size !== 0) return false;
  m.delete(t);
  return true;
}
