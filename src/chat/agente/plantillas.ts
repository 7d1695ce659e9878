import { formatoCOP } from '../../common/money';
import { palabras, plegar } from '../../common/texto';
import { Campo, Tema } from './tipos';

/**
 * Every sentence the agent says, warm and short, grammatical for every number: the state
 * machine picks them; a language model, when configured, only rephrases them. A profile field
 * that is empty leaves its sentence out.
 */

export interface Negocio {
  nombre: string;
  nombre_agente: string;
  horario: string;
  direccion: string;
  telefono_contacto: string;
  medios_pago: string[];
  zonas_entrega: string;
  tiempos_entrega: string;
  devoluciones: string;
  garantia: string;
  aviso_datos: string;
  limite_por_producto: number;
  mostrar_stock: boolean;
}

export interface FilaCatalogo {
  id: number;
  nombre: string;
  precio: number;
  stock: number;
}

/** a category as the overview shows it */
export interface CategoriaCatalogo {
  clave: string;
  /** as a person says it ("protección visual") */
  nombre: string;
  total: number;
  ejemplos: string[];
}

export const PREGUNTA_CAMPO: Record<Campo, string> = {
  nombre_completo: '¿Cuál es tu nombre completo?',
  cedula: '¿Cuál es tu número de cédula?',
  telefono: '¿A qué número de celular te podemos contactar?',
  correo: '¿Cuál es tu correo electrónico?',
  direccion: '¿Cuál es la dirección de entrega?',
  barrio: '¿En qué barrio queda?',
  indicaciones_adicionales: '¿Alguna indicación para la entrega (torre, apartamento, horario)? Si no, escribe "ninguna".',
};

export const NOMBRE_CAMPO: Record<Campo, string> = {
  nombre_completo: 'nombre',
  cedula: 'cédula',
  telefono: 'celular',
  correo: 'correo',
  direccion: 'dirección',
  barrio: 'barrio',
  indicaciones_adicionales: 'indicaciones',
};

/** "tu celular", "tus indicaciones" */
const tuCampo = (campo: Campo) => `${esPluralPalabra(NOMBRE_CAMPO[campo]) ? 'tus' : 'tu'} ${NOMBRE_CAMPO[campo]}`;

export const ALGO_MAS = '¿Deseas agregar algo más o procedemos con el pedido?';

