import { formatoCOP, multiplicar, sumar } from '../../common/money';
import { palabras } from '../../common/texto';
import { raiz } from '../../retrieval/texto/analizador';
import { validarCampo } from './datos-cliente';
import { direccionEnmascarada, poseeRegistro, REUTILIZABLES } from './posesion';
import { ALGO_MAS, FilaCatalogo, fichaProducto, lista, Negocio, NOMBRE_CAMPO, opciones, PREGUNTA_CAMPO, respuestaTema, saludo } from './plantillas';
import { Campo, CAMPOS, DatosCliente, Fase, Interpretacion, Mencion } from './tipos';

/**
 * The order state machine: pure and deterministic. Given the conversation's state and one
 * understood message (with the catalog rows retrieval found for it), it returns the next state
 * and the answer. Stock, prices, totals and every state change are decided here, never by a
 * language model; the pipeline around it does the I/O.
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
}

export interface EstadoConversacion {
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
  /** ambiguous products waiting for the customer to pick a variant, first one asked */
  pendientes: PreguntaVariante[];
  /** the line the customer touched last, for "mejor 3" */
  ultimaLinea?: number;
  /** products the last answer listed, for "dame 2 de esos" */
  mostrados: FilaCatalogo[];
  /** numbers every cart of this chat: the order's idempotency key is chat + cart */
  carrito: number;
  pedido?: { id: number; total: number; estado: string };
}

export type Resolucion =
  | { mencion: Mencion; tipo: 'unico'; producto: FilaCatalogo }
  /** `aproximado`: part of what the customer named is in none of the options ("guantes de boxeo") */
  | { mencion: Mencion; tipo: 'ambiguo'; opciones: FilaCatalogo[]; aproximado?: boolean }
  | { mencion: Mencion; tipo: 'ninguno'; parecidos: FilaCatalogo[] };

export interface Turno {
  mensaje: string;
  interpretacion: Interpretacion;
  /** one per interpretacion.productos, in order */
  resoluciones: Resolucion[];
  /** the variant the customer picked from the options asked last */
  opcionElegida?: FilaCatalogo;
  negocio: Negocio;
  /**
   * the stored, active customer of the cédula this chat carries, if any. Never shown as such: it
   * is reused only once the chat also typed the phone on file (see posesion.ts)
   */
  clienteRegistrado?: DatosCliente | null;
  /** the chat's last registered order, for "¿dónde está mi pedido?" */
  ultimoPedido?: { id: number; estado: string; total: number } | null;
  /** fresh rows of the products in the cart (stock changes while a customer chats) */
  carritoActual: Record<number, FilaCatalogo>;
  /** catalog categories, for "¿qué venden?" */
  categorias: string[];
  ahora: string;
}

export interface Decision {
  estado: EstadoConversacion;
  respuesta: string;
  /** catalog rows the answer is based on */
  productos: FilaCatalogo[];
  /** all data is there: the pipeline must register the order now */
  registrar: boolean;
  /** products asked for and not carried */
  noEncontrados: string[];
  escalar: boolean;
}

export function estadoInicial(): EstadoConversacion {
  return { fase: null, items: [], datos: {}, pendientes: [], mostrados: [], carrito: 1 };
}

export function totalPedido(items: LineaPedido[]): number {
  return sumar(items.map((l) => multiplicar(l.precio_unitario, l.cantidad)));
}

export function datosFaltantes(e: EstadoConversacion): Campo[] {
  return CAMPOS.filter((c) => e.datos[c] === undefined);
}

/** The state a new message acts on: a finished or cancelled order leaves room for a new one. */
function abierto(estado: EstadoConversacion): EstadoConversacion {
  const e: EstadoConversacion = structuredClone(estado);
  if (e.fase === 'completado' || e.fase === 'cancelado') {
    e.fase = null;
    e.items = [];
    e.pendientes = [];
    e.campo = undefined;
    e.confirmandoDireccion = false;
    e.pedido = undefined;
    e.carrito += 1;
  }
  return e;
}

