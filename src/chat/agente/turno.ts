import { leerNumero } from '../../common/numeros';
import { palabras, plegar } from '../../common/texto';
import { COLORES } from '../../retrieval/busqueda/variantes';
import { raiz } from '../../retrieval/texto/analizador';
import { LectorCatalogo } from '../../retrieval/texto/vocabulario';
import { ContextoInterpretacion } from '../llm/llm.interfaces';
import { comprender } from './entender';
import { decidir, Decision, elegirOpcion, EstadoConversacion, nombra, Recuperado, TAMANO_PAGINA } from './maquina';
import { CategoriaCatalogo, FilaCatalogo, Negocio, respuestaPerfil } from './plantillas';
import { Candidato, clasificar } from './resolver';
import { Acto, ACTOS_SOCIALES, comentarioAparte, DatosCliente, Interpretacion, Tema } from './tipos';

/**
 * The pure part of a turn: understand → resolve → decide, each once, over ports. No HTTP and no
 * database here: ChatService gives it the real catalog, profile and models; the tests and
 * `npm run eval:agente` give it the demo catalog in memory. Registering the order, phrasing
 * with a model and storing are the service's.
 */

/** an answer of the knowledge base to a business question (src/conocimiento/) */
export interface RespuestaConocimiento {
  respuesta: string;
  /** ids or titles of the entries it came from */
  fuentes: string[];
  /** the catalog products the answering entry recommends (a kit): shown as cards, remembered for "agrégalos todos" */
  productos?: FilaCatalogo[];
  /** the question names the entry's own topic: it answers before a profile line the rules matched by a loose word ("¿cuánto se demora la recarga?" is not delivery) */
  especifica?: boolean;
}

export interface PuertosTurno {
  /** the catalog's vocabulary (RetrievalService.vocabulario) */
  lector: LectorCatalogo;
  /** hybrid search over the active catalog */
  buscar(texto: string): Promise<Candidato[]>;
  /** the overview: categories in customer words, examples and counts */
  categorias(): Promise<{ categorias: CategoriaCatalogo[]; total: number }>;
  /** a page of a category (clave) or of the whole catalog (null), cheapest first within each category */
  listar(clave: string | null, desde: number, limite: number): Promise<{ filas: FilaCatalogo[]; total: number; titulo: string }>;
  /**
   * The knowledge base, asked after the structured profile for what the profile does not say.
   * Absent or undefined: "no tengo esa información" and a human on offer.
   */
  conocimiento?(pregunta: string, tema: Tema): Promise<RespuestaConocimiento | undefined>;
  /**
   * A product question that may be about a documented service ("¿alquilan extintores?"): the
   * knowledge base's answer when an entry is about a word of it the catalog does not use.
   * `compra`: a purchase, diverted only by an entry's title or question words; `concreta`: with a
   * quantity, and never by what it is for ("para la empresa").
   */
  servicio?(pregunta: string, compra: boolean, concreta?: boolean): Promise<RespuestaConocimiento | undefined>;
  /** the chat's last registered order */
  ultimoPedido(): Promise<{ id: number; estado: string; total: number } | null>;
  /** a remote model's reading; when absent or failing, the local rules read the message */
  interpretar?(mensaje: string, contexto: ContextoInterpretacion): Promise<Interpretacion>;
}

export interface EntradaTurno {
  mensaje: string;
  estado: EstadoConversacion;
  negocio: Negocio;
  /** fresh rows of the cart's products */
  carritoActual: Record<number, FilaCatalogo>;
  /** the stored customer of the chat's cédula (reused only with the phone on file) */
  clienteRegistrado?: DatosCliente | null;
  /** the last turns of the conversation, oldest first, for remote models */
  ultimosTurnos?: ContextoInterpretacion['ultimosTurnos'];
  ahora: string;
}

export interface SalidaTurno {
  interpretacion: Interpretacion;
  /** who read the message: 'local' or the remote model's name */
  interprete: string;
  decision: Decision;
}