/** "1 producto", "3 productos" */
export function cuenta(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

export function disponibilidad(p: FilaCatalogo, n: Negocio): string {
  if (p.stock <= 0) return 'agotado';
  if (n.mostrar_stock) return `${p.stock} ${p.stock === 1 ? 'disponible' : 'disponibles'}`;
  return p.stock <= 5 ? 'pocas unidades' : 'disponible';
}

export function fichaProducto(p: FilaCatalogo, n: Negocio): string {
  // the API's label stays "agotado"; the sentence agrees with the product
  return `• ${p.nombre}: ${formatoCOP(p.precio)} (${p.stock <= 0 ? concuerda('agotado', p.nombre) : disponibilidad(p, n)})`;
}

export function opciones(lista: FilaCatalogo[]): string {
  return lista.map((p, i) => `${i + 1}. ${p.nombre}: ${formatoCOP(p.precio)}${p.stock <= 0 ? ` (${concuerda('agotado', p.nombre)})` : ''}`).join('\n');
}

export function lista(xs: string[]): string {
  return xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} y ${xs[xs.length - 1]}`;
}

/** a sentence ends once: "El Roble S.A.S." takes no second period */
const conPunto = (s: string) => (/[.!?]$/.test(s) ? s : `${s}.`);
/** common words a profile text opens with: mid-sentence they are lower case ("Entregamos en domicilio propio…", "pagar con efectivo") */
const COMUNES_AL_INICIO =
  /^(lunes|martes|miércoles|jueves|viernes|sábados?|domingos?|de|del|en|los|las|el|la|un|una|con|por|para|solo|todo|toda|todos|todas|cambios?|devoluci\p{L}+|entregas?|env[ií]os?|domicilios?|despachos?|recogida|efectivo|transferencias?|tarjetas?|consignaci\p{L}+|pago|contra|cr[ée]dito|d[ée]bito|dat[áa]fono|cheque|área|zonas?|municipios|ciudades|herramientas|demás)$/iu;
/** a profile text placed mid-sentence: "Lunes a viernes…" → "lunes a viernes…" (a name or a word in capitals stays) */
const enFrase = (s: string) => {
  const [primera = '', segunda = ''] = s.match(/\p{L}+/gu) ?? [];
  // "La Estrella", "Los Alpes": an article before a capital is part of a name
  const deNombre = /^(el|la|los|las)$/i.test(primera) && /^\p{Lu}/u.test(segunda);
  return COMUNES_AL_INICIO.test(primera) && primera !== primera.toUpperCase() && !deNombre ? s.charAt(0).toLowerCase() + s.slice(1) : s;
};
/** "Sobre cambios y devoluciones: Cambios y devoluciones dentro de…": a lead-in the text already says is left out */
const conEntrada = (entrada: string, texto: string, clave: RegExp) =>
  clave.test(texto.trim()) ? mayuscula(conPunto(texto.trim())) : `${entrada} ${conPunto(enFrase(texto.trim()))}`;

/** the words of a means of payment that name it in a question ("nequi", "tarjeta", "credito"), not the ones any says */
const delMedio = (medio: string) => palabras(medio).filter((w) => w.length >= 4 && !/^(?:local|pago|pagos|solo|cuenta)$/.test(w));

/**
 * "y nequi sí, cierto?": the means of payment a question names answer it first, the rest after; a question that
 * names none gets them all
 */
function mediosDePago(n: Negocio, pregunta: string): string {
  const dichas = new Set(palabras(pregunta));
  const nombrados = n.medios_pago.filter((m) => delMedio(m).some((w) => dichas.has(w)));
  const otros = n.medios_pago.filter((m) => !nombrados.includes(m));
  if (!nombrados.length) return `Puedes pagar con ${lista(n.medios_pago.map(enFrase))}.`;
  return `Puedes pagar con ${lista(nombrados.map(enFrase))}${otros.length ? `; también con ${lista(otros.map(enFrase))}` : ''}.`;
}

/** The structured profile's answer to a business topic (`pregunta`, the customer's words); undefined when the profile does not say. */
export function respuestaPerfil(tema: Tema, n: Negocio, pregunta = ''): string | undefined {
  switch (tema) {
    case 'horario':
      return n.horario ? `Nuestro horario es ${conPunto(enFrase(n.horario))}` : undefined;
    case 'direccion':
      return n.direccion ? `Estamos en ${conPunto(enFrase(n.direccion))}` : undefined;
    case 'pago':
      return n.medios_pago.length ? mediosDePago(n, pregunta) : undefined;
    case 'entrega': {
      const partes = [n.zonas_entrega && `Entregamos en ${conPunto(enFrase(n.zonas_entrega))}`, n.tiempos_entrega && `Tiempos: ${conPunto(n.tiempos_entrega)}`];
      return partes.filter(Boolean).join(' ') || undefined;
    }
    case 'devoluciones':
      return n.devoluciones ? conEntrada('Sobre cambios y devoluciones:', n.devoluciones, /^(cambios|devoluci|las devoluciones|los cambios)/i) : undefined;
    case 'garantia':
      return n.garantia ? conEntrada('Sobre la garantía:', n.garantia, /^(la )?garant/i) : undefined;
    case 'datos':
      return n.aviso_datos || undefined;
    case 'contacto':
      return n.telefono_contacto ? `Puedes llamarnos al ${n.telefono_contacto}.` : 'Puedes escribirnos por este chat cuando quieras.';
    case 'desconocido':
      return undefined;
  }
}

/** "un asesor de El Roble", or just "un asesor" when the profile has no name */
const unAsesor = (n: Negocio) => (n.nombre ? `un asesor de ${n.nombre}` : 'un asesor');

/** when a person answers, from the profile's hours; nothing when the profile has none */
const enHorario = (n: Negocio) => (n.horario ? `Te responde en nuestro horario de atención: ${conPunto(enFrase(n.horario))}` : '');

type Partes = Array<{ cantidad: number; variante: string }>;
/** "6 de verde musgo, 6 de rosa viejo y 4 de blanco" */
const enPartes = (partes: Partes) => lista(partes.map((x) => `${x.cantidad} de ${x.variante}`));

/** a topic the profile leaves empty, named when it is not said: one unknown after another reads as two answers */
const SOBRE: Partial<Record<Tema, string>> = {
  horario: 'el horario de atención',
  direccion: 'la dirección del local',
  pago: 'los medios de pago',
  entrega: 'las entregas',
  devoluciones: 'los cambios y devoluciones',
  garantia: 'la garantía',
  datos: 'el tratamiento de datos',
};
const esaInformacion = (tema?: Tema) => (tema && SOBRE[tema] ? `información sobre ${SOBRE[tema]}` : 'esa información');

export const FRASES = {
  sinInformacion: (n: Negocio, tema?: Tema) => `No tengo ${esaInformacion(tema)}. Si quieres, le pido a ${unAsesor(n)} que te responda por este chat.`,
  sinInformacionConAsesor: 'No tengo esa información; el asesor que va a atenderte te ayuda con eso.',
  humanoRevisa: (n: Negocio) =>
    [`Gracias. Desde aquí no puedo consultar pedidos con esos datos: le pedí a ${unAsesor(n)} que lo revise y te responda por este chat.`, enHorario(n)]
      .filter(Boolean)
      .join(' '),
  humanoYa: 'Ya le avisé a un asesor: te responde por este chat apenas pueda.',
  tampocoSe: (n: Negocio, tema?: Tema) => `Tampoco tengo ${esaInformacion(tema)}. ¿Quieres que le pida a ${unAsesor(n)} que te responda por este chat?`,
  humano: (n: Negocio) => [`Listo, le pedí a ${unAsesor(n)} que continúe contigo por este chat.`, enHorario(n)].filter(Boolean).join(' '),
  saludo: (n: Negocio, solo: boolean) =>
    solo
      ? `¡Hola! ${n.nombre_agente ? conPunto(`Soy ${n.nombre_agente}${n.nombre ? `, de ${n.nombre}` : ''}`) : n.nombre ? `Te damos la bienvenida a ${conPunto(n.nombre)}` : 'Te damos la bienvenida.'} Te ayudo a encontrar productos, precios y a hacer tu pedido. ¿Qué estás buscando?`
      : '¡Hola!',
  holaDeNuevo: '¡Hola de nuevo!',
  saludoDeNuevo: '¡Hola de nuevo! Sigo con tu pedido.',
  deNada: (hayPedido: boolean) => (hayPedido ? '¡Con gusto!' : '¡Con gusto! Aquí estoy cuando me necesites.'),
  adios: '¡Gracias por escribirnos! Que tengas un buen día.',
  cuandoQuieras: (hayPedido: boolean) => `¡Claro! Aquí estoy cuando lo decidas${hayPedido ? '; tu pedido queda guardado' : ''}.`,
  noEntendi:
    'No estoy segura de haberte entendido. Puedes preguntarme por un producto o su precio, pedirme la lista de productos, o decirme qué quieres comprar, por ejemplo "quiero 2 cascos".',
  noEntendiDeNuevo: (n: Negocio) =>
    `Sigo sin entenderte, perdona. Si quieres, le pido a ${unAsesor(n)} que te atienda por este chat, o escríbeme qué producto buscas.`,
  queProducto: '¿Qué producto te gustaría?',
  fotoSinProducto: 'No logré ver qué producto es en la foto. ¿Me escribes cuál buscas, con la medida o el color?',
  queja: 'Lamento mucho lo que pasó. Un asesor puede revisarlo contigo, por cambio o garantía; ¿quieres que le pida que te escriba por este chat?',
  sinAfan: 'Sin afán, aquí estoy. Cuando quieras, pregúntame por un producto o pídeme la lista de lo que manejamos.',
  noManejamos: (texto: string) => `No manejamos "${texto}" en nuestro catálogo.`,
  noManejamosParecidos: (texto: string) => `No manejamos "${texto}". Lo más parecido que tenemos:`,
  noExacto: (texto: string) => `No tengo exactamente "${texto}". Lo más cercano que tenemos:`,
  teSirve: '¿Te sirve alguno?',
  /** the heading of one product shown: what the question asked, and never "lo tenemos" of what is sold out */
  /** "¿lo tienen en verde?" of a product none of whose kind comes so */
  noEnVariante: (nombre: string, variante: string) =>
    `No ${pronombre(nombre)} tenemos en ${variante.replace(/(?<![\p{L}])(xs|s|m|l|xl|xxl)$/u, (x) => x.toUpperCase())}.`,
  sobreUno: (p: FilaCatalogo, aspecto: string) =>
    p.stock <= 0
      ? `${mayuscula(pronombre(p.nombre))} manejamos, pero en este momento ${concordancia(p.nombre).plural ? 'están' : 'está'} ${concuerda('agotado', p.nombre)}:`
      : aspecto === 'precio'
        ? 'Este es el precio:'
        : // a size or colour the catalog does not list is not promised
          aspecto === 'variantes'
          ? 'Esta es la opción que tenemos:'
          : `Sí, ${pronombre(p.nombre)} tenemos:`,
  opcionesDe: (n: number) => (n === 1 ? 'Tenemos esta opción:' : `Tenemos estas ${n} opciones:`),
  cuantas: (nombre: string) => `¿Cuántas unidades de ${nombre} quieres?`,
  cualYCuantas: '¿Cuál te interesa y cuántas unidades?',
  cuantasDeCada: '¿Cuántas unidades quieres de cada uno?',
  /** `otra`: a choice after another one of the same reply, whose question was already asked */
  cualDe: (cantidad: number | null, texto: string, variasPreguntas: boolean, otra = false) => {
    const cuantas = cantidad ? ` (${cuenta(cantidad, 'unidad', 'unidades')})` : '';
    const para = texto ? `"${texto}"` : variasPreguntas ? 'lo que pediste' : '';
    if (otra) return `Y para ${para || 'lo otro'}${cuantas}, tenemos:`;
    return para ? `Para ${para}, ¿cuál quieres${cuantas}? Tenemos:` : `¿Cuál quieres${cuantas}? Tenemos:`;
  },
  /** an open choice asked before, recalled in one line */
  recordarEleccion: (texto: string, cantidad: number | null, filas: FilaCatalogo[], aproximado: boolean) => {
    const cuantas = cantidad ? ` (${cuenta(cantidad, 'unidad', 'unidades')})` : '';
    const nombres = lista(filas.map((p, i) => `${i + 1}) ${p.nombre}`));
    return aproximado
      ? `Sobre "${texto}", lo más cercano que tenemos es ${nombres}. ¿Te sirve alguno?`
      : `Me falta saber cuál quieres${texto ? ` de "${texto}"` : ''}${cuantas}: ${nombres}.`;
  },
  deCual: (cantidad: number) => `¿De cuál producto quieres ${cuenta(cantidad, 'unidad', 'unidades')}?`,
  /** `antes`: what the line already had; the sentence then says what it has now */
  /** `partes`: the sizes or colours the count was split in, said back */
  agregue: (cantidad: number, nombre: string, precio: number, antes = 0, partes?: Partes) =>
    `Te agregué ${cantidad} × ${nombre} (${formatoCOP(precio)} c/u)${partes ? `: ${enPartes(partes)}` : ''}${antes ? `; ahora llevas ${antes + cantidad}` : ''}.`,
  agotado: (nombre: string) => `${nombre}: ${concuerda('agotado', nombre)} en este momento.`,
  soloHay: (stock: number, nombre: string) =>
    `Solo ${stock === 1 ? 'tenemos 1 disponible' : `tenemos ${stock} disponibles`} de ${nombre}. ¿Te ${stock === 1 ? 'agrego esa unidad' : `agrego esas ${stock}`}?`,
  sinEsaCantidad: (nombre: string) => `No tenemos esa cantidad de ${nombre} en este momento; prueba con una cantidad menor o pide hablar con un asesor.`,
  noAgrego: 'Listo, no lo agrego.',
  dejoFuera: (textos: string[]) => `Listo, dejo por fuera ${lista(textos.map((x) => `"${x}"`))}.`,
  cantidadMinima: 'La cantidad debe ser al menos 1',
  cantidadMaxima: (limite: number) => `Por pedido puedo tomar máximo ${cuenta(limite, 'unidad', 'unidades')} de cada producto; para más, un asesor te atiende`,
  total: (total: number) => `Total del pedido: ${formatoCOP(total)}.`,
  quite: (nombre: string) => `Listo, quité ${nombre} de tu pedido.`,
  quiteCorto: (nombre: string) => `Quité ${nombre}.`,
  noEstaEnPedido: (objetivo?: string) => `No encontré ${objetivo ? `"${objetivo}"` : 'ese producto'} en tu pedido.`,
  noEstaEnVacio: (objetivo?: string) => `No tienes ${objetivo ? `"${objetivo}"` : 'ese producto'} en tu pedido: aún está vacío.`,
  yaLoTienes: (cantidad: number, nombre: string) => `Ya tienes ${cantidad} × ${nombre} en tu pedido.`,
  pedidoVacio: 'Tu pedido quedó vacío. ¿Qué te gustaría comprar?',
  deCualCantidad: '¿De cuál producto cambio la cantidad?',
  quitarCon: (motivo: string, nombre: string) => `${motivo}. Si quieres sacar${pronombre(nombre)} del pedido, escribe "quita ${nombre.toLowerCase()}".`,
  quedan: (stock: number, nombre: string) => `Solo ${stock === 1 ? 'queda 1 disponible' : `quedan ${stock} disponibles`} de ${nombre}.`,
  cantidadLista: (cantidad: number, nombre: string) => `Listo: ${cantidad} × ${nombre}.`,
  conTallas: (cantidad: number, nombre: string, partes?: Partes) =>
    `Listo: ${cantidad} × ${nombre}, ${partes ? enPartes(partes) : 'en las tallas que me indicas'}.`,
  sinPedido: 'No tienes un pedido en curso. ¿Te ayudo a buscar algo?',
  cancelado: 'Listo, cancelé tu pedido. Si más adelante quieres algo, aquí estoy.',
  sinPedidosRegistrados: 'No veo pedidos registrados en esta conversación. Si lo hiciste por otro medio, puedo pedirle a un asesor que lo revise; ¿quieres?',
  estadoPedido: (id: number, total: number, estado: string) => `Tu pedido #${id} por ${formatoCOP(total)} está ${estado}.`,
  yaRegistrado: (id: number) => `Tu pedido #${id} ya quedó registrado. ¿Te ayudo con algo más?`,
  carritoVacio: 'Aún no tienes productos en tu pedido. ¿Qué te gustaría comprar?',
  faltaElegir: 'Antes de seguir, me falta saber qué opción quieres:',
  faltaCantidad: 'Antes de seguir:',
  recordarCantidad: (nombre: string) => `Me falta saber cuántas unidades quieres de ${nombre}.`,
  direccionOk: 'Perfecto, lo enviamos a esa dirección.',
  enviamosA: (direccion: string) => `¿Lo enviamos a ${direccion}? Responde "sí" o escríbeme la nueva dirección.`,
  /** "cel 3209988776" when the name was asked: what was taken, then what is still missing */
  anoteFalta: (anotados: Campo[], campo: Campo) => `Anoté ${lista(anotados.map(tuCampo))}; aún me falta ${tuCampo(campo)} para registrar el pedido.`,
  aunFalta: (campo: Campo) => `Aún me falta ${esPluralPalabra(NOMBRE_CAMPO[campo]) ? 'tus' : 'tu'} ${NOMBRE_CAMPO[campo]} para registrar el pedido.`,
  anote: (campos: Campo[]) => `Listo, anoté ${lista(campos.map((c) => `${esPluralPalabra(NOMBRE_CAMPO[c]) ? 'tus' : 'tu'} ${NOMBRE_CAMPO[c]}`))}.`,
  sinDato: (campo: Campo) =>
    `Entiendo. Sin ${esPluralPalabra(NOMBRE_CAMPO[campo]) ? 'tus' : 'tu'} ${NOMBRE_CAMPO[campo]} no puedo registrar el pedido; lo dejo guardado por si cambias de opinión, o si prefieres un asesor te atiende.`,
  entendido: 'Entendido. ¿En qué más te puedo ayudar?',
  noEntendiEnDatos: 'Perdona, no te entendí. Si quieres cambiar algo del pedido, dímelo con el nombre del producto.',
  guardeDatos: 'Gracias, guardé tus datos para el pedido.',
  tambienAnoto: 'Listo, también lo anoté.',
  tomoNota: 'Gracias, tomo nota de tus datos.',
  datoInvalido: (motivo: string, campo: Campo) => `Mmm, ${motivo}. ${PREGUNTA_CAMPO[campo]}`,
  deNuevo: (nombre: string) => `¡Qué bueno tenerte de nuevo${nombre ? `, ${nombre}` : ''}! Ya tengo tus datos.`,
  avisoDatos: 'Para registrar tu pedido necesito algunos datos.',
  seguimos: (productos: number, total: number) => `Seguimos con tu pedido (${cuenta(productos, 'producto')}, ${formatoCOP(total)}).`,
  registrado: (nombre: string, id: number, total: number) => `¡Listo, ${nombre || 'gracias'}! Tu pedido #${id} quedó registrado por ${formatoCOP(total)}.`,
  entregaEn: (direccion: string, tiempos: string) => `Lo entregamos en ${direccion}.${tiempos ? ` Tiempo estimado: ${conPunto(tiempos)}` : ''}`,
  graciasCompra: '¡Gracias por tu compra!',
  /** `quedan`: the stock left, when the shop shows it */
  seVendieron: (nombre: string, quedan?: number) =>
    `Se acaban de vender unidades de ${nombre}: ${quedan === undefined ? 'quedan menos' : quedan === 1 ? 'queda 1' : `quedan ${quedan}`} y ajusté tu pedido.`,
  seAgoto: (nombre: string) =>
    `Lo siento, ${nombre} se ${concordancia(nombre).plural ? 'agotaron' : 'agotó'} mientras completábamos tus datos y ${pronombre(nombre)} saqué del pedido.`,
  vacioOtraOpcion: 'Tu pedido quedó vacío. ¿Te ayudo a buscar otra opción?',
  procedemosAsi: '¿Procedemos así?',
  pedidoGuardado: 'Tu pedido queda guardado: cuando quieras, seguimos.',
  resumenTitulo: 'Tu pedido:',
  resumenVacio: 'Tu pedido está vacío.',
  catalogo: (total: number) => `Esto es lo que manejamos (${cuenta(total, 'producto')}):`,
  categoria: (c: CategoriaCatalogo) => `• ${mayuscula(c.nombre)} (${c.total}): ${lista(c.ejemplos)}${c.total > c.ejemplos.length ? '…' : ''}`,
  masCategorias: (n: number) => (n === 1 ? '• y 1 categoría más' : `• y ${n} categorías más`),
  elegirCategoria: 'Dime qué categoría quieres ver, o escribe "ver todo" para la lista completa con precios.',
  tituloLista: (titulo: string, desde: number, hasta: number, total: number) =>
    total <= hasta && desde === 0 ? `${mayuscula(titulo)} (${cuenta(total, 'producto')}):` : `${mayuscula(titulo)}, ${desde + 1} a ${hasta} de ${total}:`,
  hayMas: (n: number) => `${n === 1 ? 'Hay 1 producto más' : `Hay ${n} productos más`}: escribe "ver más" para verlos.`,
  finLista: '¿Cuál te interesa y cuántas unidades?',
  noHayMas: 'Ya te mostré todo lo de esa lista.',
  masBarato: 'El de menor precio es:',
  masCaro: 'El de mayor precio es:',
  variantesDe: 'Estas son las opciones que tenemos:',
  preciosDe: 'Estos son los precios:',
  deLoQueMencionas: 'De lo que mencionas, esto es lo que tenemos:',
  stockDe: 'Esta es la disponibilidad:',
  deCualProducto: '¿De cuál producto quieres saber? Te cuento lo que manejamos:',
  fallback: '',
} as const;