class Respuesta {
  readonly partes: string[] = [];
  readonly productos = new Map<number, FilaCatalogo>();
  readonly noEncontrados: string[] = [];
  registrar = false;
  escalar = false;

  decir(...texto: string[]): this {
    this.partes.push(...texto.filter(Boolean));
    return this;
  }

  mostrar(...filas: FilaCatalogo[]): this {
    for (const f of filas) this.productos.set(f.id, f);
    return this;
  }

  decision(estado: EstadoConversacion): Decision {
    return {
      estado,
      respuesta: this.partes.join('\n'),
      productos: [...this.productos.values()],
      registrar: this.registrar,
      noEncontrados: this.noEncontrados,
      escalar: this.escalar,
    };
  }
}

export function decidir(estadoPrevio: EstadoConversacion, t: Turno): Decision {
  const i = t.interpretacion;
  const nuevoPedido = i.accion === 'agregar' || t.opcionElegida !== undefined;
  const e = nuevoPedido ? abierto(estadoPrevio) : structuredClone(estadoPrevio);
  const r = new Respuesta();

  if (t.opcionElegida && e.pendientes.length > 0) {
    const [pregunta] = e.pendientes.splice(0, 1);
    agregar(e, r, t.opcionElegida, pregunta.cantidad ?? 1, t.negocio);
    return cerrarCarrito(e, r, t).decision(e);
  }

  switch (i.accion) {
    case 'agregar':
      return agregarMenciones(e, r, t).decision(e);
    case 'consultar':
      return consultar(e, r, t).decision(e);
    case 'quitar':
      return quitar(e, r, t).decision(e);
    case 'cambiar_cantidad':
      return cambiarCantidad(e, r, t).decision(e);
    case 'ver_pedido':
      r.decir(resumen(e));
      return cerrarCarrito(e, r, t, false).decision(e);
    case 'cancelar':
      return cancelar(e, r).decision(e);
    case 'estado_pedido':
      return estadoDelPedido(e, r, t).decision(e);
    case 'confirmar':
      return confirmar(e, r, t).decision(e);
    case 'negar':
      return negar(e, r, t).decision(e);
    case 'datos':
      return recibirDatos(e, r, t).decision(e);
    case 'saludo':
      r.decir(e.items.length ? `¡Hola de nuevo! Sigo con tu pedido.` : saludo(t.negocio));
      return continuar(e, r, t).decision(e);
    case 'gracias':
      r.decir(e.fase === 'recolectando_datos' || e.items.length ? '¡Con gusto!' : `¡Con gusto! Aquí estoy cuando me necesites.`);
      return continuar(e, r, t).decision(e);
    case 'pregunta':
      r.decir(respuestaTema(i.tema ?? 'desconocido', t.negocio));
      r.escalar = i.tema === 'humano' || i.tema === 'desconocido';
      return continuar(e, r, t).decision(e);
    default:
      if (e.fase === 'recolectando_datos' && e.campo) return recibirDatos(e, r, t).decision(e);
      r.decir(
        'No estoy segura de haberte entendido. Puedes preguntarme por un producto, su precio, o decirme qué quieres comprar, por ejemplo "quiero 2 cascos amarillos".',
      );
      return continuar(e, r, t).decision(e);
  }
}

/** After answering something else, bring the customer back to where the order stands. */
function continuar(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (e.pendientes.length > 0) return preguntarVariante(e, r);
  if (e.fase === 'recolectando_datos') return pedirCampo(e, r, t.negocio);
  if (e.fase === 'carrito' || e.fase === 'confirmando') {
    e.fase = 'confirmando';
    r.decir(ALGO_MAS);
  }
  return r;
}