/** What understanding is told about the conversation: state, cart and memory. */
export function contextoDe(estado: EstadoConversacion, ultimosTurnos?: ContextoInterpretacion['ultimosTurnos']): ContextoInterpretacion {
  return {
    fase: estado.fase,
    campoPendiente: estado.fase === 'recolectando_datos' ? estado.campo : undefined,
    carrito: estado.items.map((l) => l.nombre),
    // a product waiting only for its number is shown, not a choice among options
    opciones: estado.pendientes.filter((p) => !p.soloCantidad).flatMap((p) => p.opciones.map((o) => o.nombre)),
    mostrados: estado.mostrados.map((p) => p.nombre),
    esperaCantidad: estado.esperaCantidad,
    ofertaStock: estado.ofertaStock !== undefined,
    recientes: (estado.recientes ?? []).map((p) => p.nombre),
    lista: estado.lista?.map((p) => p.nombre),
    ultimoActo: estado.ultimoActo,
    categoria: estado.navegacion?.titulo,
    ultimosTurnos,
  };
}

/** Understanding: the pending choice first ("el de 20"), then the model or the local rules. */
export async function entender(
  entrada: EntradaTurno,
  puertos: PuertosTurno,
  alFallar?: (e: Error) => void,
): Promise<{ interpretacion: Interpretacion; interprete: string; eleccion?: FilaCatalogo }> {
  const { mensaje, estado } = entrada;
  const contexto = contextoDe(estado, entrada.ultimosTurnos);
  let interpretacion: Interpretacion | undefined;
  let interprete = 'local';
  if (puertos.interpretar) {
    try {
      interpretacion = await puertos.interpretar(mensaje, contexto);
      interprete = 'remoto';
    } catch (e) {
      alFallar?.(e as Error);
    }
  }
  interpretacion ??= comprender(mensaje, contexto, puertos.lector);
  // grounded whoever read it: a mention the catalog's words do not support is a thing not carried
  for (const a of interpretacion.actos)
    for (const m of a.productos ?? []) m.enCatalogo = m.enCatalogo !== false && palabras(m.texto).some((w) => puertos.lector.soporte(w) !== undefined);
  const eleccion = elegida(mensaje, estado, interpretacion);
  if (eleccion) {
    const variantes = interpretacion.actos.flatMap((x) => x.variantes ?? []);
    // "los naranjas, doce, y conos ocho": the pick, and every other product the reply names
    // the options of the choice the pick answers: another open one ("¿cuántos conos?") is another product
    const opcionesAbiertas = estado.pendientes.find((p) => p.opciones.some((o) => o.id === eleccion.id))?.opciones ?? [eleccion];
    const productos = interpretacion.actos.flatMap((x) => x.productos ?? []);
    const otros = productos.filter((m) => !m.eliptica && m.enCatalogo && !nombra(m.texto, opcionesAbiertas));
    const delaEleccion = productos.filter((m) => !otros.includes(m));
    const cantidad =
      cantidadAparte(mensaje, eleccion) ??
      variantes.find((v) => v.cantidad !== null)?.cantidad ??
      delaEleccion.find((m) => m.cantidad !== null)?.cantidad ??
      interpretacion.actos.find((x) => x.tipo === 'agregar')?.cantidad ??
      undefined;
    interpretacion = {
      actos: [
        // the mentions of the pick stay for the record; the machine adds the picked option
        { tipo: 'agregar', ...(cantidad !== undefined ? { cantidad } : {}), ...(delaEleccion.length ? { productos: delaEleccion } : {}) },
        ...(otros.length ? [{ tipo: 'agregar' as const, productos: otros }] : []),
        // ("naranja entonces, 20. ahorita le confirmo con coordinación": the side remark stays beside the pick)
        ...interpretacion.actos.filter((x) => x.tipo === 'otro'),
      ],
      esPregunta: false,
    };
  }
  repartir(interpretacion, mensaje);
  return { interpretacion, interprete, eleccion };
}

/** colour stems (as `raiz` cuts them) and the words that shade one ("verde musgo", "rosa viejo", "azul rey") */
const COLOR = new Set([...COLORES, 'ros', 'gri', 'beig', 'vinotint', 'lil', 'dorad', 'platead', 'turques', 'celest', 'marfil', 'crud']);
const MATIZ =
  /^(?:claro|oscuro|musgo|viejo|pastel|neon|limon|militar|rey|marino|cielo|perla|hueso|mate|bebe|oliva|menta|electrico|fuerte|intenso|tierra|ladrillo|mostaza|vino)$/;
