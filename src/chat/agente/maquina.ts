import { formatoCOP, multiplicar, sumar } from '../../common/money';
import { palabras } from '../../common/texto';
import { raiz } from '../../retrieval/texto/analizador';
import { validarCampo } from './datos-cliente';
import { direccionEnmascarada, poseeRegistro, REUTILIZABLES } from './posesion';
import { ALGO_MAS, CategoriaCatalogo, componer, ESTADOS_PEDIDO, FilaCatalogo, fichaProducto, FRASES, Negocio, opciones, PREGUNTA_CAMPO } from './plantillas';
import { personasEn } from '../../conocimiento/recomendacion';
import { Acto, ACTOS_SOCIALES, Campo, CAMPOS, comentarioAparte, DatosCliente, Fase, Interpretacion, Mencion, TipoActo } from './tipos';

/**
 * The order state machine: pure and deterministic. Given the conversation's state, the acts of
 * one message and what retrieval found for each act, it returns the next state and the answer.
 * Stock, prices, totals and every state change are decided here, never by a language model;
 * the pipeline around it does the I/O. Each act has its handler (MANEJADORES, exhaustive over
 * ACTOS); the reply is closed once, at the end, by `cerrar`.
 */

export interface LineaPedido {
  producto_id: number;
  nombre: string;
  precio_unitario: number;
  cantidad: number;
}

export interface PreguntaVariante {
  texto: string;
  cantidad: number | null;
  opciones: FilaCatalogo[];
  aproximado?: boolean;
  /** named in the plural without a number: ask how many once the variant is chosen */
  plural?: boolean;
  /** (v3) already asked with its full list: a later reply recalls it in one line */
  preguntada?: boolean;
  /** (v3) one product asked for without a number ("necesito botas pantaneras"): only how many is missing */
  soloCantidad?: boolean;
  /** (v3) recalled once: the customer went on without answering it */
  recordada?: boolean;
}

/** the version of the stored state this code writes; older ones are read by `leerEstado` */
export const VERSION_ESTADO = 3;

export interface EstadoConversacion {
  version?: number;
  fase: Fase | null;
  items: LineaPedido[];
  datos: DatosCliente;
  /** the customer-data field the agent asked for last */
  campo?: Campo;
  /** the personal-data notice was shown; data given after it is consent */
  avisoMostrado?: boolean;
  /** when the customer consented (ISO), recorded on the customer */
  consentimiento?: string;
  /** the cédula whose phone on file this chat typed: only then is the stored record reused (and updated) */
  verificada?: string;
  /** fields filled from the stored record: shown masked, never in full */
  reusados?: Campo[];
  /** a returning customer is asked only to confirm or change the address */
  confirmandoDireccion?: boolean;
  /** ambiguous products waiting for the customer to pick a variant, all asked at once */
  pendientes: PreguntaVariante[];
  /** the line the customer touched last, for "mejor 3" */
  ultimaLinea?: number;
  /** products the last answer listed, for "dame 2 de esos", "el más barato", "¿en qué colores?" */
  mostrados: FilaCatalogo[];
  /** the category last listed and where its next page starts ("ver más"); clave null is the whole catalog */
  navegacion?: { clave: string | null; titulo: string; desde: number };
  /** the last products discussed (shown or added), most recent last: "los dos" after two questions */
  recientes?: FilaCatalogo[];
  /** (v3) the last list of several products shown, kept when one of them is then picked: "y también el verde" */
  lista?: FilaCatalogo[];
  /** the line added with one unit because no number was said: a bare number right after sets it */
  cantidadSupuesta?: number;
  /** the main act of the last turn */
  ultimoActo?: TipoActo;
  /** the last answer asked how many units (of the products in mostrados) */
  esperaCantidad?: boolean;
  /** the last quantity the customer said */
  ultimaCantidad?: number;
  /** (v3) the quantity said while asking about a product ("cotización de 20 chalecos"), by product id: "agrégalos" takes it */
  cantidades?: Record<number, number>;
  /** "solo tenemos 3, ¿te agrego esas 3?" waiting for the answer */
  ofertaStock?: { producto: FilaCatalogo; cantidad: number };
  /** the last answer offered a human: a "sí" takes it */
  ofertaHumano?: boolean;
  /** the last answer handed the chat to a person: asking for one again is told it is done */
  escalado?: boolean;
  /** the last answer offered a recommended kit (the products in mostrados): a "sí" or "todos" adds them, `cantidad` of each */
  ofertaKit?: { cantidad: number };
  /** numbers every cart of this chat: the order's idempotency key is chat + cart */
  carrito: number;
  pedido?: { id: number; total: number; estado: string };
}

export type Resolucion =
  /** `alternativas`: the same kind of product in stock, when this one is sold out */
  | { mencion: Mencion; tipo: 'unico'; producto: FilaCatalogo; alternativas?: FilaCatalogo[] }
  /** `aproximado`: part of what the customer named is in none of the options ("guantes de boxeo") */
  | { mencion: Mencion; tipo: 'ambiguo'; opciones: FilaCatalogo[]; aproximado?: boolean }
  | { mencion: Mencion; tipo: 'ninguno'; parecidos: FilaCatalogo[] };

/** what the resolve stage found for one act */
export type Recuperado =
  | { tipo: 'nada' }
  | { tipo: 'productos'; resoluciones: Resolucion[] }
  /** the variant picked from the options asked last */
  | { tipo: 'eleccion'; producto: FilaCatalogo }
  | { tipo: 'catalogo'; categorias: CategoriaCatalogo[]; total: number }
  | { tipo: 'lista'; clave: string | null; titulo: string; desde: number; filas: FilaCatalogo[]; total: number }
  /** the business-answer stage: the profile's or the knowledge base's answer, or none */
  /** `nombrados`: the catalog products the question names, remembered (and shown when nobody answers) */
  | { tipo: 'negocio'; respuesta?: string; fuentes?: string[]; productos?: FilaCatalogo[]; nombrados?: Resolucion[] }
  | { tipo: 'pedido'; pedido: { id: number; estado: string; total: number } | null };

export interface Turno {
  mensaje: string;
  interpretacion: Interpretacion;
  /** one per interpretacion.actos, in order */
  recuperados: Recuperado[];
  negocio: Negocio;
  /**
   * the stored, active customer of the cédula this chat carries, if any. Never shown as such: it
   * is reused only once the chat also typed the phone on file (see posesion.ts)
   */
  clienteRegistrado?: DatosCliente | null;
  /** fresh rows of the products in the cart (stock changes while a customer chats) */
  carritoActual: Record<number, FilaCatalogo>;
  ahora: string;
}

/** what the pipeline must do besides answering */
export type Efecto =
  | { tipo: 'registrar' }
  | { tipo: 'escalar'; motivo: string }
  /** a thing the customer asked for and the catalog does not carry */
  | { tipo: 'no_encontrado'; texto: string };

export interface Decision {
  estado: EstadoConversacion;
  respuesta: string;
  /** catalog rows the answer is based on */
  productos: FilaCatalogo[];
  efectos: Efecto[];
}

export const registra = (d: Decision) => d.efectos.some((x) => x.tipo === 'registrar');
export const noEncontrados = (d: Decision) => d.efectos.flatMap((x) => (x.tipo === 'no_encontrado' ? [x.texto] : []));
export const escalamiento = (d: Decision) => d.efectos.find((x): x is Extract<Efecto, { tipo: 'escalar' }> => x.tipo === 'escalar');

export function estadoInicial(): EstadoConversacion {
  return { version: VERSION_ESTADO, fase: null, items: [], datos: {}, pendientes: [], mostrados: [], carrito: 1 };
}

/** A stored state of any version as the current one: fields added later get their neutral value. */
export function leerEstado(guardado: Record<string, unknown> | null | undefined): EstadoConversacion {
  if (!guardado) return estadoInicial();
  const e = { ...estadoInicial(), ...(guardado as Partial<EstadoConversacion>) };
  e.pendientes ??= [];
  e.mostrados ??= [];
  e.items ??= [];
  e.datos ??= {};
  e.version = VERSION_ESTADO;
  return e;
}

export function totalPedido(items: LineaPedido[]): number {
  return sumar(items.map((l) => multiplicar(l.precio_unitario, l.cantidad)));
}

/** fields an order goes without (AGENT.md: the indications may be "ninguna"): a "no" or a "listo" leaves them blank */
const OPCIONALES = new Set<Campo>(['indicaciones_adicionales']);

export function datosFaltantes(e: EstadoConversacion): Campo[] {
  return CAMPOS.filter((c) => e.datos[c] === undefined);
}

/** The state a new purchase acts on: a finished or cancelled order leaves room for a new one. */
function abrir(e: EstadoConversacion): void {
  if (e.fase === 'completado' || e.fase === 'cancelado') {
    e.fase = null;
    e.items = [];
    e.pendientes = [];
    e.campo = undefined;
    e.confirmandoDireccion = false;
    e.pedido = undefined;
    e.cantidades = undefined;
    e.carrito += 1;
  }
}

class Respuesta {
  readonly partes: string[] = [];
  readonly productos = new Map<number, FilaCatalogo>();
  readonly efectos: Efecto[] = [];
  /** the cart changed this turn: the reply ends with the total */
  carritoCambio = false;
  /** the line added with one unit and no number, whose count the customer now says ("uno solo"): set, not added */
  supuestaDicha?: number;
  /** a question the customer must answer was already asked this turn */
  pregunto = false;
  /** the open choices were already asked this turn */
  variantesPreguntadas = false;
  /** the data field was already asked this turn */
  campoPedido = false;
  /** a line removed this turn, whose quantity a replacement keeps */
  quitada?: LineaPedido;
  /** every group of products this reply showed, in order: the memory of the turn */
  readonly vistos: FilaCatalogo[][] = [];
  /** a "sí" came with choices still open: the reply says what is missing right before asking them */
  faltaAntes = false;
  /** products whose "¿cuántas?" this reply already asked */
  readonly cuantasPreguntadas = new Set<number>();
  /** the products whose line this reply added to or set a count of */
  readonly contados = new Set<string>();
  /** where this reply offered the stock there is: one offer is remembered, so a later one leaves the earlier as a plain fact */
  private oferta?: { parte: number; producto: FilaCatalogo };
  /** the split by sizes or colours of the act being handled, until a line takes it */
  reparto?: Acto['partes'];

