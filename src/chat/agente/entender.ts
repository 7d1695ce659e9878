import { plegar } from '../../common/texto';
import { ContextoInterpretacion } from '../llm/llm.interfaces';
import { extraerDatos } from './datos-cliente';
import { leerNumero, primerNumero } from '../../common/numeros';
import { Interpretacion, Mencion, Tema } from './tipos';

/**
 * The local language understanding: rules and a small lexicon over folded text. It reads the
 * everyday Spanish of a sales chat (lower case, no accents, numbers in words, several products
 * per line) into an Interpretacion; the state machine decides what to do with it.
 */

const TEMAS: Array<{ tema: Tema; re: RegExp }> = [
  { tema: 'humano', re: /\b(asesor|asesora|humano|persona real|una persona|operador|hablar con alguien|agente humano)\b/ },
  { tema: 'horario', re: /\b(horario|horarios|hora|horas|abren|abre|cierran|cierra|atienden|abiertos?|domingos?|festivos?|sabados?)\b/ },
  {
    tema: 'pago',
    re: /\b(pago|pagos|pagar|pago contra|contraentrega|contra entrega|nequi|daviplata|tarjeta|efectivo|transferencia|medios? de pago|formas? de pago|credito|debito|pse)\b/,
  },
  {
    tema: 'entrega',
    re: /\b(envio|envios|envian|enviar|entrega|entregas|entregan|domicilio|domicilios|despacho|despachan|llega|llegan|demora|demoran|tarda|tardan|transportadora|mandan)\b/,
  },
  {
    tema: 'devoluciones',
    re: /\b(devolucion|devoluciones|devolver\w*|devuelv\w*|reembolso|cambios? de producto|hacer un cambio|cambiarlo si|cambio si|llega malo|sale malo|viene malo|llega danado)\b/,
  },
  { tema: 'garantia', re: /\b(garantia|garantias)\b/ },
  {
    tema: 'direccion',
    re: /\b(donde (quedan|queda|estan|esta|es la tienda|los encuentro|se ubican)|direccion de la tienda|su direccion|ubicacion|ubicados|tienda fisica|local fisico|sede|como llego)\b/,
  },
  {
    tema: 'datos',
    re: /\b(datos personales|mis datos|privacidad|habeas data|ley 1581|tratamiento de datos|(para|pa) que (necesitan|quieren|piden|es|sirve) (mi|el|la|mis|los|las))\b/,
  },
  {
    tema: 'contacto',
    re: /\b((numero|telefono|celular|whatsapp|correo|linea) (de contacto|fijo|de la tienda|del local|del almacen|de ustedes)|otro (numero|telefono)|como los contacto|llamarlos)\b/,
  },
  // facilities and paperwork the profile does not cover: answered honestly, with a human offered
  { tema: 'desconocido', re: /\b(parqueadero|parqueo|factura\w*|rut|nit|cotizacion\w*|credito empresarial|licitacion\w*)\b/ },
];

const PREGUNTA_INICIO =
  /^(?:(?:a|y|en|de|por|para) )?(como|cuando|donde|cuanto|cuanta|cuantos|cuantas|cual|cuales|que|quien|hacen|tienen|aceptan|puedo|se puede|hay|venden|manejan|me pueden|pueden|es posible|ustedes)\b/;
const COMPRA =
  /\b(quiero|kiero|qiero|kero|quisiera|kisiera|necesito|nesesito|nesecito|necito|necesitamos|requiero|deme|dame|deseo|me (regala|regalas|regalan|vende|vendes|venden|manda|mandas|envia|envias|da|das|pones|agregas|anotas|llevo)|regalame|regaleme|mandame|mandeme|enviame|envieme|traigame|ponme|pongame|pongale|agrega|agregame|agregue|agregueme|agreguele|anade|anademe|anadale|pon|anota|anotame|compro|comprar|llevo|llevar|lleva|pedir|pido|encargar|separame|tambien|ademas)\b/;