function agregarMenciones(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  // "cámbieme el chaleco naranja por el verde": the named line goes, the new product comes in
  const reemplazada = t.interpretacion.objetivo ? lineaMencionada(e, t.interpretacion.objetivo) : undefined;
  if (reemplazada && t.resoluciones.some((x) => x.tipo !== 'ninguno')) {
    e.items = e.items.filter((l) => l !== reemplazada);
    r.decir(`Quité ${reemplazada.nombre}.`);
    for (const res of t.resoluciones) if (res.mencion.cantidad === null) res.mencion.cantidad = reemplazada.cantidad;
  }
  for (const res of t.resoluciones) {
    if (res.tipo === 'unico') agregar(e, r, res.producto, res.mencion.cantidad ?? 1, t.negocio);
    else if (res.tipo === 'ambiguo')
      e.pendientes.push({ texto: res.mencion.texto, cantidad: res.mencion.cantidad, opciones: res.opciones, aproximado: res.aproximado });
    else noEncontrado(r, res.mencion.texto, res.parecidos);
  }
  return cerrarCarrito(e, r, t);
}

function noEncontrado(r: Respuesta, texto: string, parecidos: FilaCatalogo[]): void {
  r.noEncontrados.push(texto);
  if (parecidos.length === 0) {
    r.decir(`No manejamos "${texto}" en nuestro catálogo.`);
    return;
  }
  r.mostrar(...parecidos);
  r.decir(`No manejamos "${texto}". Lo más parecido que tenemos:`, ...parecidos.map((p) => `• ${p.nombre}: ${formatoCOP(p.precio)}`));
}

/** Adds or grows a line, within the per-product limit and the stock. */
function agregar(e: EstadoConversacion, r: Respuesta, p: FilaCatalogo, cantidad: number, n: Negocio): void {
  const linea = e.items.find((l) => l.producto_id === p.id);
  // "también quiero 2 cascos" on a cart with 3 cascos means 5
  const total = (linea?.cantidad ?? 0) + cantidad;
  const motivo = motivoCantidad(cantidad, total, n);
  r.mostrar(p);
  if (motivo) {
    r.decir(`${motivo} (${p.nombre}).`);
    return;
  }
  if (p.stock <= 0) {
    r.decir(`El ${p.nombre} está agotado en este momento.`);
    return;
  }
  const posible = Math.min(total, p.stock);
  if (posible < total) {
    if (!n.mostrar_stock) {
      r.decir(`No tenemos esa cantidad de ${p.nombre} en este momento; prueba con una cantidad menor o pide hablar con un asesor.`);
      return;
    }
    r.decir(`Solo tenemos ${p.stock} disponibles de ${p.nombre}; te dejé ${posible}.`);
  }
  if (linea) linea.cantidad = posible;
  else e.items.push({ producto_id: p.id, nombre: p.nombre, precio_unitario: p.precio, cantidad: posible });
  e.ultimaLinea = p.id;
  const agregadas = linea ? posible - (total - cantidad) : posible;
  if (agregadas > 0) r.decir(`Te agregué ${agregadas} × ${p.nombre} (${formatoCOP(p.precio)} c/u).`);
}

function motivoCantidad(cantidad: number, total: number, n: Negocio): string | undefined {
  if (!Number.isInteger(cantidad) || cantidad <= 0) return 'La cantidad debe ser al menos 1';
  if (total > n.limite_por_producto) return `Por pedido puedo tomar máximo ${n.limite_por_producto} unidades de cada producto; para más, un asesor te atiende`;
  return undefined;
}