/** the sentences of a line, "a.m.", "p.m." and a name's "S.A.S." kept whole */
export function oraciones(linea: string): string[] {
  return linea
    .split(/(?<![ap]\.m\.|\p{Lu}\.\p{Lu}\.)(?<=[.!?])\s+/u)
    .map((x) => x.trim())
    .filter(Boolean);
}

const esRenglonDeLista = (l: string) => /^(•|\d+[.)])\s/.test(l);

/** the question of a data field a line ends with ("Mmm, … ¿Cuál es tu número de cédula?") */
const preguntaCampoAl = (l: string) => Object.values(PREGUNTA_CAMPO).find((q) => l.endsWith(q));

/**
 * The reply from what the turn's steps said: a line or a sentence said again is said once; a
 * question asked again is asked only the last time, where the reply ends; of the data form only
 * the field asked last is asked (one field at a time); a heading left without its list goes too.
 */
export function componer(partes: string[]): string {
  const crudas = partes.flatMap((p) => p.split('\n'));
  const ultimoCampo = crudas.findLastIndex((l) => preguntaCampoAl(l) !== undefined);
  const lineas = crudas.map((l, i) => oraciones(i < ultimoCampo ? l.slice(0, l.length - (preguntaCampoAl(l)?.length ?? 0)) : l));
  const clave = (o: string) => plegar(o);
  const preguntasDespues = new Map<string, number>();
  lineas.forEach((os, i) => os.forEach((o) => o.endsWith('?') && preguntasDespues.set(clave(o), i)));
  const vistas = new Set<string>();
  const dichas = new Set<string>();
  const salida = lineas.map((os, i) => {
    const fila = esRenglonDeLista(os.join(' '));
    const l = os
      .filter((o) => !(o.endsWith('?') && (preguntasDespues.get(clave(o)) ?? i) > i))
      // a sentence of three words or more said before ("Te responde en nuestro horario…") is not said again; list rows and headings may repeat
      .filter((o) => fila || /[:?]$/.test(o) || o.split(' ').length < 3 || !dichas.has(clave(o)))
      .join(' ');
    if (!fila) os.forEach((o) => dichas.add(clave(o)));
    if (!l || vistas.has(clave(l))) return '';
    vistas.add(clave(l));
    return l;
  });
  const original = lineas.map((os) => os.join(' '));
  return salida
    .filter((l, i) => {
      if (!l.endsWith(':')) return Boolean(l);
      // a heading keeps its list: when every line of it was already said, it goes with them
      let j = i + 1;
      while (j < original.length && esRenglonDeLista(original[j] ?? '')) j++;
      return j === i + 1 || salida.slice(i + 1, j).some(Boolean);
    })
    .join('\n');
}