  /**
   * The split a line of `p` counted `cantidad` takes: when that is the parts' sum, or the first part only (the reading
   * gave that one to the line), and no part is a word of the product's name (then the variants are products of their own).
   */
  repartoDe(p: FilaCatalogo, cantidad: number): { suma: number; partes: NonNullable<Acto['partes']> } | undefined {
    const partes = this.reparto;
    if (!partes) return undefined;
    const suma = partes.reduce((s, x) => s + x.cantidad, 0);
    const nombre = new Set(palabras(p.nombre).map(raiz));
    const ajena = partes.some((x) => palabras(x.variante).some((w) => w !== 'talla' && nombre.has(raiz(w))));
    if (ajena || (cantidad !== suma && cantidad !== partes[0].cantidad)) return undefined;
    this.reparto = undefined;
    return { suma, partes };
  }

  ofrecerStock(p: FilaCatalogo): this {
    if (this.oferta) this.partes[this.oferta.parte] = FRASES.quedan(this.oferta.producto.stock, this.oferta.producto.nombre);
    this.oferta = { parte: this.partes.length, producto: p };
    return this.preguntar(FRASES.soloHay(p.stock, p.nombre));
  }

  decir(...texto: string[]): this {
    this.partes.push(...texto.filter(Boolean));
    return this;
  }

  preguntar(...texto: string[]): this {
    this.pregunto = true;
    return this.decir(...texto);
  }

  mostrar(...filas: FilaCatalogo[]): this {
    for (const f of filas) this.productos.set(f.id, f);
    return this;
  }

  efecto(e: Efecto): this {
    this.efectos.push(e);
    return this;
  }

  decision(estado: EstadoConversacion): Decision {
    return { estado, respuesta: componer(this.partes), productos: [...this.productos.values()], efectos: this.efectos };
  }
}

interface Contexto {
  e: EstadoConversacion;
  r: Respuesta;
  t: Turno;
  /** the acts of the message, for handlers whose wording depends on the others */
  tipos: Set<TipoActo>;
  /** the previous answer asked how many */
  esperaba?: boolean;
  /** the previous answer offered a kit */
  kit?: { cantidad: number };
  /** the one product the previous answer offered in stock or asked how many of */
  enFoco?: FilaCatalogo;
  /** what the previous answer offered of the stock, if it did */
  oferta?: { producto: FilaCatalogo; cantidad: number };
  /** the previous answer handed the chat to a person */
  escalado?: boolean;
  /** the main act of the previous turn */
  previo?: TipoActo;
  /** the previous answer said it did not know and offered a person (not after a complaint or a message not understood) */
  ofrecido?: boolean;
  /** the message buys something concrete (a product, a variant, a number): a "sí" beside it answers "¿algo más?", not "¿procedemos?" */
  compra: boolean;
  /** a side remark puts the rest off ("gracias, lo consulto con el jefe"): the cart waits, no "¿algo más?" */
  pospone?: boolean;
}

type Manejador = (c: Contexto, acto: Acto, rec: Recuperado) => void;

/** One handler per act: adding an act to ACTOS without its handler does not compile. */
const MANEJADORES: Record<TipoActo, Manejador> = {
  saludar: ({ e, r, t, tipos, esperaba }) => {
    // while collecting data the reply recalls the order itself ("seguimos con tu pedido…"): the greeting does not say it twice
    if (e.items.length && e.fase === 'recolectando_datos') r.decir(FRASES.holaDeNuevo);
    else if (e.items.length && e.fase !== 'completado') r.decir(FRASES.saludoDeNuevo);
    else r.decir(FRASES.saludo(t.negocio, tipos.size === 1 && !esperaba && e.pendientes.length === 0));
  },
  consultar_catalogo: (c, acto, rec) => hojear(c, rec),
  consultar_producto: (c, acto, rec) => consultar(c, acto, rec),
  agregar: (c, acto, rec) => agregarActo(c, acto, rec),
  quitar: (c, acto) => quitar(c, acto),
  cambiar_cantidad: (c, acto, rec) => cambiarCantidad(c, acto, rec),
  ver_carrito: ({ e, r }) => {
    r.decir(resumen(e));
  },
  confirmar: (c) => confirmar(c),
  negar: (c, acto) => negar(c, acto),
  cancelar: (c) => cancelar(c),
  dar_datos: (c, acto) => recibirDatos(c, acto.datos ?? {}),
  consultar_negocio: (c, acto, rec) => {
    const { e, r, t } = c;
    const respuesta = rec.tipo === 'negocio' ? rec.respuesta : undefined;
    if (respuesta) {
      r.decir(respuesta);
      // a recommended kit: its cards, and the memory "agrégalos todos" / "solo el extintor" refer to
      const recomendados = rec.tipo === 'negocio' ? (rec.productos ?? []) : [];
      if (recomendados.length) {
        r.mostrar(...recomendados);
        recordar(e, r, recomendados);
        e.ofertaKit = { cantidad: personasEn(t.mensaje) ?? 1 };
      }
    } else if (c.previo === 'pedir_humano') {
      // a person was just asked for: no second offer of one
      r.decir(FRASES.sinInformacionConAsesor);
    } else {
      // neither the profile nor the knowledge base says: honest, and a human on offer (asked outright when it was offered just before)
      r.decir(c.ofrecido ? FRASES.tampocoSe(t.negocio, acto.tema) : FRASES.sinInformacion(t.negocio, acto.tema));
      e.ofertaHumano = true;
    }
    if (rec.tipo === 'negocio') recordarCantidades(e, rec.nombrados ?? []);
    // ("traen certificado los guantes?" right after the dielectric ones: those)
    const nombrados =
      rec.tipo === 'negocio'
        ? (rec.nombrados ?? [])
            .map((x) => (definida(t.mensaje, x.mencion) ? delaMemoria(e, x, t.mensaje) : x))
            .flatMap((x) => (x.tipo === 'unico' ? [x.producto] : x.tipo === 'ambiguo' ? x.opciones : []))
        : [];
    if (nombrados.length === 0 || e.ofertaKit) return;
    // "cotización de 20 chalecos", "¿cuál extintor piden para el carro?": what the catalog has of them, for "agrégalos", "¿cuánto cuesta?"
    if (!respuesta) r.mostrar(...nombrados).decir(FRASES.deLoQueMencionas, ...nombrados.map((p) => fichaProducto(p, t.negocio)));
    recordar(e, r, nombrados);
  },
  pedir_humano: ({ r, t, previo, escalado }) => {
    // asked again, or right after the chat was handed over: the same handover said twice reads as if nothing happened
    r.decir(previo === 'pedir_humano' || escalado ? FRASES.humanoYa : FRASES.humano(t.negocio)).efecto({
      tipo: 'escalar',
      motivo: 'el cliente pidió un asesor',
    });
    r.pregunto = true;
  },
  consultar_pedido: (c, acto, rec) => {
    // (of the order still being made the delivery terms were fetched: they answer as a business question)
    if (rec.tipo === 'negocio') return MANEJADORES.consultar_negocio(c, acto, rec);
    const { e, r } = c;
    const p = rec.tipo === 'pedido' ? rec.pedido : null;
    // asked again after "no veo pedidos": a person looks it up, instead of the same answer twice
    if (!p && c.previo === 'consultar_pedido') {
      r.decir(FRASES.humano(c.t.negocio)).efecto({ tipo: 'escalar', motivo: 'el cliente pregunta por un pedido que este chat no tiene' });
      r.pregunto = true;
    } else if (!p) {
      r.decir(FRASES.sinPedidosRegistrados);
      e.ofertaHumano = true;
    } else r.decir(FRASES.estadoPedido(p.id, p.total, ESTADOS_PEDIDO[p.estado] ?? p.estado));
  },
  agradecer: ({ e, r, tipos }) => {
    // ("sí, gracias": a yes beside the thanks is thanked all the same)
    if (tipos.size === 1 || [...tipos].every((x) => x === 'agradecer' || x === 'despedirse' || x === 'saludar' || x === 'confirmar'))
      r.decir(FRASES.deNada(e.items.length > 0 || e.fase === 'recolectando_datos'));
  },
  despedirse: ({ r, tipos }) => {
    if (![...tipos].some((x) => x === 'agradecer')) r.decir(FRASES.adios);
  },
  otro: ({ e, r, t, previo }, acto) => {
    if (acto.pospone) r.preguntar(FRASES.cuandoQuieras(e.items.length > 0));
    // "compré una correa y se dañó el botón": a complaint about a thing bought, which a person sees to
    else if (acto.productos?.length && !e.items.length && e.fase !== 'recolectando_datos') {
      r.preguntar(FRASES.queja);
      e.ofertaHumano = true;
    } else if (e.fase !== 'recolectando_datos' && e.pendientes.length === 0 && !e.items.length) {
      // "mmm", "estoy viendo", "jaja ok": thinking aloud, not a request the agent failed to read
      if (palabras(t.mensaje).length <= 3 && !/\d/.test(t.mensaje)) r.decir(FRASES.sinAfan);
      // not understood twice in a row: a person on offer instead of the same explanation again
      else if (previo === 'otro') {
        r.decir(FRASES.noEntendiDeNuevo(t.negocio));
        e.ofertaHumano = true;
      } else r.decir(FRASES.noEntendi);
    } else if (e.fase === 'recolectando_datos' && previo === 'otro' && !acto.pospone) {
      // not understood twice while the form is open: said so, not the same "seguimos" again
      r.decir(FRASES.noEntendiEnDatos);
    }
  },
};