const CONSULTA =
  /\b(tienen|tiene|tienes|hay|venden|vende|manejan|maneja|precio|precios|cuanto (vale|valen|cuesta|cuestan|sale|salen)|vale|valen|cuesta|cuestan|disponible|disponibles|catalogo|que (productos|tienen|hay|venden|manejan)|muestrame|mostrar|ver (los|las)|opciones|referencias)\b/;

const CANCELAR =
  /\b(cancela|cancelar|cancelo|cancelalo|cancelen|cancele|canceleme|anule|anula|anular|anulalo|olvidalo|olvida el pedido|ya no quiero (nada|el pedido|comprar)|no quiero nada|desisto)\b/;
const ESTADO_PEDIDO =
  /\b((donde|como) (esta|va|viene) (mi|el) (pedido|orden|compra)|(no me ha llegado|no ha llegado|no me llego|aun no llega|todavia no llega)|estado de(l| mi) (pedido|orden)|(ya|cuando) (despacharon|enviaron|llega|me llega) (mi|el)? ?(pedido|orden)?|seguimiento|rastrear)\b/;
const VER_PEDIDO =
  /\b((ver|muestrame|mostrar|revisar|resumen de|repiteme|como va|como quedo) (mi |el )?(pedido|carrito|orden|compra)|mi carrito|que llevo|que tengo en el (carrito|pedido)|cuanto (es|seria|va) (el total|todo)|cuanto llevo|total)\b/;
const QUITAR =
  /\b(quita|quitar|quitame|quitale|quite|quiteme|quitele|saca|sacar|sacame|saque|saqueme|elimina|eliminar|eliminame|elimine|borra|borrar|borrame|borre|retira|retirar|retire|ya no quiero|sin los|sin las|sin el|sin la)\b\s*(.*)$/;
const CAMBIAR =
  /\b(mejor|que sean|que fueran|cambia(?:lo|los|las|r)?(?: a| por)?|dejalo en|dejalos en|dejalas en|deja(?:me)? (?:solo |solamente )?|pon(?:me|le)? solo|solo quiero|cambiar la cantidad (?:de .* )?a)\b\s*(.*)$/;
const CAMBIAR_POR = /\b(?:cambia|cambie|cambiame|cambieme|cambiale|cambiele|cambiar)\b(.+?)\bpor\b(.+)$/;
const CONFIRMAR =
  /^(si+|sip|ok+|okay|okey|dale|listo|de una|claro|confirmo|confirmado|confirmar|procedamos|procede|proceder|procedemos|sigamos|sigue|continuar|continua|continuemos|solo eso|eso es todo|eso seria todo|nada mas|es todo|seria todo|correcto|perfecto|hagamosle|hagale|va|vale|por supuesto|asi esta bien|esta bien|de acuerdo|finalizar|terminar|cerrar (el )?pedido|hacer el pedido|realizar el pedido)\b/;
const CONFIRMAR_EN =
  /\b(procedamos|procedemos|confirmo|solo eso|eso es todo|eso seria todo|nada mas|es todo|seria todo|hagamos el pedido|hacer el pedido|finalizar (el )?pedido|cerrar (el )?pedido|realizar el pedido)\b/;
const NEGAR = /^(no|nop|nones|nel|negativo|para nada|todavia no|aun no)\b/;
const SALUDO =
  /^(hola|holi|holaa+|buenas|buen dia|buenos dias|buenas tardes|buenas noches|hey|saludos|que mas|quiubo|quihubo|alo|como (esta|estas|le va|va todo))\b/;
const DESPEDIDA = /\b(chao|adios|hasta luego|hasta pronto|nos vemos|feliz dia|feliz tarde|feliz noche|que este bien|que estes bien|bendiciones)\b/;
const GRACIAS = /\b(gracias|muchas gracias|mil gracias|muy amable|te agradezco|chao|adios|hasta luego|bendiciones)\b/;