const TALLA = /^(?:\d{2}|xs|s|m|l|xl|xxl|xxxl|\dxl)$/;
/** after a number, what makes it a measure rather than a size: "2 de 20 libras" */
const MEDIDA = /^(?:lbs?|libras?|kg|kilos?|gr?|gramos?|cm|mm|mts?|metros?|litros?|lts?|ml|cc|gal|galon(?:es)?|oz|pulg(?:adas)?|v|w)$/;
/** what a count may be of before its variant: "200 metros negro", "6 madejas de verde musgo" */
const UNIDAD = /^(?:unidades?|metros?|mts|yardas?|madejas?|rollos?|cajas?|paquetes?|piezas?|bolsas?)$/;

/** "4 talla M", "dos 40", "200 metros negro", "6 de rosa viejo": one count of one size or colour starting at `i` */
function parteEn(w: string[], o: string[], i: number, enLista: boolean): { cantidad: number; variante: string; fin: number } | undefined {
  // ("un" is as often an article: a count only inside the list, "… y un 43")
  if (!enLista && /^(?:un|una|uno)$/.test(w[i] ?? '')) return undefined;
  const n = leerNumero(w, i);
  if (!n || n.valor < 1 || n.valor >= 1000) return undefined;
  let j = i + n.largo;
  if (UNIDAD.test(w[j] ?? '')) j++;
  while (/^(?:de|del|en|la|el|color|talla|tallas)$/.test(w[j] ?? '')) j++;
  const v = w[j] ?? '';
  if (TALLA.test(v) && !MEDIDA.test(w[j + 1] ?? '')) return { cantidad: n.valor, variante: `talla ${v.toUpperCase()}`, fin: j + 1 };
  if (!COLOR.has(raiz(v))) return undefined;
  const matiz = MATIZ.test(w[j + 1] ?? '') || COLOR.has(raiz(w[j + 1] ?? ''));
  return { cantidad: n.valor, variante: o.slice(j, matiz ? j + 2 : j + 1).join(' '), fin: matiz ? j + 2 : j + 1 };
}

/** the first list of two or more counts of sizes or colours in a message ("6 pares: dos 40, tres 41 y un 43") */
export function partesDe(mensaje: string): Array<{ cantidad: number; variante: string }> | undefined {
  const o = (mensaje.match(/[\p{L}\d]+/gu) ?? []).flatMap((x) => /^(\d+)(\p{L}{1,6})$/u.exec(x)?.slice(1) ?? [x]);
  const w = o.map(plegar);
  for (let i = 0; i < w.length; i++) {
    const partes: Array<{ cantidad: number; variante: string }> = [];
    for (let k = i, p = parteEn(w, o, k, false); p; p = parteEn(w, o, k, true)) {
      partes.push({ cantidad: p.cantidad, variante: p.variante });
      k = /^(?:y|e)$/.test(w[p.fin] ?? '') ? p.fin + 1 : p.fin;
    }
    if (partes.length >= 2) return partes;
  }
  return undefined;
}

/**
 * "me regala 6 madejas de verde musgo, 6 de rosa viejo y 4 de blanco": the split of a count by sizes or colours goes to
 * the one act that counts one thing, for the machine to sum and say back (the catalog's names tell the variants apart
 * when they are products of their own, and then the machine leaves the split alone)
 */
function repartir(interpretacion: Interpretacion, mensaje: string): void {
  const contados = (a: Acto) => (a.productos ?? []).filter((m) => m.cantidad !== null).length;
  const cuentan = interpretacion.actos.filter((a) => (a.tipo === 'agregar' || a.tipo === 'cambiar_cantidad') && (a.cantidad !== undefined || contados(a) > 0));
  if (cuentan.length !== 1 || cuentan[0].variantes?.length || contados(cuentan[0]) > 1) return;
  const partes = partesDe(mensaje);
  if (partes) cuentan[0].partes = partes;
}

/** the option of the pending choice a short reply picks, unless the reply is something else */
function elegida(mensaje: string, estado: EstadoConversacion, i: Interpretacion): FilaCatalogo | undefined {
  if (estado.pendientes.length === 0 || i.esPregunta) return undefined;
  const otros = i.actos.filter((a) => !['agregar', 'otro', 'consultar_producto', 'confirmar'].includes(a.tipo));
  if (otros.length) return undefined;
  // the first open choice the reply picks from, whichever was asked first
  // a product waiting only for its number is no choice: any word of its name ("cajas") would "pick" it
  for (const p of estado.pendientes.filter((x) => !x.soloCantidad)) {
    const elegido = elegirOpcion(mensaje, p.opciones);
    if (elegido) return elegido;
  }
  return undefined;
}