export function decidir(estadoPrevio: EstadoConversacion, t: Turno): Decision {
  const e = leerEstado(structuredClone(estadoPrevio) as unknown as Record<string, unknown>);
  const r = new Respuesta();
  const todos = t.interpretacion.actos.length ? t.interpretacion.actos : [{ tipo: 'otro' } as Acto];
  // a side remark asks for nothing: the acts beside it answer (its retrieval, by position, stays aligned)
  const actos = todos.filter((a) => !comentarioAparte(a, todos));
  // (a need, "listo, también necesito guantes", wants more too)
  const compra = actos.some(
    (a) =>
      (a.tipo === 'agregar' &&
        (a.productos?.some((m) => m.enCatalogo) || !!a.variantes?.length || a.cantidad !== undefined || a.referencia?.tipo === 'ordinal')) ||
      (!!a.necesidad && !!a.productos?.some((m) => m.enCatalogo)),
  );
  // advice on which product serves is answered as a business question is; a need ("necesito guantes de nitrilo")
  // as a purchase whose number is still missing: shown, how many asked, and kept open until it comes
  const comoSeManeja = (a: Acto): TipoActo => (a.consejo ? 'consultar_negocio' : a.necesidad ? 'agregar' : a.tipo);
  const c: Contexto = {
    e,
    r,
    t,
    tipos: new Set(actos.map(comoSeManeja)),
    compra,
    pospone: todos.some((a) => comentarioAparte(a, todos) && a.pospone),
    ofrecido: e.ofertaHumano && e.ultimoActo !== 'otro',
    oferta: e.ofertaStock,
    escalado: e.escalado,
    enFoco: e.ofertaStock?.producto ?? (e.esperaCantidad && e.mostrados.length === 1 ? e.mostrados[0] : undefined),
  };
  // a question about the offer ("¿y cuándo les llegan más?", "¿cómo pago?") leaves it open
  const oferta = [...c.tipos].every((x) => PREGUNTAS.includes(x)) ? e.ofertaStock : undefined;
  // offers live one answer: anything else than yes/no leaves them
  if (!c.tipos.has('confirmar') && !c.tipos.has('negar')) {
    // "entonces las 20" answers the stock offer with another quantity
    if (!c.tipos.has('cambiar_cantidad')) e.ofertaStock = undefined;
    e.ofertaHumano = undefined;
  }
  if (c.tipos.has('consultar_negocio') || c.tipos.has('pedir_humano')) e.ofertaHumano = undefined;
  c.previo = e.ultimoActo;
  const principal = actos.find((a) => a.tipo !== 'saludar' && a.tipo !== 'agradecer')?.tipo ?? actos[0].tipo;
  // "a nombre de Martha, cel …" after asking about an order: the data it is looked up by; the order is still the subject
  const buscaPedido = principal === 'dar_datos' && e.ultimoActo === 'consultar_pedido' && e.fase !== 'recolectando_datos';
  e.ultimoActo = buscaPedido ? 'consultar_pedido' : principal;
  const esperaba = e.esperaCantidad;
  c.esperaba = esperaba;
  c.kit = e.ofertaKit;
  e.ofertaKit = undefined;
  e.esperaCantidad = undefined;
  for (const acto of actos) {
    r.reparto = acto.partes;
    MANEJADORES[comoSeManeja(acto)](c, acto, t.recuperados[todos.indexOf(acto)] ?? { tipo: 'nada' });
  }
  if (oferta && r.vistos.every((g) => g.every((p) => p.id === oferta.producto.id))) {
    e.ofertaStock = oferta;
    // a product question already asked how many of it; otherwise the offer is asked again
    if (!r.pregunto) r.preguntar(FRASES.soloHay(oferta.producto.stock, oferta.producto.nombre));
  }
  // a greeting, a thanks, a removal or a business answer while "¿cuántas?" is open: the question stands
  if (
    esperaba &&
    !r.pregunto &&
    !e.ofertaHumano &&
    [...c.tipos].every((x) => SIN_RESPUESTA.includes(x)) &&
    e.mostrados.length &&
    !enCarrito(e, e.mostrados) &&
    !e.mostrados.some((p) => r.cuantasPreguntadas.has(p.id))
  ) {
    r.preguntar(e.mostrados.length === 1 ? FRASES.cuantas(e.mostrados[0].nombre) : FRASES.cualYCuantas);
    e.esperaCantidad = true;
    for (const p of e.mostrados) r.cuantasPreguntadas.add(p.id);
  }
  unaCosaPorProducto(e, r);
  cerrar(c);
  memorizar(e, r);
  e.escalado = r.efectos.some((x) => x.tipo === 'escalar') || undefined;
  return r.decision(e);
}

/**
 * One thing said of each product in a reply: a product whose count this reply took ("Te agregué 10 ×
 * Mascarilla N95") is not also asked how many ("¿Cuántas unidades de Mascarilla N95 quieres?"), which a
 * product question beside the order had asked.
 */
function unaCosaPorProducto(e: EstadoConversacion, r: Respuesta): void {
  if (!r.contados.size) return;
  const sobran = new Set([...r.contados].flatMap((n) => [FRASES.cuantas(n), FRASES.recordarCantidad(n)]));
  let quitadas = 0;
  r.partes.forEach((p, i) => {
    const sin = p
      .split('\n')
      .filter((l) => !sobran.has(l))
      .join('\n');
    if (sin !== p) {
      r.partes[i] = sin;
      quitadas++;
    }
  });
  if (!quitadas) return;
  r.pregunto = r.partes.some((p) => p.includes('?'));
  if (e.mostrados.every((p) => r.contados.has(p.nombre))) e.esperaCantidad = undefined;
}

/** acts that ask and leave an offer open */
const PREGUNTAS: TipoActo[] = ['consultar_producto', 'consultar_negocio', 'saludar', 'agradecer'];
/** acts that do not answer an open "¿cuántas?" */
const SIN_RESPUESTA: TipoActo[] = ['saludar', 'agradecer', 'otro', 'quitar', 'ver_carrito', 'consultar_negocio'];

/** whether the words name one of these products (share a distinctive stem with its name): "chalecos" among the vests */
export function nombra(texto: string, filas: FilaCatalogo[]): boolean {
  const distintivas = (t: string) => palabras(t).filter((w) => w.length > 2 || /\d/.test(w));
  const stems = new Set(distintivas(texto).map(raiz));
  return filas.some((o) => distintivas(o.nombre).some((w) => stems.has(raiz(w))));
}

/** "¿cuánto valen 20 chalecos?": the number stays with the products it was said of, for the add that follows */
function recordarCantidades(e: EstadoConversacion, resoluciones: Resolucion[]): void {
  for (const res of resoluciones) {
    if (res.mencion.cantidad === null) continue;
    const filas = res.tipo === 'unico' ? [res.producto] : res.tipo === 'ambiguo' ? res.opciones : [];
    for (const p of filas) e.cantidades = { ...e.cantidades, [p.id]: res.mencion.cantidad };
  }
}

/** every one of these products is already a line of the cart */
const enCarrito = (e: EstadoConversacion, filas: FilaCatalogo[]) => filas.every((p) => e.items.some((l) => l.producto_id === p.id));

/** Shows products and remembers them as what the reply is about ("ese", "el más barato", "dame 2"). */
function recordar(e: EstadoConversacion, r: Respuesta, filas: FilaCatalogo[]): void {
  e.mostrados = filas;
  r.vistos.push(filas);
}

/**
 * The turn's memory: every product shown in it joins the recent ones (a short group, so "los dos"
 * never means a whole list), and the last list of several stays apart for the picks that follow it.
 */
function memorizar(e: EstadoConversacion, r: Respuesta): void {
  for (const grupo of r.vistos) {
    if (grupo.length >= 2) e.lista = grupo;
    if (grupo.length > 3) continue;
    const ids = new Set(grupo.map((p) => p.id));
    e.recientes = [...(e.recientes ?? []).filter((p) => !ids.has(p.id)), ...grupo].slice(-6);
  }
}

/** Ends the reply once: every open choice, the data field, or the total and "¿algo más?". */
function cerrar({ e, r, t, tipos, pospone }: Contexto): Respuesta {
  if (registra(r.decision(e))) return r;
  if (e.items.length > 0 && e.fase === null) e.fase = 'carrito';
  if (e.items.length === 0 && (e.fase === 'carrito' || e.fase === 'confirmando')) e.fase = null;
  if (e.ofertaStock) return r;
  // every open choice is asked, also beside another question of this reply ("¿cuántos jeans?" and "¿qué camisas?")
  if (e.pendientes.length > 0 && !r.variantesPreguntadas) return preguntarVariantes(e, r, e.esperaCantidad);
  if (r.pregunto) return r;
  if (e.fase === 'recolectando_datos') {
    if (r.campoPedido) return r;
    // the customer seems lost (a greeting, something unclear): recall the order before asking again
    if (!tipos.has('dar_datos') && [...tipos].some((x) => ['saludar', 'otro', 'agradecer'].includes(x)) && e.items.length)
      r.decir(FRASES.seguimos(e.items.length, totalPedido(e.items)));
    return pedirCampo(e, r, t.negocio);
  }
  if (e.items.length > 0 && (e.fase === 'carrito' || e.fase === 'confirmando')) {
    if (r.carritoCambio) {
      for (const l of e.items) r.mostrar(filaDeLinea(l));
      r.decir(FRASES.total(totalPedido(e.items)));
    }
    e.fase = 'confirmando';
    // "después le escribo, chao", "gracias, lo consulto con el jefe": no question after a goodbye or a put-off, the cart waits
    return r.decir(tipos.has('despedirse') || pospone ? FRASES.pedidoGuardado : ALGO_MAS);
  }
  if (r.partes.length === 0) r.decir(FRASES.queProducto);
  return r;
}

const filaDeLinea = (l: LineaPedido): FilaCatalogo => ({ id: l.producto_id, nombre: l.nombre, precio: l.precio_unitario, stock: Number.NaN });

function preguntarVariantes(e: EstadoConversacion, r: Respuesta, cuantasAbierta?: boolean): Respuesta {
  const varias = e.pendientes.length > 1;
  if (r.faltaAntes) r.decir(e.pendientes.every((p) => p.soloCantidad) ? FRASES.faltaCantidad : FRASES.faltaElegir);
  // a choice only recalled leaves the memory to what this reply showed ("uno" answers "¿cuántos guantes?")
  if ((r.vistos.length === 0 && !cuantasAbierta) || !e.pendientes[0].preguntada) recordar(e, r, e.pendientes[0].opciones);
  let preguntadas = 0;
  for (const p of e.pendientes) {
    if (p.soloCantidad) {
      if (!r.cuantasPreguntadas.has(p.opciones[0].id)) {
        r.decir(FRASES.recordarCantidad(p.opciones[0].nombre));
        p.recordada = true;
      }
      continue;
    }
    r.mostrar(...p.opciones);
    if (p.preguntada) {
      r.decir(FRASES.recordarEleccion(p.texto, p.cantidad, p.opciones, !!p.aproximado));
      p.recordada = true;
    } else if (p.aproximado) r.decir(FRASES.noExacto(p.texto), opciones(p.opciones), FRASES.teSirve);
    else r.decir(FRASES.cualDe(p.cantidad, p.texto, varias, preguntadas++ > 0), opciones(p.opciones));
    p.preguntada = true;
  }
  r.pregunto = true;
  r.variantesPreguntadas = true;
  return r;
}

// ——— browsing ———

const PAGINA = 8;
const MAX_CATEGORIAS = 10;

