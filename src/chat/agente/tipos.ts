/**
 * The vocabulary of the sales conversation, declared once: the local understanding, the JSON
 * schema remote models answer in, the state machine's handlers (a `Record` over ACTOS: a missing
 * handler does not compile) and `npm run eval:agente` all derive from these lists.
 */

/** dialogue acts, exactly as the labelled sets name them (FORMATO-CIEGOS.md) */
export const ACTOS = [
  'saludar',
  'consultar_catalogo',
  'consultar_producto',
  'agregar',
  'quitar',
  'cambiar_cantidad',
  'ver_carrito',
  'confirmar',
  'negar',
  'cancelar',
  'dar_datos',
  'consultar_negocio',
  'pedir_humano',
  'consultar_pedido',
  'agradecer',
  'despedirse',
  'otro',
] as const;
export type TipoActo = (typeof ACTOS)[number];
/** the courtesy acts, which go beside any other and ask for nothing */
export const ACTOS_SOCIALES: ReadonlySet<TipoActo> = new Set<TipoActo>(['saludar', 'agradecer', 'despedirse']);

/**
 * A remark beside other acts ("uy carito. y el de 10?", "gracias, lo consulto con el jefe"): labelled `otro`
 * (FORMATO-CIEGOS), it asks for nothing; the acts beside it answer.
 */
export const comentarioAparte = (acto: Acto, actos: readonly Acto[]): boolean =>
  // (a complaint about a thing bought, beside a greeting, is what the message says)
  acto.tipo === 'otro' && actos.some((a) => a.tipo !== 'otro' && !(acto.productos?.length && a.tipo === 'saludar'));

/** business topics the structured profile answers ('desconocido': neither profile nor knowledge says) */
export const TEMAS = ['horario', 'direccion', 'pago', 'entrega', 'devoluciones', 'garantia', 'datos', 'contacto', 'desconocido'] as const;
export type Tema = (typeof TEMAS)[number];

/** what a product question asks about */
export const ASPECTOS = ['general', 'precio', 'stock', 'variantes', 'mas_barato', 'mas_caro'] as const;
export type Aspecto = (typeof ASPECTOS)[number];

/** "ese", "el segundo", "los dos": what a reference without a product word points at */
export const REFERENCIAS = ['ultimo', 'todos', 'ordinal'] as const;
export type TipoReferencia = (typeof REFERENCIAS)[number];

export type Intencion = 'inventario' | 'venta' | 'contexto';

export type Fase = 'carrito' | 'confirmando' | 'recolectando_datos' | 'completado' | 'cancelado';

export const CAMPOS = ['nombre_completo', 'cedula', 'telefono', 'correo', 'direccion', 'barrio', 'indicaciones_adicionales'] as const;
export type Campo = (typeof CAMPOS)[number];
export type DatosCliente = Partial<Record<Campo, string>>;

/** one product the customer named, with what they want of it */
export interface Mencion {
  /** the words naming the product, as the customer wrote them ("cascos amarillos") */
  texto: string;
  /** null when no quantity was said */
  cantidad: number | null;
  /** false when the catalog's vocabulary does not support it ("bicicletas"): a thing asked for and not carried */
  enCatalogo: boolean;
  /** "y uno de co2": the text was completed with the product named before; the customer did not name one */
  eliptica?: boolean;
  /** "delantal de carnaza": the word naming the kind is none of the catalog's; the nearest products are offered, none sold as it */
  nucleoAjeno?: boolean;
}

export interface Referencia {
  tipo: TipoReferencia;
  /** 1-based position for 'ordinal' */
  posicion?: number;
  /** 'todos' of the first ones only ("los dos primeros", "las 3 primeras") */
  primeros?: number;
}

/** One dialogue act with its arguments; fields an act does not use stay undefined. */
export interface Acto {
  tipo: TipoActo;
  /** agregar, consultar_producto, consultar_catalogo: the products named; otro: the products a complaint is about */
  productos?: Mencion[];
  /** agregar, consultar_producto: variants of the products just shown ("10 del naranja y 5 del verde", "las oscuras") */
  variantes?: Array<{ texto: string; cantidad: number | null }>;
  /** agregar, consultar_producto: "ese", "el segundo", "los dos" */
  referencia?: Referencia;
  /** agregar with a bare quantity ("dame 15"), cambiar_cantidad */
  cantidad?: number;
  /** agregar: the quantity is the sum of counts given per size ("4 de 40, 5 de 41 y 3 de 42") */
  reparto?: boolean;
  /**
   * agregar, cambiar_cantidad: the count split by sizes or colours ("6 de verde musgo, 6 de rosa viejo y 4 de blanco",
   * "10 overoles, 4 talla M, 4 L y 2 XL"), which the reply repeats; the line takes their sum
   */
  partes?: Array<{ cantidad: number; variante: string }>;
  /** cambiar_cantidad: units to take off the line ("quita un respirador") */
  restar?: number;
  /** quitar, cambiar_cantidad: the cart line meant ("los guantes"); agregar: the line replaced */
  objetivo?: string;
  /** consultar_producto */
  aspecto?: Aspecto;
  /** consultar_catalogo: "ver más" of the list shown */
  siguiente?: boolean;
  /** consultar_catalogo: the whole catalog, not the overview ("ver todo") */
  todo?: boolean;
  /** consultar_negocio */
  tema?: Tema;
  /** dar_datos */
  datos?: DatosCliente;
  /** consultar_producto: a statement that names a product ("compré unas botas…"), context for the rest */
  contexto?: boolean;
  /** otro: the customer leaves it for later ("lo pienso y le escribo") */
  pospone?: boolean;
  /**
   * consultar_producto: advice on which product serves a use ("¿cuál me sirve pa la cocina?", "¿qué me recomienda?"), a
   * product question (FORMATO-CIEGOS) that the knowledge base answers as it answers the business's questions
   */
  consejo?: boolean;
  /**
   * consultar_producto: a want or a need with no count and nothing chosen ("necesito guantes de nitrilo"): the
   * options are shown and how many asked; a purchase in the making to everything else that weighs orders
   */
  necesidad?: boolean;
  /** negar: "nada más", "eso es todo": no more is wanted, so the order goes on to its next step */
  basta?: boolean;
}

/** What a customer's message means: produced by the local rules or by a language model. */
export interface Interpretacion {
  /** every act of the message, in order */
  actos: Acto[];
  /** true when the message asks something (so it is not taken as a name or an address) */
  esPregunta: boolean;
}

/** The intent family of a turn (the API's `tipo_mensaje`), from its main act. */
export function intencionDe(actos: Acto[]): Intencion {
  const tipos = new Set(actos.map((a) => a.tipo));
  const venta: TipoActo[] = ['agregar', 'quitar', 'cambiar_cantidad', 'ver_carrito', 'confirmar', 'negar', 'cancelar', 'dar_datos', 'consultar_pedido'];
  if (venta.some((t) => tipos.has(t))) return 'venta';
  if (tipos.has('consultar_producto') || tipos.has('consultar_catalogo')) return 'inventario';
  return 'contexto';
}