/** words that carry no product meaning at the edges of a mention */
const RELLENO = new Set(
  `quiero kiero qiero kero quisiera kisiera necesito nesesito nesecito necito necesitamos requiero deme dame deseo q k xq pq tb tmb tambn xfa plis porfis me regala regalas regalan regalame vende vendes venden manda mandas mandame envia envias enviame da das pones ponme agrega agregas agregame agregue anade anademe pon anota anotas anotame compro comprar llevo llevar lleva pedir pido encargar separame tambien ademas
   y e o de del el la los las un una unos unas por favor porfa porfavor plis pls hola buenas buenos dias tardes noches tienen tiene tienes hay venden manejan maneja precio precios cuanto vale valen cuesta cuestan sale salen disponible disponibles
   a al para con mas que me te se lo le nos su sus mi mis tu tus este esta estos estas ese esa esos esas eso alguno alguna algunos algunas cual cuales si no ok listo tambien ademas otro otra otros otras
   gracias muchas mil muy chao adios amable bendiciones hasta luego productos producto cosas articulos catalogo referencias opciones ustedes
   pues como todo va veci vecino vecina parce mija mijo senor senora don dona oiga oigame`.split(/\s+/),
);

/** "dame 2 de esos": words pointing at what the agent just listed */
const REFERENTES = new Set(['ese', 'esa', 'esos', 'esas', 'este', 'esta', 'estos', 'estas', 'mismo', 'misma', 'mismos', 'mismas']);

/** a question about a service, not a product: "¿hacen capacitaciones?", "¿recargan extintores?" */
const SERVICIO =
  /\b(servicio|servicios|recarga|recargas|mantenimiento|capacitacion\w*|curso|cursos|dan|dictan|hacen|ofrecen|prestan|realizan|dictan|instalan|recargan|arreglan|reparan|fabrican|alquilan|capacitan|asesoran)\b/;

/** a number right before one of these is a variant ("20 libras"), not a quantity */
const UNIDAD =
  /^(lb|lbs|libra|libras|kg|kilo|kilos|g|gr|grs|gramo|gramos|l|lt|lts|litro|litros|ml|cc|m|mt|mts|metro|metros|cm|mm|gal|galon|galones|oz|pulgadas)$/;
/** ...and so is a number right after one of these ("talla 40", "clase 0", "x 100") */
const ANTES_DE_VARIANTE = /^(talla|clase|nivel|tipo|x|numero|n|calibre|referencia|ref|modelo|n95)$/;

const VARIANTES =
  /^(amarill|blanc|azul|roj|verd|negr|naranj|gris|caf|morad|rosad|clar|oscur|limon|grande|pequen|median|talla|\d+|lb|libras?|kg|kilos?|gramos?|litros?|metros?|cm|mm|x|s|m|l|xl|xxl)/;

/** true when a mention only names variant words ("el verde limón", "los de 20 libras") */
export function soloVariantes(texto: string): boolean {
  const palabras = texto.split(' ').filter((p) => p && !RELLENO.has(p));
  return palabras.length > 0 && palabras.every((p) => VARIANTES.test(p));
}