function hojear({ e, r }: Contexto, rec: Recuperado): void {
  if (rec.tipo === 'catalogo') {
    // a long list of categories is no overview: the biggest, and how many more
    const vistas = rec.categorias.slice(0, MAX_CATEGORIAS);
    r.decir(FRASES.catalogo(rec.total), ...vistas.map(FRASES.categoria));
    if (rec.categorias.length > vistas.length) r.decir(FRASES.masCategorias(rec.categorias.length - vistas.length));
    r.decir(FRASES.elegirCategoria);
    e.navegacion = { clave: null, titulo: 'nuestro catálogo', desde: 0 };
    r.pregunto = true;
    return;
  }
  if (rec.tipo !== 'lista') return;
  if (rec.filas.length === 0) {
    r.decir(FRASES.noHayMas);
    return;
  }
  const hasta = rec.desde + rec.filas.length;
  r.mostrar(...rec.filas);
  r.decir(FRASES.tituloLista(rec.titulo, rec.desde, hasta, rec.total), opciones(rec.filas));
  recordar(e, r, rec.filas);
  e.navegacion = { clave: rec.clave, titulo: rec.titulo, desde: hasta };
  r.preguntar(rec.total > hasta ? FRASES.hayMas(rec.total - hasta) : FRASES.finLista);
}

/** how many rows a page of a list shows */
export const TAMANO_PAGINA = PAGINA;

// ——— product questions ———

function consultar(c: Contexto, acto: Acto, rec: Recuperado): void {
  const { e, r, t } = c;
  // "necesito chalecos y conos, ¿cuánto valen?": the products this reply already shows, with their prices, answer it
  if (rec.tipo === 'nada' && r.vistos.length > 0) return;
  if (rec.tipo === 'catalogo') {
    r.decir(FRASES.deCualProducto, ...rec.categorias.map(FRASES.categoria));
    r.pregunto = true;
    return;
  }
  let filas: FilaCatalogo[] = [];
  if (rec.tipo === 'productos' && rec.resoluciones.length) {
    // "¿cuánto valen los guantes?" or "los guantes vienen x caja?" right after the carnaza ones: those; "¿qué guantes tienen?" asks for all
    const referidas = rec.resoluciones.map((x) =>
      acto.aspecto === 'precio' || acto.aspecto === 'stock' || definida(t.mensaje, x.mencion) ? delaMemoria(e, x, t.mensaje) : x,
    );
    recordarCantidades(e, referidas);
    for (const res of referidas) {
      // "¿lo tienen en verde?" of the one product shown, when none of its kind comes so: said so, the thread stays on it
      const senalado = e.mostrados.length === 1 ? e.mostrados[0] : undefined;
      // (a variant said as one, "en 38", "talla L": "hasta cuántos voltios" is no variant)
      const variante = acto.variantes?.[0]?.texto;
      const comoVariante = !!variante && new RegExp(`(?:^| )(?:en|talla) ${palabras(variante).join(' ')}(?: |$)`).test(palabras(t.mensaje).join(' '));
      if (res.mencion.eliptica && senalado && variante && comoVariante && (res.tipo === 'ninguno' || (res.tipo === 'ambiguo' && res.aproximado))) {
        r.mostrar(senalado).decir(FRASES.noEnVariante(senalado.nombre, variante));
        recordar(e, r, [senalado]);
        if (enCarrito(e, [senalado]) || senalado.stock <= 0) continue;
        r.preguntar(FRASES.cuantas(senalado.nombre));
        r.cuantasPreguntadas.add(senalado.id);
        e.esperaCantidad = true;
        continue;
      }
      if (res.tipo === 'ninguno') {
        noEncontrado(r, res.mencion, res.parecidos);
        continue;
      }
      if (res.tipo === 'unico') filas.push(res.producto);
      else if (res.aproximado) {
        r.mostrar(...res.opciones).decir(FRASES.noExacto(res.mencion.texto), ...res.opciones.map((p) => fichaProducto(p, t.negocio)));
        recordar(e, r, res.opciones);
        r.preguntar(FRASES.cualYCuantas);
        e.esperaCantidad = true;
      } else filas.push(...res.opciones);
    }
  } else if (acto.variantes?.length) {
    const lista = e.pendientes[0]?.opciones ?? conRecientes(e);
    filas = acto.variantes.flatMap((v) => elegirOpcion(v.texto, lista) ?? []);
    if (filas.length === 0) filas = lista;
  } else if (extremo(acto) && e.pendientes.some((p) => !p.soloCantidad)) {
    // "cinco boquillas, la más barata": the cheapest of the choice just opened answers it, with its quantity
    // (a product waiting only for its number is no list to pick from: "y la más barata?" is about what was shown)
    const pregunta = e.pendientes.filter((p) => !p.soloCantidad).at(-1)!;
    const elegido = porPrecio(
      pregunta.opciones.filter((p) => p.stock > 0),
      acto.aspecto,
    )[0];
    if (elegido && pregunta.cantidad !== null) {
      e.pendientes = e.pendientes.filter((x) => x !== pregunta);
      agregarLinea(e, r, elegido, pregunta.cantidad, t.negocio);
      return;
    }
    filas = pregunta.opciones;
  } else filas = referidos(e, acto, t.mensaje) ?? [];
  // a product two words of the question name is shown once, and one this reply already listed is not counted again
  const vistos = new Set(r.vistos.flat().map((p) => p.id));
  filas = [...new Map(filas.map((p) => [p.id, p])).values()].filter((p) => !vistos.has(p.id));
  if (filas.length === 0) return;
  const aspecto = acto.aspecto ?? 'general';
  if (!extremo(acto)) angostar(e, filas);
  if (extremo(acto) && filas.length > 1) {
    const [elegido] = porPrecio(filas, aspecto);
    r.mostrar(elegido).decir(aspecto === 'mas_barato' ? FRASES.masBarato : FRASES.masCaro, fichaProducto(elegido, t.negocio));
    recordar(e, r, [elegido]);
    r.preguntar(FRASES.cuantas(elegido.nombre));
    e.esperaCantidad = true;
    return;
  }
  const titulo =
    filas.length === 1
      ? FRASES.sobreUno(filas[0], aspecto)
      : aspecto === 'precio'
        ? FRASES.preciosDe
        : aspecto === 'stock'
          ? FRASES.stockDe
          : aspecto === 'variantes'
            ? FRASES.variantesDe
            : FRASES.opcionesDe(filas.length);
  r.mostrar(...filas).decir(titulo, ...filas.map((p) => fichaProducto(p, t.negocio)));
  recordar(e, r, filas);
  // asked about what the cart already holds, or about what is sold out: the reply goes on, not "¿cuántas quieres?"
  if (enCarrito(e, filas) || filas.every((p) => p.stock <= 0)) return;
  r.preguntar(filas.length === 1 ? FRASES.cuantas(filas[0].nombre) : FRASES.cualYCuantas);
  e.esperaCantidad = true;
  for (const p of filas) r.cuantasPreguntadas.add(p.id);
}

/**
 * "¿cuánto valen los cascos amarillos?" while "¿qué cascos?" is open with no number: the question picks that
 * option, so the choice waits only for its number (never its whole list again, never dropped unsaid).
 */
function angostar(e: EstadoConversacion, filas: FilaCatalogo[]): void {
  for (const p of e.pendientes) {
    if (p.soloCantidad || p.cantidad !== null) continue;
    const en = filas.filter((f) => p.opciones.some((o) => o.id === f.id));
    if (en.length !== 1 || p.opciones.length < 2) continue;
    Object.assign(p, { texto: en[0].nombre, opciones: en, plural: true, soloCantidad: true, preguntada: true, aproximado: undefined });
  }
}

/**
 * "los guantes vienen x caja?", "traen certificado los guantes?": named with the article of a thing already known
 * ("¿tienen los cascos con linterna?" asks the catalog whether it has them, whatever was shown)
 */
function definida(mensaje: string, mencion: Mencion): boolean {
  const w = palabras(mensaje);
  if (w.some((x) => /^(tienen|tiene|hay|manejan|maneja|venden|vende|consiguen)$/.test(x))) return false;
  const cabeza = raiz(palabras(mencion.texto)[0] ?? '');
  const i = w.findIndex((x) => raiz(x) === cabeza);
  return i > 0 && DEMOSTRATIVOS.test(w[i - 1]);
}

/**
 * A mention the catalog reads as a choice ("los guantes") that the conversation already settles:
 * exactly one of its options is in the cart, else in what was just shown, else among the products
 * discussed lately. Nearer memory decides first; two options at the same level leave the choice open.
 */
function delaMemoria(e: EstadoConversacion, res: Resolucion, mensaje?: string): Resolucion {
  if (res.tipo !== 'ambiguo' || res.aproximado) return res;
  // "que los cascos sean blancos": the message's own words pick the option before any memory does
  const dicho = mensaje ? senaladoEn(mensaje, res.opciones) : undefined;
  if (dicho) return { mencion: res.mencion, tipo: 'unico', producto: dicho };
  const capas = [e.items.map((l) => l.producto_id), e.mostrados.map((p) => p.id), (e.recientes ?? []).map((p) => p.id)];
  for (const capa of capas) {
    const ids = new Set(capa);
    const en = res.opciones.filter((o) => ids.has(o.id));
    if (en.length === 1) return { mencion: res.mencion, tipo: 'unico', producto: en[0] };
    if (en.length > 1) return res;
  }
  return res;
}

const extremo = (acto: Acto) => acto.aspecto === 'mas_barato' || acto.aspecto === 'mas_caro';
/** cheapest first for "el más barato", dearest first for "el más caro" */
const porPrecio = (filas: FilaCatalogo[], aspecto?: string) => [...filas].sort((a, b) => (aspecto === 'mas_caro' ? b.precio - a.precio : a.precio - b.precio));

/** what was just shown, then what was discussed before it, then the last list it came from */
function conRecientes(e: EstadoConversacion): FilaCatalogo[] {
  const vistos = new Set<number>();
  return [...e.mostrados, ...[...(e.recientes ?? [])].reverse(), ...(e.lista ?? [])].filter((p) => !vistos.has(p.id) && vistos.add(p.id));
}

/**
 * The products a reference points at ("ese", "el segundo", "los dos", "el de 5 libras sirve pa…"), from what
 * was just shown; a position past a single product shown is of the last list it came from ("y del segundo
 * tmb uno" after the cheapest of a list was added).
 */