/** Ends a cart change: ask the pending variant, or show the total and ask "¿algo más?". */
function cerrarCarrito(e: EstadoConversacion, r: Respuesta, t: Turno, conTotal = true): Respuesta {
  if (e.items.length > 0 && e.fase === null) e.fase = 'carrito';
  if (e.pendientes.length > 0) {
    if (e.fase !== 'recolectando_datos') e.fase = e.items.length ? 'carrito' : e.fase;
    return preguntarVariante(e, r);
  }
  if (e.items.length === 0) {
    if (e.fase !== 'recolectando_datos') e.fase = null;
    if (r.partes.length === 0) r.decir('¿Qué producto te gustaría?');
    return r;
  }
  for (const l of e.items) r.mostrar({ id: l.producto_id, nombre: l.nombre, precio: l.precio_unitario, stock: Number.NaN });
  if (conTotal) r.decir(`Total del pedido: ${formatoCOP(totalPedido(e.items))}.`);
  if (e.fase === 'recolectando_datos') return pedirCampo(e, r, t.negocio);
  e.fase = 'confirmando';
  return r.decir(ALGO_MAS);
}

function preguntarVariante(e: EstadoConversacion, r: Respuesta): Respuesta {
  const p = e.pendientes[0];
  r.mostrar(...p.opciones);
  e.mostrados = p.opciones;
  const cuantos = p.cantidad ? `${p.cantidad} ` : '';
  if (p.aproximado) return r.decir(`No tengo exactamente "${p.texto}". Lo más cercano que tenemos:`, opciones(p.opciones), '¿Te sirve alguno?');
  return r.decir(`¿Cuál ${cuantos}"${p.texto}" quieres? Tenemos:`, opciones(p.opciones));
}

function consultar(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (t.resoluciones.length === 0) {
    r.decir(`Manejamos ${lista(t.categorias.map((c) => c.replace(/-/g, ' ')))}. ¿Qué estás buscando?`);
    return continuar(e, r, t);
  }
  const mostrados: FilaCatalogo[] = [];
  for (const res of t.resoluciones) {
    if (res.tipo === 'ninguno') {
      noEncontrado(r, res.mencion.texto, res.parecidos);
      continue;
    }
    const filas = res.tipo === 'unico' ? [res.producto] : res.opciones;
    mostrados.push(...filas);
    r.mostrar(...filas);
    const titulo =
      res.tipo === 'unico'
        ? 'Sí, lo tenemos:'
        : res.aproximado
          ? `No tengo exactamente "${res.mencion.texto}"; lo más cercano:`
          : `Esto tenemos en ${res.mencion.texto}:`;
    r.decir(titulo, ...filas.map((p) => fichaProducto(p, t.negocio)));
  }
  if (mostrados.length > 0) {
    e.mostrados = mostrados;
    r.decir(mostrados.length === 1 ? '¿Cuántas unidades quieres?' : '¿Cuál te interesa y cuántas unidades?');
  } else {
    // Nothing in the catalog: maybe it was not a product question at all. Be honest either way.
    r.decir(`Si tu pregunta es sobre otra cosa, no tengo esa información; puedo pedirle a un asesor de ${t.negocio.nombre} que te responda.`);
    r.escalar = true;
  }
  if (e.fase === 'recolectando_datos') pedirCampo(e, r, t.negocio);
  return r;
}