/** Splits "quiero 2 extintores de 10 libras y 3 cascos amarillos" into one mention per product. */
export function extraerMenciones(mensaje: string): Mencion[] {
  const tokens = plegar(mensaje).match(/-?\d+|[a-z0-9ñ]+|[,;.\n/+]/g) ?? [];
  const menciones: Array<{ palabras: string[]; cantidad: number | null }> = [];
  let actual: { palabras: string[]; cantidad: number | null } = { palabras: [], cantidad: null };
  const cerrar = () => {
    if (actual.palabras.some((p) => !RELLENO.has(p) || (actual.cantidad !== null && REFERENTES.has(p)))) menciones.push(actual);
    actual = { palabras: [], cantidad: null };
  };
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    if (/^[,;.\n/+]$/.test(t) || ((t === 'y' || t === 'e' || t === 'tambien' || t === 'ademas') && actual.palabras.some((p) => !RELLENO.has(p)))) {
      cerrar();
      i++;
      continue;
    }
    const negativo = /^-\d+$/.test(t);
    const numero = negativo ? { valor: Number(t), largo: 1 } : leerNumero(tokens, i);
    const siguiente = numero ? tokens[i + numero.largo] : undefined;
    const esCantidad =
      numero !== undefined &&
      !ANTES_DE_VARIANTE.test(tokens[i - 1] ?? '') &&
      !(siguiente !== undefined && UNIDAD.test(siguiente)) &&
      // "un"/"una" before a product is a quantity only at the start of a mention
      !(numero.valor === 1 && actual.palabras.some((p) => !RELLENO.has(p)));
    if (numero && esCantidad) {
      if (actual.palabras.some((p) => !RELLENO.has(p)) || actual.cantidad !== null) cerrar();
      actual.cantidad = numero.valor;
      i += numero.largo;
      continue;
    }
    actual.palabras.push(t);
    i++;
  }
  cerrar();
  return menciones.map((m) => {
    const palabras = [...m.palabras];
    while (palabras.length && RELLENO.has(palabras[0]) && !REFERENTES.has(palabras[0])) palabras.shift();
    while (palabras.length && RELLENO.has(palabras[palabras.length - 1]) && !REFERENTES.has(palabras[palabras.length - 1])) palabras.pop();
    return { texto: palabras.join(' '), cantidad: m.cantidad };
  });
}

export function detectarTema(f: string): Tema | undefined {
  return TEMAS.find((t) => t.re.test(f))?.tema;
}