function referidos(e: EstadoConversacion, acto: Acto, mensaje: string, entre?: FilaCatalogo[]): FilaCatalogo[] | undefined {
  // (a product waiting only for its number is no list to point into)
  const lista = entre ?? e.pendientes.find((p) => !p.soloCantidad)?.opciones ?? e.mostrados;
  if (lista.length === 0) return undefined;
  const ref = acto.referencia;
  if (ref?.tipo === 'ordinal') {
    const i = (ref.posicion ?? 1) - 1;
    const de = lista[i] ? lista : lista.length === 1 && !entre ? (e.lista ?? []) : [];
    return de[i] ? [de[i]] : undefined;
  }
  // "los dos primeros": the first of the list, not all of it
  if (ref?.tipo === 'todos' && ref.primeros) return lista.slice(0, ref.primeros);
  if (ref?.tipo === 'ultimo' && lista.length === 1) return lista;
  // "los dos" after asking about two products one by one
  if (ref?.tipo === 'todos' && lista.length < 2 && (e.recientes?.length ?? 0) >= 2) return e.recientes!.slice(-2);
  // "y ese de 5 libras sirve pa…", "el segundo sirve pa sol?", "y el tipo k cuánto vale?": the words of the reference
  // pick one of several, or one discussed before (a number said is a quantity, not a name: "dame 15")
  const senalado =
    ref?.tipo === 'todos' || acto.cantidad !== undefined
      ? undefined
      : (senaladoEn(mensaje, lista) ?? (ref || entre ? undefined : senaladoEn(mensaje, conRecientes(e))));
  return senalado ? [senalado] : lista;
}

const DEMOSTRATIVOS = /^(el|la|los|las|ese|esa|esos|esas|este|esta|estos|estas)$/;

/**
 * The one product of a list that a reference's own words pick ("el de 5 libras", "la verde", "el segundo"),
 * read on the whole of a short message or, in a longer one, on the few words that follow each article.
 */
function senaladoEn(mensaje: string, lista: FilaCatalogo[]): FilaCatalogo | undefined {
  const directa = elegirOpcion(mensaje, lista);
  if (directa) return directa;
  const w = palabras(mensaje);
  for (const [i, x] of w.entries()) {
    if (!DEMOSTRATIVOS.test(x)) continue;
    const elegido = elegirOpcion(w.slice(i, i + 4).join(' '), lista);
    if (elegido) return elegido;
  }
  return undefined;
}

function noEncontrado(r: Respuesta, mencion: Mencion, parecidos: FilaCatalogo[]): void {
  if (mencion.enCatalogo === false || parecidos.length === 0) r.efecto({ tipo: 'no_encontrado', texto: mencion.texto });
  if (parecidos.length === 0) {
    r.decir(FRASES.noManejamos(mencion.texto));
    return;
  }
  r.mostrar(...parecidos);
  r.decir(FRASES.noManejamosParecidos(mencion.texto), ...parecidos.map((p) => `• ${p.nombre}: ${formatoCOP(p.precio)}`));
}

// ——— the cart ———

/** "necesito mascarillas": named in the plural; "un arnés", "el casco" are one, whatever the last letter */
function esPlural(texto: string, mensaje = ''): boolean {
  const cabeza = palabras(texto)[0] ?? '';
  if (!/^[a-z]+s$/.test(cabeza) || /^(pares?|cajas?)$/.test(cabeza)) return false;
  const w = palabras(mensaje);
  const i = w.indexOf(cabeza);
  const uno = (x?: string) => /^(un|una|el|la|este|esta|ese|esa|otro|otra)$/.test(x ?? '');
  // "otra caja de guantes", "un par de botas": one of what they come in
  const envase = w[i - 1] === 'de' && /^(caja|par|paquete|rollo|bolsa|docena|juego|kit|unidad)$/.test(w[i - 2] ?? '') && uno(w[i - 3]);
  return !(i > 0 && (uno(w[i - 1]) || envase));
}

function agregarActo(c: Contexto, acto: Acto, rec: Recuperado): void {
  const { e, r, t } = c;
  abrir(e);
  if (acto.cantidad !== undefined) e.ultimaCantidad = acto.cantidad;
  if (rec.tipo === 'eleccion') {
    const i = Math.max(
      0,
      e.pendientes.findIndex((x) => x.opciones.some((o) => o.id === rec.producto.id)),
    );
    const [pregunta] = e.pendientes.splice(i, 1);
    const cantidad = acto.cantidad ?? pregunta?.cantidad ?? null;
    if (cantidad === null && pregunta?.plural) {
      preguntarCantidad(e, r, rec.producto, t.negocio);
      return;
    }
    agregarLinea(e, r, rec.producto, cantidad ?? 1, t.negocio, cantidad === null);
    return;
  }
  if (rec.tipo === 'productos' && rec.resoluciones.length) {
    // named in the plural without a number ("necesito mascarillas y tapabocas"): shown, and how many asked; so is the one
    // product a need names ("necesito un respirador"), never taken as one silently (a pick among options is a choice made)
    const cuantos: FilaCatalogo[] = [];
    const resoluciones = rec.resoluciones.map((x) => delaMemoria(e, x));
    const unicos = new Set(resoluciones.flatMap((x) => (x.tipo === 'unico' ? [x.producto.id] : [])));
    // "deme las 20 q hay y 5 pantaneras": a count of its own beside products counted each is of the product in focus
    const suelta = acto.cantidad;
    if (
      suelta !== undefined &&
      c.enFoco &&
      !unicos.has(c.enFoco.id) &&
      resoluciones.every((x) => x.mencion.cantidad !== null && x.mencion.cantidad !== suelta)
    ) {
      sinSupuesta(e, r, c.enFoco, suelta);
      agregarLinea(e, r, c.enFoco, suelta, t.negocio);
    }
    for (const res of resoluciones) {
      // "botas pantaneras … y el es talla 42 de bota": a second mention of a product the message already named is that one
      if (res.tipo === 'ambiguo' && res.opciones.some((o) => unicos.has(o.id))) continue;
      // "los cascos blancos" while "¿qué cascos?" is open: that choice is answered, with its quantity
      const respondida = res.tipo === 'unico' ? e.pendientes.find((p) => p.opciones.some((o) => o.id === res.producto.id)) : undefined;
      if (respondida) e.pendientes = e.pendientes.filter((p) => p !== respondida);
      const dicha = res.tipo === 'unico' ? e.cantidades?.[res.producto.id] : undefined;
      const cantidad = res.mencion.cantidad ?? r.quitada?.cantidad ?? respondida?.cantidad ?? dicha ?? null;
      if (res.mencion.cantidad !== null) e.ultimaCantidad = res.mencion.cantidad;
      if (res.tipo === 'unico' && res.producto.stock <= 0 && res.alternativas?.length) {
        // sold out: said plainly, and the same kind in stock offered as the choice, the quantity kept
        r.decir(FRASES.agotado(res.producto.nombre));
        nuevaPregunta(e, { texto: '', cantidad, opciones: res.alternativas, plural: cantidad === null && esPlural(res.mencion.texto, t.mensaje) });
      } else if (res.tipo === 'unico') {
        sinSupuesta(e, r, res.producto, res.mencion.cantidad);
        // (sold out with nothing like it: said so, never "¿cuántas?")
        if (cantidad === null && (!!acto.necesidad || esPlural(res.mencion.texto, t.mensaje)) && res.producto.stock > 0) cuantos.push(res.producto);
        else agregarLinea(e, r, res.producto, cantidad ?? 1, t.negocio, cantidad === null);
      } else if (res.tipo === 'ambiguo')
        nuevaPregunta(e, {
          texto: res.mencion.texto,
          cantidad,
          opciones: res.opciones,
          aproximado: res.aproximado,
          plural: cantidad === null && esPlural(res.mencion.texto, t.mensaje),
        });
      else noEncontrado(r, res.mencion, res.parecidos);
    }
    if (cuantos.length) preguntarCantidades(e, r, cuantos, t.negocio);
    // "2 de 10 libras, uno de co2": the variants of what was shown, beside the products named
    if (acto.variantes?.length && !acto.productos?.some((m) => m.eliptica)) agregarVariantes(e, r, t, acto);
    return;
  }
  if (acto.variantes?.length) {
    agregarVariantes(e, r, t, acto);
    return;
  }
  // "quiero hablar con alguien, un supervisor": beside the request for a person, a want of nothing named buys nothing
  if (!acto.referencia && c.tipos.has('pedir_humano')) return;
  // no product named: a reference or a bare quantity about what was just shown
  const cantidad = acto.cantidad ?? null;
  // "uno" right after "¿cuántos guantes quieres?" answers that question, even with an older choice still open
  const deLoMostrado = !!c.esperaba && e.mostrados.length > 0;
  const pregunta = deLoMostrado ? undefined : e.pendientes[0];
  // "4 de 40, 5 de 41 y 3 de 42" right after 12 boots were added: the sizes of that line, not 4 more
  if (acto.reparto) {
    const iguales = e.items.filter((l) => l.cantidad === cantidad);
    const nombrada = acto.objetivo ? lineaMencionada(e, acto.objetivo) : undefined;
    const linea = nombrada
      ? iguales.find((l) => l === nombrada)
      : (iguales.find((l) => l.producto_id === e.ultimaLinea) ?? (iguales.length === 1 ? iguales[0] : undefined));
    if (linea) {
      r.decir(FRASES.conTallas(linea.cantidad, linea.nombre, r.repartoDe(filaDeLinea(linea), linea.cantidad)?.partes));
      return;
    }
  }
  // "3" when only how many of one product is missing: that product
  if (pregunta?.soloCantidad && cantidad !== null) {
    agregarLinea(e, r, pregunta.opciones[0], cantidad, t.negocio);
    return;
  }
  if (pregunta && acto.referencia?.tipo !== 'ordinal' && acto.referencia?.tipo !== 'todos') {
    // "dame 15" or "me lo llevo" while a choice is open: the choice is still what is missing
    const motivo = cantidad !== null ? motivoCantidad(cantidad, cantidad, t.negocio) : undefined;
    if (motivo) r.decir(`${motivo}.`);
    else if (cantidad !== null) pregunta.cantidad = cantidad;
    return;
  }
  const dicho = acto.referencia ? undefined : deLaCantidadDicha(e, cantidad, t.mensaje, c.oferta);
  const filas = dicho ? [dicho] : acto.referencia || cantidad !== null ? referidos(e, acto, t.mensaje, deLoMostrado ? e.mostrados : undefined) : undefined;
  if (!filas) {
    if (cantidad !== null) r.preguntar(FRASES.deCual(cantidad));
    else r.preguntar(FRASES.queProducto);
    return;
  }
  if (pregunta) e.pendientes.shift();
  if (filas.length === 1 || acto.referencia?.tipo === 'todos') {
    for (const p of filas) {
      // "eso es", "me lo llevo" of what the cart already holds: it stays as it is
      const enCarrito = e.items.find((l) => l.producto_id === p.id);
      if (enCarrito && cantidad === null && acto.referencia?.tipo === 'ultimo' && !pregunta) {
        if (!c.tipos.has('confirmar')) r.decir(FRASES.yaLoTienes(enCarrito.cantidad, enCarrito.nombre));
        continue;
      }
      if (acto.referencia?.tipo !== 'todos') sinSupuesta(e, r, p, cantidad);
      const porKit = acto.referencia?.tipo === 'todos' ? c.kit?.cantidad : undefined;
      const dicha = e.cantidades?.[p.id];
      agregarLinea(e, r, p, cantidad ?? pregunta?.cantidad ?? porKit ?? dicha ?? 1, t.negocio, cantidad === null && !pregunta?.cantidad && !porKit && !dicha);
    }
    return;
  }
  // "ese" among several shown, with no number: asked once, not kept as an open choice the order waits on
  if (cantidad === null) {
    r.preguntar(FRASES.cualYCuantas);
    e.esperaCantidad = true;
    return;
  }
  nuevaPregunta(e, { texto: '', cantidad, opciones: filas });
}