/* The gender and number of a product name, by its head noun: the articles, pronouns and adjectives of a sentence about it agree. */

/** singular words ending in -s: weekdays, Greek-origin -is, a few common ones */
export const SINGULARES_EN_S = new Set([
  'mes',
  'lunes',
  'martes',
  'miercoles',
  'jueves',
  'viernes',
  'gas',
  'tos',
  'bus',
  'virus',
  'dosis',
  'crisis',
  'analisis',
  'tesis',
  'plus',
  'iris',
]);
/** words ending in -s that are not plural nouns and may follow a number or an article */
const NO_PLURALES = new Set([
  'es',
  'mas',
  'menos',
  'pues',
  'antes',
  'despues',
  'ademas',
  'jamas',
  'dos',
  'tres',
  'seis',
  'nos',
  'les',
  'los',
  'las',
  'sus',
  'tus',
  'mis',
  'vs',
]);
const FEMENINOS_EN_O = new Set(['mano', 'foto', 'moto', 'radio', 'libido']);
const MASCULINOS_EN_A = new Set(['dia', 'mapa', 'problema', 'sistema', 'tema', 'programa', 'clima', 'planeta', 'idioma', 'esquema', 'kit', 'overol']);
/** a plural noun or adjective by its ending */
export function esPluralPalabra(palabra: string): boolean {
  const w = palabra.toLowerCase();
  const plano = plegar(w);
  if (!/s$/.test(plano) || NO_PLURALES.has(plano) || SINGULARES_EN_S.has(plano)) return false;
  // an accented last vowel before -s is a singular word: "arnés", "país", "compás"
  return !/[áéíóú]s$/.test(w);
}