/** The cart line a customer means by "los guantes": by shared word stems, or the only/last line. */
export function lineaMencionada(e: EstadoConversacion, objetivo?: string): LineaPedido | undefined {
  if (!objetivo) return e.items.length === 1 ? e.items[0] : e.items.find((l) => l.producto_id === e.ultimaLinea);
  const buscadas = new Set(
    palabras(objetivo)
      .filter((w) => w.length > 2)
      .map(raiz),
  );
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

function quitar(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  const linea = lineaMencionada(e, t.interpretacion.objetivo);
  if (!linea) {
    r.decir(`No encontré "${t.interpretacion.objetivo ?? 'ese producto'}" en tu pedido. Tienes:`, resumen(e));
    return continuar(e, r, t);
  }
  e.items = e.items.filter((l) => l !== linea);
  r.decir(`Listo, quité ${linea.nombre} de tu pedido.`);
  if (e.items.length === 0) {
    e.fase = null;
    return r.decir('Tu pedido quedó vacío. ¿Qué te gustaría comprar?');
  }
  return cerrarCarrito(e, r, t);
}

function cambiarCantidad(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  const linea = lineaMencionada(e, t.interpretacion.objetivo);
  const cantidad = t.interpretacion.cantidad ?? 0;
  if (!linea) return r.decir('¿De cuál producto cambio la cantidad? Tienes:', resumen(e));
  const motivo = motivoCantidad(cantidad, cantidad, t.negocio);
  if (motivo) {
    r.decir(`${motivo}. Si quieres sacarlo del pedido, escribe "quita ${linea.nombre.toLowerCase()}".`);
    return continuar(e, r, t);
  }
  const stock = t.carritoActual[linea.producto_id]?.stock ?? Number.POSITIVE_INFINITY;
  if (cantidad > stock && !t.negocio.mostrar_stock) {
    r.decir(`No tenemos esa cantidad de ${linea.nombre} en este momento; prueba con una cantidad menor o pide hablar con un asesor.`);
    return continuar(e, r, t);
  }
  linea.cantidad = Math.min(cantidad, stock);
  e.ultimaLinea = linea.producto_id;
  if (linea.cantidad < cantidad) r.decir(`Solo tenemos ${stock} disponibles de ${linea.nombre}.`);
  r.decir(`Listo: ${linea.cantidad} × ${linea.nombre}.`);
  return cerrarCarrito(e, r, t);
}

function cancelar(e: EstadoConversacion, r: Respuesta): Respuesta {
  if (e.items.length === 0 && e.fase !== 'recolectando_datos' && e.pendientes.length === 0) {
    return r.decir('No tienes un pedido en curso. ¿Te ayudo a buscar algo?');
  }
  e.fase = 'cancelado';
  e.items = [];
  e.pendientes = [];
  e.campo = undefined;
  e.confirmandoDireccion = false;
  return r.decir('Listo, cancelé tu pedido. Si más adelante quieres algo, aquí estoy.');
}

function estadoDelPedido(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  const p = t.ultimoPedido;
  if (!p) {
    r.decir(`No veo pedidos registrados en esta conversación. ${respuestaTema('entrega', t.negocio)}`);
    return continuar(e, r, t);
  }
  const estados: Record<string, string> = {
    pendiente: 'registrado y pendiente de confirmación',
    confirmado: 'confirmado y en preparación',
    despachado: 'despachado, va en camino',
    entregado: 'entregado',
    cancelado: 'cancelado',
  };
  r.decir(`Tu pedido #${p.id} por ${formatoCOP(p.total)} está ${estados[p.estado] ?? p.estado}.`);
  return continuar(e, r, t);
}

function confirmar(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (e.fase === 'recolectando_datos') {
    if (e.confirmandoDireccion) {
      e.confirmandoDireccion = false;
      r.decir('Perfecto, lo enviamos a esa dirección.');
      return siguienteDato(e, r, t);
    }
    return pedirCampo(e, r, t.negocio);
  }
  if (e.pendientes.length > 0) return preguntarVariante(e, r);
  if (e.items.length === 0) {
    if (e.fase === 'completado' && e.pedido) return r.decir(`Tu pedido #${e.pedido.id} ya quedó registrado. ¿Te ayudo con algo más?`);
    return r.decir('Aún no tienes productos en tu pedido. ¿Qué te gustaría comprar?');
  }
  e.fase = 'recolectando_datos';
  r.decir(resumen(e));
  for (const l of e.items) r.mostrar({ id: l.producto_id, nombre: l.nombre, precio: l.precio_unitario, stock: Number.NaN });
  if (datosFaltantes(e).length === 0) {
    e.confirmandoDireccion = true;
    return r.decir(`¿Lo enviamos a ${direccionVisible(e)}? Responde "sí" o escríbeme la nueva dirección.`);
  }
  return pedirCampo(e, r, t.negocio);
}

function negar(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (e.fase === 'confirmando' && e.pendientes.length === 0) return confirmar(e, r, t);
  if (e.fase === 'recolectando_datos' && e.confirmandoDireccion) {
    e.confirmandoDireccion = false;
    olvidarDireccion(e);
    return pedirCampo(e, r, t.negocio);
  }
  if (e.fase === 'recolectando_datos' && e.campo && e.campo !== 'indicaciones_adicionales') {
    r.decir(
      `Entiendo. Sin tu ${NOMBRE_CAMPO[e.campo]} no puedo registrar el pedido; lo dejo guardado por si cambias de opinión, o si prefieres un asesor te atiende.`,
    );
    r.escalar = true;
    return r;
  }
  if (e.fase === 'recolectando_datos' && e.campo === 'indicaciones_adicionales') return recibirDatos(e, r, t);
  r.decir('Entendido. ¿En qué más te puedo ayudar?');
  return r;
}

function recibirDatos(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (e.fase !== 'recolectando_datos') {
    // Data before the order is ready: keep it, it saves questions later.
    Object.assign(e.datos, t.interpretacion.datos);
    r.decir('Gracias, guardé tus datos para el pedido.');
    return continuar(e, r, t);
  }
  const nuevos = { ...t.interpretacion.datos };
  if (e.confirmandoDireccion && nuevos.direccion) {
    e.confirmandoDireccion = false;
    olvidarDireccion(e);
    delete e.datos.indicaciones_adicionales;
  }
  if (e.campo && nuevos[e.campo] === undefined && Object.keys(nuevos).length === 0) {
    const v = validarCampo(e.campo, t.mensaje);
    if (!v.ok) return r.decir(`Mmm, ${v.motivo}. ${PREGUNTA_CAMPO[e.campo]}`);
    nuevos[e.campo] = v.valor;
  }
  Object.assign(e.datos, nuevos);
  if (!e.consentimiento) e.consentimiento = t.ahora;
  // A cédula alone proves nothing; with the phone on file the stored data is reused, masked.
  if (e.verificada !== e.datos.cedula) e.verificada = undefined;
  if (!e.verificada && (nuevos.cedula || nuevos.telefono) && poseeRegistro(e.datos, t.clienteRegistrado)) {
    const previo = t.clienteRegistrado;
    e.verificada = e.datos.cedula;
    e.reusados = REUTILIZABLES.filter((c) => e.datos[c] === undefined && previo[c]);
    for (const c of e.reusados) e.datos[c] = previo[c];
    const nombre = (e.datos.nombre_completo ?? '').split(' ')[0];
    r.decir(`¡Qué bueno tenerte de nuevo${nombre ? `, ${nombre}` : ''}! Ya tengo tus datos.`);
    if (e.reusados.includes('direccion')) {
      e.confirmandoDireccion = true;
      e.campo = 'direccion';
      return r.decir(`¿Lo enviamos a ${direccionVisible(e)}? Responde "sí" o escríbeme la nueva dirección.`);
    }
  }
  return siguienteDato(e, r, t);
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
  e.reusados = e.reusados?.filter((c) => c !== 'direccion' && c !== 'barrio');
}

function siguienteDato(e: EstadoConversacion, r: Respuesta, t: Turno): Respuesta {
  if (datosFaltantes(e).length > 0) return pedirCampo(e, r, t.negocio);
  e.campo = undefined;
  r.registrar = true;
  return r;
}

function pedirCampo(e: EstadoConversacion, r: Respuesta, n: Negocio): Respuesta {
  if (e.confirmandoDireccion) return r.decir(`¿Lo enviamos a ${direccionVisible(e)}? Responde "sí" o escríbeme la nueva dirección.`);
  const campo = datosFaltantes(e)[0];
  if (!campo) return r;
  e.campo = campo;
  if (!e.avisoMostrado) {
    e.avisoMostrado = true;
    r.decir('Para registrar tu pedido necesito algunos datos.', n.aviso_datos);
  }
  return r.decir(PREGUNTA_CAMPO[campo]);
}

export function resumen(e: EstadoConversacion): string {
  if (e.items.length === 0) return 'Tu pedido está vacío.';
  const lineas = e.items.map((l) => `• ${l.cantidad} × ${l.nombre}: ${formatoCOP(multiplicar(l.precio_unitario, l.cantidad))}`);
  return ['Tu pedido:', ...lineas, `Total: ${formatoCOP(totalPedido(e.items))}`].join('\n');
}

/** The answer once the pipeline has stored the order. */
export function trasRegistro(estado: EstadoConversacion, pedido: { id: number; total: number; estado: string }, n: Negocio): Decision {
  const e = structuredClone(estado);
  e.fase = 'completado';
  e.pedido = pedido;
  e.campo = undefined;
  const r = new Respuesta();
  for (const l of e.items) r.mostrar({ id: l.producto_id, nombre: l.nombre, precio: l.precio_unitario, stock: Number.NaN });
  r.decir(
    `¡Listo, ${(e.datos.nombre_completo ?? '').split(' ')[0] || 'gracias'}! Tu pedido #${pedido.id} quedó registrado por ${formatoCOP(pedido.total)}.`,
    `Lo entregamos en ${direccionVisible(e)}. ${n.tiempos_entrega ? `Tiempo estimado: ${n.tiempos_entrega}.` : ''}`.trim(),
    '¡Gracias por tu compra!',
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
    r.decir(`Se acaban de vender unidades de ${producto.nombre}: ${n.mostrar_stock ? `quedan ${producto.stock}` : 'quedan menos'} y ajusté tu pedido.`);
  } else {
    e.items = e.items.filter((l) => l.producto_id !== producto.id);
    r.decir(`Lo siento, ${producto.nombre} se agotó mientras completábamos tus datos y lo saqué del pedido.`);
  }
  r.mostrar(producto);
  if (e.items.length === 0) {
    e.fase = null;
    return r.decir('Tu pedido quedó vacío. ¿Te ayudo a buscar otra opción?').decision(e);
  }
  r.decir(resumen(e), '¿Procedemos así?');
  return r.decision(e);
}

/** Picks the option a short reply means: "el de 20", "amarillo", "el segundo", "2". */
export function elegirOpcion(mensaje: string, lista: FilaCatalogo[]): FilaCatalogo | undefined {
  const w = palabras(mensaje);
  const ordinales = ['primer', 'segund', 'tercer', 'cuart', 'quint', 'sext'];
  for (const [k, o] of ordinales.entries()) if (w.some((x) => x.startsWith(o)) && lista[k]) return lista[k];
  if (w.length <= 3) {
    const n = w.find((x) => /^\d+$/.test(x));
    const porNumero = n ? lista.filter((p) => palabras(p.nombre).includes(n)) : [];
    if (porNumero.length === 1) return porNumero[0];
    if (n && porNumero.length === 0 && Number(n) >= 1 && Number(n) <= lista.length && /^(el|la|opcion|numero|)$/.test(w[0] === n ? '' : w[0]))
      return lista[Number(n) - 1];
  }
  const buscadas = new Set(w.filter((x) => x.length > 2 || /\d/.test(x)).map(raiz));
  const puntajes = lista.map(
    (p) =>
      palabras(p.nombre)
        .map(raiz)
        .filter((x) => buscadas.has(x)).length,
  );
  const max = Math.max(0, ...puntajes);
  if (max === 0) return undefined;
  // Words shared by every option ("extintor") tell nothing: the pick must be unique.
  const mejores = lista.filter((_, k) => puntajes[k] === max);
  return mejores.length === 1 ? mejores[0] : undefined;
}