/** "dame 2 del amarillo": a number that is not part of the option's name is a quantity */
function cantidadAparte(mensaje: string, opcion: FilaCatalogo): number | undefined {
  const nombre = new Set(palabras(opcion.nombre));
  const n = palabras(mensaje).find((w) => /^\d+$/.test(w) && !nombre.has(w));
  return n && Number(n) > 0 && Number(n) < 100000 ? Number(n) : undefined;
}

/** Resolving: for every act, what the catalog, the profile or the orders hold. */
export async function resolver(entrada: EntradaTurno, interpretacion: Interpretacion, puertos: PuertosTurno, eleccion?: FilaCatalogo): Promise<Recuperado[]> {
  // the pick answers the first act; the others are resolved as what they name
  const delNegocio = await preguntaSinActo(entrada, interpretacion, puertos);
  if (delNegocio) {
    // the greeting or thanks stays beside the answer; what the question was mistaken for goes
    const sociales = interpretacion.actos.filter((a) => ACTOS_SOCIALES.has(a.tipo));
    const acto: Acto = { tipo: 'consultar_negocio', tema: 'desconocido' };
    interpretacion.actos = [...sociales, acto];
    return [...sociales.map((): Recuperado => ({ tipo: 'nada' })), comoNegocio(acto, delNegocio)];
  }
  const nombraProductos = interpretacion.actos.some((a) => a.productos?.some((m) => m.enCatalogo));
  const preguntaAparte = interpretacion.actos.some((a) => a.tipo === 'consultar_negocio' || a.consejo);
  return Promise.all(
    interpretacion.actos.map((acto, i) =>
      comentarioAparte(acto, interpretacion.actos)
        ? Promise.resolve<Recuperado>({ tipo: 'nada' })
        : resolverActo(acto, entrada, puertos, i === 0 ? eleccion : undefined, nombraProductos, preguntaAparte),
    ),
  );
}

/**
 * A question the reading took for acts that answer nothing here ("buenas, ¿a qué se dedican
 * exactamente?" as a greeting, "no entra carro, ¿cómo hacemos pa recibir el mercado?" as a "no"
 * and data, "¿cuánto es?" as the empty cart, "¿q les tengo q comprar pa la carretera?" as an order
 * of nothing the catalog has): the knowledge base's answer from an entry, when it has one.
 */
async function preguntaSinActo(
  { mensaje, estado }: EntradaTurno,
  interpretacion: Interpretacion,
  puertos: PuertosTurno,
): Promise<RespuestaConocimiento | undefined> {
  const pregunta = interpretacion.esPregunta || ALTERNATIVA.test(palabras(mensaje).join(' '));
  if (!pregunta || !puertos.conocimiento || estado.fase === 'recolectando_datos' || estado.pendientes.length) return undefined;
  const sinPedido = estado.items.length === 0 && !estado.pedido;
  const vacio = (a: Acto): boolean => {
    switch (a.tipo) {
      case 'negar':
      case 'dar_datos':
        return true;
      case 'ver_carrito':
        return sinPedido;
      case 'agregar':
        // an order with its quantity stays one, of things the catalog lacks too ("necesito 30 bultos de concentrado")
        return !a.productos?.some((m) => m.enCatalogo || m.cantidad !== null) && a.cantidad === undefined && !a.variantes?.length;
      case 'consultar_producto':
        // a need of nothing the catalog has, like an order of it
        return !!a.necesidad && !a.productos?.some((m) => m.enCatalogo);
      default:
        return ACTOS_SOCIALES.has(a.tipo) || comentarioAparte(a, interpretacion.actos);
    }
  };
  if (!interpretacion.actos.every(vacio)) return undefined;
  const c = await puertos.conocimiento(mensaje, 'desconocido');
  return c?.fuentes.length ? c : undefined;
}

/** "me lo recargan o toca comprar otro": an alternative to what must be done, asked without a mark */
const ALTERNATIVA = /\bo (?:(?:me|nos|le|les) )?(?:toca|hay que|tengo que|tenemos que|toca es)\b/;