export function interpretarLocal(mensaje: string, ctx: ContextoInterpretacion): Interpretacion {
  // chat shorthand: "q" is "que", "xq" "porque", "pa" "para"
  const f = plegar(mensaje)
    .replace(/[¿?¡!]/g, (c) => (c === '?' || c === '¿' ? ' ? ' : ' '))
    .replace(/\b(q|k)\b/g, 'que')
    .replace(/\b(xq|pq|porq)\b/g, 'porque')
    .replace(/\bpa\b/g, 'para');
  const sinSignos = f.replace(/\s*\?\s*/g, ' ').trim();
  const recolectando = ctx.fase === 'recolectando_datos';
  const { datos } = extraerDatos(mensaje, recolectando ? ctx.campoPendiente : undefined);
  const tema = detectarTema(sinSignos);
  const esPregunta = /\?/.test(f) || PREGUNTA_INICIO.test(sinSignos);
  const base = { datos, esPregunta, productos: [] as Mencion[], tema };
  const venta = (accion: Interpretacion['accion'], extra: Partial<Interpretacion> = {}): Interpretacion => ({ ...base, intencion: 'venta', accion, ...extra });

  if (ESTADO_PEDIDO.test(sinSignos)) return venta('estado_pedido');
  // a question about the business comes first: "si me llega malo, ¿puedo devolverlo?" is not a "sí"
  if (tema && esPregunta && !COMPRA.test(sinSignos)) return { ...base, intencion: 'contexto', accion: 'pregunta' };
  if (CANCELAR.test(sinSignos) && !esPregunta) return venta('cancelar');
  if (VER_PEDIDO.test(sinSignos) && ctx.carrito.length > 0) return venta('ver_pedido');

  const quitar = QUITAR.exec(sinSignos);
  if (quitar && ctx.carrito.length > 0) return venta('quitar', { objetivo: quitar[2].trim() || undefined });

  const cambioPor = CAMBIAR_POR.exec(sinSignos);
  if (cambioPor && ctx.carrito.length > 0) {
    const objetivo = cambioPor[1].trim();
    // "por el verde" names only a variant: it is the same kind of product as the one replaced
    const nucleo = objetivo.split(' ').find((p) => !RELLENO.has(p));
    const productos = extraerMenciones(cambioPor[2]).map((m) => ({ ...m, texto: nucleo && soloVariantes(m.texto) ? `${nucleo} ${m.texto}` : m.texto }));
    return venta('agregar', { objetivo, productos });
  }

  const cambiar = CAMBIAR.exec(sinSignos);
  const nuevaCantidad = cambiar ? primerNumero(cambiar[2]) : undefined;
  if (cambiar && nuevaCantidad !== undefined && ctx.carrito.length > 0) {
    const objetivo = cambiar[2]
      .replace(/-?\d+/, '')
      .replace(/\b(unidades?|de|del|los|las|el|la)\b/g, ' ')
      .trim();
    const palabrasNumero = /^(un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien)\b\s*/;
    return venta('cambiar_cantidad', {
      cantidad: /(^|\s)-\d/.test(cambiar[2]) ? -nuevaCantidad : nuevaCantidad,
      objetivo: objetivo.replace(palabrasNumero, '').trim() || undefined,
    });
  }

  const hayDatos = Object.keys(datos).length > 0;
  if (recolectando && hayDatos && !esPregunta) return venta('datos');
  const hayPedido = ctx.carrito.length > 0 || recolectando;
  // "ok perfecto, mil gracias" with nothing to confirm is a goodbye, not a confirmation
  if (!hayPedido && GRACIAS.test(sinSignos)) return { ...base, intencion: 'contexto', accion: 'gracias' };
  if (CONFIRMAR_EN.test(sinSignos) || (CONFIRMAR.test(sinSignos) && sinSignos.split(' ').length <= 6 && !COMPRA.test(sinSignos.replace(/^\S+\s*/, '')))) {
    return venta('confirmar');
  }
  if (NEGAR.test(sinSignos) && sinSignos.split(' ').length <= 4) return venta('negar');
  const menciones = tema ? [] : extraerMenciones(mensaje);
  // While collecting data, only an explicit purchase ("y también 2 guantes") is not a data answer.
  if (recolectando && !esPregunta && !tema && ctx.campoPendiente && !(COMPRA.test(sinSignos) && menciones.length > 0)) return venta('datos');
  if (!tema && SERVICIO.test(sinSignos) && !COMPRA.test(sinSignos)) return { ...base, intencion: 'contexto', accion: 'pregunta', tema: 'desconocido' };
  // a greeting or a goodbye with no product word of weight ("buenas tardes veci, ¿cómo le va?")
  const cortesia = SALUDO.test(sinSignos) || GRACIAS.test(sinSignos) || DESPEDIDA.test(sinSignos);
  if (cortesia && !COMPRA.test(sinSignos) && !CONSULTA.test(sinSignos) && !/\d/.test(sinSignos) && !(esPregunta && menciones.length)) {
    return { ...base, intencion: 'contexto', accion: GRACIAS.test(sinSignos) || DESPEDIDA.test(sinSignos) ? 'gracias' : 'saludo' };
  }

  if (menciones.length > 0) {
    // With a cart open, "y unos lentes" or "otro casco" adds to it.
    const sigueCarrito = ctx.carrito.length > 0 && /^(y|e|tambien|ademas|otro|otra|otros|otras|unos|unas|mas)\b/.test(sinSignos);
    const compra = COMPRA.test(sinSignos) || sigueCarrito || menciones.some((m) => m.cantidad !== null);
    const consulta = CONSULTA.test(sinSignos) || (esPregunta && !compra);
    if (compra && !(consulta && menciones.every((m) => m.cantidad === null))) return venta('agregar', { productos: menciones });
    return { ...base, intencion: 'inventario', accion: 'consultar', productos: menciones };
  }
  if (tema) return { ...base, intencion: 'contexto', accion: 'pregunta' };
  if (SALUDO.test(sinSignos)) return { ...base, intencion: 'contexto', accion: 'saludo' };
  if (GRACIAS.test(sinSignos)) return { ...base, intencion: 'contexto', accion: 'gracias' };
  if (CONSULTA.test(sinSignos)) return { ...base, intencion: 'inventario', accion: 'consultar' };
  return { ...base, intencion: 'contexto', accion: esPregunta ? 'pregunta' : 'ninguna', tema: esPregunta ? 'desconocido' : undefined };
}