/**
 * "mande los 14" after "Solo quedan 14 de Arnés… ¿Te agrego esas 12 de Eslinga?": a count said with an article, not the
 * one offered, that is what the shop said there is of one product seen lately (and not in the cart), is of that one
 */
function deLaCantidadDicha(
  e: EstadoConversacion,
  cantidad: number | null | undefined,
  mensaje: string,
  oferta?: { cantidad: number },
): FilaCatalogo | undefined {
  if (cantidad === null || cantidad === undefined || cantidad === oferta?.cantidad) return undefined;
  // (without an offer, the one product just shown, which has that many, is still what a bare count is of)
  if (!oferta && e.mostrados.length === 1 && e.mostrados[0].stock >= cantidad) return undefined;
  if (!new RegExp(`\\b(?:los|las|esos|esas|estos|estas) ${cantidad}\\b`).test(palabras(mensaje).join(' '))) return undefined;
  const vistos = [...e.mostrados, ...(e.recientes ?? [])];
  const dichos = new Set(vistos.filter((p) => p.stock === cantidad && !e.items.some((l) => l.producto_id === p.id)).map((p) => p.id));
  return dichos.size === 1 ? vistos.find((p) => dichos.has(p.id)) : undefined;
}

/** "el extintor" among a kit's products: the one option that is an extintor (its name starts so), if only one is */
function elQueEs(texto: string, lista: FilaCatalogo[]): FilaCatalogo | undefined {
  const cabeza = raiz(palabras(texto)[0] ?? '');
  const son = lista.filter((o) => raiz(palabras(o.nombre)[0] ?? '') === cabeza);
  return son.length === 1 ? son[0] : undefined;
}

/** "10 del naranja y 5 del verde": each variant picked from the options asked or the products shown */
function agregarVariantes(e: EstadoConversacion, r: Respuesta, t: Turno, acto: Acto): void {
  for (const v of acto.variantes ?? []) {
    // the open choice the words answer ("los filtros son pa vapores orgánicos" answers the filters, not the first question)
    const pregunta = e.pendientes.find((x) => elegirOpcion(v.texto, x.opciones) ?? elQueEs(v.texto, x.opciones)) ?? e.pendientes[0];
    const lista = pregunta?.opciones ?? conRecientes(e);
    const palabrasV = new Set(palabras(v.texto).map(raiz));
    const encajan = lista.filter((o) => palabras(o.nombre).some((w) => palabrasV.has(raiz(w))));
    // "talla m" when one product of memory is the M one: that one
    const p = elegirOpcion(v.texto, lista) ?? elQueEs(v.texto, lista) ?? (encajan.length === 1 ? encajan[0] : undefined);
    const cantidad = v.cantidad ?? acto.cantidad ?? pregunta?.cantidad ?? (p && e.cantidades?.[p.id]) ?? null;
    // "talla m" about the line just added, with no new number: a confirmation of it, nothing more to add
    const enCarro = p && !pregunta && cantidad === null ? e.items.find((l) => l.producto_id === p.id) : undefined;
    if (enCarro) {
      r.decir(FRASES.yaLoTienes(enCarro.cantidad, enCarro.nombre));
      continue;
    }
    if (!p) {
      // "las de caucho": ask again among the options those words fit (the question keeps its own words)
      if (pregunta) {
        if (encajan.length) pregunta.opciones = encajan;
        if (v.cantidad !== null) pregunta.cantidad = v.cantidad;
      } else e.pendientes.unshift({ texto: '', cantidad, opciones: encajan.length ? encajan : lista });
      continue;
    }
    if (pregunta) e.pendientes = e.pendientes.filter((x) => x !== pregunta);
    sinSupuesta(e, r, p, v.cantidad);
    if (cantidad === null && (esPlural(v.texto, t.mensaje) || pregunta?.plural)) preguntarCantidad(e, r, p, t.negocio);
    else agregarLinea(e, r, p, cantidad ?? 1, t.negocio, cantidad === null);
  }
}

/** an open choice, unless the same options are already asked (then it takes the newer words) */
function nuevaPregunta(e: EstadoConversacion, p: PreguntaVariante): void {
  const clave = (x: PreguntaVariante) =>
    x.opciones
      .map((o) => o.id)
      .sort()
      .join(',');
  const igual = e.pendientes.find((x) => clave(x) === clave(p));
  if (igual) {
    if (p.cantidad !== null) igual.cantidad = p.cantidad;
    // named again: the full list again
    igual.preguntada = undefined;
    igual.recordada = undefined;
    return;
  }
  e.pendientes.push(p);
}

function preguntarCantidad(e: EstadoConversacion, r: Respuesta, p: FilaCatalogo, n?: Negocio): void {
  preguntarCantidades(e, r, [p], n);
}

function preguntarCantidades(e: EstadoConversacion, r: Respuesta, filas: FilaCatalogo[], n?: Negocio): void {
  const negocio = n ?? ({ mostrar_stock: false } as Negocio);
  r.mostrar(...filas).decir(...filas.map((p) => fichaProducto(p, negocio)));
  recordar(e, r, filas);
  r.preguntar(filas.length === 1 ? FRASES.cuantas(filas[0].nombre) : FRASES.cuantasDeCada);
  e.esperaCantidad = true;
  // wanted, only the number missing: kept open like a choice, so the line is never dropped unsaid
  for (const p of filas) {
    r.cuantasPreguntadas.add(p.id);
    nuevaPregunta(e, { texto: p.nombre, cantidad: null, opciones: [p], plural: true, soloCantidad: true, preguntada: true });
  }
}

/** "el blanco" added one by default; "dame 3 blancos" right after means 3 of it, not 3 more: the assumed line goes */
function sinSupuesta(e: EstadoConversacion, r: Respuesta, p: FilaCatalogo, cantidad: number | null | undefined): void {
  const linea = e.items.find((l) => l.producto_id === p.id);
  if (!linea || e.cantidadSupuesta !== p.id || cantidad === null || cantidad === undefined) return;
  e.items = e.items.filter((l) => l !== linea);
  r.carritoCambio = true;
  r.supuestaDicha = p.id;
}

/** Adds or grows a line, within the per-product limit and the stock; above the stock, offers what there is. */
function agregarLinea(e: EstadoConversacion, r: Respuesta, p: FilaCatalogo, dicha: number, n: Negocio, supuesta = false): void {
  e.cantidadSupuesta = supuesta ? p.id : undefined;
  // "6 madejas de verde musgo, 6 de rosa viejo y 4 de blanco" of one product: 16, each colour said back
  const reparto = supuesta ? undefined : r.repartoDe(p, dicha);
  const cantidad = reparto?.suma ?? dicha;
  const linea = e.items.find((l) => l.producto_id === p.id);
  // "también quiero 2 cascos" on a cart with 3 cascos means 5
  const total = (linea?.cantidad ?? 0) + cantidad;
  const motivo = motivoCantidad(cantidad, total, n);
  r.mostrar(p);
  recordar(e, r, [p]);
  if (motivo) {
    r.decir(`${motivo} (${p.nombre}).`);
    return;
  }
  if (p.stock <= 0) {
    r.decir(FRASES.agotado(p.nombre));
    return;
  }
  if (total > p.stock) {
    if (!n.mostrar_stock) {
      r.decir(FRASES.sinEsaCantidad(p.nombre));
      return;
    }
    const posible = p.stock - (linea?.cantidad ?? 0);
    if (posible <= 0) {
      r.decir(FRASES.quedan(p.stock, p.nombre));
      return;
    }
    e.ofertaStock = { producto: p, cantidad: posible };
    r.ofrecerStock(p);
    return;
  }
  sumarLinea(e, r, p, cantidad, reparto?.partes);
}

function sumarLinea(e: EstadoConversacion, r: Respuesta, p: FilaCatalogo, cantidad: number, partes?: Acto['partes']): void {
  e.pendientes = e.pendientes.filter((x) => !(x.soloCantidad && x.opciones[0].id === p.id));
  const linea = e.items.find((l) => l.producto_id === p.id);
  const antes = linea?.cantidad ?? 0;
  if (linea) linea.cantidad += cantidad;
  else e.items.push({ producto_id: p.id, nombre: p.nombre, precio_unitario: p.precio, cantidad });
  e.ultimaLinea = p.id;
  r.carritoCambio = true;
  r.mostrar(p);
  r.contados.add(p.nombre);
  r.decir(r.supuestaDicha === p.id && !linea ? FRASES.cantidadLista(cantidad, p.nombre) : FRASES.agregue(cantidad, p.nombre, p.precio, antes, partes));
}

function motivoCantidad(cantidad: number, total: number, n: Negocio): string | undefined {
  if (!Number.isInteger(cantidad) || cantidad <= 0) return FRASES.cantidadMinima;
  if (total > n.limite_por_producto) return FRASES.cantidadMaxima(n.limite_por_producto);
  return undefined;
}