async function resolverActo(
  acto: Acto,
  entrada: EntradaTurno,
  puertos: PuertosTurno,
  eleccion?: FilaCatalogo,
  /** another act of the message names products: a bare question is about them, not the whole catalog */
  nombraProductos = false,
  /** the message's business question is an act of its own: an order beside it stays an order */
  preguntaAparte = false,
): Promise<Recuperado> {
  const { estado, negocio, mensaje } = entrada;
  switch (acto.tipo) {
    case 'agregar': {
      if (eleccion) return { tipo: 'eleccion', producto: eleccion };
      // "necesito factura con nit", "qué extintor necesito para el carro", "necesito recargar 8 extintores": an entry's
      // own topic words beside the products make it a question about a service (with a quantity, never what it is for)
      const compraConcreta =
        (acto.productos ?? []).some((m) => m.enCatalogo !== false && m.cantidad !== null) || acto.cantidad !== undefined || !!acto.variantes?.length;
      const servicio = acto.productos?.length && !preguntaAparte ? await puertos.servicio?.(mensaje, true, compraConcreta) : undefined;
      if (servicio) return comoNegocio(acto, servicio);
      varianteAparte(acto, mensaje, puertos.lector);
      completarVariantes(acto, estado);
      return productos(acto, puertos);
    }
    case 'consultar_producto': {
      if (acto.consejo) return preguntaDeNegocio(acto, mensaje, negocio, puertos);
      // "¿el precio es con IVA?", "los extintores están homologados": a documented topic in words the catalog does not use
      // (a need, "necesito un respirador pa pintar", is diverted as a purchase is)
      const servicio = await puertos.servicio?.(mensaje, !!acto.necesidad);
      if (servicio) return comoNegocio(acto, servicio);
      if (!acto.productos?.length && !acto.variantes?.length && nombraProductos) return { tipo: 'nada' };
      if (!acto.productos?.length && estado.mostrados.length === 0 && estado.pendientes.length === 0)
        return { tipo: 'catalogo', ...(await puertos.categorias()) };
      varianteAparte(acto, mensaje, puertos.lector);
      completarVariantes(acto, estado);
      return productos(acto, puertos);
    }
    case 'consultar_catalogo': {
      const servicio = await puertos.servicio?.(mensaje, false);
      if (servicio) return comoNegocio(acto, servicio);
      const mencion = acto.productos?.find((m) => m.enCatalogo);
      if (mencion) {
        const [mejor] = await puertos.buscar(mencion.texto);
        if (mejor) return lista(mejor.categoria, 0, puertos);
      }
      if (acto.siguiente && estado.navegacion) return lista(estado.navegacion.clave, estado.navegacion.desde, puertos);
      if ((acto.todo && estado.navegacion) || (acto.siguiente && !estado.navegacion)) return lista(null, 0, puertos);
      return { tipo: 'catalogo', ...(await puertos.categorias()) };
    }
    case 'cambiar_cantidad':
      // "que sean 3 de los guantes" when no guantes are in the cart: the machine adds what it names
      return acto.productos?.length ? productos(acto, puertos) : { tipo: 'nada' };
    case 'consultar_negocio':
      return preguntaDeNegocio(acto, mensaje, negocio, puertos);
    case 'consultar_pedido':
      // "¿a qué hora llega?" of the order still being made: no order to look up, the shop's delivery terms answer it
      // ("ya pagué" of it is no question of when it comes)
      if (estado.items.length && !estado.pedido && estado.fase !== 'completado' && palabras(mensaje).some((w) => /^(lleg|demor|tard|entreg|despach)/.test(w)))
        return preguntaDeNegocio({ tipo: 'consultar_negocio', tema: 'entrega' }, mensaje, negocio, puertos);
      return { tipo: 'pedido', pedido: await puertos.ultimoPedido() };
    case 'otro': {
      // what the rules could not read may be a business question in words they do not know
      const c = await puertos.conocimiento?.(mensaje, 'desconocido');
      return c ? comoNegocio(acto, c) : { tipo: 'nada' };
    }
    case 'saludar':
    case 'quitar':
    case 'ver_carrito':
    case 'confirmar':
    case 'negar':
    case 'cancelar':
    case 'dar_datos':
    case 'pedir_humano':
    case 'agradecer':
    case 'despedirse':
      return { tipo: 'nada' };
  }
}

/** A business question, or advice on which product serves: the profile and the knowledge base, and the products it names. */
async function preguntaDeNegocio(acto: Acto, mensaje: string, negocio: Negocio, puertos: PuertosTurno): Promise<Recuperado> {
  // the products a business question names ("¿cuál extintor piden para el carro?") are what the next turns refer to
  const nombrados = acto.productos?.filter((m) => m.enCatalogo) ?? [];
  const [respuesta, encontrados] = await Promise.all([
    responderNegocio(acto.tema ?? 'desconocido', mensaje, negocio, puertos),
    nombrados.length ? productos({ tipo: 'consultar_producto', productos: nombrados }, puertos) : undefined,
  ]);
  return { tipo: 'negocio', ...respuesta, ...(encontrados?.tipo === 'productos' ? { nombrados: encontrados.resoluciones } : {}) };
}