/** the grammatical gender of a noun by its ending, when the ending tells it */
export function generoDe(palabra: string): 'f' | 'm' | undefined {
  const plano = plegar(palabra);
  const singular = /(cion|sion|dad|tud|umbre|[lrndzj])es$/.test(plano) ? plano.slice(0, -2) : plano.replace(/s$/, '');
  if (FEMENINOS_EN_O.has(singular)) return 'f';
  if (MASCULINOS_EN_A.has(singular)) return 'm';
  if (/(cion|sion|dad|tud|umbre|a)$/.test(singular)) return 'f';
  if (/o$/.test(singular)) return 'm';
  return undefined;
}

/** the gender and number of a product by the first word of its name; masculine when the ending does not tell */
export function concordancia(nombre: string): { fem: boolean; plural: boolean } {
  const cabeza = nombre.trim().split(/\s+/)[0] ?? '';
  return { fem: generoDe(cabeza) === 'f', plural: esPluralPalabra(cabeza) };
}

/** "lo", "la", "los", "las" for a product */
export function pronombre(nombre: string): string {
  const { fem, plural } = concordancia(nombre);
  return `${fem ? 'la' : 'lo'}${plural ? 's' : ''}`;
}

/** an adjective in -o agreeing with a product: "agotado" → "agotadas" for "Gafas…" */
export function concuerda(adjetivo: string, nombre: string): string {
  const { fem, plural } = concordancia(nombre);
  return `${fem ? adjetivo.replace(/o$/, 'a') : adjetivo}${plural ? 's' : ''}`;
}

export function mayuscula(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export const ESTADOS_PEDIDO: Record<string, string> = {
  pendiente: 'registrado y pendiente de confirmación',
  confirmado: 'confirmado y en preparación',
  despachado: 'despachado, va en camino',
  entregado: 'entregado',
  cancelado: 'cancelado',
};

/** "proteccion-visual" as a person says it, with the accents the catalog's own words carry ("protección visual") */
export function nombreCategoria(clave: string, palabrasCatalogo: string[] = []): string {
  const acentuadas = new Map(palabrasCatalogo.map((w) => [plegar(w), w.toLowerCase()]));
  return (
    clave
      .split(/[-_\s]+/)
      // a word ending in -cion always carries its accent in Spanish
      .map((w) => acentuadas.get(plegar(w)) ?? w.toLowerCase().replace(/cion$/, 'ción'))
      .join(' ')
  );
}