/** The cart line a customer means by "los guantes": by shared word stems, or the only/last line. */
export function lineaMencionada(e: EstadoConversacion, objetivo?: string): LineaPedido | undefined {
  const buscadas = new Set(
    palabras(objetivo ?? '')
      .filter((w) => w.length > 2)
      .map(raiz),
  );
  if (buscadas.size === 0) return e.items.length === 1 ? e.items[0] : e.items.find((l) => l.producto_id === e.ultimaLinea);
  let mejor: LineaPedido | undefined;
  let mejorPuntaje = 0;
  for (const l of e.items) {
    const puntaje = palabras(l.nombre)
      .map(raiz)
      .filter((w) => buscadas.has(w)).length;
    if (puntaje > mejorPuntaje) [mejor, mejorPuntaje] = [l, puntaje];
  }
  return mejor;
}

function quitar({ e, r, tipos, esperaba }: Contexto, acto: Acto): void {
  const linea = lineaMencionada(e, acto.objetivo);
  if (!linea) {
    const nombrado = acto.productos?.[0]?.texto ?? acto.objetivo;
    // "quíteme los chalecos" while "¿qué chalecos?" is open: that choice is dropped, it never was in the cart
    const abiertas = e.pendientes.filter((p) => nombrado && nombra(nombrado, p.opciones));
    if (abiertas.length) {
      e.pendientes = e.pendientes.filter((p) => !abiertas.includes(p));
      r.decir(FRASES.dejoFuera(abiertas.map((p) => p.texto || nombrado!)));
      // what was left out is not asked "¿cuántas?" again
      for (const p of abiertas) for (const o of p.opciones) r.cuantasPreguntadas.add(o.id);
      return;
    }
    if (e.items.length === 0) r.decir(FRASES.noEstaEnVacio(nombrado));
    else r.decir(FRASES.noEstaEnPedido(nombrado), resumen(e));
    return;
  }
  e.items = e.items.filter((l) => l !== linea);
  r.quitada = linea;
  r.carritoCambio = true;
  if (tipos.has('agregar')) {
    r.decir(FRASES.quiteCorto(linea.nombre));
    return;
  }
  r.decir(FRASES.quite(linea.nombre));
  if (e.items.length === 0 && e.fase !== 'recolectando_datos') {
    e.fase = null;
    // "¿cuántas gafas?" still open: that question, not "¿qué te gustaría comprar?"
    if (esperaba) r.decir(FRASES.resumenVacio);
    else r.preguntar(FRASES.pedidoVacio);
  }
}

function cambiarCantidad(c: Contexto, acto: Acto, rec: Recuperado): void {
  const { e, r, t } = c;
  // "que sean 4, que mi primo también va": words that name no product leave the line touched last
  const linea = lineaMencionada(e, acto.objetivo) ?? (acto.productos?.length || c.esperaba || e.ofertaStock ? undefined : lineaMencionada(e));
  // the quantity of a product the cart does not hold yet ("de los guantes que sean 3" after they were only shown): it is added
  if (!linea && rec.tipo === 'productos' && acto.cantidad !== undefined && acto.cantidad > 0) {
    const cantidad = acto.cantidad;
    agregarActo(c, { tipo: 'agregar' }, { tipo: 'productos', resoluciones: rec.resoluciones.map((x) => ({ ...x, mencion: { ...x.mencion, cantidad } })) });
    return;
  }
  // "que sean 60" with nothing in the cart: the quantity of what is open (an offer, a choice, what was shown)
  if (!linea && (e.ofertaStock || e.pendientes.length || e.mostrados.length)) {
    if (e.ofertaStock) {
      const { producto, cantidad } = e.ofertaStock;
      e.ofertaStock = undefined;
      agregarLinea(e, r, deLaCantidadDicha(e, acto.cantidad, t.mensaje, { cantidad }) ?? producto, acto.cantidad ?? cantidad, t.negocio);
      return;
    }
    agregarActo(c, { tipo: 'agregar', cantidad: acto.cantidad }, { tipo: 'nada' });
    return;
  }
  const cantidad = acto.cantidad ?? (linea && acto.restar ? linea.cantidad - acto.restar : 0);
  if (!linea) {
    r.preguntar(FRASES.deCualCantidad, resumen(e));
    return;
  }
  e.ultimaCantidad = cantidad;
  const motivo = motivoCantidad(cantidad, cantidad, t.negocio);
  if (motivo) {
    r.decir(FRASES.quitarCon(motivo, linea.nombre));
    return;
  }
  const stock = t.carritoActual[linea.producto_id]?.stock ?? Number.POSITIVE_INFINITY;
  if (cantidad > stock && !t.negocio.mostrar_stock) {
    r.decir(FRASES.sinEsaCantidad(linea.nombre));
    return;
  }
  linea.cantidad = Math.min(cantidad, stock);
  e.ultimaLinea = linea.producto_id;
  if (linea.cantidad < cantidad) r.decir(FRASES.quedan(stock, linea.nombre));
  r.contados.add(linea.nombre);
  // (a count set for the line answers its open "¿cuántas?")
  e.pendientes = e.pendientes.filter((x) => !(x.soloCantidad && x.opciones[0].id === linea.producto_id));
  r.decir(FRASES.cantidadLista(linea.cantidad, linea.nombre));
  r.carritoCambio = true;
}

function cancelar({ e, r }: Contexto): void {
  if (e.items.length === 0 && e.fase !== 'recolectando_datos' && e.pendientes.length === 0) {
    r.preguntar(FRASES.sinPedido);
    return;
  }
  e.fase = 'cancelado';
  e.items = [];
  e.pendientes = [];
  e.campo = undefined;
  e.confirmandoDireccion = false;
  e.ofertaStock = undefined;
  r.preguntar(FRASES.cancelado);
}

function confirmar(c: Contexto): void {
  const { e, r, t } = c;
  // "sí, cancélelo": the yes is to cancelling, which its own act does
  if (c.tipos.has('cancelar')) return;
  if (e.ofertaStock) {
    const { producto, cantidad } = e.ofertaStock;
    e.ofertaStock = undefined;
    abrir(e);
    sumarLinea(e, r, producto, cantidad);
    return;
  }
  if (e.ofertaHumano && e.items.length === 0 && e.fase !== 'recolectando_datos') {
    e.ofertaHumano = undefined;
    MANEJADORES.pedir_humano(c, { tipo: 'pedir_humano' }, { tipo: 'nada' });
    return;
  }
  if (c.kit && e.fase !== 'recolectando_datos') {
    // "¿te los agrego todos?" — "sí"
    abrir(e);
    for (const p of e.mostrados) agregarLinea(e, r, p, c.kit.cantidad, t.negocio, false);
    return;
  }
  e.ofertaHumano = undefined;
  if (e.fase === 'recolectando_datos') {
    if (e.confirmandoDireccion) {
      e.confirmandoDireccion = false;
      r.decir(FRASES.direccionOk);
      siguienteDato(e, r, t);
    } else if (e.campo && OPCIONALES.has(e.campo) && !c.tipos.has('dar_datos')) {
      // "listo, confirmo" while the indications are asked: there are none
      recibirDatos(c, { [e.campo]: '' });
    }
    return;
  }
  // "no tengo exactamente X; lo más cercano…" was an offer: a "listo" without taking it leaves it out
  if (e.pendientes.length > 0 && e.pendientes.every((p) => p.aproximado) && e.items.length > 0 && !c.compra) {
    r.decir(FRASES.dejoFuera(e.pendientes.map((p) => p.texto)));
    e.pendientes = [];
  }
  // a question the customer already went past once and then confirms the cart: it is left out, not asked forever
  if (e.items.length > 0 && !c.compra) dejarPasadas(e, r, (p) => !!p.recordada);
  if (e.pendientes.length > 0) {
    // said right before the open choices, wherever the rest of the reply puts other answers
    r.faltaAntes = true;
    return;
  }
  if (e.items.length === 0) {
    // ("sí, gracias" after a cancellation: the thanks is answered, no purchase is asked for)
    if (c.tipos.has('agregar') || r.carritoCambio || c.tipos.has('agradecer')) return;
    if (e.fase === 'completado' && e.pedido) r.preguntar(FRASES.yaRegistrado(e.pedido.id));
    else r.preguntar(FRASES.carritoVacio);
    return;
  }
  // "listo, mándame también un casco": the yes takes the purchase; "¿algo más?" is asked again
  if (c.compra) return;
  aRecoleccion(e, r, t.negocio);
}

/** Drops the open questions `pasada` says the customer left behind, and says so. */
function dejarPasadas(e: EstadoConversacion, r: Respuesta, pasada: (p: PreguntaVariante) => boolean): void {
  const dejadas = e.pendientes.filter(pasada);
  if (dejadas.length === 0) return;
  e.pendientes = e.pendientes.filter((p) => !dejadas.includes(p));
  const textos = dejadas.map((p) => p.texto).filter(Boolean);
  if (textos.length) r.decir(FRASES.dejoFuera(textos));
}

/** The order goes to data collection: its summary, the data notice, and the first field it still misses. */
function aRecoleccion(e: EstadoConversacion, r: Respuesta, n: Negocio): void {
  e.fase = 'recolectando_datos';
  r.decir(resumen(e));
  for (const l of e.items) r.mostrar(filaDeLinea(l));
  if (datosFaltantes(e).length === 0) {
    // everything was given before the notice: shown now, and the address confirmed before registering
    if (!e.avisoMostrado) {
      e.avisoMostrado = true;
      r.decir(FRASES.avisoDatos, n.aviso_datos);
    }
    e.confirmandoDireccion = true;
    r.decir(FRASES.enviamosA(direccionVisible(e)));
    r.campoPedido = true;
    return;
  }
  pedirCampo(e, r, n);
}