/**
 * "y el amarillo" after the white helmet's price: a variant no product in memory carries is the
 * same kind of product in that variant, searched as such ("casco amarillo"), never a choice among
 * products that do not fit it. The completed mentions are elliptic: the customer named no product.
 */
function completarVariantes(acto: Acto, estado: EstadoConversacion): void {
  if (acto.productos?.length || !acto.variantes?.length) return;
  const memoria = [...estado.pendientes.flatMap((p) => p.opciones), ...estado.mostrados, ...(estado.recientes ?? []), ...(estado.lista ?? [])];
  const ultimo = estado.pendientes[0]?.opciones[0] ?? estado.mostrados[0] ?? estado.recientes?.at(-1);
  if (!ultimo) return;
  const cabeza = palabras(ultimo.nombre)[0];
  const fuera = acto.variantes.map((v) => ({ v, palabras: palabras(v.texto).filter((w) => !RELLENO_VARIANTE.has(w)) }));
  if (fuera.some((x) => x.palabras.length === 0 || nombra(x.palabras.join(' '), memoria))) return;
  acto.productos = fuera.map(({ v, palabras: p }) => ({ texto: `${cabeza} ${p.join(' ')}`, cantidad: v.cantidad, enCatalogo: true, eliptica: true }));
}
/**
 * "ese mismo pero en 42", "¿lo tienen en verde?": what is pointed at, in another variant (a size, a colour the
 * catalog's words know) said last, after "en" or "talla"; a size is never a count ("en 42" is no 42 units).
 */
function varianteAparte(acto: Acto, mensaje: string, lector: LectorCatalogo): void {
  if (acto.referencia?.tipo !== 'ultimo' || acto.productos?.length || acto.variantes?.length) return;
  // ("y en 46 hay?": a verb of having after the variant asks the same)
  const w = palabras(mensaje).filter((x, i, todas) => i < todas.length - 1 || !/^(hay|tienen|tiene|manejan|habra)$/.test(x));
  const [previa, ultima] = w.slice(-2);
  if (!ultima || !/^(en|talla)$/.test(previa ?? '')) return;
  if (!/^\d+$|^(xs|s|m|l|xl|xxl)$/.test(ultima) && lector.soporte(ultima) === undefined) return;
  if (acto.cantidad === Number(ultima)) delete acto.cantidad;
  acto.variantes = [{ texto: previa === 'talla' ? `talla ${ultima}` : ultima, cantidad: acto.cantidad ?? null }];
}

const RELLENO_VARIANTE = new Set(['y', 'e', 'el', 'la', 'los', 'las', 'de', 'del', 'un', 'una', 'uno', 'unos', 'unas', 'en', 'tambien', 'mejor', 'entonces']);