function negar(c: Contexto, acto: Acto): void {
  const { e, r, tipos } = c;
  // "ah no hay? entonces amarillos": the no is said on the way to another request, which is what is handled
  const sola = [...tipos].every((x) => x === 'negar' || ACTOS_SOCIALES.has(x));
  if (e.ofertaStock) {
    e.ofertaStock = undefined;
    r.decir(FRASES.noAgrego);
    return;
  }
  if (e.ofertaHumano) {
    e.ofertaHumano = undefined;
    r.preguntar(FRASES.entendido);
    return;
  }
  // "eso es todo, ¿puedo pasar a recoger hoy?" after "¿algo más?": the order goes on, whatever else the message says
  if ((sola || acto.basta) && e.fase === 'confirmando' && e.pendientes.length === 0) return confirmar(c);
  if (!sola) return;
  if (e.fase === 'recolectando_datos' && e.confirmandoDireccion) {
    e.confirmandoDireccion = false;
    olvidarDireccion(e);
    return;
  }
  if (e.fase === 'recolectando_datos' && e.campo && OPCIONALES.has(e.campo)) return recibirDatos(c, { [e.campo]: '' });
  if (e.fase === 'recolectando_datos' && e.campo) {
    r.preguntar(FRASES.sinDato(e.campo)).efecto({ tipo: 'escalar', motivo: `el cliente no quiere dar su ${e.campo}` });
    return;
  }
  if (e.pendientes.length > 0) {
    // "no, solo eso" with choices open: they are dropped, and said so
    const textos = e.pendientes.map((p) => p.texto).filter(Boolean);
    e.pendientes = [];
    if (textos.length) r.decir(FRASES.dejoFuera(textos));
    if (e.items.length === 0) r.preguntar(FRASES.entendido);
    return;
  }
  if (e.items.length === 0) r.preguntar(FRASES.entendido);
}

// ——— the data form ———

function recibirDatos(c: Contexto, dados: DatosCliente): void {
  const { e, r, t } = c;
  if (e.fase !== 'recolectando_datos') {
    // Data before the order is ready: keep it, it saves questions later.
    Object.assign(e.datos, dados);
    if (Object.keys(dados).length === 0) return;
    // "a nombre de …, cédula …" right after "no veo pedidos": the agent cannot look an order up by them; a person does
    // (asked for a person in the same message: that request already says a person will answer)
    if (c.previo === 'consultar_pedido' && !e.items.length && !c.tipos.has('pedir_humano')) {
      r.decir(FRASES.humanoRevisa(t.negocio)).efecto({ tipo: 'escalar', motivo: 'el cliente pregunta por un pedido que este chat no tiene' });
      r.pregunto = true;
      return;
    }
    // more data right after data: the same thanks twice reads as if it was not read
    r.decir(c.previo === 'dar_datos' ? FRASES.tambienAnoto : e.items.length ? FRASES.guardeDatos : FRASES.tomoNota);
    // the customer giving their data on a ready cart is proceeding: the order goes on to collection
    // (a product still waiting only for its number is left out, and said so)
    const listo = e.items.length && (e.fase === 'carrito' || e.fase === 'confirmando') && !r.carritoCambio && !c.compra;
    // (so is a choice it already went past once)
    if (listo) dejarPasadas(e, r, (p) => !!p.soloCantidad || !!p.recordada);
    if (listo && e.pendientes.length === 0) aRecoleccion(e, r, t.negocio);
    return;
  }
  const nuevos = { ...dados };
  if (e.confirmandoDireccion && nuevos.direccion) {
    e.confirmandoDireccion = false;
    olvidarDireccion(e);
    delete e.datos.indicaciones_adicionales;
  }
  if (e.campo && nuevos[e.campo] === undefined && Object.keys(nuevos).length === 0) {
    const v = validarCampo(e.campo, t.mensaje);
    if (!v.ok) {
      r.decir(FRASES.datoInvalido(v.motivo, e.campo));
      r.campoPedido = true;
      return;
    }
    nuevos[e.campo] = v.valor;
  }
  const otros = (Object.keys(nuevos) as Campo[]).filter((k) => k !== e.campo && nuevos[k] !== e.datos[k]);
  Object.assign(e.datos, nuevos);
  if (!e.consentimiento) e.consentimiento = t.ahora;
  // A cédula alone proves nothing; with the phone on file the stored data is reused, masked.
  if (e.verificada !== e.datos.cedula) e.verificada = undefined;
  if (!e.verificada && (nuevos.cedula || nuevos.telefono) && poseeRegistro(e.datos, t.clienteRegistrado)) {
    const previo = t.clienteRegistrado;
    e.verificada = e.datos.cedula;
    e.reusados = REUTILIZABLES.filter((x) => e.datos[x] === undefined && previo[x]);
    for (const x of e.reusados) e.datos[x] = previo[x];
    r.decir(FRASES.deNuevo((e.datos.nombre_completo ?? '').split(' ')[0]));
    if (e.reusados.includes('direccion')) {
      e.confirmandoDireccion = true;
      e.campo = 'direccion';
      r.decir(FRASES.enviamosA(direccionVisible(e)));
      r.campoPedido = true;
      return;
    }
  }
  // "Gigante, vereda Rioloro" or "cel 3209988776" while the cédula is asked: what came is said taken once, with
  // what is still missing when it is the field asked, not the same "aún me falta" to every message
  if (e.campo && nuevos[e.campo] === undefined && otros.length && !e.confirmandoDireccion)
    r.decir(datosFaltantes(e)[0] === e.campo ? FRASES.anoteFalta(otros, e.campo) : FRASES.anote(otros));
  siguienteDato(e, r, t);
}

/** the address as the customer may see it: their own as typed, the stored one masked */
function direccionVisible(e: EstadoConversacion): string {
  const direccion = e.datos.direccion ?? '';
  if (e.reusados?.includes('direccion')) return direccionEnmascarada(direccion, e.datos.barrio);
  return `${direccion}${e.datos.barrio ? `, barrio ${e.datos.barrio}` : ''}`;
}

function olvidarDireccion(e: EstadoConversacion): void {
  delete e.datos.direccion;
  delete e.datos.barrio;
  e.reusados = e.reusados?.filter((x) => x !== 'direccion' && x !== 'barrio');
}

function siguienteDato(e: EstadoConversacion, r: Respuesta, t: Turno): void {
  if (datosFaltantes(e).length > 0) {
    pedirCampo(e, r, t.negocio);
    return;
  }
  e.campo = undefined;
  r.efecto({ tipo: 'registrar' });
}

function pedirCampo(e: EstadoConversacion, r: Respuesta, n: Negocio): Respuesta {
  r.campoPedido = true;
  if (e.confirmandoDireccion) return r.decir(FRASES.enviamosA(direccionVisible(e)));
  const campo = datosFaltantes(e)[0];
  if (!campo) return r;
  // asked already and the message did not bring it: the reply says so instead of the bare question again
  if (e.campo === campo && r.partes.length === 0) r.decir(FRASES.aunFalta(campo));
  e.campo = campo;
  if (!e.avisoMostrado) {
    e.avisoMostrado = true;
    r.decir(FRASES.avisoDatos, n.aviso_datos);
  }
  return r.decir(PREGUNTA_CAMPO[campo]);
}

export function resumen(e: EstadoConversacion): string {
  if (e.items.length === 0) return FRASES.resumenVacio;
  const lineas = e.items.map((l) => `• ${l.cantidad} × ${l.nombre}: ${formatoCOP(multiplicar(l.precio_unitario, l.cantidad))}`);
  return [FRASES.resumenTitulo, ...lineas, `Total: ${formatoCOP(totalPedido(e.items))}`].join('\n');
}

/** The answer once the pipeline has stored the order. */
export function trasRegistro(estado: EstadoConversacion, pedido: { id: number; total: number; estado: string }, n: Negocio): Decision {
  const e = structuredClone(estado);
  e.fase = 'completado';
  e.pedido = pedido;
  e.campo = undefined;
  const r = new Respuesta();
  for (const l of e.items) r.mostrar(filaDeLinea(l));
  r.decir(
    FRASES.registrado((e.datos.nombre_completo ?? '').split(' ')[0], pedido.id, pedido.total),
    FRASES.entregaEn(direccionVisible(e), n.tiempos_entrega),
    FRASES.graciasCompra,
  );
  return r.decision(e);
}

/** The order could not be stored because stock ran out meanwhile: back to the cart, honestly. */
export function sinStock(estado: EstadoConversacion, producto: FilaCatalogo, n: Negocio): Decision {
  const e = structuredClone(estado);
  const r = new Respuesta();
  const linea = e.items.find((l) => l.producto_id === producto.id);
  e.fase = 'confirmando';
  e.campo = undefined;
  if (linea && producto.stock > 0) {
    linea.cantidad = Math.min(linea.cantidad, producto.stock);
    r.decir(FRASES.seVendieron(producto.nombre, n.mostrar_stock ? producto.stock : undefined));
  } else {
    e.items = e.items.filter((l) => l.producto_id !== producto.id);
    r.decir(FRASES.seAgoto(producto.nombre));
  }
  r.mostrar(producto);
  if (e.items.length === 0) {
    e.fase = null;
    return r.decir(FRASES.vacioOtraOpcion).decision(e);
  }
  r.decir(resumen(e), FRASES.procedemosAsi);
  return r.decision(e);
}

/** Picks the option a short reply means: "el de 20", "amarillo", "el segundo", "2". */
export function elegirOpcion(mensaje: string, lista: FilaCatalogo[]): FilaCatalogo | undefined {
  const w = palabras(mensaje);
  if (w.length > 8) return undefined;
  const ordinales = ['primer', 'segund', 'tercer', 'cuart', 'quint', 'sext'];
  for (const [k, o] of ordinales.entries()) if (w.some((x) => x.startsWith(o)) && lista[k]) return lista[k];
  if (w.length <= 3) {
    const n = w.find((x) => /^\d+$/.test(x));
    const porNumero = n ? lista.filter((p) => palabras(p.nombre).includes(n)) : [];
    if (porNumero.length === 1) return porNumero[0];
    if (n && porNumero.length === 0 && Number(n) >= 1 && Number(n) <= lista.length && /^(el|la|opcion|numero|)$/.test(w[0] === n ? '' : w[0]))
      return lista[Number(n) - 1];
  }
  // sizes are short ("talla L"): a letter after "talla" counts; an article or a preposition picks nothing ("unas" is
  // no "uña", "un par" no "Careta para soldar")
  const nexo = (x: string) => /^(unos?|unas?|los|las|del|con|para|por)$/.test(x);
  const buscadas = new Set(w.filter((x, i) => (x.length > 2 || /\d/.test(x) || w[i - 1] === 'talla') && !nexo(x)).map(raiz));
  const puntajes = lista.map(
    (p) =>
      palabras(p.nombre)
        .filter((x) => !nexo(x))
        .map(raiz)
        .filter((x) => buscadas.has(x)).length,
  );
  const max = Math.max(0, ...puntajes);
  if (max === 0) return undefined;
  // Words shared by every option ("extintor") tell nothing: the pick must be unique.
  const mejores = lista.filter((_, k) => puntajes[k] === max);
  return mejores.length === 1 ? mejores[0] : undefined;
}