async function productos(acto: Acto, puertos: PuertosTurno): Promise<Recuperado> {
  const resoluciones = await Promise.all(
    (acto.productos ?? []).map(async (mencion) => {
      if (!mencion.enCatalogo) return clasificar(mencion, [], puertos.lector);
      let candidatos = await puertos.buscar(mencion.texto);
      // the vocabulary read a word by ear that search did not ("guantez", "botaz de cahucho"): search its reading when
      // what was found covers less than half of the words, and keep it when it covers more
      const reescrita = (candidatos[0]?.cobertura ?? 0) >= 0.5 ? mencion.texto : puertos.lector.reescribir(mencion.texto);
      // ("koleston 8-0": a shade code, which the names do not list, is searched without it)
      const sinTono = mencion.texto
        .split(' ')
        .filter((w) => !/^\d+-\d+$/.test(w))
        .join(' ');
      for (const otra of new Set([reescrita, sinTono]))
        if (otra !== mencion.texto && otra) {
          const leidos = await puertos.buscar(otra);
          if (leidos.length && (leidos[0].cobertura > (candidatos[0]?.cobertura ?? 0) || !candidatos.length)) candidatos = leidos;
        }
      // "cascos para moto": what it is for picks among the products the head names, never another kind ("botiquín vehicular");
      // a head the catalog lacks ("camilla para primeros auxilios") leaves the closest products of the whole
      const para = mencion.texto.lastIndexOf(' para ');
      if (para > 0 && candidatos.length) {
        const cabeza = new Set(
          (await puertos.buscar(mencion.texto.slice(0, para)))
            .filter((c) => c.cobertura >= 0.5 && c.coincidencias.some((x) => x !== 'semantica' && !x.endsWith('~')))
            .map((c) => c.producto.id),
        );
        const deLaCabeza = candidatos.filter((c) => cabeza.has(c.producto.id));
        if (deLaCabeza.length) candidatos = deLaCabeza;
      }
      // "casco verde" completed from what was shown: the same kind in other variants, never what only shares the colour
      const cabeza = raiz(palabras(mencion.texto)[0] ?? '');
      const mismos = mencion.eliptica ? candidatos.filter((c) => raiz(palabras(c.producto.nombre)[0] ?? '') === cabeza) : [];
      if (mismos.length) candidatos = mismos;
      const res = clasificar(mencion, candidatos, puertos.lector);
      // sold out: the same kind of product that is in stock, for the machine to offer instead
      if (res.tipo === 'unico' && res.producto.stock <= 0) {
        const categoria = candidatos.find((c) => c.producto.id === res.producto.id)?.categoria;
        const alternativas = candidatos.filter((c) => c.categoria === categoria && c.producto.stock > 0 && c.cobertura >= 0.5).slice(0, 4);
        if (alternativas.length) return { ...res, alternativas: alternativas.map((c) => c.producto) };
      }
      return res;
    }),
  );
  return { tipo: 'productos', resoluciones };
}

async function lista(clave: string | null, desde: number, puertos: PuertosTurno): Promise<Recuperado> {
  const { filas, total, titulo } = await puertos.listar(clave, desde, TAMANO_PAGINA);
  return { tipo: 'lista', clave, titulo, desde, filas, total };
}

/** An act the knowledge base answers is the business question it was: handled and recorded as one. */
function comoNegocio(acto: Acto, c: RespuestaConocimiento): Recuperado {
  Object.assign(acto, { tipo: 'consultar_negocio', tema: 'desconocido' });
  return { tipo: 'negocio', respuesta: c.respuesta, fuentes: c.fuentes, productos: c.productos };
}

/**
 * Whether the knowledge base's answer goes out instead of the profile's line for this topic:
 * for warranty always (the entries say it per product family), for another profile topic when
 * the question names the entry's own topic, and whenever the profile has nothing to say.
 */
export function prefiereConocimiento(tema: Tema, negocio: Negocio, c: Pick<RespuestaConocimiento, 'especifica'>): boolean {
  return tema === 'garantia' || c.especifica === true || !respuestaPerfil(tema, negocio);
}

/**
 * The business-answer stage: the structured profile (hours, address, payment, delivery,
 * returns, data notice) and the knowledge base, as `prefiereConocimiento` decides; nothing
 * when neither says.
 */
export async function responderNegocio(
  tema: Tema,
  pregunta: string,
  negocio: Negocio,
  puertos: Pick<PuertosTurno, 'conocimiento'>,
): Promise<{ respuesta?: string; fuentes?: string[]; productos?: FilaCatalogo[] }> {
  const c = await puertos.conocimiento?.(pregunta, tema);
  if (c && prefiereConocimiento(tema, negocio, c)) return { respuesta: c.respuesta, fuentes: c.fuentes, productos: c.productos };
  const delPerfil = respuestaPerfil(tema, negocio, pregunta);
  return delPerfil ? { respuesta: delPerfil, fuentes: [`perfil:${tema}`] } : {};
}

/** One pure turn: understand, resolve, decide. */
export async function turnoPuro(entrada: EntradaTurno, puertos: PuertosTurno, alFallar?: (e: Error) => void): Promise<SalidaTurno> {
  const { interpretacion, interprete, eleccion } = await entender(entrada, puertos, alFallar);
  const recuperados = await resolver(entrada, interpretacion, puertos, eleccion);
  const decision = decidir(entrada.estado, {
    mensaje: entrada.mensaje,
    interpretacion,
    recuperados,
    negocio: entrada.negocio,
    carritoActual: entrada.carritoActual,
    clienteRegistrado: entrada.clienteRegistrado,
    ahora: entrada.ahora,
  });
  return { interpretacion, interprete, decision };
}
