import { leerNumero, primerNumero } from '../../common/numeros';
import { fonetica, palabras, plegar } from '../../common/texto';
import { raiz, sinDiminutivo, unidadCanonica } from '../../retrieval/texto/analizador';
import { esMuyComun, esPalabraComun } from '../../retrieval/texto/palabras-es';
import { LectorCatalogo, Soporte } from '../../retrieval/texto/vocabulario';
import { ContextoInterpretacion } from '../llm/llm.interfaces';
import { extraerDatos, validarCampo } from './datos-cliente';
import { Acto, ACTOS_SOCIALES, Aspecto, Campo, DatosCliente, Interpretacion, Mencion, Referencia, Tema } from './tipos';

/**
 * The local language understanding. A message is cut into clauses; each clause is read into
 * dialogue acts by cue words, and its product mentions are grounded in the catalog's own
 * vocabulary: a span is a product only when the catalog supports its words, so everything else
 * ("ayuda", "bueno", "hacer un pedido") stays conversation. The state machine acts on the result.
 */

const TEMAS: Array<{ tema: Tema; re: RegExp }> = [
  {
    tema: 'horario',
    re: /\b(horario|horarios|a que hora|que horas?|hasta que hora|abren|abre|cierran|cierra|atienden|abiertos?|domingos?|festivos?|sabados?)\b/,
  },
  {
    tema: 'pago',
    re: /\b(pago|pagos|pagar|se paga|como (le )?pago|pago contra|contraentrega|contra entrega|nequi|daviplata|tarjeta|efectivo|transferencia|consignacion|consignar|medios? de pago|formas? de pago|numero de cuenta|cuenta bancaria|(?:a|en) (?:que|cual) cuenta|(?:pas|mand|envi|regal)\w* (?:el numero de )?(?:la )?cuenta|credito|debito|pse|datafono|financiacion|financiar|financian|cuotas|fiado|fiar|fian)\b/,
  },
  {
    tema: 'entrega',
    re: /\b(recoger\w*|recogen|(?:lo|la|los|las) llevo yo|pasar a recoger|(?:me |nos )?(?:lo|la|los|las) (?:manda|mandan|envia|envian|trae|traen|lleva|llevan)|me lo traen|lo traen|me los traen|envio|envios|envian|enviar|entrega|entregas|entregan|domicilio|domicilios|despacho|despachan|demora|demoran|tarda|tardan|transportadora|mandan|llegan? a|hacen envios|cobran (el )?envio|hasta (\w+ ){1,3}(si )?(llegan|mandan|envian|despachan))\b/,
  },
  {
    tema: 'devoluciones',
    re: /\b(lo cambian|la cambian|los cambian|las cambian|como hago (el|la|un|una) (cambio|devolucion|reclamo)|como (?:hago|hacemos|puedo|podemos|se hace) (?:pa|para) (?:cambiar|devolver)\w*|devolucion|devoluciones|devolver\w*|devuelv\w*|reembolso|cambios? de producto|hacer un cambio|cambiarlo si|cambio si|(?:lo|la|los|las) puedo cambiar|(?:lo|la|los|las) (?:puede|pueden|podria|podrian) cambiar(?! por)|puedo cambiarl[oa]s?|se (?:puede|pueden) cambiar|llega malo|sale malo|viene malo|llega danado|(?:llego|vino|llegaron|vinieron) (?:roto|rota|rotos|incompleto|incompleta|malo|mala|danado|danada|defectuos[oa])|reclamo|reclamacion|queja|pqr)\b/,
  },
  { tema: 'garantia', re: /\b(garantia|garantias)\b/ },
  {
    tema: 'direccion',
    re: /\b(donde (quedan|queda|estan|esta ubicad\w*|es la tienda|los encuentro|se ubican|puedo recoger)|direccion (?:de (?:la tienda|ustedes|el local|su local)|del (?:local|almacen|negocio))|su direccion|ubicacion|ubicados|(?:ustedes|uds) (?:estan|quedan|tienen (?:tienda|sede|local)) (?:en|por)|(?:tienda|local|punto|sede|almacen|negocio) fisic[oa]|sede|sedes|sucursal|sucursales|como llego|recoger en)\b|^(y )?(cual es )?(la |su )?(direccion|ubicacion)$/,
  },
  {
    tema: 'datos',
    re: /\b(datos personales|mis datos|privacidad|(?:lo|la|los|las) (?:comparten|venden|usan|guardan) con|habeas data|ley 1581|tratamiento de datos|(para|pa) que (necesitan|quieren|piden|es|sirve) (mi|el|la|mis|los|las))\b/,
  },
  {
    tema: 'contacto',
    re: /\b((numero|telefono|celular|whatsapp|correo|linea) (de contacto|fijo|de la tienda|del local|del almacen|de ustedes)|otro (numero|telefono)|como los contacto|llamarlos|whatsap|wasap|guasap|pagina web|redes sociales|instagram|facebook)\b/,
  },
  // services, paperwork, facilities and advice: the profile does not say; the knowledge base may
  {
    tema: 'desconocido',
    re: /\b(parqueadero|parqueo|factura\w*|rut|nit|cotizacion\w*|cotizar|credito empresarial|licitacion\w*|alquilan|alquiler|arriendan|prestan|instalar\w*|mandar a alguien|iva|certificad\w*|certificacion\w*|homologad\w*|norma|normas|ntc|ansi|retie|quienes son|quienes somos|^(?:es|esta es|hablo con) (?:la|el) (?:ferreteria|tienda|almacen|negocio|local|deposito|distribuidora)|cuanto tiempo llevan|desde cuando|existen|hace cuanto (?:existen|estan|trabajan|abrieron)|contratando|contratan|empleo|vacantes?|hoja de vida|empresa|empresas|al por mayor|por mayor|x mayor|al mayor|me (?:lo |la |los |las )?deja en|mayoristas?|distribuidor\w*|descuento\w*|descuentic\w*|descuentan|descontar\w*|promocion\w*|ofertas?|rebajas?|rebajit\w*|(?:me|nos) rebajan|recomienda\w*|recomendar\w*|recomendacion\w*|me aconseja\w*|que (me )?sirve para|(que|cual) \w+ (me |nos )?(sirve|recomienda|conviene)|que necesito para|que debo (comprar|tener)|que deberia|cada cuanto|vencimiento|vence|se vence|cuidado|como se usa|como funciona|sirve para|kit|capacitacion\w*|curso|cursos|asesoria|asesoramiento|recarga(?!ble)\w*|recargan|mantenimiento|instalacion|instalan|servicio tecnico|prueba hidrostatica|trabajan con|proveedor|(?:tarjetas?|bonos?) (?:de )?regalo|gift ?cards?|papel de regalo|envolver\w*|envuelven)\b/,
  },
];

/**
 * A question naming no product, in a form of a topic's verb or noun the cues above do not list
 * ("¿a qué cuenta consignamos?", "¿lo pueden mandar hoy?", "¿uds están por dónde?"): any form
 * of the word, only when asked (an order says "mándeme dos").
 */
const TEMAS_VERBO: Array<{ tema: Tema; re: RegExp }> = [
  { tema: 'pago', re: /\b(consign|transfier|transfer|pag[aouó])\w*/ },
  {
    tema: 'entrega',
    re: /\b(mand[aeo]|envi[aeo]|despach|entreg|recog|demor|tard[aeo]|lleg[aeu])\w*|\b(?:lo|la|los|las|me|nos) (?:pueden |puede )?tra(?:er|en|igan)\b/,
  },
  { tema: 'contacto', re: /\b(llam[aeo]\w*|telefono|numero|celular|whats?app)\b/ },
  { tema: 'direccion', re: /\b(ubicad\w*|ubicacion|por donde|(?<!\bde )donde (estan|quedan|es|son))\b/ },
];

/** "mi socio ya compró los extintores", "dice que las compró en otro lado": a purchase told, not asked for */
const COMPRA_CONTADA =
  /\b(?:(?:dice|dicen|dijo|dijeron) (?:que |q )?)?ya (?:\w+ )?compr\w*|\b(?:dice|dicen|dijo|dijeron) (?:que |q )?compr\w*|\bcompr(?:e|o|amos|aron)\b(?= .*\b(?:en otro lado|en otra parte|la semana|el mes|ayer|hace \w+)\b)|\b(?:lo|la|los|las) compr(?:e|o|amos|aron)\b/g;
/** "quiero devolver…", "necesito saber…": a verb of wanting before an action that buys nothing */
const QUIERE_HACER =
  /\b(?:quiero|quisiera|queria|necesito|necesitamos|deseo) (?:devolver\w*|reclamar|averiguar|preguntar|consultar|saber|hacer (?:un|una) (?:cambio|devolucion|reclamo))\b/g;
/** "unas preguntas antes de comprar", "cuando compro al por mayor": a purchase awaited or habitual, not made ("si lo llevo" may be a yes) */
const COMPRA_SUPUESTA =
  /\b(?:cuando|antes de|despues de) (?:(?:yo|le|les) )?(?:(?:lo|la|los|las) )?(?:compro|compramos|llevo|llevamos|pido|pedimos|comprar|pedir|llevar|hacer el pedido)\b/g;
/** "mándeme el catálogo", "me pasa la lista de precios", "envíeme el resumen": a list or the order asked for, not bought */
const PIDE_LISTA =
  /\b(?:mand|envi|pas|compart|regal)\w* (?:el |la |su |un |una )?(?:catalogo|portafolio|lista(?: de (?:precios|productos))?|resumen|precios?|valores|cotizacion|informacion|info)\b/g;
const SOBRE_EL_CHAT =
  /^(?:y )?(?:hay alguien(?! (?:q|que|quien) )|alguien (?:ahi|alli|por ahi|me lee|me escucha)|(?:me )?(?:van a|piensan) (?:contestar|responder))\b|\b(?:eres|sos|usted es|es) (?:una persona|un robot|un bot|humano|humana|real)\b|\b(?:demora\w*|tarda\w*) (?:en|pa|para) (?:contestar|responder)\b|^(?:y )?(?:ya )?llevo (?:un |como )?(?:rato|ratico|tiempo|horas?|media hora|\w+ minutos)\b/;

/** The message's words that read it as a question of this topic ("domicilio", "sale malo"): what a profile answer is about. */
export function indiciosDeTema(tema: Tema, mensaje: string): string[] {
  const re = TEMAS.find((t) => t.tema === tema)?.re;
  return re ? [...normalizar(mensaje).matchAll(new RegExp(re.source, 'g'))].map((m) => m[0]) : [];
}

/** a person of the shop asked for ("soy la encargada de SST": the customer's own role is none) */
const HUMANO =
  /\b(asesor|asesora|asesores|humano|persona real|una persona|(?:pas|comunic|habl|chate|convers)\w* con alguien|(?:pas|comunic)\w* a alguien|operador|operadora|agente humano|vendedor|vendedora|(?<!\b(?:soy|somos|es) (?:el|la|los|las) )encargad[oa]s?|me llamen|me llame|llamenme|llameme|me puede llamar|me pueden llamar|me podrian llamar|llamarme|llamenme|llamame|llameme|llamada|comunicarme con|hablar con|alguien (?:que )?me (?:atienda|asesore|oriente|explique|de razon)|que me atiendan?|atiendame|atenderme)\b/;
/**
 * "déjeme hablar con el socio y le escribo", "toca hablar con mi hija", "me entró una llamada": the customer's own
 * people and calls, no person of the shop asked for
 */
const HUMANO_PROPIO =
  /\b(?:hablar|hablo|hable|consultar|consulto|cuadrar|cuadro) (?:lo |eso )?con (?:(?:mi|mis) \w+|(?:el|la|los) (?:socio|socia|socios|jefe|jefa|patron|patrona|esposo|esposa|marido|mujer|contador|contadora|residente|ingeniero|ingeniera|maestro|tesorero|tesorera))\b|\b(?:voy a|vamos a|tengo que|toca|dejeme|dejame) (?:hablar|consultar|cuadrar) (?:lo |eso )?con (?:el|la|los|las|mi|mis) \w+|\b(?:me entro|me entraron|tengo|me estan haciendo) (?:una |otra )?llamada\b/;
/** the customer's own job or department ("soy la encargada de SST", "talento humano"): no person asked for */
const sinCargos = (t: string) => t.replace(CARGO, ' ');
const CARGO =
  /\b((?:talento|recursos|gestion) human[oa]s?|(?:soy|somos|trabajo como|como) (?:el |la |los |las |un |una )?(?:asesor|asesora|asesores|vendedor|vendedora|encargado|encargada|operador|operadora)\b)/g;
const PREGUNTA_INICIO =
  /^(?:(?:a|y|en|de|por|para|pero|entonces|oiga|oye|ve|vea|mire) )?(como|cuando|donde|cuanto|cuanta|cuantos|cuantas|cual|cuales|que|quien|hacen|tienen|tiene|tienes|tenes|aceptan|puedo|se puede|hay|venden|manejan|me pueden|pueden|es posible|ustedes|sera que|de casualidad)\b/;
const COMPRA =
  /\b((?:agreg|anad|mand|envi|pon|separ|alist|regal|apart|llev|compr|dej|ech)\w*(?:melo|mela|melos|melas|selo|sela|lo|la|los|las|le|les)|echeme|echame|echenme|quiero|kiero|qiero|kero|quisiera|kisiera|queria|querria|quisieramos|necesito|necesitaria|necesitariamos|nesesito|nesecito|necito|necesitamos|necesita|necesitan|ocupo|requiero|deme|dame|denme|deseo|me (regala|regalas|regalan|vende|vendes|venden|manda|mandas|envia|envias|da|das|pones|agregas|anotas|llevo|separa|separas|alista|alistas)|regalame|regaleme|vendame|vendeme|vendanos|mande|manden|mandame|mandeme|enviame|envieme|traigame|ponme|pongame|pongale|agrega|agregame|agregue|agregueme|agreguele|agregar|anade|anademe|anadale|anadir|pon|anota|anotame|anoteme|compro|comprar|comprarles|llevo|llevar|llevaria|lleva|pedir|pido|encargar|separame|separeme|apartame|aparteme|apartenme|tambien|ademas|voy a llevar|me llevo|voy con|mandeme|alisteme|incluye|incluir|sumale|sumele)\b/;
/** "también" and "además" add only when something is named: a verb of buying without them */
const pideComprar = (t: string) => COMPRA.test(t.replace(/\b(tambien|ademas)\b/g, ' '));
/** "quiero 2 cascos", "deme un extintor": a verb of buying right before the count */
const COMPRA_ANTES_DE_CUENTA = new RegExp(`${COMPRA.source}\\s+(?:\\d+|un|una|unos|unas|dos|tres)\\b`);
const CONSULTA =
  /\b(tienen|tiene|tienes|tenes|tendran|tendra|hay|habra|venden|vende|vendes|manejan|maneja|manejas|consiguen|precio|precios|cuanto (vale|valen|cuesta|cuestan|sale|salen|es|son)|vale|valen|cuesta|cuestan|valor|disponible|disponibles|stock|existencias|quedan|colores|color|tallas|talla(?! (?:\d+|[smlx]{1,4})\b)|cuant[oa]s?|tamanos|medidas|referencias|opciones|diferencia|mas barat[oa]s?|mas economic[oa]s?|mas car[oa]s?|info|informacion|caracteristicas|que tal|sirve|sirven|de que (material|marca))\b/;
const CATALOGO =
  /\b(que (venden|vende|manejan|maneja|ofrecen|tienen|tienes|tenes|hay|mas (tienen|hay|venden|manejan))|que (productos|cosas|articulos|referencias|opciones) (tienen|venden|manejan|hay|ofrecen)|que (?:me|nos) (?:ofrece|ofrecen|ofreces)|catalogo|inventario|lista de (productos|precios)|listado|lista|portafolio|muestrame todo|mostrar todo|todo lo que (tienen|venden|manejan)|ver todo|todos los productos|ver mas|mas opciones|ver otros|muestrame mas|siguiente|los demas|que otr[oa]s)\b/;
/** "muéstrame los extintores", "qué cascos tienen", "pa arroz qué abono tienen": a category asked as a browse */
const HOJEAR =
  /^(?:(?:y|bueno|ok|pues) )?(muestrame|muestreme|mostrar|mostrarme|muestra|ensename|enseneme|ver|quiero ver|puedo ver|me muestra|me muestras|me ensena|lista de|listado de|que tipos? de|que clases? de|todos los|todas las)\b|^(?:y )?(?:(?:para|pal) \w+(?: \w+)? )?(?:que|cuales) (?!precios?\b|colou?r|tallas?\b|tamanos?\b|medidas?\b|valor|referencia)\w+( \w+){0,3} (tienen|tienes|tenes|manejan|venden|hay)\b|^(?:(?:ok|listo|bueno|y) )*de \w+( \w+)? (?:cuales|que) (tienen|manejan|venden|hay)\b/;
/** a question tag after a statement */
const ETIQUETA_PREGUNTA = /^(se puede|se podra|es posible|puede ser|cierto|verdad|no|o no|si o no|no es asi|no es cierto)$/;
/** which thing, or how many, a use needs: advice, not a product question */
const CONSEJO =
  /\b(que|cual|cuales|cuantos|cuantas)\b(?: \w+){0,4}? (?:me |nos |le |les |se )?(sirve|sirven|serviria|servirian|recomienda\w*|aconseja\w*|sugiere\w*|conviene|necesito|necesitamos|necesitaria|necesita|toca (?:usar|comprar|poner|tener|llevar)|debo|debe|deberia|debemos|exigen|piden|es (?:el |la |lo )?(?:mejor|mas (?:adecuad|indicad|recomendad)\w*|adecuad\w*|indicad\w*|correct\w*|apropiad\w*))\b/;
const SIGUIENTE = /\b(ver mas|mas opciones|muestrame mas|siguiente|los demas|que mas tienen|otros|otras|mas productos)\b/;

const CANCELAR =
  /\b(cancela|cancelar|cancelarlo|cancelarla|cancelo|cancelalo|cancelelo|cancelela|cancelen|cancele|canceleme|cancelemos|anule|anula|anular|anulalo|olvidalo|olvidelo|olvidese|olvidemoslo|olvida el pedido|ya no quiero (nada|el pedido|comprar)|no quiero nada|desisto|mejor no (compro|quiero nada))\b/;
const ESTADO_PEDIDO =
  /\b((donde|como) (esta|va|viene) (mi|el) (pedido|orden|compra|domicilio)|(no me ha llegado|no ha llegado|no me llego|no me llega|aun no (me )?(llega|ha llegado)|todavia no (me )?(llega|ha llegado|llego)|no ha llegado)|(hice|realice|mande|tengo|hicimos) (un|el|mi) (pedido|compra|orden)|(ya )?me llego (el|mi) pedido|(el )?pedido (que|q) hice|ya (pague|consigne|transferi)|estado de(l| mi) (pedido|orden)|(ya|cuando) (despacharon|enviaron|sale|llega|me llega|me llegan?) (mi |el )?(pedido|orden|compra|domicilio)|mi pedido|lo que (?:pedi|compre|encargue)|(?:ayer|antier|anteayer|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|la semana pasada|hace \w+ dias?) (?:les |le )?(?:pedi|encargue|hice (?:un|el) pedido)|ya (?:lo|la|los|las|me lo|me la|me los|me las) (?:despacharon|enviaron|mandaron)|(?:saber|informacion|razon) (?:de|sobre|del estado de) mi (?:pedido|compra|orden)|^(?:de|sobre|del estado de) mi (?:pedido|compra|orden)$|pedido (?:(?:es|era|numero|nro|no|el)\s+)*#?\s?\d{3,}|seguimiento|rastrear|numero de guia|guia de envio)\b/;
const VER_PEDIDO =
  /\b((ver|muestrame|muestreme|muestrenme|mostrarme|me muestra|me muestras|mostrar|revisar|resumen de|resumen del|repiteme|como va|como quedo|como vamos con) (mi |el )?(pedido|carrito|orden|compra)|(?:mand|envi|pas|muestr|mostr|ensen|repit)\w* (?:el |un )?resumen|(?:muestr|mostr|ensen)\w* como (?:va|vamos|voy|quedo|queda)|mi carrito|el carrito|que llevo|que tengo en el (carrito|pedido)|que (he|e) pedido|cuanto (es|seria|va|queda|quedaria) (el total|todo|en total)|cuanto llevo|cuanto le debo|cuanto te debo|cuanto va la cuenta|como (?:va|(?:me )?va quedando) (?:la cuenta|el total)|como (?:queda|quedo|quedaria|(?:me )?va quedando) (?:todo|la cuenta|el total)|(?<!\ben )total)\b|^(y |ya |entonces )?(como voy|como vamos|como va eso|que tengo|que llevo|que tengo hasta ahora|que llevo hasta ahora)( entonces| pues| ya)?$/;
const QUITAR =
  /\b((?:quit|sac|saqu|elimin|borr|retir)(?:a|e|ar)(?:me|le|les)?(?:lo|la|los|las)?|ya no quiero|no quiero|sin los|sin las|sin el|sin la|ya no (?:voy a llevar|llevo))\b\s*(.*)$/;
const CAMBIAR =
  /\b(mejor|cambie(?:me|le)?(?:lo|la|los|las)?(?: (?:los|las|el|la) \w+)? a|que sean|que fueran|sean|serian|quise decir|queria decir|eran|seria|seran|(?:deje|dejeme|dejame|dejemos)(?: solo| solamente)?|(?:mejor )?ponga(?:me|le)?|cambia(?:lo|los|las|r)?(?: a| por)?|dejalo en|dejalos en|dejalas en|deja(?:me)? (?:solo |solamente )?|pon(?:me|le)? solo|solo quiero|ponle|pongale|cambi\w* la cantidad (?:de .* )?a|(?:baj|sub)(?:a|e)(?:le|me|les|lo|la|los|las)? a)\b\s*(.*)$/;
/** "que sean 8", "cámbielas a 6", "bájelos a 30": a count set for a line, whatever words name it ("mejor 3 verdes" may be another line) */
const FIJA_CANTIDAD = /^(?:que sean|que fueran|cambi|baj|sub|dej\w* en)/;
const CAMBIAR_POR = /\b(?:cambi(?:a|e|ar|o)(?:me|le|nos)?(?:lo|la|los|las)?)\b(.+?)\bpor\b(.+)$/;
const CONFIRMAR =
  /^(dele|dele pues|hagale pues|de una pues|si+|sii+|sip|simon|ok+|okay|okey|oki|dale|listo|de una|claro|confirmo|confirmado|confirmar|procedamos|procede|proceder|procedemos|procedo|sigamos|sigue|continuar|continua|continuemos|solo eso|eso es todo|eso seria todo|eso seria|seria todo|es todo|correcto|perfecto|hagamosle|hagale|hagamoslo|va|vale|por supuesto|asi esta bien|esta bien|de acuerdo|finalizar|terminar|acepto|aceptamos|aceptado|cerrar (el )?pedido|hacer el pedido|realizar el pedido|asi|exacto|eso|go ahead|deal|sounds good)\b/;
const CONFIRMAR_EN =
  /\b((?:dice|dicen|dijo) que si$|confirm(?:a|e|en|emos)(?:me|nos)?(?:lo|la)? (?:el |mi )?pedido|confirmado|^(?:ya )?con eso(?: es todo| seria todo| basta| esta bien)?$|asi (?:esta|estamos|queda|quedo) (?:bien|perfecto|listo)|^no mas eso$|^(?:si |ok |listo )?eso es$|eso e?s? to(?:do)?$|asi lo dejamos|^(?:ok |listo |bueno )*(?:proceda|procedan)$|asi quedamos|ya (?:esta|seria) todo|^listo ya$|asi (?:ta|esta|tan|estan) bien|eso seria$|seria eso$|eso era(?: todo)?$|^ya$|^eso$|por ahora (es )?(eso|todo)|eso (no mas|nomas|por ahora)|procedamos|procedemos|proceder|confirmo|confirm(?:emos|amos)(?:lo)?|confirmar el pedido|solo eso|eso es todo|eso seria todo|nada mas|es todo|seria todo|hagamos el pedido|hacer el pedido|acept(?:o|amos) (?:el |la |los |las )?(?:tratamiento|terminos|condiciones|politica|uso)|finalizar (el )?pedido|cerrar (el )?pedido|realizar el pedido|continuar con (el pedido|la compra)|seguir con (el pedido|la compra)|terminar (el pedido|la compra)|(?:^|dele |hagale |sigamos |siga |sigue |seguimos |continuemos |continue |vamos |adelante |listo |ok |bueno |entonces )con (?:la venta|el pedido|la compra))\b/;
// ("no las he usado", "no me acuerdo", "no tan caro", "no alcanzo", "no tengo quien": a "no" that a clitic, an auxiliary, a degree
// or a verb of having follows tells, it answers nothing)
const NEGAR =
  /^(?!no (importa|hay problema|se|tengo|alcanzo|alcanza|muy|conozco|entiendo|entendi|le entendi|me responde|responde|sirve|puedo creer|mas eso|(?:me|te|se|le|les|nos|lo|la|los|las) (?!interesa)\w+|he|ha|han|hemos|tan|es|era|fue)\b)(ya no( mas)?|no+|nop|nones|nel|nah|negativo|para nada|todavia no|aun no|nada mas no|no gracias|(?:por ahora|de momento|por el momento|todavia) no|no por ahora|no señor|no senor|ninguno|ninguna)\b/;
/** saying that nothing more is wanted */
const BASTA =
  /\b(?:solo eso|(?:eso )?(?:es|seria|era) todo|eso seria|seria eso|eso era|nada mas|no mas eso|eso (?:no mas|nomas)|(?:ya )?con eso(?: basta)?|ya (?:esta|seria) todo|por ahora (?:es )?(?:eso|todo)|eso por ahora)\b/;
/** what a product comes with or how long it lasts: asked of a product, a question about it */
const ATRIBUTO =
  /\b(certificad\w*|certificacion\w*|homologad\w*|ficha tecnica|fecha de (?:carga|vencimiento|fabricacion)|tarjeta de inspeccion|vencimiento|se vencen?|cada cuanto se (?:cambian?|recargan?|revisan?))\b/;
/** ("¿ustedes están certificados?", "¿la empresa tiene certificación?", "¿tienen certificado de la NTC?": of the shop itself, its compliance) */
const QUIENES = /\b(ustedes|uds|estan|son|somos|empresa|tienda|almacen|negocio|local|ntc|ansi|iso|norma|normas|retie|resolucion)\b/;
/** a service or paperwork asked about: advice on it is no product question */
const SERVICIO =
  /\b(recarga(?!ble)\w*|recargan|mantenimiento|instala\w*|factura\w*|cursos?|capacitacion\w*|alquil\w*|credito|envios?|domicilios?|garantia|pagos?|pagar|devoluc\w*|devolver|cambio)\b/;
/**
 * "así", "sí, todo bien", "está correcto", "así déjelo": the yes of someone who checked what the shop
 * summed up, firm whatever else the message asks or thanks for
 */
const SI_REVISADO =
  /^(?:(?:si+|sip|ok|listo|dale|bueno|perfecto|de una|entonces|pues|ah)\s+)*(?:asi(?: si| nomas| no mas| queda| quedamos)?|todo bien|(?:(?:esta|todo|es) )?correcto|(?:asi )?(?:dej[ea]l[oa]s?|dejemoslo|lo dejamos)(?: asi)?|(?:igual )?(?:lo|los|la|las) dejo asi|confirm(?:e|a|en)(?:me|nos)?(?:lo|la|los|las)|(?:asi |todo )?(?:esta|ta) (?:muy )?bien(?: asi)?)(?:\s+(?:senor\w*|mij[oa]|veci\w*|pues|entonces))*$/;
/** a clause that is the word "sí" with an address or a check of the summary ("sí señora", "si todo ok", "sí. gracias") */
const SI_DELANTE = /^(?:si+|sip)(?:\s+(?:senor\w*|senora|mij[oa]|mi amor|todo|ok|bien|asi|esta|correcto|gracias|muchas|mil))*$/;
/** a yes in words of its own, beside the "no more" */
const SI_DICHO =
  /\b(si+|sip|listo|dale|ok+|okey|vale|perfecto|claro|de una|confirm\w*|hagale|hagamosle|proced\w*|correcto|de acuerdo|esta bien|asi (?:dejalo|dejelo|lo dejamos)|exacto)\b/;
const SALUDO =
  /^((?:ey|oe|oye|ole|aja|ah|uy|epa|ve|bueno|pues|erda|eche|compa|parce|mijo|mija|veci|hermano|socio) ){0,2}(hola+|holi|ola|holas|buenas|cordial saludo|cordiales saludos|saludos cordiales|un saludo|buen dia|buenos dias|buenas tardes|buenas noches|buenos|buenas buenas|hey|ey+|saludos|que hubo|que hubo parce|que mas(?! (tienen|tiene|hay|venden|manejan|ofrecen|opciones|productos|me))|quiubo|quihubo|alo|muy buenos dias|muy buenas( tardes| noches)?|buenas tardes|como (esta|estas|estan|le va|va todo)|que tal)\b/;
const SALUDO_RESTO =
  /^(buen dia|buenos dias|buenas tardes|buenas noches|buenas|tardes|noches|dias|como (esta|estas|estan|le va|va)( usted| todo)?|que tal|senor\w*|senora|don|dona|veci|vecino|vecina|amig[oa]|joven|muchach[oa]s?|a todos)\b/;
const DESPEDIDA =
  /\b((?:que )?(?:mi )?dios (?:(?:lo|la|le|te|los|las|me|nos|les) ){1,2}(?:bendiga|acompane|guarde|multiplique|proteja|cuide|ampare)|chao|chau|chaito|bye|bay|adios|hasta luego|hasta pronto|hasta manana|hasta el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|nos vemos(?: (?:el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|manana|luego|pronto|entonces))?|que le vaya bien|que (?:le |les )?(?:vaya|pase|pasen|este) bueno|saludes|cuidese|feliz dia|feliz tarde|feliz noche|que este bien|que estes bien|que (?:tenga|tengas|tengan|pase|pases|pasen) (?:un |una |muy )?(?:buen|buena|buenas|feliz|lind[oa]|bonit[oa]|excelente) (?:dia|tarde|noche|semana|fin de semana)|bendiciones|me despido|luego hablamos|luego te escribo|luego le escribo)\b/;
const GRACIAS =
  /\b(dios (?:se )?(?:lo |la |le |te |les )?pague|(?:(?:gracias mil|mil gracias|muchas gracias|gracia+s|grax|grasias)(?: por (?:la|su|tu|toda la|el) (?:info|informacion|ayuda|atencion|colaboracion|paciencia|tiempo))?)|muy amable|muy amables|te agradezco|le agradezco|agradecid[oa]|muy gentil|(?:que|tan) amables?)\b/;

/** words the catalog may use that are the customer's conversation all the same */
const CONVERSACION = new Set(
  `si no ok listo dale claro bueno buena buenos buenas bien mal vale perfecto gracias hola ayuda ayudar ayudame informacion info pedido pedidos orden compra compras venta ventas
   precio precios valor costo barato barata baratos economico economicos caro cara caros mejor peor calidad producto productos cosa cosas articulo articulos algo nada todo
   catalogo lista listado inventario stock existencias disponibilidad todos todas cada empresa tienda negocio almacen local servicio servicios asesor persona favor cotizacion factura
   domicilio envio entrega pago horario direccion datos nombre cedula numero telefono celular correo whatsapp cuenta tiempo hoy manana ahora dia dias semana mes horas
   referencia referencias opcion opciones modelo modelos tipo tipos clase color colores talla tallas tamano tamanos medida medidas unidad unidades cantidad total mas menos
   olores aromas fragancias sabores presentacion presentaciones
   esos esas estos estas aquel aquella aquellos aquellas mio mia tuyo suyo
   cuanto cuantos cuanta cuantas cual cuales que quien quienes donde como cuando porque
   promocion promociones oferta ofertas descuento descuentos rebaja rebajas marca marcas garantia garantias factura facturas pdf foto fotos imagen imagenes video videos ficha fichas
   envios domicilios pagos cuentas transferencia nequi daviplata tarjeta efectivo credito contado plata dinero sede sedes bodega bodegas ubicacion horarios hora
   asesores vendedor vendedora personas servicio mantenimiento recarga recargas instalacion capacitacion curso cursos certificado certificados certificacion norma normas
   material materiales peso capacidad iva valores costos existencia clientes cliente trabajo obra proyecto casa oficina taller edificio empleados trabajadores personal gente alguien
   medio media electricistas operarios empleados trabajadores obreros soldadores pintores muchachas muchachos senoras ninos
   indicaciones indicacion pena igual iguales mismo parecido parecida diferente diferentes juego juegos kit kits set sets man manes cuadrilla
   numero numeros problema problemas pregunta preguntas duda dudas favor mensaje mensajes llamada whatsapp correo pagina web
   otro otra otros otras uno una dos primero primera primeros primeras segundo segunda segundos tercero tercera ultimo ultima ultimos
   caja cajas paquete paquetes rollo rollos bolsa bolsas bulto bultos bultico bulticos saco sacos costal costales par pares docena docenas mismo misma ese esa eso este esta esto cual cuales aqui alla ahi
   senor senora senorita don dona veci vecino amigo amiga joven parce mijo mija usted ustedes
   hmm mmm ehh aja jaja jajaja pues entonces osea oiga oye mire vea espere momento rato disculpe disculpa disculpas molestia perdon permiso
   mucho mucha poco poca harto harta bastante demasiado monton montonera
   urgente urgentes urgencia rapido pronto asesoria asesorias asesoramiento sucursal sucursales whatsap wasap guasap`.split(/\s+/),
);

/** articles, prepositions and fillers at the edges of a span */
const RELLENO = new Set(
  `y e o de del el la los las un una unos unas por favor porfa porfavor plis pls para pal con a al en mi mis su sus tu tus me te se lo le nos que
   quiero necesito dame deme tienen tiene hay venden manejan algun alguna algunos algunas tambien ademas otro otra otros otras mas solo solamente unicamente`.split(
    /\s+/,
  ),
);

/** a number right before one of these is a variant ("20 libras", "aceite 2 tiempos"), not a quantity */
const UNIDAD =
  /^(lb|lbs|libra|libras|kg|kilo|kilos|g|gr|grs|gramo|gramos|l|lt|lts|litro|litros|ml|cc|m|mt|mts|metro|metros|cm|mm|gal|galon|galones|oz|pulgada|pulgadas|w|v|voltios|vatios|amperios|a|psi|db|decibeles|decibelios|tiempos)$/;
/** the units of a rating ("25 dB", "20 W", "10.000 mAh"): how strong or how much a thing holds, never how many are bought */
const MAGNITUD = /^(db|decibel\w*|w|watts?|vatios|v|voltios|amperios|psi|mah|hz)$/;
/** ...and so is a number right after one of these ("talla 40", "clase 0", "x 100") */
const ANTES_DE_VARIANTE = /^(talla|clase|nivel|tipo|x|numero|n|no|calibre|referencia|ref|modelo|n95|de|en)$/;
/** "la resolución 4272", "la ley 1581", "la NTC 2885": a number naming a rule or a document is never a quantity */
const ANTES_DE_DOCUMENTO = /^(resolucion|decreto|ley|norma|ntc|iso|ansi|astm|articulo|art|codigo|circular)$/;
const CONECTOR = new Set(['de', 'del', 'para', 'con', 'contra', 'en', 'tipo', 'sin', 'x', 'talla', 'clase', 'nivel', 'marca', 'color']);
/** "lo pienso y le escribo": the customer leaves for now */
const POSPONER =
  /\b(lo (pienso|voy a pensar|consulto|reviso|miro)|(le|te|les) (escribo|aviso|confirmo|cuento)|(despues|luego|mas tarde|manana) (le |te |les )?(escribo|hablamos|miro|confirmo|paso|mando|envio)|voy a pensarlo|dejeme pensarlo|dejame pensarlo|lo voy a consultar)\b/;
/** when the customer will do something: "mañana", "a las 4" (read "a la hora"), "el sábado", "la otra semana" */
const CUANDO = String.raw`(?:manana|hoy|ahorita|al rato|temprano|mas tarde|luego|despues|a la hora|esta (?:tarde|noche|semana)|en la (?:manana|tarde|noche)|el (?:lunes|martes|miercoles|jueves|viernes|sabado|domingo)|la (?:otra|proxima) semana|el (?:otro|proximo) mes)`;
/**
 * A remark told beside a request, though it names a product: a judgment of the price ("está bien cara", "sale más caro el
 * envío q las gafas", "uy barato", "uff 3 millones", "eso es mucho") or the customer's own steps about paying or buying
 * ("te hago la transferencia ahorita", "ya le mandé el comprobante", "espero la llamada", "de pronto el otro mes", "esos
 * los consigo aquí", "lo miro después con el dueño")
 */
const APARTE = new RegExp(
  [
    /\b(?:esta|sale|salen) (?:bien|mas|muy|demasiado|super) (?:car[oa]s?|costos[oa]s?)\b|\b(?:uy+|uf+|ay+|ush|ombe) (?:barat[oa]s?|plata)\b|\beso es mucho\b/,
    /\b(?:te|le|les) (?:hago|mando|envio|paso) (?:la transferencia|el (?:comprobante|pantallazo|soporte))|\bya (?:te |le |les )?(?:mande|envie|pase|hice) (?:el|la) (?:comprobante|pantallazo|soporte|transferencia)\b/,
    /\bespero (?:la|su|tu) (?:llamada|respuesta)\b|\bde pronto (?:el otro|la otra|el proximo|la proxima|mas adelante)\b/,
    /\b(?:lo|la|los|las) (?:miro|pido|consigo|consigue|consiguen) (?:despues|manana|luego|aca|aqui|alla|mas tarde|en|mas)\b/,
    // ("las llevo el sábado", "esos los compro el otro mes": not "me las llevo", which takes them)
    new RegExp(String.raw`(?<!\b(?:me|se|te|nos) )\b(?:lo|la|los|las) (?:compro|llevo|traigo) (?:${CUANDO}|aca|aqui|alla)\b`),
  ]
    .map((r) => r.source)
    .join('|'),
);
/**
 * A remark that asks for nothing: a reaction ("uy q mal", "que pesar", "ni modo", "ush"), the customer's own plan
 * ("paso mañana", "ahorita le mando los datos", "mañana sigo", "ya volví") or news that an order came well ("ya llegó todo").
 * Said alone it is `otro`; beside a request, `otro` goes with the request (FORMATO-CIEGOS).
 */
const COMENTARIO = new RegExp(
  [
    /\b(?:que|uy|ay|uf+|ush|ah) (?:mal|pesar|lastima|pereza|jartera|oso|embarrada|falta de seriedad|bien|chevere|bacano|belleza)\b/,
    /\b(?:ni modo|nojoda|no joda|juemadre|ush|ombe|ave maria|(?:ah|ay|que|ahi que) vaina|que (?:dolor|susto|maravilla|chimba))\b/,
    // small talk and the customer's story: "q calor tan horrible", "le robaron todo en la obra, imagínese", "eso no es justo"
    /\b(?:que (?:calor|frio|aguacero)|imaginese|imaginate|no es justo|que abuso|(?:muy )?mal servicio)\b/,
    // the customer's own coming, with when: "paso a las 4" (read "a la hora"), "voy por ella al rato", "mañana paso", "llamo el lunes"
    new RegExp(
      String.raw`\b(?:paso|pasamos|voy|vamos|vuelvo|llamo|llego)(?: (?:yo|mismo|entonces|al local|(?:por|x|para) (?:alla|aca|el local|el|ella|ellos|ellas)))* (?:${CUANDO}|(?:para|por|x) alla)\b` +
        String.raw`|\b${CUANDO} (?:paso|pasamos|voy|vamos|llego|llamo)\b|\b(?:paso|voy) (?:por|x) (?:el|ella|ellos|ellas)$`,
    ),
    /\b(?:manana|despues|luego|ahorita) (?:sigo|seguimos|vuelvo|termino|regreso)\b|\bya (?:volvi|regrese|estoy de vuelta)\b/,
    // waiting for what the shop will do: "ok espero", "aquí espero"
    /^(?:(?:ok|listo|bueno|dale|vale|ya) )*(?:aqui |aca |yo )?espero$/,
    /\b(?:ya|ahorita|ahora|luego|despues) (?:le|te|les) (?:mando|envio|paso|confirmo)\b/,
    /\b(?:ya|me) llego (?:todo|bien)\b|\bllego (?:todo )?(?:bien|perfecto|completo)\b/,
    // a judgment of the price or the fit: "uy carito", "carísimas", "muy caro pa mí", "ta barato", "eso sube harto"
    /\b(?:carit[oa]s?|carisim[oa]s?|(?:muy|super|re|tan|que|ta|esta|eso esta|sale) (?:car[oa]s?|costos[oa]s?|barat[oa]s?|grandes?|pequen[oa]s?))\b/,
    /\b(?:sube harto|se (?:me |nos )?(?:pasa|paso|va|fue|sale|salio) (?:\w+ ){0,2}presupuesto|no (?:me|nos) alcanza)\b/,
    APARTE,
    // a complaint: "pésimo la verdad", "q calidad tan mala"
    /\bpesim[oa]\b|\b(?:que|q) (?:calidad|servicio|atencion) tan (?:malo|mala|pesim[oa])\b/,
    // resignation said as a clause of its own: "bueno toca.", "q se hace", "hay q ver..."
    /^(?:(?:bueno|ok|ah+|pues|listo|ya) )*(?:toca|que se hace|que se le va a hacer|hay que ver|ni hablar)$/,
    // the budget: "me pasé del presupuesto", "ando corta de plata este mes"
    /\bme (?:pase|pasaria|paso) del presupuesto\b|\b(?:ando|estoy|estamos|andamos) (?:medio |muy )?(?:cort[oa]s?|escas[oa]s?|mal) de (?:plata|presupuesto)\b/,
    // an apology for one's own slip: "q pena con usted", "perdón, me equivoqué", "sumé mal", "se me voltearon los números"
    /\bque pena con (?:usted|ustedes|vos|contigo)\b|\b(?:me equivoque|me confundi|sume mal|se me (?:voltearon|cruzaron|confundieron))\b/,
  ]
    .map((r) => r.source)
    .join('|'),
);
/** words that carry no remark of their own: acknowledgements, interjections, forms of address, courtesy, articles */
const MULETILLA = new Set(
  `ok okey vale bueno buena buenas buenos listo perfecto bien si sip no claro dale de una pues entonces ah ahh ay uy eh mmm hmm ya asi y o pero igual entendido nada eso nombe ombe
   mano hermano parce parcero veci vecino vecina mija mijo mijita senor senores senora senorita don dona amigo amiga mi amor reina llave querida querido sumerce amable
   gracias muchas mil chao porfa favor por que super excelente genial vea mire oiga oye dia dias tarde tardes noche noches como esta estas estan todas formas orden
   el la los las lo le de del a al su tu me te se dios virgen bendiga acompane acompanen pague`.split(/\s+/),
);
/** "quedo atento", "quedo pendiente", "a la orden", "disculpe la molestia", "me sirvió mucho": the formulas that open and close a letter */
const FORMULA =
  /\b(?:quedo|quedamos) (?:atent[oa]s?|pendientes?|a la orden)\b|\ba la orden\b|\bdisculp\w* (?:la|las) molestias?\b|\bme (?:sirvio|ayudo) (?:mucho|muchisimo|harto|bastante)\b/g;
const CORTESIA = [GRACIAS, DESPEDIDA, SALUDO].map((r) => new RegExp(r.source, 'g'));
/** the customer's own next step ("paso a las 4", "yo le aviso", "lo pido la otra semana"): POSPONER and COMENTARIO say which are remarks */
const PASO_PROPIO = /\b(?:paso|pasamos|voy|vamos|vuelvo|llamo|aviso|avisan|avisas|escribo|confirmo|pido|pago|mando)\b/;
/**
 * A clause that yields nothing the agent acts on and says more than its fillers and courtesy ("tengo una tiendita en
 * Robledo", "yo no sé mucho de esto"): beside courtesy alone, a remark; not when it asks (the chat itself: "¿sigue ahí?"),
 * needs something not read, tells the customer's next step or what the shop is to do
 */
const dicho = (texto: string, pregunta: boolean) =>
  !pregunta &&
  !/\b(?:necesit|quier|quisier|busc|ocup|requier)\w*/.test(texto) &&
  !PASO_PROPIO.test(texto) &&
  // ("q llamen al llegar", "que me lo dejen en portería": what the shop is asked to do)
  !/^(?:y )?que (?:(?:me|nos|le|les|lo|la|los|las|se) )*\w+(?:an|en)\b/.test(texto) &&
  palabras(CORTESIA.reduce((t, r) => t.replace(r, ' '), texto.replace(FORMULA, ' '))).filter((w) => !MULETILLA.has(w) && !/^\d+$/.test(w)).length >= 2;
/**
 * Why a line goes, told beside its removal or change: the customer has it already or someone else decides ("eso ya lo
 * tenemos", "en bodega hay", "el jefe dice que…", "el socio dice que las de él están rayadas")
 */
const YA_LO_TIENE =
  /\bya (?:nos |me )?(?:lo|la|los|las) (?:tenemos|tengo|tienen|compr\w*|consegu\w*)\b|\ben (?:la )?bodega (?:hay|quedan|tenemos)\b|\b(?:el|la|mi|nuestro|nuestra) (?:otr[oa] )?(?:jef[ea]|patron|soci[oa]|supervisor\w*|espos[oa]|herman[oa]|administrador\w*|ingenier[oa]|coordinador\w*) (?:me |nos )?(?:dice|dijo|acaba de decir)\b/;
/** words that open a clause without changing what it says ("ah q pena", "bueno ni modo") */
const ANTES_DE_REACCION = String.raw`^(?:(?:ah+|a+|ay+|uy+|uf+|oh|ok|okey|bueno|pues|listo|ya|y|mmm+|hmm+|ve)\s+)*`;
/** forms of address that close one ("q pena mija") */
const TRAS_REACCION = String.raw`(?:\s+(?:pues|entonces|mija|mijo|senora|senor|mano|parce|hermano|vecina|vecino|la verdad))*$`;
/** dismay or surprise said alone: "uy.", "uff", "ush" (the message folded: letters said twice are one, "too" is "to") */
const SOBRESALTO = new RegExp(`${ANTES_DE_REACCION}(?:uy|uf|ush|huy|uish|wow|oh no)${TRAS_REACCION}`);
/**
 * A reaction to what the shop just said, as a clause of its own: dismay ("uy.", "uff", "ush nada"), pity ("q pena", "que
 * mamera", "too bad"), resignation ("ni modo", "qué más hago"). It asks for nothing: a remark beside whatever else the
 * message asks (FORMATO-CIEGOS: "uy carito. y el de 10?")
 */
const REACCION = new RegExp(
  `${SOBRESALTO.source}|${ANTES_DE_REACCION}(?:` +
    String.raw`(?:ay+ )?dios mio|ave maria|juemadre|juepucha|(?:uy+|uf+|ush|ay+|ah+) (?:nada|tampoco)` +
    String.raw`|que (?:pena|lastima|pesar|mal|mamera|pereza|jartera|embarrada|vaina|boleta|tristeza|rabia|oso|desorden|enredo)|lastima|to bad|what a pity` +
    String.raw`|ni modo|ni hablar|de malas` +
    String.raw`|que se (?:le )?(?:va a )?hace|que mas (?:hago|se hace|hacemos)|igual (?:toca|sirve|me sirve|me sirven|nos sirve|nos sirven))${TRAS_REACCION}`,
);
/** laughter, a story's mark ("mi mamá lo paga jaja", "q ese también se lo robaron jum"): a remark, whatever else the clause asks */
const RISA = /\b(?:(?:ja|je|ji){2,}j?|jum)\b/;
/** a delivery that came wrong: "llegó incompleto", "me llegó rajado", "vinieron dos partidos" */
const LLEGO_MAL = String.raw`(?:llego|llegaron|vino|vinieron) (?:\w+ ){0,2}(?:incomplet\w*|danad\w*|rot[oa]s?|rajad\w*|partid\w*|quebrad\w*|vencid\w*|defectuos\w*)\b`;
/**
 * an order delivered wrong: "llegó incompleto", "faltaron las pipetas", "me mandaron el de cachorro y yo pedí el de adultos",
 * "pedí 2 extintores y me llegó 1", "vino con un bulto menos"
 */
const ENTREGA_MALA = new RegExp(
  String.raw`\b${LLEGO_MAL}|\bfaltaron\b|\b(?:mandaron|enviaron|trajeron|llego|llegaron|entregaron) .+\b(?:y|pero) (?:yo |nosotros )?(?:pedi|pedimos|habia pedido|habiamos pedido)\b|\b(?:pedi|pedimos|encargue|encargamos) .+\b(?:y|pero) (?:solo |nada mas )?(?:me |nos )?(?:llego|llegaron|mandaron|enviaron|trajeron|entregaron|vino|vinieron)\b|\b(?:vino|vinieron|llego|llegaron) con .+\bmenos\b`,
);
/**
 * An order already made, told: "pedí 2 extintores", "un casco me llegó rajado", "me mandaron los naranjas". What a clause
 * of it names is its context, nothing bought now ("comprar" and "pedir" in the present, "quiero", "mándeme" still buy).
 */
const NARRADO = new RegExp(
  String.raw`\b(?:(?:pedi|pedimos|encargue|encargamos|(?:me|nos|les?) (?:llego|llegaron|vino|vinieron|mandaron|enviaron|trajeron|entregaron|despacharon|vendieron)|(?:llego|llegaron|vino|vinieron) (?:con|sin))\b|${LLEGO_MAL})`,
  'g',
);
/** a clause that tells an order made; not "10 barbuquejos q esa vez no pedí", where the telling is a relative clause of what is ordered now */
const narrado = (c: string) => [...c.matchAll(NARRADO)].some((m) => !/\b(?:q|que)(?: \w+){0,3} $/.test(c.slice(0, m.index)));
/** a thing bought that failed or did not fit: "se le despegó la suela", "no prende", "me quedaron pequeñas" */
const DEFECTO =
  /\bse (?:le |les |me )?(?:dano|danaron|rompio|rompieron|despego|despegaron|desprendio|desprendieron)\b|\bno (?:prende|prenden|enciende|encienden|funciona|funcionan)\b|\b(?:me |le |les |nos )?(?:quedo|quedaron) (?:muy )?(?:pequen\w*|grande\w*|apretad\w*|chiquit\w*)/;
/** "le escribo de Constructora Andes", "les escribo desde Bello": who writes, not a plan */
const INTRODUCCION = /\b(?:le|les|te) escribo (?:de|desde|del|por parte|de parte|a nombre)\b/;
/** "voy a cotizar en otro lado", "lo busco en otra parte", "ya los conseguí en otro lado", "conseguí más barato": another shop */
const OTRO_LADO =
  /\b(?:voy a |vamos a |lo |los |las )?(?:(?:cotiz|busc|compr|consig|consegu|mir|pregunt)\w* (?:(?:el|ella|ellos|ellas|yo|nosotros) )?(?:en|por) (?:otro lado|otra parte|otro sitio|otra tienda|otro almacen|otro local)|consegu\w* mas barat[oa]s?)\b/;
/** "… y el resto lo consigo en otro lado", "… y quedo pendiente de los otros", "… y me avisan cuando lleguen": the rest, left for later */
const RESTO_APARTE =
  /\s+(?:y|e)\s+(?:(?:(?:el|la|los|las|lo) )?(?:resto|otr[oa]s?|demas)\b(?: \S+){0,2}? (?:lo|la|los|las) (?:consigo|busco|compro|pido|recojo|averiguo|miro|encargo|cuadro)\b|(?:quedo|quedamos) (?:atent|pendient)\w*|(?:me|nos) (?:avis|llam|escrib)\w* (?:cuando|si)\b).*$/;
/** who receives an order, or when and where to leave it */
const INDICACION =
  /\b(?:lo|la|los|las) (?:recibe|reciben|reciba|reciban|puede recibir|pueden recibir)\b|\bsi no estoy\b|\b(?:que|q) me (?:lo|la|los|las) (?:entreguen|traigan|dejen|lleven)\b|\b(?:dej|entreg)(?:ar|en|arlo|arla|enlo|enla) (?:en|por) (?:la )?porteria\b/;
/** two to four words, each with its capital: how a name is written */
const NOMBRE_ESCRITO = /^\p{Lu}[\p{Ll}']+(?:\s+\p{Lu}[\p{Ll}']+){1,3}$/u;
/** "le escribe Gloria Patiño", "soy Adriana Lozano": a name, written with its capitals, after the words of introducing oneself */
const PRESENTACION = /\b(?:[Ss]oy|[Ll]es? escribe|[Tt]e escribe|[Ll]es? habla)\s+(\p{Lu}[\p{Ll}']+(?:\s+\p{Lu}[\p{Ll}']+){0,3})/u;
/** "espere un momento", "un momentico", "ya vuelvo": a clause that asks the agent to wait */
const PAUSA =
  /(?:^|[.,;!¿?]\s*|\b(?:uy|ay|ah|ok|bueno|listo|pena|perdon|no)\s+)(?:espere(?:me)?|esperame|espera|un (?:momento|momentico|momentito|segundo|segundito|minuto|minutico))\b|\b(?:ya|ahorita) (?:vuelvo|regreso|sigo)\b/;
/** words that may follow a yes without making it something else ("sí señor", "ok perfecto, así") */
const RELLENO_SI = new Set(
  'si ok dale dele listo claro que perfecto vale bueno bien todo correcto exacto esta entonces asi senor senora senorita mano hermano parce parcero veci vecino vecina mijo mija amigo amiga don dona pues de una gracias eso porfavor favor por muchas mil va hagale acepto'.split(
    ' ',
  ),
);
/** "¿cuánto me queda todo?", "¿cuánto sería?": the cart's total */
const CUANTO_TODO =
  /^(y |ya |listo |ok |dale |bueno |vale |perfecto |entonces |(?:me |nos )?(?:dice|dices|dicen|confirma|confirmas|regala|regalas) |digame |dime )*cuanto(?: me| nos| le)?( es| seria| serian| queda| quedaria| va| vamos| llevo| suma| sumaria| da| daria| va a ser| va a quedar)?( todo| en total| el total| eso| todo eso)?( ahora| hasta ahora| entonces| pues)?$|\bcuanto\b.*\b(todo|total|me sale|me queda|le debo|te debo|seria todo|quedaria|va quedando|va saliendo|suma|sumaria)\b/;
/** an answer that names the field asked: "correo no tengo", "la dirección es…" */
const CAMPO_NOMBRADO = /\b(correo|email|e-mail|mail|cedula|documento|celular|telefono|numero|direccion|barrio|nombre|apellido|apellidos|indicacion\w*)\b/;
/** the verbs of asking for a thing */
const PIDE =
  /^(tienen|tiene|tienes|tenes|tendran|hay|venden|vende|vendes|manejan|maneja|consiguen|quiero|quisiera|necesito|necesitamos|busco|buscamos|buscando|interesa|interesan|dame|deme|regalame|cotizar|ofrecen)$/;
/** the verbs of an order, not of a need: "dame", "agrégueme", "quiero", "mándeme" */
const ORDEN =
  /\b(dame|deme|denme|ech(?:a|e)me|vend(?:a|e)me|vendanos|agreg\w*|anad\w*|mand(a|e)me\w*|ponme|pongame|regal(a|e)me|quiero|quisiera|me (lo |la |los |las )?llevo|separ(a|e)me|aparte(me)?)\b/;
/** "lo necesito pa el lunes", "la necesito para legalizar el gasto": when or what for what was asked is needed, no purchase */
const NECESITA_ASI = /\b(?:lo|la|los|las) necesit\w*(?= (?:para|pa|pal|con|hoy|ya|urgente|antes|temprano|manana|esta|este)\b)/g;
/** "mándelo", "despáchemelos pues": the verb of sending what was talked about ends the clause */
const ENVIARLO = /\b(?:mand|envi|despach)\w*(?:melo|mela|melos|melas|lo|la|los|las)(?: (?:pues|ya|por favor|porfa|entonces|asi|de una|hoy mismo))*$/;
/** "agréguelo", "mándemelo", "lo quiero", "lo necesito": a purchase of what was just talked about (see NECESITA_ASI) */
const CLITICO = new RegExp(
  `\\b((agreg|anad|mand|envi|separ|alist|apart)\\w*(melo|mela|melos|melas|selo|sela|lo|la|los|las)|(lo|la|los|las) (quiero|llevo|compro)|(?!${NECESITA_ASI.source})(lo|la|los|las) necesit\\w*|me (lo|la|los|las) (llevo|quedo))\\b`,
);
/** how things are counted: "20 pares de guantes", "2 cajas de tapabocas" */
const CONTENEDOR = /^(pares?|cajas?|unidades?|paquetes?|rollos?|bolsas?|bult(?:o|ico)s?|sacos?|costal(?:es)?|docenas?|juegos?|kits?|sets?)$/;
/** time and money words: "2 días", "15 mil" are never products */
const NO_PRODUCTO =
  /^(dias?|horas?|semanas?|meses|mes|minutos?|anos?|pesos|mil|millones?|lunes|martes|miercoles|jueves|viernes|sabados?|domingos?|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|personas?|trabajadores|empleados|veces)$/;
/** what describes a thing without naming one: "dos nuevos", "completa con naranja", "del de diez" */
const CUALIDAD =
  /^(nuev|usad|viej|grand|pequen|median|chiquit|original|bonit|buen|mal[oa]?s?$|normal|comun|corriente|estandar|basic|especial|sencill|economic|barat|carit|fin[oa]s?$|grues|delgad|livian|pesad|resistente|comod|rojo|roja|azul|verde|amarill|naranj|negr|blanc|gris|rosad|morad|cafes?$|beige|fucsia|vinotinto|oscur|clar|fluorescente|reflectiv|sencill|doble|complet|surtid|suelt|variad|mixt)\w*$/;
/**
 * People and animals: a count of them ("40 animales", "20 vacas", "15 estudiantes") is of the
 * beings the customer keeps or serves, never of a product to buy, unless the catalog's names are
 * headed by the word (a shop that sells chicks). Plural and diminutive forms ("gallinitas").
 */
const SERES =
  /^(?:animal|res|vac|novill|terner|becerr|toro|buey|cabez|gallin|poll|cerd|marran|lechon|puerc|cabr|chiv|ovej|caball|yegu|burr|perr|ave|conej|cuy|pez|peces|mascot|colmen|persona|trabajador|emplead|operari|estudiante|alumn|nin|recolector|obrer|jornaler|client|invitad|paciente|muchach)(?:[oa]s?|es|s|it[oa]s?|cit[oa]s?)?$/;
/** "tengo como 35 …", "somos 3 …", "pa unos 20 …": the number after these counts the customer's own */
const ANTES_DE_LO_SUYO = /^(tengo|tenemos|somos|para|pal)$/;
const APROXIMA = /^(como|unos|unas|casi|apenas|solo|aprox\w*|mas|menos|cerca|de)$/;
/** the customer's own things and people counted, and their trade: "tengo 3 cocinas", "somos 5", "tengo una finca lechera", "trabajo en jardinería" */
const LO_SUYO =
  /\b(?:(?:tengo|tenemos|somos|(?:porque|porq|xq|pq|es que|ya que) son)\s+(?:(?:un|una|unos|unas|mi|mis)\s+)?(?:\S+\s+)?|(?<!\b(?:para|de|pal|en) )(?:trabajo|trabajamos)\s+(?:en|de)\s+(?:(?:el|la|los|las|un|una)\s+)?)$/;

/** "¿tienen bicicletas?": the object right after one of these is a thing wanted */
const PIDE_COSA =
  /\b(?:tienen|tiene|tienes|tenes|tendran|hay|venden|vende|vendes|manejan|maneja|consiguen|quiero|quisiera|necesito|necesitamos|busco|buscamos|buscando|me interesa|me interesan|nos interesa|nos interesan|dame|deme|regalame|me regala|me vende|me venden|cotizar|cotizacion de|precio de|precio del|cuanto vale|cuanto cuesta|cuanto valen|cuanto cuestan)\s+(?:(?:un|una|unos|unas|el|la|los|las|algun|alguna|algunos|algunas)\s+)?([a-z]+)/;

const ORDINALES: Array<[RegExp, number]> = [
  [/\b(primer[oa]?|1ro|1ra|uno)\b/, 1],
  [/\b(segund[oa]|2do|2da)\b/, 2],
  [/\b(tercer[oa]?|3ro|3ra)\b/, 3],
  // "el cuarto de servidores" is a room
  [/\b(cuart[oa](?! de)|4to|4ta)\b/, 4],
  [/\b(quint[oa]|5to|5ta)\b/, 5],
  [/\b(sext[oa])\b/, 6],
];
const REFERENCIA_PRIMEROS = /\b(?:los|las) (dos|tres|cuatro|[2-6]) primer[oa]s\b/;
const NUMEROS_PRIMEROS: Record<string, number> = { dos: 2, tres: 3, cuatro: 4 };
const REFERENCIA_TODOS = /\b(los dos|las dos|ambos|ambas|los tres|las tres|todos|todas|los 2|las 2|cada un[oa]|de cada|las dos cosas|los dos productos)\b/;
const REFERENCIA_ULTIMO = /\b(ese|esa|esos|esas|este|esta|estos|estas|el mismo|la misma|los mismos|ese mismo|eso)\b/;

function aspectoDe(f: string): Aspecto {
  if (/\b(mas barat[oa]s?|mas economic[oa]s?|menor precio|mas bajo|menos cuesta)\b/.test(f)) return 'mas_barato';
  if (/\b(mas car[oa]s?|mayor precio|el mejor|la mejor|mas completo)\b/.test(f)) return 'mas_caro';
  if (
    /\b(colou?r(es)?|tallas?|tamanos?|medidas?|referencias|modelos|presentaciones|olores|aromas|fragancias|sabores|en que vienen|de cuantas|de que (tamano|medida)|libras tienen|cuales (hay|tienen))\b/.test(
      f,
    )
  )
    return 'variantes';
  if (/\b(stock|disponibles?|disponibilidad|existencias|quedan|cuant[oa]s (hay|tienen|quedan)|hay (unidades|existencias))\b/.test(f)) return 'stock';
  if (/\b(precios?|cuanto|vale|valen|cuesta|cuestan|valor|sale|salen)\b/.test(f)) return 'precio';
  return 'general';
}

const escaparRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "¿a qué hora llega?", "a q horas me lo traen": the hour of a delivery, not the shop's opening hours */
const HORA_DE_ENTREGA = /\b(?:a (?:que|q) horas?|que horas?|hasta (?:que|q) hora)\b(?: \w+){0,4} (?:lleg|entreg|despach|tra[ei]|mand|envi)\w*/;

export function detectarTema(f: string): Tema | undefined {
  if (HORA_DE_ENTREGA.test(f)) return 'entrega';
  return TEMAS.find((t) => t.re.test(f))?.tema;
}

interface Segmento {
  palabras: string[];
  cantidad: number | null;
}

/** Splits a clause into one segment per product: at "y", commas, and before each quantity. */
function segmentar(tokens: string[], lector?: LectorCatalogo): Segmento[] {
  const segmentos: Segmento[] = [];
  let actual: Segmento = { palabras: [], cantidad: null };
  const contenido = () => actual.palabras.some((p) => !RELLENO.has(p));
  const cerrar = () => {
    if (actual.palabras.length || actual.cantidad !== null) segmentos.push(actual);
    actual = { palabras: [], cantidad: null };
  };
  for (let i = 0; i < tokens.length;) {
    const t = tokens[i];
    // "de 2 y media": a fraction, not a second product
    const fraccion = t === 'y' && /^(media|medio)$/.test(tokens[i + 1] ?? '') && /^\d+$/.test(tokens[i - 1] ?? '');
    if (
      /^[,;/+]$/.test(t) ||
      (!fraccion &&
        (t === 'y' || t === 'e' || t === 'o' || t === 'u' || t === 'tambien' || t === 'ademas' || t === 'mas') &&
        // ("mándeme los 3 y quedo pendiente": a count said of what was named ends at "y" too)
        (contenido() || actual.cantidad !== null))
    ) {
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
      !ANTES_DE_DOCUMENTO.test(tokens[i - 1] ?? '') &&
      !(siguiente !== undefined && UNIDAD.test(siguiente)) &&
      // "pulsar ns 200", "cb 110": a number after a code the names spell with it is a model
      !(lector && codigoDelNombre(tokens[i - 1] ?? '', lector, 4) && lector.contiene(String(numero.valor))) &&
      // ("el triple 15", "urea 46": a number the names write right after the word before it)
      !(lector && /^\d/.test(t) && i > 0 && lector.seguidos([tokens[i - 1], t])) &&
      // ("2 rollos de cable 12 thhn": a number between words of one name, after its head, is part of the name)
      !(lector && /^\d/.test(t) && siguiente !== undefined && !CONTENEDOR.test(siguiente) && cabezaDe(actual, lector, t, siguiente)) &&
      // ("cuánto vale el cable 12 por metro", "cable 14 3 rollos": a number right after a head whose names carry it names which)
      !(
        lector &&
        /^\d/.test(t) &&
        i > 0 &&
        lector.soporte(tokens[i - 1], false) === 'nucleo' &&
        !CONTENEDOR.test(siguiente ?? '') &&
        lector.juntos([tokens[i - 1], t])
      ) &&
      // "un"/"una" before a product is a quantity only at the start of a segment, or before a container ("… un rollo")
      !(numero.valor === 1 && contenido() && !CONTENEDOR.test(siguiente ?? '')) &&
      // ("pa una empresa", "a una pulsar": whom it is for)
      !(/^(un|una)$/.test(t) && /^(para|a)$/.test(tokens[i - 1] ?? ''));
    if (numero && esCantidad && siguiente !== undefined && cuentaLoSuyo(tokens, i, numero.valor, siguiente, lector)) {
      // "…sal gasto con 40 animales en un mes", "purgante pa 40 reses": the count and what it counts ("de ganado") are left out
      cerrar();
      i += numero.largo + 1;
      if (/^(de|del)$/.test(tokens[i] ?? '') && tokens[i + 1] && !(lector?.soporte(tokens[i + 1], false) === 'nucleo')) i += 2;
      continue;
    }
    if (numero && esCantidad) {
      if (contenido() || actual.cantidad !== null) cerrar();
      actual.cantidad = numero.valor;
      i += numero.largo;
      continue;
    }
    actual.palabras.push(t);
    i++;
  }
  cerrar();
  return segmentos;
}

/** the segment's first catalog word heads a name that carries the number and the word after it too */
function cabezaDe(seg: Segmento, lector: LectorCatalogo, numero: string, siguiente: string): boolean {
  const cabeza = seg.palabras.find((w) => !RELLENO.has(w) && lector.soporte(w, false) === 'nucleo');
  return cabeza !== undefined && lector.soporte(siguiente, false) !== undefined && lector.juntos([cabeza, numero, siguiente]);
}

/** the number at `i`, before the word `contado`, counts beings or things the customer has, not a product (see SERES) */
function cuentaLoSuyo(tokens: string[], i: number, valor: number, contado: string, lector?: LectorCatalogo): boolean {
  if (lector?.soporte(contado, false) === 'nucleo') return false;
  // ("un gato hidráulico": one is an article, not a herd)
  if (SERES.test(contado) && valor >= 2) return true;
  if (!formaDeSustantivo(contado)) return false;
  let k = i - 1;
  while (k >= 0 && APROXIMA.test(tokens[k])) k--;
  return k >= 0 && ANTES_DE_LO_SUYO.test(tokens[k]);
}

/** Splits "quiero 2 extintores de 10 libras y 3 cascos amarillos" into one span per product (no grounding). */
export function extraerMenciones(mensaje: string): Array<{ texto: string; cantidad: number | null }> {
  return segmentar(tokenizar(plegar(mensaje)))
    .map((s) => ({ texto: recortar(s.palabras).join(' '), cantidad: s.cantidad }))
    .filter((m) => m.texto || m.cantidad !== null)
    .filter((m) => m.texto);
}

function tokenizar(f: string): string[] {
  // "res-cart" stays one token: it may be a SKU; so does a measure "90x110", "5.25" or "3/8", and a shade "7-0"
  return f.match(/\d+x\d+\b|\d+[./-]\d+\b|-?\d+|[a-z0-9]+(?:-[a-z0-9]+)*|[,;/+]/g) ?? [];
}

function recortar(palabras: string[]): string[] {
  const p = [...palabras];
  while (p.length && RELLENO.has(p[0])) p.shift();
  while (p.length && (RELLENO.has(p[p.length - 1]) || CONECTOR.has(p[p.length - 1]))) p.pop();
  return p;
}

/** "bombillo h4", "filtro pa la ns 200": a short code the names spell goes on naming the product (it never starts one) */
const codigoDelNombre = (w: string, lector: LectorCatalogo, largo = 2) =>
  w.length >= 2 && w.length <= largo && /[a-z]/.test(w) && !RELLENO.has(w) && !esPalabraComun(w) && lector.soporte(w, false) !== undefined;

const esVariante = (w: string, previa?: string) =>
  /^\d+([x./-]\d+)?$/.test(w) ||
  (UNIDAD.test(w) && (w.length > 2 || /^\d+$/.test(previa ?? ''))) ||
  (previa !== undefined && /^(talla|clase|nivel|tipo|x|n|numero|nro|calibre)$/.test(previa));

/**
 * The product span of a segment, grounded: it starts at a word the catalog names products with
 * and runs over the words the catalog uses and the variants ("de 10 libras", "talla 40").
 */
function anclar(
  palabras: string[],
  lector: LectorCatalogo,
  contada = false,
  primera = 0,
): { texto: string; inicio: number; fin: number; nucleoAjeno?: true; cantidad?: number } | undefined {
  // conversation words never start a product ("claro que sí"), but may belong to one ("lente claro")
  const soporte = palabras.map((w) => (RELLENO.has(w) || w.length < 3 ? undefined : lector.soporte(w)));
  const inicio = soporte.findIndex(
    (s, i) =>
      i >= primera &&
      (s === 'nucleo' || s === 'nombre') &&
      (!CONVERSACION.has(palabras[i]) || contenedorVendido(palabras, i, lector, contada)) &&
      // "5 galones de esmalte", "¿cuántos galones?": a unit measures the product, never names it
      !UNIDAD.test(palabras[i]) &&
      // "complétalo en blanco": an imperative with its clitic read as a catalog word by ear
      !(palabras[i].length >= 7 && /[ae](lo|la|los|las|le|les|me|nos)$/.test(palabras[i]) && lector.soporte(palabras[i], false) === undefined) &&
      // ("buenas mi llave", "se dañó mi casco": after "mi" the customer's own, or whom they talk to; "¿envían hasta puerto?": a place)
      !/^(le|les|me|te|se|nos|lo|mi|mis|esta|estan|es|son|muy|tan|bien|super|bastante|demasiado|hasta|desde)$/.test(palabras[i - 1] ?? '') &&
      // ("¿cuántas cargas da?": what is counted of a product, in an everyday word that heads no name; "¿cuántos masglo?" asks of it)
      !(s !== 'nucleo' && /^cuant[oa]s$/.test(palabras[i - 1] ?? '') && esPalabraComun(palabras[i])) &&
      // ("es un Motorola", "el mío es una Samsung": what the customer's own thing is, in a word that heads no name)
      !(s !== 'nucleo' && /^(un|una)$/.test(palabras[i - 1] ?? '') && /^(es|era|son)$/.test(palabras[i - 2] ?? '')) &&
      // ("me las medí", "se los mando": after two clitics, a verb)
      !(/^(la|las|los)$/.test(palabras[i - 1] ?? '') && /^(me|te|se|le|les|nos)$/.test(palabras[i - 2] ?? '')) &&
      !objetoDeUnFin(palabras, i) &&
      // ("uno x casco", "dos por persona": how many each gets)
      !(/^(x|por)$/.test(palabras[i - 1] ?? '') && (leerNumero(palabras, i - 2) !== undefined || (i === 1 && contada))),
  );
  if (inicio < 0) return undefined;
  let fin = inicio;
  let cantidad: number | undefined;
  let senala = -1;
  const enCifras = new Map<number, { valor: number; largo: number }>();
  for (let j = inicio + 1; j < palabras.length; j++) {
    const w = palabras[j];
    // "de veinte libras": a number in words before a unit is a variant too
    const enLetras = leerNumero(palabras, j);
    // "hipoclorito 12 galones" where names sell by the gallon and none holds 12: how many, said after the product
    const unidad = enLetras && palabras[j + enLetras.largo];
    if (enLetras && unidad && vendePor(unidad, lector) && !lector.contiene(`${enLetras.valor}${unidadCanonica(unidad)}`)) {
      cantidad = enLetras.valor;
      break;
    }
    // ("arnés de cuatro argollas": before a word of the names too)
    if (enLetras && (UNIDAD.test(palabras[j + enLetras.largo] ?? '') || soporte[j + enLetras.largo] !== undefined)) {
      // written in digits, as names write it ("4 argollas")
      enCifras.set(j, enLetras);
      fin = j + enLetras.largo;
      j = fin;
      continue;
    }
    // "escoba trapero recogedor": a second kind of product right after the first, no name carrying both, starts another
    if (soporte[j] === 'nucleo' && soporte[inicio] === 'nucleo' && soporte[j - 1] && !lector.juntos([palabras[inicio], w])) break;
    if (
      soporte[j] ||
      esVariante(w, palabras[j - 1]) ||
      codigoDelNombre(w, lector) ||
      (w === 'y' && /^(media|medio)$/.test(palabras[j + 1] ?? '') && /^\d+$/.test(palabras[j - 1] ?? ''))
    ) {
      fin = w === 'y' ? j + 1 : j;
      if (w === 'y') j++;
      continue;
    }
    // "el respirador con los cartuchos": "con" before another kind of product joins two products
    if (w === 'con') {
      const siguiente = palabras.slice(j + 1).find((x) => !RELLENO.has(x) && !/^(sus?|mis?)$/.test(x));
      // ("casco abierto con visor" where a name carries both: one product)
      if (siguiente && lector.soporte(siguiente) === 'nucleo' && !lector.juntos([palabras[inicio], siguiente])) break;
    }
    // "una pelota de esas que suenan", "un ratón de esos con catnip", "tubo de ese conduit": pointing at a kind goes on naming it
    if (DEMOSTRATIVO.test(w) && palabras[j - 1] === 'de') {
      senala = j;
      fin = j;
      continue;
    }
    // a connector belongs to the span only when the catalog or a variant follows it
    // (and so does a quality the names do not spell: "extintor normal de 10 libras")
    // ("la multitoma esa con protector": a demonstrative after the head points at the kind the words after it tell)
    // ("cable número 6": the word that says a number names follows)
    if (/^(numero|nro)$/.test(w) && /^\d/.test(palabras[j + 1] ?? '')) continue;
    if (CONECTOR.has(w) || ['el', 'la', 'los', 'las'].includes(w) || CUALIDAD.test(w) || (j === fin + 1 && DEMOSTRATIVO.test(w))) continue;
    // "botas punta de acero": a noun the names spell otherwise ("puntera"), before "de" and a word they spell
    // ("bluesky surtidos en nude": not before a mere option, which tells which, not what)
    if (esSustantivo(w) && !noNombraCosa(w) && /^(de|del|en)$/.test(palabras[j + 1] ?? '') && soporte[j + 2] && soporte[j + 2] !== 'modificador') continue;
    break;
  }
  // "listo paso mañana", "la lista completa": an everyday word that heads no name names nothing alone,
  // unless it is counted ("10 tomas") or named as a variant ("el tipo copa", "los de copa")
  // ("los 3 y completa con…": the number counted what came before the "y")
  const nombrada =
    /^(de|del|tipo)$/.test(palabras[inicio - 1] ?? '') || (contada && palabras.slice(0, inicio).every((w) => RELLENO.has(w) && !/^(y|e)$/.test(w)));
  if (soporte[inicio] === 'nombre' && esMuyComun(palabras[inicio]) && !nombrada && !soporte.slice(inicio + 1, fin + 1).some(Boolean))
    return anclar(palabras, lector, contada, inicio + 1);
  // "overol talla L", "impermeables en XL": a size the catalog's names do not carry is no part of what names the product
  const talla = palabras.findIndex((w, k) => k > inicio && k <= fin && (w === 'talla' || (/^(x{0,3}l|s|m|xs)$/.test(w) && palabras[k - 1] === 'en')));
  if (talla > 0 && !lector.contiene(raiz('talla'))) {
    fin = talla - 1;
    while (fin > inicio && (CONECTOR.has(palabras[fin]) || RELLENO.has(palabras[fin]))) fin--;
  }
  fin += clase(palabras.slice(fin + 1));
  const desde = nucleoAjeno(palabras, inicio, soporte[inicio], lector);
  // "le sirve a una pulsar?", "pa la brigada de emergencia necesitamos…": what a thing is for or fits is
  // the customer's own, unless the catalog sells it as such (a name starts with it)
  // ("la moto ya trae puerto usb": what already has a thing is the customer's own too)
  const yaTiene =
    /^(el|la|los|las)$/.test(palabras[desde - 1] ?? '') &&
    palabras[fin + 1] === 'ya' &&
    /^(trae|traen|tiene|tienen|lleva|llevan)$/.test(palabras[fin + 2] ?? '');
  // (the whole of it, "pal redmi note 12 tienen forro", up to a kind of product named after it, "pa el aseo escoba trapero…")
  if (soporte[inicio] !== 'nucleo' && (destinatario(palabras, desde) || yaTiene)) {
    const otra = soporte.findIndex((s, k) => k > inicio && k <= fin && s === 'nucleo');
    return anclar(palabras, lector, contada, otra > 0 ? otra : fin + 1);
  }
  const texto: string[] = [];
  for (let k = desde; k <= fin; k++) {
    // (the pointing itself is left out when more words name the thing: "ratón con catnip")
    if (senala < fin && (k === senala || k === senala - 1)) continue;
    const n = enCifras.get(k);
    texto.push(n ? String(n.valor) : palabras[k]);
    if (n) k += n.largo - 1;
  }
  return { texto: texto.join(' '), inicio: desde, fin, ...(desde < inicio ? { nucleoAjeno: true } : {}), ...(cantidad !== undefined ? { cantidad } : {}) };
}

/**
 * "bolsas de basura", "bolsa negra" where names start with "Bolsa", "colores de 12" where they start
 * with "Colores": a word that elsewhere counts things or is talk is what this shop sells, when its
 * name goes on ("¿qué colores tiene?", "de colores" still ask of a product). "2 bolsas de hipoclorito"
 * counts another kind of product; so does a bare container counted where the shop sells packs of other
 * products ("15 cajas", "una caja") or after "por", "pa" ("¿viene por caja?"): what was named or shown.
 */
function contenedorVendido(palabras: string[], i: number, lector: LectorCatalogo, contada = false): boolean {
  if (lector.soporte(palabras[i], false) !== 'nucleo') return false;
  // the words right after it, through "de", go on with one of its names
  const k = /^(de|del)$/.test(palabras[i + 1] ?? '') ? i + 2 : i + 1;
  const siguiente = palabras[k] ?? '';
  const nombrado =
    (!RELLENO.has(siguiente) && !CONVERSACION.has(siguiente) && lector.soporte(siguiente) !== undefined) || esVariante(siguiente, palabras[k - 1]);
  if (!CONTENEDOR.test(palabras[i])) return nombrado && !/^(que|cual|cuales|de|del|en|otros|otras|mas|varios|varias)$/.test(palabras[i - 1] ?? '');
  if (k === i + 2 && lector.soporte(palabras.slice(k).find((w) => !RELLENO.has(w)) ?? '') === 'nucleo') return false;
  const unidadDeVenta =
    /^(por|pa|para|pal|x)$/.test(palabras[i - 1] ?? '') || (contada && lector.envase(palabras[i]) && palabras.slice(0, i).every((w) => RELLENO.has(w)));
  return nombrado || !unidadDeVenta;
}

/**
 * "delantal de carnaza", "pantalones jean", "equipos pa trabajo en alturas": a noun the catalog
 * does not know before words of its names that head none (through "de", "para", "en" and other
 * nouns) is the kind of thing named. Where the span starts.
 */
function nucleoAjeno(palabras: string[], inicio: number, soporte: Soporte | undefined, lector: LectorCatalogo): number {
  if (soporte !== 'nombre') return inicio;
  for (let k = inicio - 1; k >= Math.max(0, inicio - 5); k--) {
    const w = palabras[k];
    // "… pa trabajo en …": connectors, the catalog's words and nouns of talk lie between
    // ("bolsitas pa la popó": the article of a purpose too)
    if (
      /^(de|para|pal|en)$/.test(w) ||
      (/^(el|la|los|las)$/.test(w) && palabras[k - 1] === 'para') ||
      (w.length >= 3 && lector.soporte(w) !== undefined && !RELLENO.has(w))
    )
      continue;
    if (CONVERSACION.has(w) && formaDeSustantivo(w)) continue;
    // "(yo) trabajo en…", "mi esposo…": after a subject, a clitic or a possessive, a verb or the customer's own
    if (!esSustantivo(w) || noNombraCosa(w) || CONTENEDOR.test(w) || /^(yo|me|te|se|le|les|nos|mi|mis|tu|tus|su|sus)$/.test(palabras[k - 1] ?? ''))
      return inicio;
    return k;
  }
  return inicio;
}

/** the word at `i` follows "para el", "a una", "pal", "al": whom or what something is for */
function destinatario(palabras: string[], i: number): boolean {
  const [antes, previa] = [palabras[i - 2], palabras[i - 1]];
  return /^(pal|al)$/.test(previa ?? '') || (/^(para|a)$/.test(antes ?? '') && /^(el|la|los|las|un|una|unos|unas)$/.test(previa ?? ''));
}

/** "pa manejar vidrio", "para pintar la pared": what a use is done to, not a product asked for */
function objetoDeUnFin(palabras: string[], i: number): boolean {
  let k = i - 1;
  while (k >= 0 && /^(el|la|los|las|un|una|unos|unas)$/.test(palabras[k])) k--;
  if (k <= 0 || !/(ar|er|ir)$/.test(palabras[k])) return false;
  // ("vamos a brillar los pisos": what an action the customer will do is done to; "voy a llevar dos" buys)
  const accion =
    palabras[k - 1] === 'a' &&
    /^(voy|vamos|va|van|vas)$/.test(palabras[k - 2] ?? '') &&
    !/^(comprar|llevar|pedir|cotizar|encargar|agregar|mandar)$/.test(palabras[k]);
  return /^(para|pal)$/.test(palabras[k - 1]) || accion;
}

/**
 * "cascos pa moto", "aviso de piso mojado": "para" or "de" and a bare noun say which kind of the
 * product is meant, and search weighs it (a kind the catalog lacks is said so); with an article or
 * a number ("pa la bodega", "pa 15 personas") it says where or for whom, no part of the product.
 * How many words it adds: the connector and the noun.
 */
function clase(siguen: string[]): number {
  return /^(para|de)$/.test(siguen[0] ?? '') && siguen[1] && esSustantivo(siguen[1]) && !noNombraCosa(siguen[1]) ? 2 : 0;
}

/** "ese", "esas": after a noun, pointing at which of its kind ("el bombillo ese largo") */
const DEMOSTRATIVO = /^(ese|esa|esos|esas)$/;
/**
 * After a clitic a word is a verb ("los llevo", "me toca"); after a possessive, the customer's own
 * ("mi primo"); after "a", "hasta", "desde", a place or a person ("¿a caldas sí llegan?").
 */
const NO_COSA_TRAS = /^(me|te|se|le|les|lo|nos|mi|mis|tu|tus|su|sus|nuestro|nuestra|nuestros|nuestras|a|hasta|desde)$/;
/** ("a cómo me los deja", "se la cambio"): after a clitic pair the word is a verb, "los" there is no article */
const trasNoCosa = (seg: Segmento, p: string[]) => {
  const i = seg.palabras.indexOf(p[0]);
  const previa = seg.palabras[i - 1] ?? '';
  return NO_COSA_TRAS.test(previa) || (/^(lo|la|los|las)$/.test(previa) && /^(me|te|se|le|les|nos)$/.test(seg.palabras[i - 2] ?? ''));
};

/**
 * A number and a unit before the product: "3 galones de anticorrosivo" when names sell by the
 * gallon ("… galón") say how many; a measure only names carry ("10 libras de…") says which.
 */
function medidaDelante(antes: string[], lector: LectorCatalogo): { cantidad: number } | { variante: string } | undefined {
  // ("ok necesitamos 10 galones de…": the words of asking come before the number)
  const i = antes.findIndex((w, k) => !RELLENO.has(w) && leerNumero(antes, k) !== undefined);
  const n = i >= 0 ? leerNumero(antes, i) : undefined;
  const unidad = n && unidadCanonica(antes[i + n.largo]);
  if (!n || !unidad || !antes.slice(i + n.largo + 1).every((w) => RELLENO.has(w))) return undefined;
  return lector.contiene(`${n.valor}${unidad}`) && !vendePor(antes[i + n.largo], lector) ? { variante: antes.slice(i).join(' ') } : { cantidad: n.valor };
}

/** names that sell by the unit itself ("… galón") count it, whatever measure another name carries */
const vendePor = (unidad: string, lector: LectorCatalogo) => {
  const canonica = unidadCanonica(unidad);
  return canonica !== undefined && raiz(unidad) !== canonica && lector.contiene(raiz(unidad));
};

/** A thing the customer asks for that the catalog does not support at all ("bicicletas", "2 taladros"). */
function cosaPedida(seg: Segmento, clausula: string, hayCompra: boolean, pregunta: boolean, marcada: boolean, lector: LectorCatalogo): string | undefined {
  const p = recortar(seg.palabras);
  // "¿ustedes venden celulares?": the asking words come first
  while (p.length > 1 && (PIDE.test(p[0]) || CONVERSACION.has(p[0]) || RELLENO.has(p[0]))) p.shift();
  const cabeza = p[0];
  // "¿cuántos tienen disponibles?", "¿qué colores hay?": what a product question asks about is no thing wanted
  if (
    !cabeza ||
    !esSustantivo(cabeza) ||
    conversacionMenuda(cabeza) ||
    noNombraCosa(cabeza) ||
    CONSULTA.test(cabeza) ||
    GENERO.test(cabeza) ||
    lector.soporte(cabeza, false) !== undefined
  )
    return undefined;
  const antes = clausula.slice(0, clausula.search(new RegExp(`\\b${cabeza}\\b`)));
  if (LO_SUYO.test(antes)) return undefined;
  const previa = seg.palabras[seg.palabras.indexOf(cabeza) - 1];
  if (trasNoCosa(seg, [cabeza])) return undefined;
  // "¿con qué la retiro?", "¿cómo lo uso?": after a question word and a clitic, a verb
  if (new RegExp(`\\b(?:que|como|donde|cuando|cuanto|pa que|para que) (?:lo|la|los|las|le|les|me|se|te|nos) ${cabeza}\\b`).test(clausula)) return undefined;
  // "necesito 4 pa el parqueadero": what follows "para" is a purpose, not a product
  const i = seg.palabras.indexOf(cabeza);
  if (seg.palabras.slice(0, i).some((w) => w === 'para' || w === 'pal' || w === 'por')) return undefined;
  // "¿y taladros?": a short question that is only a thing
  // the whole clause is the thing: nothing else but question words ("¿y taladros?", "¿tacos pa las llantas?")
  const delaClausula = clausula
    .split(' ')
    .filter((w) => w && w !== ',' && !RELLENO.has(w) && !/^(que|cual|cuales|como|donde|y|e|o|u|tambien|entonces)$/.test(w));
  const contenido = p.filter((w) => !RELLENO.has(w));
  const enLugarDeNombre =
    /s$/.test(cabeza) || /^(y|e) /.test(clausula) || (previa !== undefined && /^(un|una|unos|unas|el|la|los|las|algun|alguna|\d+)$/.test(previa));
  const pide = PIDE_COSA.exec(clausula);
  // ("no la he usado, tiene las etiquetas": said of a thing, with its article and no question mark, is no asking for one)
  const dicho = !marcada && pide !== null && /^(?:tiene|tienen|hay)\s+(?:el|la|los|las)\s/.test(pide[0]);
  // ("también crayones gruesos para los de transición", "además unas brocas": a thing added to what is asked for, with its
  // article or in the plural; "también pinto con soplete" says what the customer does)
  const anadida = new RegExp(`^(?:y )?(?:tambien|ademas) (?:(?:un|una|unos|unas|el|la|los|las) ${cabeza}|${cabeza}(?<=s))\\b`).test(clausula);
  const pedidaAsi = !dicho && (anadida || (pide?.[1] === cabeza && !sujetoPropio(clausula.slice(0, pide.index), pide[0])));
  const contada = seg.cantidad !== null && seg.cantidad >= 1 && seg.palabras.find((w) => !RELLENO.has(w)) === cabeza && hayCompra;
  const puedeSerSola = !dicho && pregunta && enLugarDeNombre && delaClausula.length <= 3;
  if (!pedidaAsi && !contada && !puedeSerSola) return undefined;
  const resto: string[] = [cabeza];
  // ("boquilla 1M de estrella": a size or a model right after the head says which, and its complement goes on)
  // (the letters of a code glued back to its number, as written: "1m")
  while (p.length > 1 && (esVariante(p[1], resto.at(-1)) || (/^[a-z]{1,2}$/.test(p[1]) && /^\d+$/.test(resto.at(-1) ?? ''))))
    if (/^[a-z]/.test(p[1]) && !UNIDAD.test(p[1]) && /^\d+$/.test(resto.at(-1) ?? '')) resto.push(`${resto.pop()}${p.splice(1, 1)[0]}`);
    else resto.push(...p.splice(1, 1));
  // ("las lucecitas esas de navidad": a demonstrative after the head points at the kind its complement tells)
  if (DEMOSTRATIVO.test(p[1] ?? '') && ['de', 'para', 'con', 'sin'].includes(p[2] ?? '')) resto.push(...p.splice(1, 1));
  // "bicicletas de montaña", "arneses para trabajo en alturas": the head with its complement, never a whole sentence
  if (['de', 'para', 'contra', 'con', 'sin'].includes(p[1] ?? '')) {
    const complemento = p.slice(1, 6);
    // ("espátula para alisar tortas": what it is used for, a verb and a bare noun, names the kind)
    const uso = complemento[0] === 'para' && /(ar|er|ir)$/.test(complemento[1] ?? '');
    const corte = complemento.findIndex(
      (w, k) =>
        k > 0 &&
        (/^(que|y|o|porque|pero|pues|si)$/.test(w) ||
          (/(ar|er|ir)$/.test(w) && !(uso && k === 1)) ||
          (uso && (k >= 3 || (k === 2 && !esSustantivo(w)))) ||
          // ("discos de corte de 4 1/2": a bare size after the kind is which of a kind the shop lacks)
          (k >= 2 && /^(de|del)$/.test(w) && /^\d/.test(complemento[k + 1] ?? '') && !UNIDAD.test(complemento[k + 2] ?? ''))),
    );
    resto.push(...(corte > 0 ? complemento.slice(0, corte) : complemento));
    while (resto.length > 1 && RELLENO.has(resto[resto.length - 1])) resto.pop();
  } else if (p[1] && esSustantivo(p[1]) && lector.soporte(p[1], false) === undefined) resto.push(p[1]);
  // ("camisas tipo polo": the kind said with "tipo" and a bare noun)
  else if (/^(tipo|estilo)$/.test(p[1] ?? '') && p[2] && esSustantivo(p[2]) && !noNombraCosa(p[2])) resto.push(p[1], p[2]);
  return pedidaAsi || contada || sola(clausula, delaClausula, contenido, previa, lector) ? resto.join(' ') : undefined;
}

/**
 * "¿y taladros?", "¿tacos pa las llantas?", "¿y uniformes o delantales?": the clause is only the thing (`segmento`, its words),
 * or bare things listed with it; what is said of it ("mide el oxígeno y la presión") or asked of one in view, named with its
 * article ("¿y la batería cuánto dura?"), is no thing asked for.
 */
function sola(clausula: string, deLaClausula: string[], segmento: string[], previa: string | undefined, lector: LectorCatalogo): boolean {
  const todas = clausula.split(' ').filter((w) => w && w !== ',');
  // a phrase with its article right after a word, with no "y", "o" or "de" between, is that word's object: the word was a verb
  const objeto = (w: string) => {
    const k = todas.indexOf(w);
    let j = k - 1;
    while (j >= 0 && /^(el|la|los|las|un|una|unos|unas)$/.test(todas[j])) j--;
    return j < k - 1 && j >= 0 && deLaClausula.includes(todas[j]);
  };
  const tras = segmento.slice(1);
  return (
    deLaClausula.every((w) => segmento.includes(w) || (esSustantivo(w) && !noNombraCosa(w) && lector.soporte(w, false) === undefined)) &&
    !deLaClausula.some(objeto) &&
    // ("¿y el semisintético cuánto vale?", "¿la pulidora hay?": its price or stock asks for it all the same)
    !(
      /^(el|la|los|las)$/.test(previa ?? '') &&
      tras.some((w) => /^(cuant\w*|como|cual\w*|que|donde|cuando)$/.test(w)) &&
      !tras.some((w) => /^(precios?|valor|vale|valen|cuesta|cuestan|sale|salen|hay|tienen|quedan|disponibles?)$/.test(w))
    ) &&
    // ("q la pared es grande": a thing said of, with its verb)
    !deLaClausula.some((w) => /^(es|son|era|eran|fue|fueron|esta|estan|estaba|sea|sean|queda|quedan)$/.test(w)) &&
    // ("que el aguijón no pase": a word after "no" is a verb, so the clause says something of the thing; "¿huevos no venden?" still asks)
    !/\b(?:no|ni) (?!(?:tienen|tiene|hay|venden|vende|manejan|maneja)\b)[a-z]/.test(clausula)
  );
}

/**
 * "las muchachas tienen la mano pequeña", "mi hijo tiene…": a verb of having or selling with its
 * own subject named before it says something of someone; it asks the shop for nothing.
 */
function sujetoPropio(antes: string, pide: string): boolean {
  if (!/^(tienen|tiene|tendran|venden|vende|manejan|maneja|consiguen)\b/.test(pide)) return false;
  const [determinante, sujeto] = antes.trim().split(/\s+/).slice(-2);
  return /^(el|la|los|las|mi|mis|su|sus|tu|tus|nuestr[oa]s?)$/.test(determinante ?? '') && formaDeSustantivo(sujeto ?? '');
}

/** "equipo pa la logística", "implementos de aseo": the genus of what is needed, asked as a browse, never one thing the shop lacks */
const GENERO = /^(?:equipos?|implementos?|elementos?|insumos?)$/;
/** a size in letters ("S", "XL", "XXXL", "2XL"): what a product comes in, never a thing */
const TALLA_LETRAS = /^(?:x{0,4}[sl]|m|\dx+l)$/;
/** a number in words, a quality, a size or a verb of buying ("… y agregue 20 tapaoídos"): never a thing the shop lacks */
function noNombraCosa(w: string): boolean {
  return CUALIDAD.test(w) || TALLA_LETRAS.test(w) || leerNumero([w], 0) !== undefined || COMPRA.test(w) || ORDEN.test(w);
}

/** everyday words, verbs mostly, that name nothing and nobody */
const COMUNES =
  /^(algo|alguien|nada|nadie|todo|todavia|siempre|nunca|jamas|tampoco|apenas|casi|despues|luego|antes|aca|cuanto|cuantos|como|cuando|donde|porque|pero|bueno|entonces|tambien|ahora|usted|ustedes|esto|esta|este|estos|estas|aquellos|tengo|tiene|tienen|puedo|puede|pueden|quiero|quieren|necesito|sirve|sirven|venden|manejan|hacen|dice|dicen|sea|sean|seria|esten|estan|estoy|hola|gracias|favor|sigue|siguen|trae|viene|queda|sale|llega|pasa|manda|hubo|haya|llevo|pago|mando|paso|busco|tengo|compro|pido|recojo|hago|espero|aviso|digo|creo|pienso|sabe|entiendo|importa|consigo|consiga|consigan|tenga|tengan|quede|queden|pueda|puedan|traiga|traigan|pena|clima|calor|frio|lluvia)$/;

/** "necesito varias tallas", "necesitamos mínimo 25": how many, never what */
const CUANTIFICADOR =
  /^(minimo|maximo|varios|varias|muchos|muchas|pocos|pocas|bastantes|ciertos|ciertas|tantos|tantas|demasiados|demasiadas|ambos|ambas|cualquier|cualquiera|distintos|distintas|diversos|diversas|demas)$/;

function esSustantivo(w: string): boolean {
  return !CONVERSACION.has(w) && formaDeSustantivo(w);
}

/** the diminutive of a word of talk ("unas cositas", "una tiendita", "un momentico"): no thing the shop lacks ("manilla" is no little "man") */
const conversacionMenuda = (w: string) => sinDiminutivo(w).some((b) => b.length >= 4 && (CONVERSACION.has(b) || CONVERSACION.has(`${b}s`)));

/** shaped like a noun, whether or not it is a word of talk ("trabajo", "bodega") */
function formaDeSustantivo(w: string): boolean {
  return (
    w.length >= 4 &&
    !/^\d/.test(w) &&
    !RELLENO.has(w) &&
    !NO_PRODUCTO.test(w) &&
    !/(ar|er|ir|ando|iendo|mente|amos|emos|imos|aron|ieron|ado|ido)$/.test(w) &&
    // verb forms: third person plural, an imperative with its clitic
    !(w.length >= 5 && /(an|en)$/.test(w)) &&
    // an imperative with its clitic ("regálame", "tráiganos"), not "uniforme" or "conos"
    !/([aei](me|nos)|selo|sela|melo|mela)$/.test(w) &&
    // an infinitive or a gerund with its clitic ("cambiarla", "mandándolos")
    !(w.length >= 6 && /(ar|er|ir|ando|iendo)(lo|la|los|las|le|les|me|te|se|nos)$/.test(w)) &&
    !COMUNES.test(w) &&
    !CUANTIFICADOR.test(w)
  );
}

interface Lectura {
  actos: Acto[];
  esPregunta: boolean;
  /** clauses that were only "ok", "perfecto", "bueno" */
  acuses: number;
  /** clauses that were a bare yes ("sí", "listo", "dale"): before another request, only an acknowledgement */
  sies: number;
  /** clauses that were a real yes ("procedamos", "eso es todo", "confirmo") */
  confirmacionesFirmes: number;
  /** clauses that were the yes of one who checked the summary ("así", "todo bien"): firm, unless the total is still asked */
  revisados: number;
  /** products counted and told flat, a quote: the order itself, no question a need is for */
  cotizaciones?: Acto[];
  /** side remarks: clauses that ask for nothing and are more than a filler ("uy carito", "paso mañana", "jaja"); the last one's */
  comentario?: Acto;
  /** a clause that asks nothing and says more than its fillers ("tengo una tiendita en Robledo"): beside a request it is what
   * the request is for (no remark), beside courtesy alone a remark */
  suelto?: boolean;
  /** a clause that tells why a line goes (YA_LO_TIENE): beside a removal or a change of count, a remark */
  razon?: boolean;
  /** the remark, when it is only dismay ("uy.", "uff"): beside a correction of the order it is the correction's ("uy, quite el botiquín") */
  sobresalto?: Acto;
}

/** The folded message with chat shorthand spelt out. */
export function normalizar(mensaje: string): string {
  return (
    plegar(mensaje)
      // ("el tipo k", "clase k": a letter naming a variant)
      .replace(/(?<!\b(?:tipo|clase|talla|nivel|ref|referencia|modelo) )\b(q|k|ke|qe)\b/g, 'que')
      .replace(/\b(xq|pq|porq)\b/g, 'porque')
      // "👍" says ok, "🙏" thanks; other pictures say nothing
      .replace(/👍|👌|✅|✔/gu, ' ok ')
      .replace(/🙏/gu, ' gracias ')
      .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
      .replace(/\b(bnas|bns)\b/g, 'buenas')
      .replace(/\bbnos\b/g, 'buenos')
      .replace(/\bxao\b/g, 'chao')
      // "no me a llegado": "ha" said without its h
      .replace(/\b(me|le|les|nos|se|lo|la|no|ya|aun|todavia) a (?!pedido\b)(\w+(ado|ido))\b/g, '$1 ha $2')
      // "1) tienen arnés… 2) la línea de vida…": the numbers of a list count nothing
      .replace(/(^|[\s:;,.?!¿])\d{1,2}\)(?=\s)/g, '$1')
      // "al 5,25": a decimal comma is a point, not a pause
      .replace(/(\d),(\d{1,2})\b/g, '$1.$2')
      .replace(/\bpa\b/g, 'para')
      // "pago x nequi", "vienen x cuantas": "x" before a word is "por" ("paquete x 10" counts)
      .replace(/\bx (?=[a-z]{2,})/g, 'por ')
      .replace(/\b(tb|tmb|tbn|tambn)\b/g, 'tambien')
      .replace(/\b(xfa|porfis|plis|pls|porfa)\b/g, 'por favor')
      .replace(/\b(dnd)\b/g, 'donde')
      .replace(/\b(cdo|cndo|kndo)\b/g, 'cuando')
      .replace(/\b(cuant|cnt)\b/g, 'cuanto')
      .replace(/\bbn\b/g, 'bien')
      // the English of trade said in Spanish chat: "un quote para…", "30 units"
      .replace(/\bquotes?\b/g, 'cotizacion')
      .replace(/\bunits?\b/g, 'unidades')
      // "guantes d nitrilo"
      .replace(/\bd\b(?= [a-z])/g, 'de')
      // "no ha llegao", "ya pagué, está pasao": the participle said short
      .replace(/\b(lleg|pas|mand|despach|envi|pag|confirm|separ|entreg|fi)ao\b/g, '$1ado')
      // "buenass", "holaa", "noo": a stretched last letter ("shampoo", "pedigree" are no everyday word stretched)
      .replace(/\b(\w*?)([abdefghijknopqstuvwxyz])\2+\b/g, (w, base: string, letra: string) =>
        w.length - base.length > 2 || esPalabraComun(base + letra) ? base + letra : w,
      )
  );
}

/** real words that sound like a cue word ("los que haya" is no "allá"), and surnames */
const HOMOFONOS = new Set('haya hayan vaya vayan valla halla hallan cayo callo tuvo tubo casa caza vez ves bello vello diaz diez sierra'.split(' '));
/** the words the cue patterns are written with, and the one each sound is spelt as (null: two words sound alike) */
let claves: { palabras: Set<string>; porSonido: Map<string, string | null>; cortas: Set<string> } | undefined;
function palabrasClave(): NonNullable<typeof claves> {
  if (claves) return claves;
  const patrones = [
    ...TEMAS.map((t) => t.re),
    HUMANO,
    PREGUNTA_INICIO,
    COMPRA,
    CONSULTA,
    CATALOGO,
    CANCELAR,
    ESTADO_PEDIDO,
    VER_PEDIDO,
    QUITAR,
    CAMBIAR,
    CONFIRMAR,
    CONFIRMAR_EN,
    NEGAR,
    SALUDO,
    DESPEDIDA,
    GRACIAS,
    CONSEJO,
    POSPONER,
  ];
  const todas = new Set([
    ...patrones.flatMap((re) => re.source.replace(/\\[bBwWdDsS]/g, ' ').match(/(?<![a-z])[a-z]{4,}(?![a-z]*[\\[(?*+{])/g) ?? []),
    ...CONVERSACION,
    ...RELLENO,
  ]);
  // ("pse", "nit": short words the patterns spell as they are)
  const cortas = new Set(patrones.flatMap((re) => re.source.replace(/\\[bBwWdDsS]/g, ' ').match(/(?<![a-z])[a-z]{2,3}(?![a-z]*[\\[(?*+{])/g) ?? []));
  const porSonido = new Map<string, string | null>();
  for (const w of todas) {
    const sonido = fonetica(w);
    porSonido.set(sonido, porSonido.has(sonido) && porSonido.get(sonido) !== w ? null : w);
  }
  claves = { palabras: todas, porSonido, cortas };
  return claves;
}

const consonantes = (w: string) => w.replace(/[aeiou]/g, '');
const dentro = (corta: string, larga: string) => {
  let i = 0;
  for (const l of larga) if (l === corta[i]) i++;
  return i === corta.length;
};
/**
 * "dnd qdan", "dsps paso", "bno": a cue word written in chat shorthand, its consonants all kept and
 * its vowels mostly dropped, read as the one cue word it can shorten; never a word of everyday
 * Spanish or of the catalog.
 */
function abreviada(w: string, lector: LectorCatalogo): string | undefined {
  const { palabras: conocidas, cortas } = palabrasClave();
  if (conocidas.has(w) || cortas.has(w) || w.replace(/[^aeiou]/g, '').length > 1 || esPalabraComun(w) || lector.soporte(w, false) !== undefined)
    return undefined;
  const esqueleto = consonantes(w);
  if (esqueleto.length < 2) return undefined;
  const largas = [...conocidas].filter((c) => c[0] === w[0] && c.length > w.length && consonantes(c) === esqueleto && dentro(w, c));
  return largas.length === 1 ? largas[0] : undefined;
}

/**
 * Cue words spelt by ear ("kuanto me kobra de domisilio", "recojer") read as the patterns spell
 * them; a word the catalog uses is left as written.
 */
function corregirClaves(f: string, lector: LectorCatalogo): string {
  const { palabras: conocidas, porSonido } = palabrasClave();
  return f
    .replace(/\b[a-z]{3,}\b(?!\s*\d)/g, (w) => abreviada(w, lector) ?? w)
    .replace(/[a-z]{4,}/g, (w) => {
      if (conocidas.has(w) || HOMOFONOS.has(w)) return w;
      const escrita = porSonido.get(fonetica(w));
      // a doubled letter tells words apart ("carro" is no "caro")
      const sencilla = (x: string) => x.replace(/(.)\1+/g, '$1');
      return escrita && sencilla(escrita) !== sencilla(w) && lector.soporte(w, false) === undefined ? escrita : w;
    });
}

/** Cuts a message into clauses at sentence marks and commas that end a thought. */
/** "¿manejan?", "¿si hay?", "¿los tienen?": the verb of having alone, asking of what was just named */
const TIENEN_SUELTO = /^(?:y |o )?(?:si )?(?:(?:lo|la|los|las) )?(?:tienen|tiene|tendran|hay|habra|manejan|maneja|venden|vende|consiguen)$/;
/** "y una cartuchera si tienen", "guantes de nitrilo si hay": the thing named, asked on condition that there is */
const SI_TIENEN = /\S \S+.*\bsi (?:(?:lo|la|los|las) )?(?:tienen|tiene|tendran|hay|manejan|maneja|venden|consiguen)$/;

/**
 * "el dualsense", "la senior", "de esas braun", "tipo una kemei o gamma": a name or two, with what points at it ("el de
 * gotitas" says what it is like, which it may be of any)
 */
const APOSICION = /^(?:el|la|los|las|un|una|de esos|de esas|tipo|tipo un|tipo una) ([a-z]+(?: (?:o|y) [a-z]+)?)$/;

function clausulas(f: string): Array<{ texto: string; pregunta: boolean; coma?: boolean }> {
  const partes: Array<{ texto: string; pregunta: boolean }> = [];
  // ("al 5.25", "de 1.5 litros": a point between digits ends nothing)
  const re = /((?:[^.!?¿¡;\n]|(?<=\d)\.(?=\d))+)([.!?;\n]*)/g;
  for (const m of f.matchAll(re)) {
    const texto = m[1].trim();
    if (texto) partes.push({ texto, pregunta: m[2].includes('?') || /¿\s*$/.test(f.slice(0, m.index)) });
  }
  // every comma ends a clause too ("hola, ...", "bueno, ...", "3 cascos, 2 chalecos")
  const todas = partes.flatMap((p) => {
    const salida: Array<{ texto: string; pregunta: boolean; coma?: boolean }> = p.texto
      .split(/\s*,\s*/)
      .filter(Boolean)
      .map((texto, i) => ({ texto, pregunta: false, ...(i > 0 ? { coma: true } : {}) }));
    if (salida.length) salida[salida.length - 1].pregunta = p.pregunta;
    return salida;
  });
  // "4 de 40, 5 de 41 y 3 de 42": counts of sizes after a comma go on with the clause they split
  for (let i = todas.length - 1; i > 0; i--)
    if (TALLAS_SIGUEN.test(todas[i].texto) && TALLA_AL_FINAL.test(todas[i - 1].texto) && !todas[i - 1].pregunta) {
      todas[i - 1] = { texto: `${todas[i - 1].texto} , ${todas[i].texto}`, pregunta: todas[i].pregunta };
      todas.splice(i, 1);
    }
  // "…la factura a nombre de la empresa, ¿se puede?", "…de seguridad, ¿cierto?": a tag makes the clause before it a question
  // ("¿tienen pulidora? o escaleras de tijera", "¿y delantal? y polainas": the same question, for another thing)
  return todas.reduce<Array<{ texto: string; pregunta: boolean; coma?: boolean }>>((acc, x) => {
    const previa = acc[acc.length - 1];
    if (previa && ETIQUETA_PREGUNTA.test(x.texto.trim())) previa.pregunta = true;
    // "también aceite de masaje y cremas exfoliantes, ¿manejan?", "vi las botas en su estado, ¿las tienen?": a bare verb of
    // having asks the clause before it, when that clause adds ("también") or the verb points back at it ("las")
    else if (
      previa &&
      x.pregunta &&
      TIENEN_SUELTO.test(x.texto.trim()) &&
      (/^(?:y )?(?:tambien|ademas)\b/.test(previa.texto) || /\b(?:lo|la|los|las) \w+$/.test(x.texto.trim()))
    )
      previa.pregunta = true;
    // "¿el envío es gratis? o cuánto": a bare question word goes on asking the question before it
    else if (previa?.pregunta && /^(?:o|y|e|u) (?:cuanto|cuantos|cuando|como|donde|cual|que)(?: (?:es|son|vale|cuesta|sale|seria))?$/.test(x.texto.trim()))
      previa.texto = `${previa.texto} ${x.texto.trim()}`;
    // "¿tienen el control de ps5? el dualsense", "¿depiladora eléctrica? de esas braun": which one, named after the
    // question, is one more thing it asks for
    else if (previa?.pregunta && APOSICION.test(x.texto.trim())) previa.texto = `${previa.texto} o ${x.texto.trim().replace(APOSICION, '$1')}`;
    // ("también una cartuchera si tienen": whether there is one, asked without a mark)
    else if (SI_TIENEN.test(x.texto.trim())) acc.push({ ...x, pregunta: true });
    else acc.push(previa?.pregunta && /^(y|o|e|u) \S+( \S+){0,3}$/.test(x.texto.trim()) ? { ...x, pregunta: true } : x);
    return acc;
  }, []);
}

/**
 * Reads a message into dialogue acts, every one of them in order, with grounded mentions.
 * While a data field is pending, the message fills it only when it carries no other act and
 * has that field's shape; anything else is what it is, and the machine asks again.
 */
export function comprender(original: string, ctx: ContextoInterpretacion, lector: LectorCatalogo): Interpretacion {
  const interpretacion = leerMensaje(original, ctx, lector);
  // advice on which product serves is read as a business question above (the knowledge base answers it, turno.ts);
  // it is a question about products (FORMATO-CIEGOS)
  for (const a of interpretacion.actos)
    if (a.consejo && a.tipo === 'consultar_negocio') {
      a.tipo = 'consultar_producto';
      delete a.tema;
    }
  contarOrdenSinCuenta(original, interpretacion.actos);
  return interpretacion;
}

/**
 * "dame 3 de esos de algodón", "del azul dame 8": the one count of a message reaches the one thing its order
 * names when no act took it (a size, a measure, an address or a phone is no count).
 */
function contarOrdenSinCuenta(original: string, actos: Acto[]): void {
  const orden = actos.filter((a) => !ACTOS_SOCIALES.has(a.tipo));
  const [a] = orden;
  if (orden.length !== 1 || a.tipo !== 'agregar' || a.cantidad !== undefined || a.referencia) return;
  const variantes = a.variantes ?? [];
  const productos = a.productos ?? [];
  const cosas = variantes.length ? variantes : productos;
  if (cosas.length !== 1 || [...variantes, ...productos].some((m) => m.cantidad !== null)) return;
  if (variantes.length && productos.some((m) => !m.eliptica)) return;
  const w = palabras(original);
  const cuentas: number[] = [];
  for (let i = 0; i < w.length; i++) {
    if (/^(un|una|uno)$/.test(w[i])) continue;
    const n = leerNumero(w, i);
    if (!n) continue;
    const tras = w[i + n.largo] ?? '';
    const antes = w[i - 1] ?? '';
    const medida = unidadCanonica(tras) !== undefined || /^(w|v|x|pulgadas?|mil|pm|am|horas?|dias?|por|porciento)$/.test(tras);
    // ("de la 42", "del de 10", "3 de 30": the size or measure of what is counted)
    const lugar =
      /^(talla|tallas|numero|no|nro|calle|carrera|cra|cl|kr|piso|apto|de|del)$/.test(antes) || (/^(la|el|las|los)$/.test(antes) && w[i - 2] === 'de');
    if (!medida && !lugar && n.valor > 0 && n.valor < 1000) cuentas.push(n.valor);
    i += n.largo - 1;
  }
  if (cuentas.length !== 1) return;
  cosas[0].cantidad = cuentas[0];
  for (const m of productos) if (m.eliptica) m.cantidad = cuentas[0];
}

function leerMensaje(original: string, ctx: ContextoInterpretacion, lector: LectorCatalogo): Interpretacion {
  const recolectando = ctx.fase === 'recolectando_datos';
  const pendiente = recolectando ? ctx.campoPendiente : undefined;
  // labelled or unmistakable data ("mi correo es…", a mobile, "calle 45 # 12-30") comes out first
  // "juan arroba gmail punto com": an e-mail said in words; "tres cero cero dos…": a number said digit by digit
  const dictado = enCifras(original);
  const mensaje = /\barroba\b/i.test(dictado)
    ? dictado
        .replace(/\s*\barroba\b\s*/gi, '@')
        .replace(/(@\S*?)\s*\bpunto\b\s*/gi, '$1.')
        .replace(/(@\S*?)\s*\bpunto\b\s*/gi, '$1.')
    : dictado;
  const { datos: etiquetados, resto } = extraerDatos(mensaje, undefined);
  // a bare number of seven digits or more is no quantity anyone orders: a document given
  const cifra = /^\s*\d[\d. ]*\d\s*$/.test(mensaje) ? mensaje.replace(/\D/g, '') : '';
  if (cifra.length >= 7 && Object.keys(etiquetados).length === 0 && (!pendiente || pendiente === 'cedula') && validarCampo('cedula', cifra).ok)
    etiquetados.cedula = cifra;
  const f = sinHorasNiPlata(corregirClaves(normalizar(resto), lector));
  const lectura = leer(f, ctx, lector);
  let otros = lectura.actos.filter((a) => a.tipo !== 'otro');
  const plegado = plegar(mensaje);
  // a NIT, a dotted cédula, a field named with its value, a rural address: data
  // "si no estoy lo recibe la vecina del 302", "q me lo entreguen después de las 3": how an order there is gets delivered
  const hayOrden = ctx.carrito.length > 0 || recolectando || ctx.fase === 'completado' || ctx.ultimoActo === 'consultar_pedido';
  if (hayOrden && !etiquetados.indicaciones_adicionales && !/[?]/.test(mensaje) && INDICACION.test(plegar(mensaje))) {
    const v = validarCampo('indicaciones_adicionales', mensaje);
    if (v.ok) etiquetados.indicaciones_adicionales = v.valor;
  }
  const hayEtiquetados =
    Object.keys(etiquetados).length > 0 ||
    /\b(nit|rut)\b[^\d]{0,12}\d{6,}|\b\d{1,3}(\.\d{3}){2,}\b/.test(plegado) ||
    (CAMPO_NOMBRADO.test(plegado) && /\d{5,}/.test(plegado.replace(/[\s.-]/g, ''))) ||
    // ("le escribo de una finca en Guarne", "tengo un conjunto residencial": a place of a kind, not the one the order goes to)
    (/(?<!\b(?:un|una|mi|su|nuestra|nuestro) )\b([bv]ereda|finca|corregimiento|parcela|kilometro|km \d|via \d|apto|apartamento|torre \d|bloque \d|conjunto residencial)\b/.test(
      plegado,
    ) &&
      !/[?]/.test(mensaje) &&
      !COMPRA.test(plegado) &&
      // ("… es pa bodega no pa finca, cámbiemelas por las botas": what a product is for)
      !CAMBIAR_POR.test(plegado) &&
      // ("unas botas de caucho pa la finca": what the products named are for)
      !(
        /\b(?:para|pa|pal) (?:(?:la|el|mi|una|un) )?(?:vereda|finca|parcela|corregimiento)\b/.test(plegado) &&
        otros.some((a) => a.productos?.some((m) => m.enCatalogo))
      ) &&
      !/\bnecesita\b/.test(plegado));
  if (hayEtiquetados && !lectura.esPregunta) {
    // a message that carries data is data: its numbers, names and "entregar en portería" are not products or questions
    otros = otros.filter(
      (a) =>
        !['otro', 'consultar_negocio', 'consultar_producto', 'consultar_catalogo', 'dar_datos', 'ver_carrito', 'negar'].includes(a.tipo) &&
        // "pedido de ayer a nombre de Paola Mejía" after asking about an order: the data it is looked up by
        !(a.tipo === 'consultar_pedido' && ctx.ultimoActo === 'consultar_pedido') &&
        // ("Eléctricos JM SAS nit 901…", "mándemelos a la peluquería…": a company's name, where it goes; an order says "quiero 2 …")
        // ("apartemelo uno, a nombre de…": what was pointed at, counted with its order verb, is ordered)
        !(
          a.tipo === 'agregar' &&
          (!(a.productos?.some((m) => m.enCatalogo) || a.referencia || a.cantidad !== undefined) ||
            !COMPRA_ANTES_DE_CUENTA.test(normalizar(mensaje).replace(/\buno\b/g, 'un')))
        ) &&
        // "…, ninguna indicación", "que me llamen antes de llegar": part of the data
        !(a.tipo === 'negar' && /\bningun[ao]?\b/.test(plegar(mensaje))) &&
        !(a.tipo === 'pedir_humano' && /\b(antes de (llegar|venir|entregar|ir)|al llegar|cuando (llegue|lleguen|vaya))\b/.test(plegar(mensaje))),
    );
  }
  // "Mauricio Gallego. estoy en la ceja, ¿mandan hasta acá?", "dale, mismos datos, Elkin Barraza": a clause that is a whole
  // name written with its capitals, beside other acts that name no product, gives it ("…en el Rodadero, Santa Marta. Nos exigen
  // extintores": a place)
  const nombrado =
    hayEtiquetados || otros.length === 0 || otros.some((a) => a.productos?.length)
      ? undefined
      : mensaje
          .split(/[.,;:!?¿¡\n]/)
          .map((p) => p.trim())
          .find((p) => NOMBRE_ESCRITO.test(p) && nombreSolo(p, lector));
  if (nombrado) {
    const v = validarCampo('nombre_completo', nombrado);
    etiquetados.nombre_completo = v.ok ? v.valor : nombrado;
    otros.push({ tipo: 'dar_datos', datos: etiquetados });
  } else if (hayEtiquetados) otros.push({ tipo: 'dar_datos', datos: etiquetados });
  else {
    // "le escribe Gloria Patiño, la administradora…", "…, soy Adriana Lozano": the customer says who they are
    // (before products, only the preamble of the request, unless a whole name is given: "le escribe Luz Dary de …")
    const presentado = PRESENTACION.exec(mensaje)?.[1];
    if (
      presentado &&
      (!otros.some((a) => a.productos?.length) || (presentado.split(/\s+/).length >= 2 && !otros.some((a) => a.tipo === 'agregar' && a.productos?.length))) &&
      palabras(presentado).every((w) => !CONVERSACION.has(w) && lector.soporte(w, false) !== 'nucleo')
    ) {
      const v = validarCampo('nombre_completo', presentado);
      otros.push({ tipo: 'dar_datos', datos: v.ok ? { nombre_completo: v.valor } : {} });
    }
  }
  // "correo no tengo, …": an answer about the field asked is the field, whatever it says
  if (
    (pendiente || /^(no tengo|ah no|no el|no la|no mi)\b|^(correo|email|mail|celular|telefono)\s+no\s+(tengo|manejo|uso)\b/.test(plegado.replace(/,/g, ''))) &&
    !lectura.esPregunta &&
    CAMPO_NOMBRADO.test(plegado) &&
    !/\bno (quiero|voy a|puedo) (dar|decir|compartir|dejar|enviar|pasar)\b/.test(plegado) &&
    !otros.some((a) => ['pedir_humano', 'cancelar', 'agregar', 'quitar'].includes(a.tipo)) &&
    // "transferencia, mándeme el número de cuenta": the shop's number asked, nothing of the customer's in it
    !(otros.some((a) => a.tipo === 'consultar_negocio') && !/[\d@]/.test(plegado))
  ) {
    // ("el correo es …. ¡Gracias!": the thanks stays beside the data)
    otros = otros.filter((a) => a.tipo === 'dar_datos' || ACTOS_SOCIALES.has(a.tipo));
    // "no tengo correo": an answer about a field, though it fills none
    if (!otros.some((a) => a.tipo === 'dar_datos')) otros.push({ tipo: 'dar_datos', datos: {} });
  }
  // "quita un respirador, solo 1", "cambie a 12, no 15", "no, cancele todo": one act, not three
  if (otros.some((a) => a.tipo === 'cambiar_cantidad' || a.tipo === 'cancelar'))
    otros = otros.filter(
      // ("agrégueme 2 de esos y …": a counted pick of what was shown stays beside a change of count)
      (a) =>
        a.tipo !== 'negar' &&
        !(
          a.tipo === 'agregar' &&
          !a.productos?.some((m) => m.enCatalogo) &&
          !a.variantes?.length &&
          !(a.referencia && a.cantidad !== undefined && !otros.some((x) => x.tipo === 'cancelar'))
        ),
    );
  // "cancele todo, mi cuñado consigue más barato", "…, voy a cotizar en otro lado": the reason told beside a cancellation asks nothing
  if (otros.some((a) => a.tipo === 'cancelar') && !lectura.esPregunta)
    otros = otros.filter((a) => a.tipo !== 'consultar_producto' && a.tipo !== 'consultar_negocio');
  // "está muy caro el overol, quítelo", "del último no, quítelo": the reason and the pointing are the removal;
  // "quite 5 chalecos, que sean 15" is one change of quantity
  const quita = otros.find((a) => a.tipo === 'quitar');
  if (quita) {
    const razon = (a: Acto) =>
      a.tipo === 'negar' ||
      (a.tipo === 'consultar_producto' && !lectura.esPregunta) ||
      (a.tipo === 'agregar' && !a.productos?.some((m) => m.enCatalogo) && !a.variantes?.length);
    // the product named in the reason is the one removed
    const nombrados = otros.filter(razon).flatMap((a) => (a.productos ?? []).filter((m) => m.enCatalogo));
    if (!quita.productos?.length && nombrados.length) quita.productos = nombrados;
    otros = otros.filter((a) => !razon(a));
    const cambio = otros.find((a) => a.tipo === 'cambiar_cantidad' && a.cantidad !== undefined);
    if (cambio) {
      if (!cambio.productos?.length && quita.productos?.length) cambio.productos = quita.productos.map((m) => ({ ...m, cantidad: null }));
      otros = otros.filter((a) => a !== quita);
    }
  }
  // "no, solo el chaleco", "bueno nada más el cable entonces": "only" with a line of the cart names what stays, no one more
  // of it; said alone it declines the rest (a no), beside a yes it is that yes (a removal beside it keeps the order as it is)
  const queda = SOLO_ESO.exec(plegado);
  if (queda && nombraDelCarrito(queda[1], ctx) && !otros.some((a) => ['quitar', 'cambiar_cantidad', 'cancelar'].includes(a.tipo))) {
    const quedan = (a: Acto) =>
      a.tipo === 'agregar' &&
      !a.objetivo &&
      a.cantidad === undefined &&
      !a.variantes?.length &&
      !!a.productos?.length &&
      a.productos.every((m) => m.cantidad === null && queda[1].includes(plegar(m.texto)));
    if (otros.some(quedan)) {
      const nombrados = otros.filter(quedan).flatMap((a) => a.productos ?? []);
      otros = otros.filter((a) => !quedan(a));
      // (the line kept stays named, on the act that keeps it)
      let guarda = otros.find((a) => a.tipo === 'negar' || a.tipo === 'confirmar');
      if (!guarda) otros.unshift((guarda = { tipo: 'negar' }));
      guarda.productos = [...(guarda.productos ?? []), ...nombrados];
    }
  }
  // "¿qué tallas hay? necesito L", "¿tienen pulidora? la mía se dañó": beside a product question, a need
  // said without an order verb or a quantity is what the question is for, not yet a purchase;
  // so is a need told with a hedged count ("¿vienen x caja? necesito como 10 pares", "necesitamos las 5 sí o sí")
  // ("necesito cotizar: 10 igora 7-0, 10 igora 8-0… ¿mandan a Cali?": products quoted with their counts are the order
  // itself, no question a need is for; the question there is the business's)
  const pregunta = otros.findIndex((a) => a.tipo === 'consultar_producto' && !a.contexto && !lectura.cotizaciones?.includes(a));
  const necesidadContada = /\b(necesit\w*|ocupo|ocupamos|requier\w*|queria)\b/.test(plegado) && !COMPRA_ANTES_DE_CUENTA.test(normalizar(mensaje));
  if (lectura.esPregunta && pregunta >= 0 && !ORDEN.test(plegado))
    otros = otros.filter(
      (a, i) =>
        !(
          a.tipo === 'agregar' &&
          ((necesidadContada && (a.cantidad !== undefined || [...(a.productos ?? []), ...(a.variantes ?? [])].some((m) => m.cantidad !== null))) ||
            (i > pregunta && a.cantidad === undefined && ![...(a.productos ?? []), ...(a.variantes ?? [])].some((m) => m.cantidad !== null)))
        ),
    );
  // "¿cuánto se demora la garantía? necesito las botas pa trabajar", "¿hacen envío a Bucaramanga? la sede es allá": beside a
  // question about the business, a need told without an order verb or a count is why it is asked, no purchase; what it names
  // goes with the question
  if (otros.some((a) => a.tipo === 'consultar_negocio') && !ORDEN.test(plegado) && !COMPRA_ANTES_DE_CUENTA.test(normalizar(mensaje))) {
    const motivo = (a: Acto) =>
      a.tipo === 'agregar' && !a.objetivo && a.cantidad === undefined && ![...(a.productos ?? []), ...(a.variantes ?? [])].some((m) => m.cantidad !== null);
    const negocio = otros.find((a) => a.tipo === 'consultar_negocio');
    const nombrados = otros.filter(motivo).flatMap((a) => a.productos ?? []);
    if (negocio && nombrados.length) negocio.productos = [...(negocio.productos ?? []), ...nombrados];
    otros = otros.filter((a) => !motivo(a));
  }
  // "y si llevo 3, ¿en cuánto me los deja?", "si compro unas botas y no me quedan, ¿las puedo cambiar?": a purchase supposed
  // to ask what would follow orders nothing; what it names goes with the question
  if (COMPRA_SI.test(plegado) && (lectura.esPregunta || CONSECUENCIA.test(plegado)) && otros.some((a) => a.tipo === 'agregar')) {
    const supuestos = otros.filter((a) => a.tipo === 'agregar');
    const nombrados = supuestos.flatMap((a) => a.productos ?? []);
    otros = otros.filter((a) => !supuestos.includes(a));
    const pregunta = otros.find((a) => a.tipo === 'consultar_negocio' || a.tipo === 'consultar_producto');
    if (pregunta) {
      if (nombrados.length) pregunta.productos = [...(pregunta.productos ?? []), ...nombrados];
    } else otros.push({ tipo: 'consultar_negocio', tema: 'desconocido', ...(nombrados.length ? { productos: nombrados } : {}) });
  }
  // "necesitamos hipoclorito y bolsas, me regala precios": a bare price asked after a need without a count is of what was needed
  const sinCuenta = (a: Acto) =>
    a.tipo === 'agregar' && a.cantidad === undefined && !!a.productos?.length && !a.productos.some((m) => m.cantidad !== null) && !a.variantes?.length;
  const suelta = otros.findIndex(
    (a) => a.tipo === 'consultar_producto' && !a.productos?.length && !a.referencia && !a.variantes?.length && a.aspecto !== 'general',
  );
  if (suelta > 0 && !ORDEN.test(plegado.replace(PIDE_LISTA, ' ')) && otros.slice(0, suelta).some(sinCuenta)) {
    const necesidad = otros.slice(0, suelta).filter(sinCuenta);
    otros[suelta].productos = necesidad.flatMap((a) => a.productos ?? []);
    otros = otros.filter((a) => !necesidad.includes(a));
  }
  // context ("compré unas botas…") goes when the message asks something else; its products go with the question
  const principal = otros.find((a) => !a.contexto && !ACTOS_SOCIALES.has(a.tipo) && a.tipo !== 'otro');
  if (principal) {
    const contexto = otros.filter((a) => a.contexto);
    // ("¿cómo va mi pedido? el de las botas pantaneras": what the order held)
    if ((principal.tipo === 'consultar_negocio' || principal.tipo === 'consultar_pedido') && contexto.length)
      principal.productos = [...(principal.productos ?? []), ...contexto.flatMap((a) => a.productos ?? [])];
    otros = otros.filter((a) => !a.contexto);
  }
  // "¿me pueden llamar? quiero una cotización": beside a request for a person, the question is what the person answers
  // ("páseme con el asesor, el que me atiende siempre": a pick of nothing named describes the person)
  if (otros.some((a) => a.tipo === 'pedir_humano'))
    otros = otros.filter(
      (a) => a.tipo !== 'consultar_negocio' && !(a.tipo === 'agregar' && !a.productos?.length && !!a.variantes?.every((v) => v.cantidad === null)),
    );
  // "ok." or "perfecto," before something else is an acknowledgement, not a yes
  // "ok gracias", "listo, mándame un extintor", "ahora sí, ¿cuánto es el total?": a bare yes before a request
  // acknowledges; with data ("listo, Luis Barrios cc …") a "listo" or "sí" still says yes
  // ("sí, cancélelo": a bare yes before a cancellation answers the shop's "are you sure?")
  // ("entonces así. ¿cuánto es?": one who still asks the total has not accepted yet)
  const revisados = otros.some((a) => a.tipo === 'ver_carrito') ? 0 : lectura.revisados;
  const sies = lectura.sies + lectura.revisados - revisados;
  const siAlCancelar = sies > 0 && otros.some((a) => a.tipo === 'cancelar');
  const firmes = lectura.confirmacionesFirmes + revisados + (siAlCancelar ? 1 : 0);
  // ("Sí. ¿y cuánto se demora?": the word "sí" answers what the shop asked, then the business is asked about)
  const siDelante = SI_DELANTE.test(clausulas(f)[0]?.texto ?? '');
  const siYNegocio = siDelante && otros.every((a) => a.tipo === 'confirmar' || a.tipo === 'consultar_negocio' || ACTOS_SOCIALES.has(a.tipo));
  const acuse =
    firmes === 0 &&
    !siYNegocio &&
    ((lectura.acuses > 0 && otros.some((a) => !['confirmar', 'saludar'].includes(a.tipo))) ||
      (sies > 0 && otros.some((a) => a.tipo !== 'confirmar' && a.tipo !== 'dar_datos' && !ACTOS_SOCIALES.has(a.tipo))));
  if (acuse) otros = otros.filter((a) => a.tipo !== 'confirmar');
  // advice asked beside a product ("necesito dotación para 10, ¿qué me recomiendan?"): the product is the topic
  const consejo = otros.find((a) => a.tipo === 'consultar_negocio' && a.tema === 'desconocido');
  if (consejo) {
    const sinCantidad = otros.filter((a) => (a.tipo === 'agregar' || a.necesidad) && a.productos?.length && a.productos.every((m) => m.cantidad === null));
    consejo.productos = [...(consejo.productos ?? []), ...sinCantidad.flatMap((a) => a.productos ?? [])];
    otros = otros.filter((a) => !sinCantidad.includes(a));
  }
  const soloNo = otros.length === 1 && otros[0].tipo === 'negar' && pendiente === 'indicaciones_adicionales';
  // "después le mando los datos": put off, the field is not given
  const pospuesto = lectura.actos.some((a) => a.pospone);
  const cortesias = otros.filter((a) => ACTOS_SOCIALES.has(a.tipo));
  const conDato = otros.some((a) => a.tipo === 'dar_datos');
  if (pendiente && !pospuesto && (otros.every((a) => a.tipo === 'dar_datos' || (conDato && ACTOS_SOCIALES.has(a.tipo))) || soloNo)) {
    // the form: the pending field, read from the whole message, when it has that field's shape
    const { datos } = extraerDatos(mensaje, pendiente);
    const propio = otros.find((a) => a.tipo === 'dar_datos');
    const todos: DatosCliente = { ...datos, ...(propio?.datos ?? {}) };
    // "no tengo correo" while the name is asked: an answer about the form all the same
    const sobreOtroCampo = CAMPO_NOMBRADO.test(plegado) && /\bno (tengo|manejo|uso)\b/.test(plegado);
    if (Object.keys(todos).length || intentoDeCampo(pendiente, mensaje) || sobreOtroCampo)
      return { actos: [...cortesias, { tipo: 'dar_datos', datos: todos }], esPregunta: lectura.esPregunta };
    return { actos: [{ tipo: 'otro' }], esPregunta: lectura.esPregunta };
  }
  // "espere un momento q me están llamando", "q pena, ya vuelvo": the customer steps away; the reason told asks nothing
  // (an order, a change or data said beside it are still what they are)
  if (
    PAUSA.test(normalizar(mensaje)) &&
    !/[?¿]/.test(mensaje) &&
    otros.every(
      (a) =>
        !['cancelar', 'cambiar_cantidad', 'quitar', 'dar_datos', 'pedir_humano'].includes(a.tipo) &&
        !(a.tipo === 'agregar' && (ORDEN.test(plegado) || a.productos?.some((m) => m.cantidad !== null))),
    )
  )
    return { actos: [{ tipo: 'otro', pospone: true }], esPregunta: false };
  // "nada más", "eso es todo", "solo eso": no more is wanted, a no (FORMATO-CIEGOS), unless a yes is said beside it ("listo, eso es todo")
  const si = otros.findIndex((a) => a.tipo === 'confirmar');
  if (si >= 0 && BASTA.test(f) && !SI_DICHO.test(f.replace(new RegExp(BASTA.source, 'g'), ' '))) {
    const no = otros.find((a) => a.tipo === 'negar');
    if (no) otros.splice(si, 1);
    else otros[si] = { tipo: 'negar' };
    (no ?? otros[si]).basta = true;
  }
  // "eso nomás por ahora, mañana le confirmo": put off, not a yes
  if (POSPONER.test(normalizar(mensaje)) && !/\b(es|seria) todo\b/.test(normalizar(mensaje))) otros = otros.filter((a) => a.tipo !== 'confirmar');
  // "ok, gracias" with nothing to confirm is thanks, not a yes; "listo, gracias" after an answer or while
  // the form asks a field is thanks too: a bare yes confirms only what the agent just asked ("¿procedemos?",
  // "¿te agrego esas 8?"), a firm one ("eso es todo, gracias") whatever was asked; "sí, todo bien, gracias" says the order
  // as it stands is right even with nothing left to confirm
  const nadaQueConfirmar = ctx.carrito.length === 0 && !ctx.opciones?.length && !recolectando && !ctx.ofertaStock;
  // (the handover to a person, answered last, asks nothing: "listo, gracias" after it thanks)
  const pidioUnSi = (ctx.fase === 'confirmando' && ctx.ultimoActo !== 'pedir_humano') || ctx.ofertaStock === true;
  const siDeCortesia = firmes === 0 && !pidioUnSi;
  // ("sí, gracias", "si señora todo bien, gracias": the word "sí" opening the message answers what the shop asked, a yes
  // beside the thanks; "listo" and "ok" thank)
  if (
    ((nadaQueConfirmar && revisados === 0) || siDeCortesia) &&
    !siAlCancelar &&
    !siDelante &&
    otros.some((a) => a.tipo === 'agradecer' || a.tipo === 'despedirse')
  ) {
    const i = otros.findIndex((a) => a.tipo === 'confirmar');
    if (i >= 0) otros.splice(i, 1);
  }
  // a bare "ok" with nothing awaiting a yes acknowledges what was said, it confirms nothing
  if (nadaQueConfirmar && lectura.acuses > 0 && sies + firmes === 0 && otros.every((a) => a.tipo === 'confirmar')) otros = [];
  // "Natalia Andrea Correa" with nothing else: a name given, whether or not it was asked
  // ("bn. Sebastián Gómez": after an acknowledgement)
  const nombre = otros.length === 0 ? nombreSolo(mensaje.replace(/^\s*(ok|bn|bien|bueno|listo|si|sí|dale|claro|vale)\b[\s.,:!]*/i, ''), lector) : undefined;
  if (nombre) return { actos: [{ tipo: 'dar_datos', datos: { nombre_completo: nombre } }], esPregunta: false };
  if (otros.length === 0) return { actos: [{ tipo: 'otro', ...(pospuesto ? { pospone: true } : {}) }], esPregunta: lectura.esPregunta };
  // a complaint told, nothing asked: "me llegó el pedido incompleto", "me mandaron el de cachorro y yo pedí el de
  // adultos" ask about that order and complain; "compré una correa y se dañó el botón" only complains (the product named
  // is its context)
  const queja = !lectura.esPregunta && !otros.some((a) => a.tipo === 'dar_datos') ? normalizar(mensaje) : '';
  let comentario = lectura.comentario;
  // ("el pedido llegó incompleto, faltaron 2 bultos de cal": what the delivery lacked is no order, and asks for no return policy;
  // "el producto llegó roto" does)
  const falta = /\b(?:incomplet\w*|falto|faltaron)\b/.test(queja) && !pideComprar(plegado);
  const dichoDelPedido = (a: Acto) => !!a.contexto || (falta && (a.tipo === 'agregar' || (a.tipo === 'consultar_negocio' && a.tema === 'devoluciones')));
  if (ENTREGA_MALA.test(queja) && otros.every((a) => a.tipo === 'consultar_pedido' || ACTOS_SOCIALES.has(a.tipo) || dichoDelPedido(a))) {
    const productos = otros.flatMap((a) => (dichoDelPedido(a) ? (a.productos ?? []) : []));
    otros = otros.filter((a) => !dichoDelPedido(a));
    const consulta = otros.find((a) => a.tipo === 'consultar_pedido');
    if (consulta && productos.length) consulta.productos = [...(consulta.productos ?? []), ...productos];
    else if (!consulta) otros.push({ tipo: 'consultar_pedido', ...(productos.length ? { productos } : {}) });
    comentario ??= { tipo: 'otro' };
  } else if (DEFECTO.test(queja) && otros.some((a) => a.contexto) && otros.every((a) => ACTOS_SOCIALES.has(a.tipo) || a.contexto)) {
    comentario = { tipo: 'otro', productos: otros.flatMap((a) => a.productos ?? []) };
    otros = otros.filter((a) => !a.contexto);
  }
  // "necesito el otro extintor urgente", "las gafas las necesito pa el lunes" while an order delivered late or short is
  // talked about (nothing being ordered now): the thing named with its article, uncounted, is that order's, no new purchase
  const delReclamo = (a: Acto) =>
    (a.tipo === 'agregar' || (a.tipo === 'consultar_producto' && !!a.necesidad)) &&
    a.cantidad === undefined &&
    !a.variantes?.length &&
    !!a.productos?.length &&
    a.productos.every((m) => m.cantidad === null && new RegExp(`\\b(?:el|la|los|las)(?: otr[oa]s?)? ${escaparRe(m.texto)}\\b`).test(plegado));
  if (ctx.ultimoActo === 'consultar_pedido' && !ctx.carrito.length && !ctx.opciones?.length && !/\b(?:tambien|ademas|aparte|otra cosa)\b/.test(plegado))
    for (const a of otros.filter(delReclamo)) {
      a.tipo = 'consultar_pedido';
      delete a.necesidad;
      delete a.aspecto;
    }
  if (otros.length === 0) return { actos: [comentario ?? { tipo: 'otro' }], esPregunta: lectura.esPregunta };
  if (lectura.suelto && otros.every((a) => ACTOS_SOCIALES.has(a.tipo))) comentario ??= { tipo: 'otro' };
  // (the reason told beside a cancellation is the cancellation's, see above)
  if (lectura.razon && otros.some((a) => a.tipo === 'quitar' || a.tipo === 'cambiar_cantidad') && !otros.some((a) => a.tipo === 'cancelar'))
    comentario ??= { tipo: 'otro' };
  // ("uy, quite el botiquín": dismay before one's own correction of the order is the correction's)
  if (comentario && comentario === lectura.sobresalto && otros.some((a) => a.tipo === 'quitar' || a.tipo === 'cambiar_cantidad')) comentario = undefined;
  // a side remark goes beside the acts ("uy carito. y el de 10?"), except in a message that gives data
  const aparte = comentario && !otros.some((a) => a.tipo === 'dar_datos') ? [comentario] : [];
  return { actos: [...ordenar(otros), ...aparte], esPregunta: lectura.esPregunta };
}

/** "si llevo 20", "y si le compro dos": a purchase supposed (not "sí, me llevo 2": a yes has its comma) */
const COMPRA_SI =
  /(?:^|[,.;?¿]\s*|\b(?:y|pero|entonces|bueno|ok|ahora|o sea)\s+)si (?:le |les |yo |me )?(?:llevo|compro|pido|llevamos|compramos|pedimos|encargo)\b/;
/** what the supposition asks: a price, a discount, a return */
const CONSECUENCIA =
  /\b(?:cuanto|como|a como|descuent\w*|rebaj\w*|(?:me|nos) (?:lo |la |los |las )?(?:deja|dejan|hace|hacen|sale|salen|queda|quedan|llega|puedo))\b/;

/** "solo el chaleco", "mejor solo la cinta", "nada más el cable entonces": a clause that keeps one line, no count in it */
const SOLO_ESO =
  /(?:^|[.,;!?]\s*|\b(?:no|bueno|entonces|mejor|listo|ok|ah+|pues)\s+)(?:solo|solamente|unicamente|nada mas) (?:el|la|los|las) ([a-z ]+?)(?: (?:entonces|nomas|no mas|mejor|porfa|pues))?\s*(?:$|[.,;!?])/;

/** "a las 2", "después de las 5 pm", "tipo 7 de la noche": an hour */
const HORA =
  /\b(?:a|antes de|despues de|desde|hasta|a eso de|tipo|como a) las? (?:\d{1,2}|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce)(?::\d{2}| y media| y cuarto)?(?: (?:am|pm|de la (?:manana|tarde|noche)))?\b/g;
/** "890 mil", "340 lucas", "$45.000": money */
const PLATA = /\$\s?\d[\d.,]*(?:\s?mil)?|\b\d[\d.,]*\s?(?:mil|lucas|luquitas|pesos|millones|millon|k)\b/g;
/** an hour ("a las 2 estoy desocupado") and an amount of money ("uy 340 lucas") count nothing: they are read without their numbers */
const sinHorasNiPlata = (f: string) => f.replace(HORA, ' a la hora ').replace(PLATA, ' plata ').replace(/\s+/g, ' ').trim();

const DIGITOS = ['cero', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
/** seven digits or more said one by one ("celular tres cero cero…", as a voice note reads) are that number; fewer may count things */
function enCifras(mensaje: string): string {
  return mensaje.replace(/\b(?:(?:cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve)(?:[\s,-]+|$)){7,}/gi, (tramo) => {
    const cifras = plegar(tramo)
      .split(/[\s,-]+/)
      .filter(Boolean)
      .map((w) => DIGITOS.indexOf(w))
      .join('');
    return `${cifras}${/\s$/.test(tramo) ? ' ' : ''}`;
  });
}

/** two to five words of letters that name nobody's product and say nothing else */
function nombreSolo(mensaje: string, lector: LectorCatalogo): string | undefined {
  const v = validarCampo('nombre_completo', mensaje);
  if (!v.ok) return undefined;
  const w = palabras(mensaje).filter((x) => !['de', 'del', 'la', 'las', 'los', 'y'].includes(x));
  // names end as verbs may ("Sebastián", "Wilmer"): only the forms no name has are ruled out
  const pareceNombre = (x: string) =>
    x.length >= 3 && !NO_PRODUCTO.test(x) && !COMUNES.test(x) && !/(ando|iendo|mente|amos|emos|imos|aron|ieron|ado|ido|ar|ir)$/.test(x) && !/\d/.test(x);
  const nombre =
    w.length >= 2 && w.length <= 5 && w.every((x) => !CONVERSACION.has(x) && !RELLENO.has(x) && lector.soporte(x, false) === undefined && pareceNombre(x));
  return nombre ? v.valor : undefined;
}

/** an answer that tries to be the field, though it may be invalid ("12ab" for a cédula): its reason is worth saying */
function intentoDeCampo(campo: Campo, mensaje: string): boolean {
  const f = plegar(mensaje);
  if (campo === 'indicaciones_adicionales') return true;
  if (campo === 'nombre_completo') {
    const v = validarCampo('nombre_completo', mensaje);
    // "me llamo José": a name, though without its surname
    if (/^(me llamo|mi nombre es|soy)\b/.test(f)) return true;
    return v.ok || (/^[\p{L}' .-]+$/u.test(mensaje.trim()) && f.split(' ').length <= 2 && v.motivo !== 'escríbeme tu nombre y apellido');
  }
  if (campo === 'cedula' || campo === 'telefono') return /\d/.test(f);
  // an address is one word or says its marks; "ya le mandé el comprobante" is not one
  if (campo === 'correo') return !f.includes(' ') || /@|\barroba\b|\bpunto com\b|\b(gmail|hotmail|outlook|yahoo)\b/.test(f);
  // a short answer with nothing else in it is an attempt at the field asked
  return (f.split(' ').length <= 6 && !/[?]/.test(mensaje)) || /\d|@/.test(f);
}

/** "tijera de corte", "un rociador", "cepillo redondo y una capa": a clause that only names things, as items of a list do */
function soloCosas(texto: string, lector: LectorCatalogo): boolean {
  const w = texto.split(' ').filter((x) => !/^(?:y|e|o|u|un|una|unos|unas|el|la|los|las|de|del|con|para|\d+)$/.test(x));
  return (
    w.length >= 1 &&
    w.length <= 4 &&
    // ("gafas lente claro": a word of talk that the catalog uses says which, after the first)
    w.every((x, k) =>
      lector.soporte(x, false) !== undefined ? k > 0 || !CONVERSACION.has(x) : !CONVERSACION.has(x) && !RELLENO.has(x) && esSustantivo(x) && !noNombraCosa(x),
    )
  );
}

/**
 * "tijera de corte, peinilla, capa, cepillo redondo y un rociador": three or more clauses cut by commas that only name
 * things are one list, read together, so a thing the shop lacks stays an item of it
 */
function enLista<T extends { texto: string; pregunta: boolean; coma?: boolean }>(partes: T[], lector: LectorCatalogo): T[] {
  const salida: T[] = [];
  for (let i = 0; i < partes.length;) {
    let j = i + 1;
    while (j < partes.length && partes[j].coma && !partes[j - 1].pregunta && soloCosas(partes[j].texto, lector)) j++;
    if (j - i >= 3 && soloCosas(partes[i].texto, lector))
      salida.push({
        ...partes[j - 1],
        texto: partes
          .slice(i, j)
          .map((p) => p.texto)
          .join(' , '),
        coma: partes[i].coma,
      });
    else {
      salida.push(partes[i]);
      j = i + 1;
    }
    i = j;
  }
  return salida;
}

/** data last, so a product or a question in the same message is answered before the form goes on */
function ordenar(actos: Acto[]): Acto[] {
  const datos = actos.filter((a) => a.tipo === 'dar_datos');
  return [...actos.filter((a) => a.tipo !== 'dar_datos'), ...datos.slice(0, 1)];
}

function leer(f: string, ctx: ContextoInterpretacion, lector: LectorCatalogo): Lectura {
  const actos: Acto[] = [];
  let esPregunta = false;
  let anterior: Acto | undefined;
  let acuses = 0;
  let sies = 0;
  let confirmacionesFirmes = 0;
  let revisados = 0;
  let comentario: Acto | undefined;
  let suelto = false;
  let razon = false;
  /** when the clause before was a reaction, the remark there was before it */
  let reaccionPrevia: { antes: Acto | undefined } | undefined;
  /** the remark that is only dismay ("uy.") */
  let sobresalto: Acto | undefined;
  let saludando = false;
  /** whether the clause before asked to buy (undefined before the first) */
  let compraPrevia: boolean | undefined;
  /** the acts read from clauses that ask */
  const preguntados = new Set<Acto>();
  /** products asked about without asking ("necesito cotizar: 10 igora 7-0", "precio de 8 bultos de azúcar") */
  const sinPreguntar = (a: Acto) => a.tipo === 'consultar_producto' && !a.contexto && !!a.productos?.length && !preguntados.has(a);
  const contada = (m: Mencion) => m.cantidad !== null;
  const partes = enLista(clausulas(f), lector);
  /** where "uy no," "ay no," said before more of the message stood: dismay, a no only when nothing else is said */
  let reaccion: number | undefined;
  /** "no perdón," "espere no," "ay no," with something ordered: what follows corrects the order */
  let corrige = false;
  for (const c of partes) {
    const enLaOrden = corrige;
    if (c !== partes.at(-1) && CORRECCION.test(c.texto.trim())) corrige = ctx.carrito.length > 0;
    if (c !== partes.at(-1) && /^(?:ay+|uy+|uf+|ush|jum|ah+|a)\s+no+$/.test(c.texto.trim())) {
      reaccion ??= actos.length;
      continue;
    }
    // "primero, ¿qué tienen en bolsas?": an ordinal before more of the message orders the talk, it picks nothing
    if (c !== partes.at(-1) && /^(primero|primeramente|lo primero|antes que nada|para empezar|por ultimo)$/.test(c.texto.trim())) continue;
    // the clause without its courtesy and interjections: "ok gracias" is an "ok"
    const limpio = c.texto
      .replace(GRACIAS, ' ')
      .replace(DESPEDIDA, ' ')
      .replace(/^\s*((ah+|uy|ahora|pues|mmm+)\s+)+/, '')
      .replace(/[, ]+$/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (/^(ok+|okey|vale|bueno|perfecto|ok bueno|ah+ ok|ah+ bueno|ah+|listo pues|ok pues|bien|ok bien|mmm+ ok|ya)$/.test(limpio)) acuses++;
    else if (/^(si+|sip|listo|ok listo|bueno listo|bueno si|dale|ok dale|si dale|bueno dale|ok si|de una|claro)( pues)?$/.test(limpio)) sies++;
    // "listo, paso a recogerlo": the yes of someone who comes for the order
    // ("¿tienen 25 nada más?" asks; it says no "nada más")
    else if (!c.pregunta && !CONFIRMAR_EN.test(limpio) && SI_REVISADO.test(limpio)) revisados++;
    else if ((!c.pregunta && CONFIRMAR_EN.test(limpio)) || /^(confirmo|hagale|de acuerdo|correcto)$|^(yo )?(paso|pasamos|voy|vamos) a recoger/.test(limpio))
      confirmacionesFirmes++;
    // "…, buenas noches y gracias" at the end of a message is a goodbye
    // (after anything but a greeting: "cra 45 # 75 sur, parque principal, buenas noches y gracias")
    const ultima = c === partes.at(-1) && (actos.some((a) => a.tipo !== 'saludar') || partes.slice(0, -1).some((p) => !SALUDO.test(p.texto)));
    const necesidad = actos.at(-1)?.necesidad ? actos.at(-1) : undefined;
    // ("necesito tapa oidos pa regalar, 1500": the count of the one thing needed)
    const aparte = /^(?:(?:unos|unas|como|mas o menos|aprox\w*) )?\d+(?: (?:pares|unidades|cajas))?$/.test(c.texto.trim()) ? primerNumero(c.texto) : undefined;
    if (necesidad?.productos?.length === 1 && aparte !== undefined) {
      necesidad.tipo = 'agregar';
      delete necesidad.necesidad;
      necesidad.productos[0].cantidad = aparte;
      continue;
    }
    // ("…, talla 40": the size of what it takes)
    if (necesidad && /^(?:y )?(?:en )?talla \w+$/.test(c.texto.trim())) {
      necesidad.tipo = 'agregar';
      delete necesidad.necesidad;
    }
    // ("también un impermeable, q en esta época llueve mucho", "un casco, que sea clase E": a "que" going on from a product
    // named, unasked, says why or what it is like; it asks nothing)
    const sigueDeLoNombrado =
      !c.pregunta && /^que (?:lo|la|los|las|sea|sean|en|tambien|ya|no|yo|aca|alla|aqui|con|para|pa|por)\b/.test(c.texto) && !!actos.at(-1)?.productos?.length;
    const texto = sigueDeLoNombrado ? c.texto.slice(4) : c.texto;
    const r = leerClausula(
      ultima ? texto.replace(/^(buenas? noches?|buenas? tardes?|buen dia|feliz dia|feliz noche)\b/, 'chao') : texto,
      c.pregunta,
      // ("también necesito las señales…, una por cada uno, o sea 30": once the message names another product, its bare
      // counts are that product's, no longer an answer to the stock offered before)
      actos.some((a) => a.productos?.some((m) => m.enCatalogo)) ? { ...ctx, ofertaStock: false } : ctx,
      lector,
      anterior,
    );
    // "ay q calor el q está haciendo hoy, ¿no?": small talk asked, of nothing shown; a remark, no question of the shop's
    if (
      COMENTARIO.test(c.texto) &&
      r.actos.some((a) => !ACTOS_SOCIALES.has(a.tipo)) &&
      r.actos.every(
        (a) =>
          ACTOS_SOCIALES.has(a.tipo) ||
          (a.tipo === 'consultar_producto' && !a.productos?.length && !a.variantes?.length && a.referencia && (a.aspecto ?? 'general') === 'general'),
      ) &&
      // (the tag that asks the listener to agree; "ush, ¿y cuándo les llega?" asks all the same)
      /\b(?:no|cierto|verdad)$/.test(plegar(c.texto)) &&
      !/\b(?:cuando|cuanto|cuantos|cuantas|cual|cuales|como|donde|hay|tienen|tiene|sirve|sirven|viene|vienen)\b/.test(plegar(c.texto))
    ) {
      r.actos = r.actos.filter((a) => ACTOS_SOCIALES.has(a.tipo));
      r.esPregunta = false;
    }
    esPregunta ||= r.esPregunta;
    // "ponme 3 chalecos no 2", "que sean 10 conos y no 15": the count said against the one before corrects that line
    if (enLaOrden || (ctx.carrito.length > 0 && CONTRA_CUENTA.test(c.texto.trim()))) r.actos = corregidos(r.actos, c.texto, ctx);
    // "¿y una libreta de bolsillo?", "¿también un chaleco?": one more thing named with its article and asked, no verb of
    // buying, asks whether there is one (said flat, "y un colbón" adds it)
    if (c.pregunta && /^(?:y |tambien |y tambien )(?:un|una) /.test(c.texto) && !pideComprar(c.texto))
      for (const a of r.actos)
        if (a.tipo === 'agregar' && a.productos?.length && a.productos.every((m) => m.cantidad === 1) && a.cantidad === undefined) {
          a.tipo = 'consultar_producto';
          a.productos = a.productos.map((m) => ({ ...m, cantidad: null }));
          a.aspecto = aspectoDe(c.texto);
        }
    // "no, 2": right after the correction, a bare count with nothing named sets the line touched last
    const [solo, ...mas] = r.actos;
    if (
      enLaOrden &&
      !mas.length &&
      solo?.tipo === 'agregar' &&
      solo.cantidad !== undefined &&
      !solo.productos?.length &&
      !solo.variantes?.length &&
      !solo.referencia &&
      !actos.some((a) => a.productos?.length)
    )
      r.actos = [{ tipo: 'cambiar_cantidad', cantidad: solo.cantidad }];
    // "esos los consigo en la bomba", "sale más caro el envío q las gafas": a remark told, no order verb and nothing asked,
    // names no purchase and asks about nothing
    // ("mande los 30 impermeables y los otros 10 los consigo después": a count is an order all the same)
    const contado = (a: Acto) => a.cantidad !== undefined || !!a.productos?.some((m) => m.cantidad !== null);
    if (
      !c.pregunta &&
      APARTE.test(c.texto) &&
      !PREGUNTA_INICIO.test(c.texto) &&
      !ORDEN.test(c.texto) &&
      r.actos.every((a) => ((a.tipo === 'agregar' || a.tipo === 'consultar_producto') && !contado(a)) || ACTOS_SOCIALES.has(a.tipo))
    )
      r.actos = r.actos.filter((a) => ACTOS_SOCIALES.has(a.tipo));
    // "bueno ni modo, así está bien": a reaction the yes goes on from, after its comma, is the yes's tone
    if (reaccionPrevia && c.coma && r.actos.length && r.actos.every((a) => a.tipo === 'confirmar')) comentario = reaccionPrevia.antes;
    reaccionPrevia = undefined;
    // a reaction ("uy.", "ush nada", "que mamera") says nothing the agent acts on; what it names stays with the remark
    // ("qué pena, otra pregunta…", "q pena, gracias": a bare "qué pena" going on after its comma begs pardon for what follows)
    const tras = partes[partes.indexOf(c) + 1];
    if (REACCION.test(c.texto.trim()) && !(tras?.coma && /^(?:que )?pena$/.test(c.texto.trim()))) {
      const nombrados = r.actos.flatMap((a) => (ACTOS_SOCIALES.has(a.tipo) ? [] : (a.productos ?? [])));
      r.actos = r.actos.filter((a) => ACTOS_SOCIALES.has(a.tipo));
      reaccionPrevia = { antes: comentario };
      comentario = { tipo: 'otro', ...(nombrados.length ? { productos: nombrados } : {}) };
      if (SOBRESALTO.test(c.texto.trim())) sobresalto = comentario;
    }
    // a clause that yields nothing the agent acts on, and is more than a filler, is a side remark
    const pide = r.actos.some((a) => !ACTOS_SOCIALES.has(a.tipo) && a.tipo !== 'otro');
    const propio = r.actos.find((a) => a.tipo === 'otro');
    // ("eso ya lo tenemos" may read as asking whether there is: it names nothing to buy, remove or change)
    if (
      YA_LO_TIENE.test(c.texto) &&
      !r.actos.some((a) => ['agregar', 'quitar', 'cambiar_cantidad', 'cancelar'].includes(a.tipo) || a.productos?.some((m) => m.enCatalogo))
    )
      razon = true;
    // (the customer's own "le escribo de Constructora Andes" says who writes)
    if ((!pide && ((propio && !INTRODUCCION.test(c.texto)) || COMENTARIO.test(c.texto))) || RISA.test(c.texto))
      comentario = propio ?? comentario ?? { tipo: 'otro' };
    // ("buenas, ¿cómo está?, y esa lluvia…": the small talk going on from a greeting is the greeting's)
    else if (!pide && dicho(c.texto, c.pregunta) && !(saludando && /^y /.test(c.texto))) suelto = true;
    saludando = r.actos.length > 0 && r.actos.every((a) => a.tipo === 'saludar');
    // "y el arnés, ¿cuántos quedan?", "y un casco pa riesgo eléctrico, ¿sirve cualquiera?": the thing named, then asked about
    const nombrado = actos.at(-1);
    const pregunta = r.actos.find((a) => a.tipo === 'consultar_producto' && !a.productos?.length);
    if (
      r.esPregunta &&
      pregunta &&
      nombrado?.tipo === 'agregar' &&
      nombrado.productos?.length &&
      // ("un casco": the article, no count)
      nombrado.productos.every((m) => m.cantidad === null || m.cantidad === 1) &&
      nombrado.cantidad === undefined &&
      compraPrevia === false
    ) {
      nombrado.tipo = 'consultar_producto';
      nombrado.productos = nombrado.productos.map((m) => ({ ...m, cantidad: null }));
      if (pregunta.aspecto) nombrado.aspecto = pregunta.aspecto;
      r.actos.splice(r.actos.indexOf(pregunta), 1);
    }
    const compraEnClausula = pideComprar(c.texto);
    compraPrevia = compraEnClausula;
    // "quiero unas gafas, unos guantes y un casco amarillo": a clause going on with a need, with no verb of its own,
    // that takes (one concrete product) makes the whole an order
    if (necesidad && !compraEnClausula && r.actos.some((a) => a.tipo === 'agregar')) {
      necesidad.tipo = 'agregar';
      delete necesidad.necesidad;
    }
    // "necesito cotizar: 10 igora 7-0, 10 igora 8-0, 1 blondor": the counted items of a list told flat after a comma, with
    // no verb of their own, go on with the products asked about before them
    // ("es pa cotizar el material: cable, tubería, cajas, breakers": so do the bare products after a comma, counted or not)
    const sigueLaLista = !c.pregunta && !compraEnClausula;
    const enLaLista = (a: Acto) =>
      (a.tipo === 'agregar' && !!a.productos?.every(contada)) ||
      (!!c.coma && (a.tipo === 'agregar' || a.tipo === 'consultar_catalogo' || (a.tipo === 'consultar_producto' && !!a.contexto)));
    for (const a of r.actos) {
      const ultimo = actos[actos.length - 1];
      if (
        sigueLaLista &&
        ultimo &&
        sinPreguntar(ultimo) &&
        enLaLista(a) &&
        a.productos?.length &&
        !a.referencia &&
        !a.variantes?.length &&
        a.cantidad === undefined
      ) {
        ultimo.productos = [...(ultimo.productos ?? []), ...a.productos];
        continue;
      }
      // "las camisas azules, diez también": a number alone after a product is its quantity
      const sinCantidad = ultimo?.productos?.filter((m) => m.enCatalogo).at(-1);
      // ("y señales de ubicación, ponga 4": the count set right after a product named that is not in the cart is its own)
      const cuentaDeLoNombrado =
        a.tipo === 'cambiar_cantidad' && !a.objetivo && ultimo?.tipo === 'agregar' && !!sinCantidad && !nombraDelCarrito(sinCantidad.texto, ctx);
      // "que sean 4 overoles, 2 L y 2 XL": the sizes split the count just set, they add nothing
      if (a.reparto && ultimo?.tipo === 'cambiar_cantidad' && (ultimo.cantidad ?? a.cantidad) === a.cantidad) {
        ultimo.cantidad = a.cantidad;
        continue;
      }
      if (
        !compraEnClausula &&
        (a.tipo === 'agregar' || cuentaDeLoNombrado) &&
        a.cantidad !== undefined &&
        !a.productos?.length &&
        !a.variantes?.length &&
        // "y chalecos verde limón, los mismos 20": "los mismos" is the product just named
        (!a.referencia || a.referencia.tipo === 'ultimo') &&
        sinCantidad &&
        sinCantidad.cantidad === null
      ) {
        sinCantidad.cantidad = a.cantidad;
        if (ultimo) {
          ultimo.tipo = 'agregar';
          delete ultimo.contexto;
          delete ultimo.necesidad;
        }
        continue;
      }
      // "dame dos cascos blancos, una caja de tapabocas": one act with all its products
      if (ultimo && ultimo.tipo === a.tipo && (a.tipo === 'agregar' || a.tipo === 'consultar_producto') && a.productos?.length && !a.referencia) {
        // ("necesitamos dotación pa 40 guardas, ¿manejan impermeables, chalecos…?": a category needed, then the products asked are what it is)
        const clase = ultimo.necesidad && r.esPregunta && ultimo.productos?.every((m) => m.enCatalogo && lector.esCategoria(m.texto));
        // "toca con la M entonces. serían 20 cajas de guantes y 15 de tapabocas": the variant of what was shown, then the
        // products counted, which say what is taken; the variant no longer leaves a choice open
        const cabeza = (m: Mencion) => raiz(palabras(m.texto)[0] ?? '');
        const contados = a.productos.filter((m) => m.enCatalogo && m.cantidad !== null);
        if (
          a.tipo === 'agregar' &&
          ultimo.variantes?.every((v) => v.cantidad === null) &&
          contados.length &&
          (ultimo.productos ?? []).every((m) => m.eliptica && contados.some((x) => cabeza(x) === cabeza(m)))
        ) {
          delete ultimo.variantes;
          ultimo.productos = [];
        }
        ultimo.productos = [...(clase ? [] : (ultimo.productos ?? [])), ...a.productos];
        continue;
      }
      // (a business question on another topic is another question: "¿hacen envíos a Rionegro? ¿reciben Nequi?")
      if (ultimo && ultimo.tipo === a.tipo && !a.productos?.length && a.tipo !== 'dar_datos' && !(a.tipo === 'consultar_negocio' && a.tema !== ultimo.tema)) {
        // "necesito guantes y cascos, me regala precios": what is asked, of what was just named
        if (a.aspecto && a.aspecto !== 'general' && (ultimo.aspecto ?? 'general') === 'general') ultimo.aspecto = a.aspecto;
        // "ese mismo, dame 4": the number of the pointing said in the next clause
        if (a.cantidad !== undefined && ultimo.cantidad === undefined && !ultimo.productos?.length) ultimo.cantidad = a.cantidad;
        continue;
      }
      actos.push(a);
      if (r.esPregunta) preguntados.add(a);
    }
    anterior = [...r.actos].reverse().find((a) => a.tipo === 'agregar' || a.tipo === 'consultar_producto') ?? anterior;
    // "deme todo eso, el arnés, la eslinga…": an order verb whose products come in the clauses after it
    if (!r.actos.some((a) => !ACTOS_SOCIALES.has(a.tipo) && a.tipo !== 'otro') && ORDEN.test(c.texto)) anterior = { tipo: 'agregar' };
  }
  if (reaccion !== undefined && actos.every((a) => ACTOS_SOCIALES.has(a.tipo) || a.tipo === 'negar')) actos.splice(reaccion, 0, { tipo: 'negar' });
  return {
    actos,
    esPregunta,
    acuses,
    sies,
    confirmacionesFirmes,
    revisados,
    comentario,
    suelto,
    razon,
    sobresalto,
    cotizaciones: actos.filter((a) => sinPreguntar(a) && a.productos?.some(contada)),
  };
}

/** "… 3 chalecos no 2", "… 10 conos y no 15": a count said against another */
const CONTRA_CUENTA =
  /\b(?:\d+|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b.*\b(?:y )?no (?:\d+|un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)$/;
/** a clause that takes back what was just said: "no", "no perdón", "espere no", "ay no", "no mentiras" */
const CORRECCION = /^(?:(?:ay+|uy+|ah+)\s+)?(?:no+|perdon|espera|espere|mentiras)(?:\s+(?:no+|perdon|espera|espere|mentiras))*$/;

/**
 * After a correction, a count for a line of the cart sets it: "no perdón, son 11" (the line touched last), "espere no,
 * del vinilo 3" (the vinyl's line), never one more line of the same.
 */
function corregidos(actos: Acto[], texto: string, ctx: ContextoInterpretacion): Acto[] {
  const son = /^(?:son|eran|serian|seran|seria)\s+(\S+)/.exec(texto.trim());
  const n = son ? leerNumero([son[1]], 0)?.valor : undefined;
  if (n !== undefined && !actos.some((a) => a.productos?.some((m) => m.enCatalogo))) return [{ tipo: 'cambiar_cantidad', cantidad: n }];
  return actos.map((a) => {
    const [m, ...otras] = a.productos ?? [];
    if (a.tipo !== 'agregar' || otras.length || !m?.enCatalogo || m.cantidad === null || !nombraDelCarrito(m.texto, ctx)) return a;
    return { tipo: 'cambiar_cantidad', cantidad: m.cantidad, objetivo: m.texto, productos: [{ ...m, cantidad: null }] };
  });
}

function leerClausula(texto: string, pregunta: boolean, ctx: ContextoInterpretacion, lector: LectorCatalogo, anterior?: Acto): Lectura {
  const antes: Acto[] = [];
  const despues: Acto[] = [];
  let c = texto.replace(/\s*,\s*/g, ' , ').trim();
  // courtesy at the edges
  const saludo = SALUDO.exec(c);
  if (saludo) {
    antes.push({ tipo: 'saludar' });
    c = c.slice(saludo[0].length).trim();
    for (let m = SALUDO_RESTO.exec(c); m; m = SALUDO_RESTO.exec(c)) c = c.slice(m[0].length).trim();
  }
  if (GRACIAS.test(c)) {
    despues.push({ tipo: 'agradecer' });
    // "gracias, qué amables": every thanks of the clause
    while (GRACIAS.test(c)) c = c.replace(GRACIAS, ' ').trim();
  }
  // ("¿cómo así q hasta mañana?": the words of a goodbye, quoted in a question, say none)
  if (DESPEDIDA.test(c) && !/^buen dia/.test(texto) && !pregunta) {
    despues.push({ tipo: 'despedirse' });
    // "chao, que esté bien": every goodbye of the clause
    while (DESPEDIDA.test(c)) c = c.replace(DESPEDIDA, ' ').trim();
  }
  c = c
    .replace(/^[, ]+|[, ]+$/g, '')
    .replace(/^((bueno|pues|entonces|mmm+|hmm+|ah+|eh+|ay+|uy+|uf+|oiga|oye|mire|vea|ve|ey|ahora|osea|y bueno|ok bueno)\b[ ,]*)+/, '')
    // ("gracias de todas formas": no "todas" pointing at products)
    .replace(/\b(por favor|muy amable|de todas (?:formas|maneras)|de todos modos|de cualquier (?:forma|manera))\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // "quisiera saber si manejan…": a question said as a wish; "pa saber si…", "mi contadora pregunta si…": said for a purpose, or for someone else
  const intro =
    /^(?:(?:quisiera|queria|quiero|me gustaria|necesito|deseo) (?:saber|preguntar|consultar|averiguar)(?: si)?|(?:pa|para) saber si|(?:(?:mi|el|la|nuestr[oa]) [a-z]+ )?(?:pregunta|preguntan|quiere saber|necesita saber) si)\s+/.exec(
      c,
    );
  if (intro) c = c.slice(intro[0].length);
  const signo = pregunta || intro !== null;
  // "q me llamen al llegar", "que lo dejen en portería", "q llamen antes": a request in the subjunctive, no question
  const encargo =
    /^que (me|le|les|nos|lo|la|los|las) (llam|avis|traig|mand|entreg|llev|dej|timbr|marqu|esper|contact|escrib)\w*(en|an)\b/.test(c) ||
    /^que (llam|avis|mand|entreg|llev|dej|timbr|marqu|esper|contact)\w*en\b/.test(c);
  // ("y el más grande cuál es", "el de 20 cuánto vale": chat puts the question word last, without a mark)
  const esPregunta =
    signo ||
    (PREGUNTA_INICIO.test(c) && !encargo) ||
    // "…o es aparte", "los precios son antes de impuestos o ya está todo incluido": an alternative asked
    // ("… de verdad" says it in earnest, no tag)
    /\b(cierto|(?<!\bde )verdad|o no|o (?:(?:es|va|viene|vienen|son|se compra|se compran|se venden?) )?aparte|o (?:ya )?(?:esta|estan|viene|vienen|va|van) (?:todo )?incluid[oa]s?)$/.test(
      c,
    ) ||
    // "me pasas el número", "me regala la dirección": the shop's details asked for, without a mark
    /^(?:me|nos) (?:pasa|pasas|pasan|da|das|dan|regala|regalas|regalan|manda|mandas|envia|envias) (?:el|la|su|sus|los) (?:numero|nequi|cuenta|telefono|celular|whatsapp|direccion|correo|ubicacion|link|datos)\b/.test(
      c,
    ) ||
    /\b(cual|cuales|cuanto|cuantos|cuantas|donde|cuando)(?: (?:es|son|vale|valen|cuesta|cuestan|sale|salen|hay|tienen|seria|serian|queda|quedan))?$/.test(c) ||
    // ("el rojo por qué es más caro", "el de 20 y el de 10 cuál es la diferencia", "las pantaneras q tallas")
    /\bpor que (es|son|esta|estan|sale|salen|cuesta|cuestan|vale|valen)\b/.test(c) ||
    /\b(?:cual es|que) (?:la )?diferencia\b|\b(?:que|cuales|cuantas|cuantos) (?:tallas|colores|medidas|tamanos|referencias|precios?)$/.test(c);
  const principales = c ? actosPrincipales(c, esPregunta, signo, ctx, lector, anterior) : [];
  // "no gracias": a no said politely is a no
  // "no gracias" is a polite no; "no, gracias" thanks too
  const noGracias = /^no gracias$/.test(texto.trim());
  const actos = [...antes, ...principales, ...despues.filter((a) => !(noGracias && a.tipo === 'agradecer'))];
  return { actos, esPregunta, acuses: 0, sies: 0, confirmacionesFirmes: 0, revisados: 0 };
}

/** the word that introduces sizes given with their counts or as a mix ("tallas 38, 39…", "de tallas:", "tallas surtidas") */
const TALLAS_DADAS = /\b(?:(?:las|de|en) )?tallas(?: (?:son|serian|seria|asi|variadas|surtidas|diferentes))*(?=\s*(?:\d|de (?:la|las|los) |$))/;

/** one count of one size: "4 de 40", "2 pares talla 41", "una en 42", "3 en talla 40", "2 xl" */
const POR_TALLA = String.raw`(?:\d{1,3}|una?|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte)(?: pares?)?(?: (?:(?:de|en) (?:talla|la)|de|en|talla|la))? (?:\d{2}|x{0,4}[sl]|m|\dx+l)`;
/** the counts of sizes that may go on after a comma, and the end of a clause they go on from */
const TALLAS_SIGUEN = new RegExp(`^(?:y )?${POR_TALLA}(?: (?:y|,) ${POR_TALLA})*$`);
const TALLA_AL_FINAL = new RegExp(`(?:^|[\\s:])${POR_TALLA}$`);
/** a clause that is nothing but counts of sizes, maybe after what they are of: "4 de 40 , 5 de 41 y 3 de 42", "las botas en tallas: 5 de 40…" */
const REPARTO = new RegExp(
  `^(?:(.*?)\\btallas?\\b[^:]*:|(?:(?:son|serian|seria|asi|entonces|pues|bueno|ok|listo)\\b ?)+)?[ :]*(${POR_TALLA}(?: (?:y|,) ${POR_TALLA})+)$`,
);

/** the sum of the counts of a clause of counts of sizes (the count they split), and the words of what they are of */
function repartoDeTallas(c: string): { cantidad: number; objetivo?: string } | undefined {
  const m = REPARTO.exec(c);
  if (!m) return undefined;
  const cantidad = m[2].split(/ (?:y|,) /).reduce((suma, parte) => suma + (leerNumero(parte.split(' '), 0)?.valor ?? 0), 0);
  const objetivo = m[1]?.replace(/\b(?:las?|los?|en|de|son|se)\b/g, ' ').trim();
  return { cantidad, ...(objetivo ? { objetivo } : {}) };
}

/** `signo`: the clause ended in a question mark */
function actosPrincipales(clausula: string, esPregunta: boolean, signo: boolean, ctx: ContextoInterpretacion, lector: LectorCatalogo, anterior?: Acto): Acto[] {
  // "las tallas son así: 3 en 40…", "10 pares, tallas variadas": the sizes of an order, given, not asked
  const c = !esPregunta && TALLAS_DADAS.test(clausula) ? clausula.replace(new RegExp(TALLAS_DADAS.source, 'g'), ' ').replace(/\s+/g, ' ').trim() : clausula;
  // ("…, tallas 39 40 y 41": which sizes, no count)
  if (!c || (c !== clausula && /^(?:\d{2}|x{0,4}[sl]|m)(?:(?: ,| y)? (?:\d{2}|x{0,4}[sl]|m))*$/.test(c))) return [];
  const reparto = esPregunta ? undefined : (repartoDeTallas(clausula) ?? repartoDeTallas(c));
  if (reparto) return [{ tipo: 'agregar', ...reparto, reparto: true }];
  const hayCarrito = ctx.carrito.length > 0;
  // open choices are lines the customer already counts as ordered: "¿cuánto es todo?" asks for them too
  const hayPedido = hayCarrito || (ctx.opciones?.length ?? 0) > 0;
  const recolectando = ctx.fase === 'recolectando_datos';
  const hayMemoria = (ctx.mostrados?.length ?? 0) > 0 || (ctx.opciones?.length ?? 0) > 0 || (ctx.recientes?.length ?? 0) > 0;
  // ("quiero devolver unas botas", "quiero saber si ya salió la factura": the want is for the action, nothing is bought)
  const pedidoDicho = c.replace(COMPRA_CONTADA, ' ').replace(COMPRA_SUPUESTA, ' ').replace(PIDE_LISTA, ' ').replace(QUIERE_HACER, ' ');
  // "necesito cotizar cascos y gafas": prices asked, nothing ordered yet
  const compra = COMPRA.test(pedidoDicho) && !/\bcotiz/.test(c);
  const compraFuerte = pideComprar(pedidoDicho);
  const actos: Acto[] = [];
  // "¿hay alguien?", "¿cuánto se demoran en contestar?": about the chat itself, neither the catalog nor delivery
  if (SOBRE_EL_CHAT.test(c)) return [{ tipo: 'otro' }];
  // "10 metros no me alcanza", "8 no nos sirven": a count judged short is quoted, it orders nothing
  const juzgada = /(?:^|\s)((?:\S+ ){1,3})no (?:me |nos |le |les )?(?:alcanza|alcanzan|sirve|sirven|basta|bastan)\b/.exec(c);
  if (!esPregunta && juzgada && primerNumero(juzgada[1]) !== undefined && !pideComprar(c)) return [];
  // "ojalá me llamen de verdad", "ojalá llegue rápido": a wish asks nothing
  if (/^ojala\b/.test(c) && !esPregunta) return [{ tipo: 'otro' }];
  // "mándeme los 3 y el resto lo consigo en otro lado", "deje las 3 y quedo pendiente de las otras": what is taken now, then
  // the customer's own step for the rest, which orders nothing
  const resto = RESTO_APARTE.exec(c);
  if (resto && resto.index > 0) return actosPrincipales(c.slice(0, resto.index), esPregunta, signo, ctx, lector, anterior);
  // "voy a cotizar en otro lado", "lo otro lo busco en otra parte": the customer will look elsewhere, nothing asked here
  // ("quíteme los guantes q esos los consigo en otro lado": the removal, with its reason; "ponga los 320 y el resto lo consigo en
  // otro lado": the count set)
  const sinOtroLado = c.replace(OTRO_LADO, ' ');
  if (!signo && OTRO_LADO.test(c) && !pideComprar(sinOtroLado) && !QUITAR.test(sinOtroLado) && !(CAMBIAR.test(sinOtroLado) && /\d/.test(sinOtroLado)))
    return [{ tipo: 'otro' }];
  // ("quedo atento al otro extintor", "me avisan cuando lleguen las otras 2": that step said alone)
  if (!esPregunta && RESTO_APARTE.test(` y ${c}`) && !pideComprar(c)) {
    const esperados = leerMenciones(c, lector, false).filter((m) => m.enCatalogo);
    return esperados.length ? [{ tipo: 'otro', productos: esperados.map((m) => ({ ...m, cantidad: null })) }] : [];
  }
  // "¿solo 3?", "¿solo hay 40?": the count the agent said, echoed, orders nothing (the clause after it says what is done);
  // "¿solo hay 2 guantes?" asks the stock of what it names
  // ("como así que solo tienen 14 arneses." asks in disbelief even without a mark)
  const eco =
    signo || /^(?:como asi|o sea) (?:que|q) /.test(c)
      ? /^(?:y |pero |(?:como asi|o sea)(?: que| q)? )?(?:solo|solamente|apenas|nada mas|no mas) (?:hay |tienen |tiene |quedan |les quedan )?(.+)$/.exec(c)
      : null;
  const contado = eco ? leerNumero(eco[1].split(' '), 0) : undefined;
  if (eco && contado) {
    const nombrados = leerMenciones(eco[1], lector, false).filter((m) => m.enCatalogo);
    if (contado.largo === eco[1].split(' ').length) return [];
    if (nombrados.length) return [{ tipo: 'consultar_producto', productos: nombrados.map((m) => ({ ...m, cantidad: null })), aspecto: 'stock' }];
  }
  // ("¿y protectores de copa tienen 25 nada más?": the same echo, the product first)
  const ecoFinal = signo ? /^(?:y )?(.*?)\b(?:hay|tienen|tiene|quedan) (\S+)(?: nada mas| no mas| nomas| solamente)$/.exec(c) : null;
  if (ecoFinal && leerNumero([ecoFinal[2]], 0)) {
    const nombrados = leerMenciones(ecoFinal[1], lector, false).filter((m) => m.enCatalogo);
    return nombrados.length ? [{ tipo: 'consultar_producto', productos: nombrados, aspecto: 'stock' }] : [];
  }

  // ("espero q me llamen", "quedo atento a la llamada": the call already asked for, awaited)
  if (
    HUMANO.test(sinCargos(c)) &&
    !/\b(producto|productos)\b/.test(c) &&
    !/\b(espero|esperamos|ojala|quedo (?:atent|pendient)\w*)\b/.test(c) &&
    !HUMANO_PROPIO.test(c)
  )
    actos.push({ tipo: 'pedir_humano' });
  if (hayCarrito && ctx.fase !== 'completado' && VER_PEDIDO.test(c) && !detectarTema(c))
    // "me confirma el total y procedemos": the total, then the yes
    return [
      ...actos,
      { tipo: 'ver_carrito' },
      ...(/\b(procedamos|procedemos|proceder|confirmo|hagamos el pedido)\b/.test(c) ? [{ tipo: 'confirmar' as const }] : []),
    ];
  // "¿y cuándo les llegan más?", "¿no les llegan más esta semana?": when the shop restocks what was just shown, not an order
  // of the customer's
  if (
    hayMemoria &&
    !compra &&
    (/\bcuando (les )?(llega|llegan|entra|entran|vuelve|vuelven|traen)\b/.test(c) || /\b(?:les|le) (?:llega|llegan|entra|entran) mas\b/.test(c)) &&
    /\b(les|mas)\b/.test(c)
  ) {
    // ("¿cuándo les llegan más camillas?": of the product it names)
    const nombrados = leerMenciones(c, lector, false).filter((m) => m.enCatalogo);
    return [
      ...actos,
      { tipo: 'consultar_producto', ...(nombrados.length ? { productos: nombrados } : { referencia: { tipo: 'ultimo' as const } }), aspecto: 'stock' },
    ];
  }
  // the order asked about, with the products it held ("hice un pedido de unos guantes y no me ha llegado")
  const pedidoConsultado = (): Acto[] => {
    const nombrados = leerMenciones(c, lector, false).filter((m) => m.enCatalogo);
    return [...actos, { tipo: 'consultar_pedido', ...(nombrados.length ? { productos: nombrados } : {}) }];
  };
  // ("¿a qué hora llega?", "¿lo traen antes de las 5?": when the order asked about comes)
  if (
    ctx.ultimoActo === 'consultar_pedido' &&
    !compra &&
    // ("¿me pueden meter al mismo pedido 3 pares de guantes?": more put into it, a purchase)
    !/\b(?:met|sum|inclu|agreg|anad)\w* (?:\w+ ){0,4}(?:al|a ese|en el|en ese) (?:mismo )?pedido\b/.test(c) &&
    /\b(era|eran|pedido|numero|llega|llegan|llego|cuando|(?:lo|la|los|las|me) (?:traen|llevan|entregan|mandan))\b/.test(c)
  )
    return pedidoConsultado();
  if (
    (ctx.fase === 'completado' || ctx.fase === 'confirmando' || !hayCarrito) &&
    // ("¿a qué hora más o menos llega?", "¿y cuándo los mandan?": a few words may lie between)
    (/\b((para|pa) cuando|cuando|a que hora|que dia)(?: \w+){0,3}? (?:me |nos )?(?:(?:lo|la|los|las) )?(llega|llegan|traen|entregan|mandan|despachan)\b|ya quedo\b/.test(
      c,
    ) ||
      // (a bare "¿a qué hora más o menos?" once the order is placed: when it comes)
      (ctx.fase === 'completado' && /^(?:y |bueno y |ok y )?a que hora(?: mas o menos| aproximadamente| seria)?$/.test(c)))
  )
    return [...actos, { tipo: 'consultar_pedido' }];
  // "¿me da el número de guía?", "la guía de la transportadora, ¿me la mandan por aquí?", "¿ya despacharon lo mío?": the
  // tracking of an order placed, whatever verb asks for it
  if (esPregunta && /\b(?:guia|seguimiento|rastrear|rastreo)\b|\bya (?:(?:me )?(?:lo|la|los|las) )?despach\w*/.test(c) && primerNumero(c) === undefined)
    return pedidoConsultado();
  if (ESTADO_PEDIDO.test(c) && !compra && !(hayCarrito && /\bmi pedido\b/.test(c) && !/\b(llega|llego|despach|envia|estado|esta)\w*/.test(c)))
    return pedidoConsultado();
  // "eran dos conos y la cinta", "era de unas botas": what a past order held, told with nothing in the cart
  if (!hayCarrito && !compra && /^(?:y |pues |no )?(era|eran|fue|fueron)\b/.test(c)) {
    const consulta = pedidoConsultado();
    if (consulta.at(-1)?.productos) return consulta;
  }
  // "mejor cancele el pedido q me dijeron q la empresa la compra": the reason told is no business question;
  // "borre todo" with something ordered is the whole order
  if (
    (CANCELAR.test(c) ||
      (hayPedido && /^(?:ah |no |mejor |entonces )*(?:quit|sac|saqu|elimin|borr)\w* (?:todo|todo eso|todo el pedido|todito)$/.test(c)) ||
      // "mejor no, acá los consigo": what is ordered, got elsewhere
      (hayPedido &&
        /^(?:aca |alla |mejor )?(?:lo|la|los|las) (?:consigo|compro|busco)(?: (?:aca|alla|en otro lado|en otra parte|por aca|por alla))?$/.test(c))) &&
    !esPregunta
  )
    return [...actos, { tipo: 'cancelar' }];
  // "¿me pueden mandar el portafolio al correo?": the catalog asked for, wherever it is sent
  if (
    /\b(?:mand|envi|pas|compart)\w* (?:el |la |su |un |una )?(?:catalogo|portafolio|lista de (?:productos|precios)|listado de productos)\b/.test(c) &&
    !compraFuerte
  )
    return [...actos, { tipo: 'consultar_catalogo', ...(/\b(?:complet\w*|todo)\b/.test(c) ? { todo: true } : {}) }];
  // a question about the business comes first: "si me llega malo, ¿puedo devolverlo?" is not a "sí"
  const menciones = leerMenciones(c, lector, compra, esPregunta, signo);
  // "necesito cotizar cascos y gafas", "cotización de 20 chalecos": the prices of those products; a quote of a
  // whole class ("dotación pa 40"), a formal one, or one said with another business matter is for the business
  const cotizados = menciones.filter((m) => m.enCatalogo && !m.nucleoAjeno);
  if (
    /\bcotiza\w*\b/.test(c) &&
    cotizados.length &&
    // (a class heads no product's name, "dotación completa"; a bare category, "cascos, gafas y tapa oídos", names products)
    !cotizados.some((m) => palabras(m.texto).some((w) => w.length > 3 && lector.esCategoria(w) && lector.soporte(w, false) !== 'nucleo')) &&
    !/\bformal\b/.test(c) &&
    !detectarTema(c.replace(/\bcotiza\w*\b/g, ' ')) &&
    !HUMANO.test(c)
  )
    return [...actos, { tipo: 'consultar_producto', productos: menciones, aspecto: 'precio' }];
  // ("la linterna recargable", "kit antiderrames": a cue word the catalog's names spell is the product's, no topic)
  const sinProductos = menciones.filter((m) => m.enCatalogo).reduce((t, m) => t.replace(m.texto, ' '), c);
  const tema = detectarTema(sinProductos) ?? (esPregunta && !menciones.some((m) => m.enCatalogo) ? TEMAS_VERBO.find((t) => t.re.test(c))?.tema : undefined);
  // "¿pa pintar qué mascarilla sirve?", "¿cuántos necesito?": advice for a use, which the knowledge base gives;
  // "¿ese sirve pa TIG?" asks about a product shown
  // "¿y algo pa que no le caigan gusanos?", "y algo pa las hormigas": a product for a use, asked
  if (
    !compra &&
    (esPregunta || /^(?:y|e) /.test(c)) &&
    /\b(?:algo|alguna cosa|algun producto)(?: \w+)? (?:para|pal|que (?:me |le |les |nos )?sirva)\b/.test(c)
  ) {
    // (advice on which product serves: the knowledge base answers it, and it is a product question, comprender)
    const nombrados = menciones.filter((m) => m.enCatalogo);
    return [...actos, { tipo: 'consultar_negocio', tema: 'desconocido', consejo: true, ...(nombrados.length ? { productos: nombrados } : {}) }];
  }
  const consejo = CONSEJO.exec(c);
  // "mire q necesito…", "me dijeron que necesitaba…": a "que" after telling is no question word
  const dicho =
    consejo &&
    (/\b(mire|mira|vea|dice|dicen|dijo|dijeron|cuento|sabe|creo|parece|pienso|digo|es|era|sera|ojala|porque|osea)\s+$/.test(c.slice(0, consejo.index)) ||
      // "(mire) que necesito unos chalecos": a need told, unless asked
      (/^necesit/.test(consejo[2]) && consejo.index === 0 && !signo) ||
      // ("también un chaleco q me lo exigen en la empresa": a "que" inside a statement says why, it asks nothing)
      (consejo[1] === 'que' && consejo.index > 0 && !esPregunta && /^(?:piden|exigen)$/.test(consejo[2])));
  if (consejo && !dicho && !REFERENCIA_ULTIMO.test(c) && !/\bde (esos|esas|estos|estas)\b/.test(c) && !ORDEN.test(c)) {
    const nombrados = menciones.filter((m) => m.enCatalogo);
    const deProducto = (nombrados.length > 0 || /^(sirv|recom|acons|suger|conv|es )/.test(consejo[2]) || /^cual/.test(consejo[1])) && !SERVICIO.test(c);
    return [
      ...actos,
      { tipo: 'consultar_negocio', tema: 'desconocido', ...(deProducto ? { consejo: true } : {}), ...(nombrados.length ? { productos: nombrados } : {}) },
    ];
  }
  const pide =
    esPregunta ||
    /cotiza/.test(c) ||
    /\b(necesit\w*|requier\w*|requerimos|quiero|quisiera|me (da|dan|hace|hacen|envia|envian|expide|expiden|regala)|hacen|dan|tienen|reciben|aceptan|ofrecen|manejan|venden|hay|se puede|puedo|cual|que)\b/.test(
      c,
    );
  // ("el producto llegó roto": a complaint needs no question)
  const temaVale =
    tema !== undefined &&
    (pide ||
      /\b(cuanto|cuando|como|donde|cual)\b/.test(c) ||
      c.split(' ').length <= 2 ||
      (tema === 'devoluciones' && /\b(llego|vino|llegaron|vinieron|reclamo|queja)\b/.test(c)) ||
      // "hágame el descuento", "me lo deja en 20 mil": haggling
      /\b(descuento|descuentan|rebaja\w*|me (?:lo |la |los |las )?deja en)\b/.test(c));
  if (
    temaVale &&
    (esPregunta || !compra || !menciones.some((m) => m.enCatalogo)) &&
    !(tema === 'desconocido' && menciones.some((m) => m.enCatalogo) && !esPregunta && compra)
  ) {
    // "el curso de alturas", "capacitación de primeros auxilios": the subject of a service, not a product
    const servicio = (m: Mencion) =>
      new RegExp(`\\b(cursos?|capacitacion\\w*|charlas?|entrenamientos?|talleres) (de|en|para|sobre) (\\w+ )?${escaparRe(m.texto)}\\b`).test(c);
    const nombrados = menciones.filter((m) => m.enCatalogo && !servicio(m));
    if (
      tema === 'desconocido' &&
      // ("¿ese sirve pa los computadores?", "¿sirve pa TIG?" of what was just shown)
      (nombrados.length ||
        /^(y )?(el|la|los|las) /.test(c) ||
        (hayMemoria && /^(y )?((ese|esa|esos|esas|este|esta|estos|estas) )?(si )?(sirve|sirven)\b/.test(c))) &&
      /\b(sirve|sirven|dura|duran|trae|traen|incluye|incluyen|aguanta|resiste|protege)\b/.test(c) &&
      !/\b(recomienda\w*|que necesito|cual|iva|impuestos?|factura\w*|envio|domicilio|garantia|certificad\w*)\b/.test(c)
    )
      return [
        ...actos,
        { tipo: 'consultar_producto', productos: nombrados, aspecto: 'general', ...(nombrados.length ? {} : { referencia: { tipo: 'ultimo' as const } }) },
      ];
    // asking for a person says it all: "no me sirve que llegue el sábado, ¿pueden hablar con una persona?"
    if (actos.some((a) => a.tipo === 'pedir_humano')) return actos;
    // "¿traen certificado los guantes?", "¿los extintores traen la fecha de carga?": what a product comes with, a product
    // question (FORMATO-CIEGOS) that the knowledge base answers
    // ("¿los arneses son certificados?": "son" of the products named, not of the shop)
    const deProducto =
      tema === 'desconocido' &&
      ATRIBUTO.test(c) &&
      (nombrados.length > 0 || hayMemoria) &&
      !SERVICIO.test(c) &&
      !QUIENES.test(nombrados.length ? c.replace(/\bson\b/g, ' ') : c);
    if (!(tema === 'desconocido' && actos.length))
      actos.push({ tipo: 'consultar_negocio', tema, ...(deProducto ? { consejo: true } : {}), ...(nombrados.length ? { productos: nombrados } : {}) });
    // "¿cuánto se demora el envío y cómo es el pago?": each topic of the parts joined by "y" is asked, in the order said
    const temas = [...new Set(sinProductos.split(/\s+(?:y|e)\s+|\s*,\s*/).map(detectarTema))].filter((x) => x && x !== 'desconocido') as Tema[];
    const negocio = actos.at(-1);
    if (temas.length >= 2 && negocio?.tipo === 'consultar_negocio' && tema !== 'desconocido') {
      negocio.tema = temas[0];
      for (const otro of [...temas.slice(1), ...(temas.includes(tema) ? [] : [tema])]) actos.push({ tipo: 'consultar_negocio', tema: otro });
    }
    // "¿cuánto vale el casco y hacen envíos?": a price asked beside the business question
    if (nombrados.length && /\b(precio|precios|cuanto (vale|valen|cuesta|cuestan))\b/.test(c) && tema !== 'desconocido') {
      const negocio = actos.find((a) => a.tipo === 'consultar_negocio');
      if (negocio) delete negocio.productos;
      actos.push({ tipo: 'consultar_producto', productos: nombrados, aspecto: aspectoDe(c) });
    }
    // "quiero 2 cascos blancos y ¿dan factura electrónica?": an order, then the question joined by "y"
    // ("necesito recargar 8 extintores" asks for a service: no verb of buying right before the count)
    const pedido = /^(.*?)\s+y\s+(.+)$/.exec(c);
    if (nombrados.length && pedido && !detectarTema(pedido[1]) && detectarTema(pedido[2])) {
      const comprados = nombrados.filter((m) => m.cantidad !== null && pedido[1].includes(m.texto));
      if (comprados.length && COMPRA_ANTES_DE_CUENTA.test(pedido[1])) {
        const negocio = actos.find((a) => a.tipo === 'consultar_negocio');
        const resto = negocio?.productos?.filter((m) => !comprados.includes(m));
        if (negocio && resto?.length) negocio.productos = resto;
        else if (negocio) delete negocio.productos;
        actos.unshift({ tipo: 'agregar', productos: comprados });
      }
    }
    if (CONFIRMAR_EN.test(c) && !/\bcuant[oa]\b/.test(c)) actos.unshift({ tipo: 'confirmar' });
    if ((VER_PEDIDO.test(c) || CUANTO_TODO.test(c)) && hayPedido) actos.unshift({ tipo: 'ver_carrito' });
    return actos;
  }
  if (actos.length) return actos;
  // an order already made, told: its products are context
  if (!esPregunta && narrado(c) && !pideComprar(c.replace(NARRADO, ' ')))
    return menciones.length
      ? [{ tipo: 'consultar_producto', productos: menciones.map((m) => ({ ...m, cantidad: null })), aspecto: 'general', contexto: true }]
      : [];
  // "¿cuánto es?" with nothing shown to price: the order's total
  if ((hayPedido || !hayMemoria) && menciones.length === 0 && CUANTO_TODO.test(c) && !detectarTema(c) && !/\b(el|la|los|las) de\b/.test(c))
    return [{ tipo: 'ver_carrito' }];
  if (VER_PEDIDO.test(c) && (hayPedido || /\b(pedido|carrito|orden|llevo|total|debo|todo)\b/.test(c)) && !(menciones.length && compra))
    return [{ tipo: 'ver_carrito' }];

  if (/\bno (quiero|voy a|puedo|me gusta) (dar|decir|compartir|dejar|enviar|pasar)\b/.test(c)) return [{ tipo: 'negar' }];
  // "el nivel mejor no", "el negro no": a line of the cart, said no to
  const sinEsa = hayCarrito && !esPregunta ? /^(?:(?:y|no|ah|uy|pues|bueno) )*(?:el|la|los|las) (.+?)(?: (?:mejor|entonces|tampoco))? no$/.exec(c) : null;
  if (sinEsa && nombraDelCarrito(sinEsa[1], ctx)) {
    const nombradas = leerMenciones(sinEsa[1], lector, false).filter((m) => m.enCatalogo);
    return [{ tipo: 'quitar', objetivo: sinEsa[1], ...(nombradas.length ? { productos: nombradas } : {}) }];
  }
  const quitar = QUITAR.exec(c);
  // (with nothing ordered only a command removes: "necesito sacar una copia de la llave" is no removal)
  if (
    quitar &&
    (hayCarrito || (/^(quit|sac|saqu|elimin|borr)/.test(quitar[1]) && !/ar$/.test(quitar[1]))) &&
    !(esPregunta && !hayCarrito) &&
    !(quitar[1] === 'no quiero' && !hayCarrito)
  ) {
    // "quítame el casco y dame dos chalecos": the removal, then the rest as what it is
    const luego = /\s(?:y|e)\s+(?=(?:dame|deme|denme|agreg|anad|pon|mand|quiero|necesito|regal|me da)\w*\b)/.exec(quitar[2]);
    if (luego) {
      const inicio = (quitar.index ?? 0) + quitar[0].length - quitar[2].length;
      return [
        ...actosPrincipales(c.slice(0, inicio + luego.index), esPregunta, signo, ctx, lector, anterior),
        ...actosPrincipales(quitar[2].slice(luego.index + luego[0].length), esPregunta, signo, ctx, lector, anterior),
      ];
    }
    // "las gafas quítelas mejor": the line named before the verb when nothing but talk follows it
    const despues = quitar[2].replace(/\b(mejor|tambien|ademas|entonces|ya|porfa|por favor|de una|nomas|no mas|pues)\b/g, ' ').trim();
    const antesDelVerbo = c
      .slice(0, quitar.index)
      .replace(/^(y|e|no|ah|uy|bueno|entonces|mejor)\s+/, '')
      .trim();
    const objetivo = (despues || antesDelVerbo).replace(/^(los|las|el|la|de|del)\s+/, '').trim() || undefined;
    const nombradas = objetivo ? leerMenciones(objetivo, lector, false).filter((m) => m.enCatalogo) : [];
    const menos = /^(un|una|uno|\d+)\s/.exec(objetivo ?? '');
    if (menos && hayCarrito)
      return [
        {
          tipo: 'cambiar_cantidad',
          restar: /^\d+$/.test(menos[1]) ? Number(menos[1]) : 1,
          objetivo: objetivo!.slice(menos[0].length),
          ...(nombradas.length ? { productos: nombradas } : {}),
        },
      ];
    return [{ tipo: 'quitar', objetivo, ...(nombradas.length ? { productos: nombradas } : {}) }];
  }

  const cambioPor = CAMBIAR_POR.exec(c);
  if (cambioPor && hayCarrito) {
    // "las gafas cámbielas por…": the line named before the verb and its clitic
    const objetivo = (cambioPor[1].trim() || c.slice(0, cambioPor.index).replace(/^(y|e|no|ah|uy|bueno|entonces|mejor)\s+/, ''))
      .replace(/^\s*(el|la|los|las|me)\s+/, '')
      .trim();
    const quitadas = leerMenciones(objetivo, lector, false).filter((m) => m.enCatalogo);
    // "cámbieme los blancos por amarillos": the kind of the line changed ("casco"), in the other variant; the customer named no product
    // ("cámbiamela por una de 128": the clitic alone points at the line last added)
    const delCarrito =
      ctx.carrito.find((n) => palabras(n).some((w) => objetivo.split(' ').some((o) => o.length > 2 && raiz(o) === raiz(w)))) ??
      (objetivo ? undefined : ctx.carrito.at(-1));
    const nucleo =
      objetivo.split(' ').find((p) => lector.soporte(p) === 'nucleo') ??
      (delCarrito ? palabras(delCarrito)[0] : objetivo.split(' ').find((p) => !RELLENO.has(p)));
    const nuevas = leerMenciones(cambioPor[2], lector, true);
    // (its fillers out when it names a line: "… por amarillos mejor")
    const variante = (delCarrito ? cambioPor[2].replace(/\b(mejor|entonces|pues|por favor|mas bien)\b/g, ' ') : cambioPor[2])
      .trim()
      .replace(/^(el|la|los|las|uno|una|unos|unas)\s+/, '');
    // ("… por las de lente claro": words of the names that head none, a variant of the line's kind)
    const otraCosa = nuevas.some((m) => palabras(m.texto).some((w) => lector.soporte(w) === 'nucleo'));
    const productos =
      otraCosa || (nuevas.length && !nucleo)
        ? nuevas
        : [{ texto: `${nucleo ?? ''} ${variante}`.replace(/\s+/g, ' ').trim(), cantidad: null, enCatalogo: true, eliptica: true }];
    return [
      { tipo: 'quitar', objetivo, ...(quitadas.length ? { productos: quitadas } : {}) },
      { tipo: 'agregar', objetivo, productos },
    ];
  }

  const cambiar = CAMBIAR.exec(c);
  // "me lo deja en 20 mil": a price haggled, no quantity
  const nuevaCantidad = cambiar && !/\b(mil|pesos|lucas|millon\w*)\b/.test(cambiar[2]) ? primerNumero(cambiar[2]) : undefined;
  // "¿cuántas quiere?" of a product shown and not in the cart: "póngame 2" answers it, an order (a change of count is
  // of a line in the cart, FORMATO-CIEGOS; "mejor 2", "que sean 60" still amend what was asked)
  if (
    cambiar &&
    nuevaCantidad !== undefined &&
    /\bpon/.test(cambiar[1]) &&
    !/\d\D+\d/.test(c) &&
    ctx.esperaCantidad &&
    !ctx.ofertaStock &&
    menciones.length === 0 &&
    aspectoDe(c) === 'general' &&
    (ctx.mostrados ?? []).some((m) => !ctx.carrito.includes(m))
  )
    return [{ tipo: 'agregar', cantidad: nuevaCantidad, referencia: { tipo: 'ultimo' } }];
  if (cambiar && nuevaCantidad !== undefined && !hayCarrito && hayMemoria && menciones.length === 0 && aspectoDe(c) === 'general')
    return [{ tipo: 'cambiar_cantidad', cantidad: nuevaCantidad }];
  // "agrégueme 2 de esos y los extintores bájelos a 6": the order, then the change of count joined by "y"
  const luegoFija = compra && cambiar && nuevaCantidad !== undefined && FIJA_CANTIDAD.test(cambiar[1]) ? /\s(?:y|e)\s+/.exec(c.slice(0, cambiar.index)) : null;
  if (luegoFija && cambiar)
    return [
      ...actosPrincipales(c.slice(0, luegoFija.index), esPregunta, signo, ctx, lector, anterior),
      ...actosPrincipales(c.slice(luegoFija.index + luegoFija[0].length), esPregunta, signo, ctx, lector, anterior),
    ];
  // "déjeme los 25 que tienen y agrégueme 5 de 20 libras": the change of count, then an order joined by "y"
  const cola = cambiar && nuevaCantidad !== undefined ? cambiar[2] : '';
  const corte = [...cola.matchAll(/\s(?:y|e)\s+/g)].find((m) => COMPRA.test(cola.slice(m.index + m[0].length).split(' ')[0]));
  if (cambiar && corte) {
    const inicio = cambiar.index + cambiar[0].length - cola.length + corte.index;
    return [
      ...actosPrincipales(c.slice(0, inicio), esPregunta, signo, ctx, lector, anterior),
      ...actosPrincipales(c.slice(inicio + corte[0].length), esPregunta, signo, { ...ctx, ofertaStock: false }, lector, anterior),
    ];
  }
  // "póngame 10 conos" of what is not in the cart yet orders it (FORMATO-CIEGOS: a change of count is of a line in the cart);
  // "ponga 3 no 2" changes one
  const poneNueva =
    cambiar &&
    /^(?:mejor )?ponga(?:me|le)?$/.test(cambiar[1]) &&
    !/\bno \d/.test(c) &&
    menciones.some((m) => m.enCatalogo) &&
    !menciones.some((m) => nombraDelCarrito(m.texto, ctx)) &&
    // ("los direccionales póngame 2 pares": the line named first, its count set after)
    !leerMenciones(c.slice(0, cambiar.index), lector, false).some((m) => m.enCatalogo);
  const nombraOtra = cambiar && !FIJA_CANTIDAD.test(cambiar[1]) && (poneNueva || nombraAlgoFuera(c, ctx, lector));
  // "serían 20 cajas de guantes y 15 de tapabocas": a count for each product, each on its own line: the ones in the
  // cart change, the others are ordered, never one count for all
  const contadas = menciones.filter((m) => m.enCatalogo && m.cantidad !== null);
  if (cambiar && nuevaCantidad !== undefined && contadas.length >= 2 && !esPregunta) {
    const enCarrito = contadas.filter((m) => nombraDelCarrito(m.texto, ctx));
    const nuevas = menciones.filter((m) => !enCarrito.includes(m));
    return [
      ...enCarrito.map((m): Acto => ({ tipo: 'cambiar_cantidad', cantidad: m.cantidad!, objetivo: m.texto, productos: [{ ...m, cantidad: null }] })),
      ...(nuevas.length ? [{ tipo: 'agregar' as const, productos: nuevas }] : []),
    ];
  }
  // "mejor 2 extintores" of a product shown and not yet in the cart changes its quantity too (the machine adds it)
  // (with only memory, "¿y si mejor compro uno nuevo, cuánto me sale?" asks a price: it sets no quantity)
  if (
    cambiar &&
    nuevaCantidad !== undefined &&
    (hayCarrito || (hayMemoria && aspectoDe(c) === 'general')) &&
    !nombraOtra &&
    !(compra && menciones.length > 1)
  ) {
    // ("ponga 15 no 10": the count taken back names no line)
    const objetivo = cambiar[2]
      .replace(/-?\d+/, '')
      .replace(/\bno -?\d+\b/, ' ')
      .replace(
        /\b(unidades?|de|del|los|las|el|la|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta|cuarenta|cincuenta|cien)\b/g,
        ' ',
      )
      .replace(/\s+/g, ' ')
      .trim();
    // "y los guantes que sean 12": the line may be named before the cue
    const nombradas =
      [cambiar[2], c.slice(0, cambiar.index), c].map((t) => leerMenciones(t, lector, false).filter((m) => m.enCatalogo)).find((x) => x.length) ?? [];
    return [
      {
        tipo: 'cambiar_cantidad',
        cantidad: /(^|\s)-\d/.test(cambiar[2]) ? -nuevaCantidad : nuevaCantidad,
        objetivo: objetivo || nombradas.map((m) => m.texto).join(' ') || undefined,
        ...(nombradas.length ? { productos: nombradas.map((m) => ({ ...m, cantidad: null })) } : {}),
      },
    ];
  }

  const palabrasC = c.split(' ').filter((w) => w !== ',');
  const corto = palabrasC.length <= 7;
  // "entonces dame los 4 y 1 de co2" after "solo tenemos 4, ¿te agrego esas 4?": a bare count first takes the offer, what follows
  // is another line; so after "¿cuántas unidades de X quieres?" ("mándeme los 25 y completo con tapa oídos"), the count is of X
  const enFoco = ctx.ofertaStock || (ctx.esperaCantidad && ctx.mostrados?.length === 1);
  if (enFoco && !esPregunta && menciones.some((m) => m.enCatalogo)) {
    const segmentos = segmentar(tokenizar(c), lector);
    // ("mándeme los 8 y…", "póngame las 20 que hay y…": the words before the count end a segment of their own)
    const k = segmentos.findIndex((sg) => sg.cantidad !== null);
    const sinCosa = (w: string) =>
      RELLENO.has(w) || COMPRA.test(w) || /^(entonces|bueno|ok|listo|dale|si|pues|q|esos|esas|disponibles|quedan|complet\w*)$/.test(w);
    const resto = segmentos.slice(k + 1);
    if (k >= 0 && segmentos.slice(0, k + 1).every((sg) => sg.palabras.every(sinCosa)) && resto.length) {
      // (each segment's count before its words, past the "y"/"también" that joined it: "6 señales", not "6 también señales")
      const inicio = (ws: string[]) => ws.findIndex((w) => !/^(y|e|o|u|tambien|ademas|mas)$/.test(w));
      const texto = resto.map((sg) => [sg.cantidad ?? '', ...sg.palabras.slice(Math.max(0, inicio(sg.palabras)))].join(' ').trim()).join(' , ');
      return [
        ctx.ofertaStock ? { tipo: 'cambiar_cantidad', cantidad: segmentos[k].cantidad! } : { tipo: 'agregar', cantidad: segmentos[k].cantidad! },
        ...actosPrincipales(texto, esPregunta, signo, { ...ctx, ofertaStock: false, esperaCantidad: false }, lector, anterior),
      ];
    }
  }
  // "entonces las 20", "mándeme los 40", "ok, esos" after "solo tenemos 40": the quantity of the offer
  if (ctx.ofertaStock && menciones.length === 0 && !esPregunta && palabrasC.length <= 5 && !compraFuerte && !/\bde\b/.test(c)) {
    const n = primerNumero(c);
    if (n !== undefined) return [{ tipo: 'cambiar_cantidad', cantidad: n }];
    if (/\b(esos|esas|esa|ese|eso)\b/.test(c) && !/^(si|listo|dale)\b/.test(c)) return [{ tipo: 'cambiar_cantidad' }];
  }
  if (POSPONER.test(c) && !compra && menciones.length === 0) return [{ tipo: 'otro', pospone: true }];
  // "así déjelo", "sí, está correcto": the order as the shop summed it up; with no order, nothing to change
  if (!esPregunta && SI_REVISADO.test(c) && (hayPedido || /\bdej/.test(c))) return hayPedido ? [{ tipo: 'confirmar' }] : [];
  if (/\b(no importa|da igual|no hay problema|que pena|q pena)\b/.test(c) && menciones.length === 0) return [];
  const siSolo =
    CONFIRMAR.test(c) &&
    c
      .replace(CONFIRMAR, ' ')
      .split(' ')
      .every((w) => !w || w === ',' || RELLENO_SI.has(w));
  // ("¿ah, no hay?" asks)
  // ("¿ah, no hay?", "¿no hacen eso?" ask)
  if (
    NEGAR.test(c) &&
    palabrasC.length <= 6 &&
    menciones.length === 0 &&
    !compra &&
    !(signo && /^no (hay|es|son|sirve|sirven|tiene|vale|valen|\w{3,}(an|en))\b/.test(c)) &&
    // ("con una persona, no con un robot": the contrast of what was asked, no answer)
    !/^no (?:con|a|al|en|por|para) (?!ahora|ahorita|el momento|hoy)\w/.test(c)
  )
    return [{ tipo: 'negar' }];
  if ((CONFIRMAR_EN.test(c) && !/\bcuant[oa]\b/.test(c)) || (siSolo && corto && !compra && menciones.length === 0 && !esPregunta)) {
    const actos: Acto[] = [{ tipo: 'confirmar' }];
    // "sí, y agrégame 2 guantes": the yes and the product
    if (menciones.length && compra) actos.push({ tipo: 'agregar', productos: menciones });
    return actos;
  }

  // "¿y qué más?", "más" after a list: the next page
  if ((hayMemoria || ctx.ultimoActo === 'consultar_catalogo') && /^(aja |ok |bueno )?(y )?(que )?mas$/.test(c))
    return [{ tipo: 'consultar_catalogo', siguiente: true }];
  // browsing: "qué venden", "lista de productos", "ver más", "muéstrame los extintores"
  const enCatalogo = menciones.filter((m) => m.enCatalogo);
  // ("muéstreme todo lo de señalización también": "también" adds nothing to a browse)
  const hojea = (HOJEAR.test(c) || /^que (tienen|hay|manejan|venden|tienes) (en|de)\b|\bque (tengan|tienen|manejen|manejan)$/.test(c)) && !compraFuerte;
  const extremo = ['mas_barato', 'mas_caro'].includes(aspectoDe(c));
  // "¿qué venden aparte de extintores?": the rest of the catalog, not what was named
  if (CATALOGO.test(c) && !compra && /\b(?:aparte|ademas|fuera|distinto|diferente) del?\b/.test(c))
    return [{ tipo: 'consultar_catalogo', ...(enCatalogo.length ? { productos: enCatalogo } : {}) }];
  if (extremo || /\bdiferencia\b/.test(c)) {
    // "¿qué es lo más económico que tienen?": a product question, not a browse
  } else if (
    (CATALOGO.test(c) &&
      !compra &&
      enCatalogo.length === 0 &&
      primerNumero(c) === undefined &&
      !/\b(primer|segund|tercer|cuart|quint)\w* de la lista\b/.test(c)) ||
    (hojea && enCatalogo.length > 0 && enCatalogo.every((m) => m.cantidad === null))
  ) {
    if (!(CATALOGO.test(c) && /\b(que (tienen|hay))\b/.test(c) && enCatalogo.length === 0 && hayMemoria && /\b(colou?r|talla|tamano|precio|medida)/.test(c))) {
      const todo =
        /\b(ver todo|muestrame todo|mostrar todo|lista completa|catalogo completo|todos los productos|todo el catalogo|todo lo que (tienen|venden|manejan))\b/.test(
          c,
        );
      return [
        {
          tipo: 'consultar_catalogo',
          ...(enCatalogo.length ? { productos: enCatalogo } : {}),
          ...(SIGUIENTE.test(c) && !enCatalogo.length ? { siguiente: true } : {}),
          ...(todo ? { todo: true } : {}),
        },
      ];
    }
  }

  // "¿es de polvo y agua?", "¿son de puntera de acero?": whether what was just shown is so, in words of its own name
  const atributo = esPregunta && !compra ? /^(?:y )?(?:es|son|viene|vienen) (?:de|en|con|para) (.+)$/.exec(c) : null;
  if (atributo) {
    const suyas = new Set([...(ctx.mostrados ?? []), ...(ctx.recientes ?? [])].flatMap((n) => palabras(n).map(raiz)));
    const dichas = palabras(atributo[1]).filter((w) => !RELLENO.has(w));
    if (dichas.length && dichas.every((w) => suyas.has(raiz(w)))) return [{ tipo: 'consultar_producto', referencia: { tipo: 'ultimo' }, aspecto: 'general' }];
  }
  // ("con eso quedo", "sin eso", "con esos está bien": what was said is enough or left out, no pick of it)
  const referencia = leerReferencia(
    c.replace(/\b(?:con|sin) (?:eso|esos|esas|esa|ese)\b(?=$| (?:quedo|quedamos|es|esta|estamos|basta|alcanza|listo)\b)/g, ' '),
    ctx,
  );
  const consulta = CONSULTA.test(c) || esPregunta;
  // "10 del naranja y 5 del verde", "las oscuras", "el de 20 libras": variants of what was just shown
  // a product word picks only among what was just shown; older memory lends its variant words ("y también el verde")
  const variantes = variantesDeMemoria(c, [...(ctx.opciones ?? []), ...(ctx.mostrados ?? [])], lector, [...(ctx.recientes ?? []), ...(ctx.lista ?? [])]);
  if (variantes) {
    if (
      (esPregunta || ['precio', 'stock'].includes(aspectoDe(c)) || (ctx.ultimoActo === 'consultar_producto' && /^(y|e|y el|y la)\b/.test(c))) &&
      // "si mejor compro uno, ¿cuánto me sale el de 10?": the price asked outweighs the verb
      (!compra || /\bcuanto (me )?(sale|salen|vale|valen|cuesta|cuestan)\b/.test(c)) &&
      !variantes.some((v) => v.cantidad !== null)
    )
      return [{ tipo: 'consultar_producto', variantes, aspecto: aspectoDe(c) }];
    return [{ tipo: 'agregar', variantes }];
  }
  // "¿y en negro?" after a product was shown: a variant of it asked
  const cualidad = /^(?:y )?(?:en |de )?(?:el |la |los |las )?(?:color )?(\w+)$/.exec(c)?.[1];
  // ("¿y el 12?", "¿y la de 20?" after the calibre 14 was shown: another size of it, asked)
  const medida = /^(?:y )?(?:el|la|los|las)(?: de)? (\d+)$/.exec(c)?.[1];
  if (esPregunta && hayMemoria && ((cualidad && (CUALIDAD.test(cualidad) || lector.soporte(cualidad) === 'modificador')) || medida))
    return [{ tipo: 'consultar_producto', variantes: [{ texto: medida ?? cualidad ?? c, cantidad: null }], aspecto: 'variantes' }];
  // counts of what was just shown, in a message that names no product and asks nothing
  const deLoMostrado = hayMemoria && !esPregunta && !recolectando && menciones.length === 0 && !anterior?.productos?.length;
  // "agrégame 2 cajas de almendra y 1 de stiletto" after the tips were shown: counts of options only its description lists,
  // all of the product named last (the cart keeps no option apart)
  const opcionesContadas = segmentar(tokenizar(c), lector)
    .map((sg) => {
      // ("necesito 15 metros de verde quirúrgico y 8 de lila": a number before the unit names sell by counts; the want says no more)
      const k = sg.cantidad === null ? sg.palabras.findIndex((w, i) => /^\d+$/.test(w) && vendePor(sg.palabras[i + 1] ?? '', lector)) : -1;
      return {
        p: sg.palabras.filter(
          (w, i) =>
            i !== k &&
            !RELLENO.has(w) &&
            !COMPRA.test(w) &&
            !CONTENEDOR.test(w) &&
            !(k >= 0 && (i === k + 1 || NECESIDAD.test(w))) &&
            !/^(entonces|bueno|ok|pues|mejor|porfa|y|e)$/.test(w),
        ),
        cantidad: k >= 0 ? Number(sg.palabras[k]) : sg.cantidad,
      };
    })
    .filter((sg) => sg.p.length || sg.cantidad !== null);
  if (
    deLoMostrado &&
    opcionesContadas.length > 0 &&
    opcionesContadas.every((sg) => sg.cantidad !== null && sg.p.length > 0 && sg.p.every((w) => esSoloOpcion(w, lector)))
  )
    return [{ tipo: 'agregar', cantidad: opcionesContadas.reduce((n, sg) => n + (sg.cantidad ?? 0), 0), referencia: { tipo: 'ultimo' } }];
  // "los 15 rojos y 5 amarillos" after a product was discussed: counted qualities of it
  const cualidades = segmentar(tokenizar(c), lector)
    .map((sg) => ({ p: recortar(sg.palabras).filter((w) => !/^(entonces|bueno|ok|pues|mejor|porfa)$/.test(w)), cantidad: sg.cantidad }))
    .filter((sg) => sg.p.length || sg.cantidad !== null);
  if (
    deLoMostrado &&
    cualidades.some((sg) => sg.cantidad !== null) &&
    cualidades.every((sg) => sg.p.length > 0 && sg.p.every((w) => CUALIDAD.test(w) || lector.soporte(w) === 'modificador'))
  )
    return [{ tipo: 'agregar', variantes: cualidades.map((sg) => ({ texto: sg.p.join(' '), cantidad: sg.cantidad })) }];
  if (menciones.length > 0) {
    // ("con barbuquejo" after two helmets were added: the accessory goes in too; "y unas gafas" right after an order still
    // waiting for its count goes on with that order)
    const sigueCarrito = (hayCarrito || ctx.ultimoActo === 'agregar') && !consulta && /^(y|e|tambien|ademas|otro|otra|otros|otras|unos|unas|mas|con)\b/.test(c);
    const conCantidad = menciones.some((m) => m.cantidad !== null);
    const decide = /^(listo|dale|bueno|ok|entonces|perfecto|de una|va|jaja\w*)\b/.test(c) && !consulta;
    // "el abc", "las de punta de acero" right after a list: the pick
    const elige = !consulta && hayMemoria && /^((solo|solamente|nada mas) )?(el|la|los|las|de|del)\b/.test(c);
    const agrega =
      compra ||
      // ("busco un chaleco que se vea de noche": a want, read as one below)
      NECESIDAD.test(c) ||
      decide ||
      elige ||
      sigueCarrito ||
      conCantidad ||
      (!consulta && (ctx.opciones?.length ?? 0) > 0) ||
      ((anterior?.tipo === 'agregar' || anterior?.necesidad) && !consulta);
    if (
      agrega &&
      !(consulta && !conCantidad && !/\b(quiero|necesito|dame|deme|regalame|agrega\w*|ponme|pongame|mandame|llevo|compro)\b/.test(c) && esPregunta)
    ) {
      if (
        consulta &&
        !conCantidad &&
        /\b(precio|precios|cuanto|vale|valen|cuesta|cuestan|tienen|hay|colores|tallas)\b/.test(c) &&
        !/\b(dame|deme|agrega\w*|ponme|pongame|regalame)\b/.test(c)
      )
        return [{ tipo: 'consultar_producto', productos: menciones, aspecto: aspectoDe(c) }];
      // "¿cuánto me cobran por 50 guantes?", "¿sí tienen 100 tapabocas?": the price or the stock of a quantity, asked
      if (
        !ORDEN.test(c) &&
        !/\b(necesito|necesitamos|requiero|quiero|quisiera|cotiza\w*)\b/.test(c) &&
        ((signo && /^(y )?(si )?(tienen|hay|manejan)\b/.test(c)) ||
          (esPregunta && /\bcuanto (me |nos )?(cobran|vale|valen|cuesta|cuestan|sale|salen|seria|serian)\b/.test(c)))
      )
        return [{ tipo: 'consultar_producto', productos: menciones, aspecto: aspectoDe(c) === 'general' ? 'stock' : aspectoDe(c) }];
      if (!referencia && esNecesidad(c, menciones, lector, !!anterior?.necesidad))
        return [{ tipo: 'consultar_producto', productos: menciones.map((m) => ({ ...m, cantidad: null })), aspecto: aspectoDe(c), necesidad: true }];
      return [{ tipo: 'agregar', productos: menciones }];
    }
    // "extintores" alone: the category, to browse
    const [unica] = menciones;
    if (
      menciones.length === 1 &&
      unica.enCatalogo &&
      !consulta &&
      unica.cantidad === null &&
      /s$/.test(unica.texto) &&
      unica.texto.split(' ').length === 1 &&
      c
        .split(' ')
        .filter((w) => !RELLENO.has(w) && w !== ',')
        .join(' ') === unica.texto &&
      lector.esCategoria(unica.texto)
    )
      return [{ tipo: 'consultar_catalogo', productos: menciones }];
    // "compré unas botas y se les despegó la suela, ¿tiene garantía?": a statement naming a product is context
    if (!consulta && !esPregunta && !referencia) return [{ tipo: 'consultar_producto', productos: menciones, aspecto: aspectoDe(c), contexto: true }];
    return [{ tipo: 'consultar_producto', productos: menciones, aspecto: aspectoDe(c), referencia }];
  }

  // no product word: a reference or a bare quantity about what was just shown
  // ("necesitamos mínimo 25 dB", "de 20 W": a rating says how strong a thing is, never how many; "deme 2 kilos" counts)
  // ("se me vende en un día", "hace 2 semanas": a span of time counts nothing)
  const sinMedidas = c
    .replace(/\b\d+(?:[.,]\d+)? ?([a-z]+)\b/g, (m, u: string) => (MAGNITUD.test(u) ? ' ' : m))
    .replace(/\b(?:en|por|cada|hace|de|a la|al) (?:un|una|\d+) (?:dias?|semanas?|mes|meses|anos?|horas?|rato|ratico)\b/g, ' ');
  const cantidad = referencia?.tipo === 'todos' ? primerNumero(c.replace(REFERENCIA_PRIMEROS, ' ').replace(REFERENCIA_TODOS, ' ')) : primerNumero(sinMedidas);
  const soloNumero =
    // ("¿2 solo?": the count the shop said, echoed in surprise, orders nothing)
    !(esPregunta && /\b(?:solo|sola|solamente|nomas|no mas)$/.test(c)) &&
    /^(?:(?:dame|deme|quiero|necesito|regalame|ponme|pongame|mandame|agregame|me da|me das|seran|serian|son|unas|unos|las|los|el|la|entonces|solo|solamente)\s+)*(-?\d+|[a-z]+(?: y [a-z]+)?)(?:\s+(?:unidades|de esos|de esas|de ese|de esa|por favor|nada mas|no mas|nomas|solo|sola|solamente|pares|cajas))?$/.exec(
      c,
    );
  // "yo no manejo eso del nequi": a negated statement points at nothing to buy
  // ("lo necesito pa el lunes": when it is needed, of what was asked; no purchase)
  const necesidadAsi = new RegExp(NECESITA_ASI.source).test(c) && !COMPRA.test(pedidoDicho.replace(NECESITA_ASI, ' '));
  // ("eso se me sale del presupuesto", "uy eso está carísimo": a remark on what was pointed at, nothing taken)
  const comentada = !compra && !esPregunta && cantidad === undefined && COMENTARIO.test(c);
  if ((referencia && !/^(yo )?no \w+/.test(c) && !necesidadAsi && !comentada) || (soloNumero && cantidad !== undefined && (hayMemoria || compra))) {
    if (consulta && !compra && !soloNumero) return [{ tipo: 'consultar_producto', referencia, aspecto: aspectoDe(c) }];
    const pareceDato = recolectando && /\d{5,}/.test(c.replace(/\s/g, ''));
    if (!recolectando || compra || referencia || (ctx.esperaCantidad && !pareceDato)) return [{ tipo: 'agregar', referencia, cantidad }];
  }
  if (compra && cantidad !== undefined && hayMemoria && !recolectando) return [{ tipo: 'agregar', cantidad, referencia }];
  // "mándeme dos nuevos" with nothing shown: a purchase all the same; the machine asks of what
  if (
    compraFuerte &&
    cantidad !== undefined &&
    cantidad >= 2 &&
    !recolectando &&
    !esPregunta &&
    !consulta &&
    ((palabrasC.length <= 5 && !/\b\w{3,}(ar|er|ir)\b/.test(c)) || ORDEN.test(c))
  )
    return [{ tipo: 'agregar', cantidad, referencia }];
  // "5 pares talla 40": a number for what was just shown
  if (compra && !compraFuerte && cantidad === undefined) return [];
  if (cantidad !== undefined && hayMemoria && !recolectando && !esPregunta && /^\d+|^(un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez)\b/.test(c))
    return [{ tipo: 'agregar', cantidad, referencia }];
  // "dame unas", "quiero de esos": a purchase of what was just shown
  if ((compra && hayMemoria && !recolectando && palabrasC.length <= 4) || CLITICO.test(c)) {
    // "dale, mándelo", "así está bien, despáchelo": sending it, when all that was shown is in the cart and nothing
    // else is said of where or how, sends the order (a yes), no one more of the last thing
    const todoEnCarrito = hayCarrito && !ctx.opciones?.length && !ctx.esperaCantidad && (ctx.mostrados ?? []).every((m) => ctx.carrito.includes(m));
    if (todoEnCarrito && !referencia && ENVIARLO.test(c)) return [{ tipo: 'confirmar' }];
    return [{ tipo: 'agregar', referencia: referencia ?? { tipo: 'ultimo' } }];
  }
  // "la pequeña entonces", "de la grande", "y 4 L": a variant of what was shown, even one the names do not spell
  if (
    hayMemoria &&
    !esPregunta &&
    !recolectando &&
    aspectoDe(c) === 'general' &&
    palabrasC.length <= 5 &&
    /^(y |bueno |ok |entonces )*(el|la|los|las|de la|del|de los|de las|uno|una|\d+)\b/.test(c) &&
    // ("la recojo en la tienda", "los paso a buscar": a pronoun and a verb, no variant; "las compré hace 3 días": a purchase told)
    !clitico(c, lector) &&
    // ("el sábado voy": the customer's own step)
    !PASO_PROPIO.test(c) &&
    pedidoDicho === c
  )
    return [{ tipo: 'agregar', variantes: [{ texto: c, cantidad: cantidad ?? null }] }];
  // a product question about what was just listed: "¿cuáles son los precios?", "¿en qué colores?", "¿hay stock?"
  const aspecto = aspectoDe(c);
  if (aspecto !== 'general' && (consulta || /^(y )?(el|la|los|las) mas\b/.test(c))) return [{ tipo: 'consultar_producto', aspecto, referencia }];
  if (CONSULTA.test(c) && /\b(tienen|venden|manejan|hay)\b/.test(c) && esPregunta && !hayMemoria) return [{ tipo: 'consultar_catalogo' }];
  if (compra && /\b(pedido|comprar|compra|pedir|orden)\b/.test(c)) return [{ tipo: hayCarrito ? 'confirmar' : 'agregar' }];
  if (siSolo && corto && !esPregunta) return [{ tipo: 'confirmar' }];
  if (/\b(informacion|info|que ofrecen|que tienen)\b/.test(c) && corto) return [{ tipo: 'consultar_catalogo' }];
  if (
    esPregunta &&
    /\b(ustedes|su|sus|la tienda|el local|venden|hacen|ofrecen|trabajan|prestan|recogen|llevan|cobran|reciben|alquilan|arreglan|reparan|fian|financian|despachan|devuelven|cambian|aceptan|cual (me )?(sirve|recomienda|conviene)|que (me )?(sirve|recomienda|conviene)|cual\??$|que necesito|que debo|por ley|obligatorio)\b/.test(
      c,
    )
  )
    return [
      {
        tipo: 'consultar_negocio',
        tema: 'desconocido',
        ...(/\b(cual|que) (me )?(sirve|recomienda|conviene)\b|\bcual\??$/.test(c) && !SERVICIO.test(c) ? { consejo: true } : {}),
      },
    ];
  // "¿cuántos trae la caja?": a question about what was just shown
  // "¿y para el cuarto de servidores cuál?": advice for a use
  if (esPregunta && /\b(para|pal)\b/.test(c) && /\b(cual|que|sirve|recomienda)\b/.test(c) && menciones.length === 0)
    return [
      {
        tipo: 'consultar_negocio',
        tema: 'desconocido',
        ...(/\b(cual|cuales|sirve|sirven|recomienda\w*)\b/.test(c) && !SERVICIO.test(c) ? { consejo: true } : {}),
      },
    ];
  if (
    esPregunta &&
    hayMemoria &&
    !/\b(escucha|oye|ahi|robot|bot|persona|responde|contesta|atiende|se puede|es posible|cierto|verdad|por pse)\b/.test(c) &&
    c.split(' ').length <= 6 &&
    (aspectoDe(c) !== 'general' ||
      /\b(tienen|tiene|hay|cuanto|cuantos|cuantas|cual|cuales|que tal|viene|vienen|es|son|trae|traen)\b/.test(c) ||
      /^(y )?(en )?\d+$/.test(c))
  )
    return [{ tipo: 'consultar_producto', referencia: { tipo: 'ultimo' }, aspecto: aspectoDe(c) }];
  if (
    esPregunta &&
    hayMemoria &&
    /\b(trae|traen|viene|vienen|sirve|sirven|es de|son de|incluye|incluyen|material|pesa|dura|duran|caja|unidades|clase|tipo|marca|referencia|original|originales|nuevo|nuevos|nueva|nuevas|garantia|certificad\w*|homologad\w*)\b/.test(
      c,
    )
  )
    return [{ tipo: 'consultar_producto', referencia: { tipo: 'ultimo' }, aspecto: aspectoDe(c) }];
  // "necesitamos mínimo 25 dB": a measure needed, asked of the products in view, or of the catalog
  if (!recolectando && NECESIDAD.test(c) && sinMedidas !== c)
    return [{ tipo: 'consultar_producto', aspecto, ...(hayMemoria ? { referencia: { tipo: 'ultimo' as const } } : {}) }];
  return [];
}

/**
 * The segments of a clause that only name variants of products just shown ("del naranja",
 * "las oscuras"): no word names a new kind of product, and every word is in a shown name.
 */
function variantesDeMemoria(
  c: string,
  memoria: string[],
  lector: LectorCatalogo,
  /** older memory (recent products, the last list): its variant words still pick, its product words do not */
  lista: string[] = [],
): Array<{ texto: string; cantidad: number | null }> | undefined {
  if (memoria.length === 0 && lista.length === 0) return undefined;
  const nombres = new Set([...memoria, ...lista].flatMap((n) => palabras(n).map(raiz)));
  const salida: Array<{ texto: string; cantidad: number | null }> = [];
  for (const seg of segmentar(tokenizar(c), lector)) {
    // the words the catalog uses (and numbers, units) are what picks; the rest is the customer's talk
    const contenido = recortar(seg.palabras).filter(
      (w, i, p) =>
        !RELLENO.has(w) && (!CONVERSACION.has(w) || contenedorVendido(p, i, lector)) && (/^\d+$/.test(w) || UNIDAD.test(w) || lector.soporte(w) !== undefined),
    );
    if (contenido.length === 0) continue;
    // a product's own word ("el extintor") is a mention: the machine settles it from memory (delaMemoria)
    if (contenido.some((w) => lector.soporte(w) === 'nucleo' && !/^\d/.test(w))) return undefined;
    if (!contenido.every((w) => nombres.has(raiz(w)) || UNIDAD.test(w) || (/^\d+$/.test(w) && nombres.has(w)))) return undefined;
    // a distinctive word ("el solkaflam", "los de nitrilo") names a product: searched, and reported
    if (contenido.some((w) => lector.soporte(w) === 'nombre' && !/^\d/.test(w) && !UNIDAD.test(w))) return undefined;
    salida.push({ texto: contenido.join(' '), cantidad: seg.cantidad });
  }
  return salida.length ? salida : undefined;
}

/** an option only descriptions list ("nudes", "stiletto"): which of a product, in no name */
const esSoloOpcion = (w: string, lector: LectorCatalogo) => lector.soporte(w) === 'modificador' && !lector.contiene(raiz(w));

/** "la recojo mañana", "lo pienso": a pronoun before a verb in the first person, not an article before a variant */
function clitico(c: string, lector: LectorCatalogo): boolean {
  const verbo = /^(?:(?:y|bueno|ok|entonces) )*(?:lo|la|los|las) (\w+o)\b/.exec(c)?.[1];
  return verbo !== undefined && verbo.length >= 4 && !CUALIDAD.test(verbo) && lector.soporte(verbo) === undefined && !leerNumero([verbo], 0);
}

/** every word of the text that is not talk is in some line of the cart ("el negro" with a black enamel in it) */
function nombraDelCarrito(texto: string, ctx: ContextoInterpretacion): boolean {
  const delCarrito = new Set(ctx.carrito.flatMap((n) => palabras(n).map(raiz)));
  const suyas = palabras(texto).filter((w) => !RELLENO.has(w));
  return suyas.length > 0 && suyas.every((w) => delCarrito.has(raiz(w)));
}

/** "mejor ponme 3 verde limón" with orange vests in the cart (or, with none, among those shown): the words name something else */
function nombraAlgoFuera(resto: string, ctx: ContextoInterpretacion, lector: LectorCatalogo): boolean {
  const conocidos = ctx.carrito.length ? ctx.carrito : [...(ctx.opciones ?? []), ...(ctx.mostrados ?? []), ...(ctx.recientes ?? [])];
  const enCarrito = new Set(conocidos.flatMap((n) => palabras(n).map(raiz)));
  // ("mejor dejemos 4 nudes" with the enamel in the cart: an option only descriptions list names no other product)
  const soloOpcion = (w: string) => esSoloOpcion(w, lector);
  const nombradas = palabras(resto).filter(
    (w) => !RELLENO.has(w) && !/^\d+$/.test(w) && lector.soporte(w) !== undefined && !CONVERSACION.has(w) && !soloOpcion(w),
  );
  return nombradas.length > 0 && nombradas.every((w) => !enCarrito.has(raiz(w)));
}

/** a want or a need ("necesito", "kiero", "busco", "quiero comprar"): by itself it takes nothing yet */
const NECESIDAD =
  /\b(?:quiero|kiero|qiero|kero|quisiera|kisiera|queria|querria|quisieramos|necesito|necesitaria|necesitariamos|nesesito|nesecito|necito|necesitamos|necesita|necesitan|ocupo|ocupamos|requiero|requerimos|deseo|busco|buscamos|buscando)(?: (?:comprar|comprarles|llevar|pedir|encargar))?\b/;

/**
 * "necesito guantes de nitrilo", "kiero un chaleco q se vea d noche": a want or a need with no count
 * and nothing chosen asks about products (FORMATO-CIEGOS): the shop shows the options and asks how
 * many. A count ("quiero 10 guantes"), a pick ("quiero los de nitrilo", "otro chaleco"), a size
 * ("unas botas talla 39") or one concrete product ("un extintor solkaflam", "un casco rojo") is taking
 * it. `heredada`: the clause goes on with the need of the one before ("…, tapabocas y unas botas").
 */
function esNecesidad(c: string, menciones: Mencion[], lector: LectorCatalogo, heredada: boolean): boolean {
  const sinDeseo = c.replace(new RegExp(NECESIDAD.source, 'g'), ' ');
  if ((sinDeseo === c && !heredada) || pideComprar(sinDeseo) || /\b(?:talla|pedido|orden|repetir|lo mismo)\b/.test(c)) return false;
  // "quiero los de nitrilo": a pick; after the need it names ("necesito tapaoidos, los de silicona") it says which kind
  if (!heredada && /\b(?:el|la|los|las) de\b/.test(c)) return false;
  // "quiero el rascador torre", "necesito esas botas": the want of a definite one
  if (new RegExp(`(?:${NECESIDAD.source}) (?:el|la|los|las|ese|esa|esos|esas|este|esta|estos|estas)\\b`).test(c)) return false;
  return menciones.every((m) => {
    const i = c.indexOf(m.texto);
    const antes = i > 0 ? c.slice(0, i).trim().split(' ').at(-1) : undefined;
    // "un respirador": the article of a class, not a count
    const articulo = /^(un|una)$/.test(antes ?? '');
    if (m.cantidad !== null && !(m.cantidad === 1 && articulo)) return false;
    if (/^(otro|otra|otros|otras)$/.test(antes ?? '')) return false;
    if (!articulo) return true;
    // one thing: its kind alone is a class; a distinctive word, a colour or a measure names the one
    return !m.texto
      .split(' ')
      .slice(1)
      .some((w) => /\d/.test(w) || lector.soporte(w) === 'nombre' || (CUALIDAD.test(w) && lector.soporte(w) === 'modificador'));
  });
}

/** "ese", "el segundo", "los dos": what a product-less reference points at, when something was shown */
function leerReferencia(c: string, ctx: ContextoInterpretacion): Referencia | undefined {
  const hayLista = (ctx.mostrados?.length ?? 0) > 0 || (ctx.opciones?.length ?? 0) > 0;
  if (!hayLista) return undefined;
  // "los dos primeros", "las 3 primeras": the first ones of the list, not all of it
  const primeros = REFERENCIA_PRIMEROS.exec(c);
  if (primeros) return { tipo: 'todos', primeros: NUMEROS_PRIMEROS[primeros[1]] ?? Number(primeros[1]) };
  if (REFERENCIA_TODOS.test(c)) return { tipo: 'todos' };
  // "agréguelos", "mándemelas" after a list: the plural pronoun takes all of it
  if ((ctx.mostrados?.length ?? 0) > 1 && /\b(agreg|anad|mand|envi|separ|alist|apart|pong|pon|dam|dem|traig|empaq)\w*(los|las)\b/.test(c))
    return { tipo: 'todos' };
  // ("es la segunda vez que me pasa": how many times, no pick)
  const sinVeces = c.replace(/\b(?:primer|segund|tercer|cuart|quint|ultim)\w* (?:vez|veces|ocasion)\b/g, ' ');
  for (const [re, posicion] of ORDINALES)
    if (re.test(sinVeces) && !(posicion === 1 && /\buno\b/.test(c) && !/\b(el|la) uno\b/.test(c))) return { tipo: 'ordinal', posicion };
  const opcion = /\b(?:el|la|opcion|numero)\s+(\d)\b/.exec(c);
  if (opcion && !/\d\s*(lb|libras|kg|litros|metros)/.test(c)) return { tipo: 'ordinal', posicion: Number(opcion[1]) };
  // "está caro", "esto está muy bien", "está nueva, con factura": the verb and an opinion or a state, not "esta" pointing at a product
  // ("voy esta tarde": a time, not a product)
  // ("ese tipo K está carito, ¿no hay uno más barato?", "esos son muy gruesos": the thing pointed at is judged, not bought)
  const sinOpinion = c
    .replace(
      /\b(ese|esa|esos|esas|este|estos|estas)\b(?: \w+){0,3} (esta|estan|es|son|sale|salen) (muy |super |re |algo |un poco |como |bastante |demasiado )?(car|costos|elevad|grues|delgad|grand|pequen|pesad|incomod|debil|fe[oa]s?\b|mal[oa]s?\b)\w*/g,
      ' ',
    )
    .replace(
      /\b(esta|esto) (muy |super |re |algo |un poco |como )?(car|barat|costos|bien|buen|mal|feo|bonit|lind|agotad|pesad|elevad|regular|correct|perfect|list|complet|nuev|sellad|intact)\w*|\best[ae] (?:tarde|manana|noche|semana|mes|ano|vez|rato)\b|\bnada de (?:eso|esos|esas|esto)\b/g,
      ' ',
    );
  if (REFERENCIA_ULTIMO.test(sinOpinion) || /\b(me (lo|la|los|las) (llevo|quedo)|(lo|la|los|las) (quiero|llevo|compro|necesito)|me sirve)\b/.test(c))
    return { tipo: 'ultimo' };
  return undefined;
}

/** The product spans of a clause, grounded; unsupported things asked for are kept as not carried. */
function leerMenciones(c: string, lector: LectorCatalogo, hayCompra: boolean, pregunta = false, marcada = pregunta): Mencion[] {
  const menciones: Mencion[] = [];
  const sueltos: Segmento[] = [];
  /** things listed beside products with nothing asking for them, and whether every segment so far names a thing */
  const sinPedir: Segmento[] = [];
  let soloLista = true;
  // "desengrasante pa la plancha y la campana": a purpose goes on over "y" until a product is named
  let proposito = false;
  // the segment before ended in a thing named ("guantes de nitrilo", "taladros"): a bare word after it may be one more of the
  // list; after what was said of a product ("mide el oxígeno y la presión", "son originales o genéricos") it is no thing
  let trasCosa = false;
  for (const seg of segmentar(tokenizar(c), lector)) {
    // "tapa oídos, 200": a number alone right after a product is its quantity
    const ultima = menciones[menciones.length - 1];
    if (seg.cantidad !== null && !seg.palabras.some((w) => !RELLENO.has(w) && !CONTENEDOR.test(w)) && ultima?.enCatalogo && ultima.cantidad === null) {
      ultima.cantidad = seg.cantidad;
      continue;
    }
    const enSerie = trasCosa;
    trasCosa = false;
    let anclada = anclar(seg.palabras, lector, seg.cantidad !== null);
    // "tengo un restaurante de comida rápida": the customer's own things, not a product
    // ("trabajo en cuarto frío, ¿qué chaqueta me recomienda?": a product may be asked after a word of talk)
    for (let suyo = anclada; suyo && LO_SUYO.test(`${seg.palabras.slice(0, suyo.inicio).join(' ')} `);) {
      const despues = anclar(seg.palabras, lector, seg.cantidad !== null, suyo.fin + 2);
      anclada = despues && seg.palabras.slice(suyo.fin + 1, despues.inicio).some((w) => !lector.soporte(w)) ? despues : undefined;
      suyo = anclada;
    }
    // "soy la ingeniera Paola", "soy técnico en seguridad": who the customer is, not a product
    const quien = anclada && /\b(soy|somos)( \w+){0,3}$/.exec(seg.palabras.slice(0, anclada.inicio).join(' '));
    if (quien && !/\b(necesit|quier|busc|requier|ocup)\w*/.test(quien[0])) continue;
    // "entonces sin guantes", "trabajando sin botas": a product said to be left out or lacking is no product asked about
    if (anclada && seg.palabras[anclada.inicio - 1] === 'sin' && seg.palabras.slice(0, anclada.inicio - 1).every((w) => RELLENO.has(w) || !lector.soporte(w)))
      continue;
    if (anclada) {
      // "una pregunta, ¿venden extintores?": the number counts something else
      const antes = seg.palabras.slice(0, anclada.inicio);
      // ("3 de 20 lb abc": counted already; what the measure says is left to search, as before)
      const medida = seg.cantidad === null ? medidaDelante(antes, lector) : undefined;
      const entre = medida === undefined ? antes.filter((w) => !RELLENO.has(w) && !CONTENEDOR.test(w)) : [];
      if (medida && 'variante' in medida) anclada.texto = `${medida.variante} ${anclada.texto}`;
      // "y uno de co2" after "3 extintores pqs": the product named before, in another variant
      const previa = menciones.filter((m) => m.enCatalogo).at(-1);
      // ("20 de cal y 10 de triple 15": a line counted apart, in a word no name headed by the one before carries, is another product)
      const aparte =
        seg.cantidad !== null &&
        !/^(el|la|los|las)$/.test(seg.palabras[1] ?? '') &&
        !lector.juntos([palabras(previa?.texto ?? '')[0], seg.palabras[anclada.inicio]]);
      // ("3 metros de la gruesa y 2 de la liviana": counted after a word that heads no name, another such word is another pick)
      const eliptica =
        previa !== undefined &&
        seg.palabras[0] === 'de' &&
        lector.soporte(seg.palabras[anclada.inicio]) !== 'nucleo' &&
        !(seg.cantidad !== null && lector.soporte(palabras(previa.texto)[0]) !== 'nucleo') &&
        !aparte;
      // "unos guantes pa ordeñar y pa lavar la marranera, que sean de esos desechables": a word that heads no name, said
      // after talk and counting nothing, tells which of the product named before
      if (
        previa &&
        !eliptica &&
        seg.cantidad === null &&
        antes.some((w) => !lector.soporte(w) && !/^(un|una|unos|unas|el|la|los|las|de|del)$/.test(w)) &&
        lector.soporte(seg.palabras[anclada.inicio]) !== 'nucleo' &&
        lector.juntos([palabras(previa.texto)[0], ...palabras(anclada.texto)])
      ) {
        previa.texto = `${previa.texto} ${anclada.texto}`;
        continue;
      }
      menciones.push({
        texto: eliptica ? `${palabras(previa.texto)[0]} ${anclada.texto}` : anclada.texto,
        cantidad: entre.length ? null : medida && 'cantidad' in medida ? medida.cantidad : (seg.cantidad ?? anclada.cantidad ?? null),
        enCatalogo: true,
        ...(eliptica ? { eliptica: true } : {}),
        ...(anclada.nucleoAjeno ? { nucleoAjeno: true } : {}),
      });
      // more products after the first in the same segment ("el respirador con los cartuchos")
      // ("los cartuchos vienen con el respirador", "¿el arnés trae la eslinga?": another kind of product after "con" or a verb of what comes along)
      let resto = seg.palabras.slice(anclada.fin + 1);
      // ("escoba trapero recogedor": the kinds listed one after another)
      for (let otra = anclar(resto, lector); otra?.inicio === 0 && lector.soporte(resto[0]) === 'nucleo'; otra = anclar(resto, lector)) {
        menciones.push({ texto: otra.texto, cantidad: null, enCatalogo: true });
        resto = resto.slice(otra.fin + 1);
      }
      const k = resto.findIndex((w) => w === 'con' || /^(trae|traen|incluye|incluyen|lleva|llevan)$/.test(w));
      const otra = k >= 0 ? anclar(resto.slice(resto[k] === 'con' ? k : k + 1), lector) : undefined;
      const otraEn = otra && k + (resto[k] === 'con' ? 0 : 1) + otra.inicio;
      if (otra && otraEn !== undefined && (k === 0 || lector.soporte(resto[otraEn]) === 'nucleo')) {
        menciones.push({ texto: otra.texto, cantidad: null, enCatalogo: true });
        resto = resto.slice(otraEn + otra.fin - otra.inicio + 1);
      }
      // ("paneles solares e inversores": words shaped as nouns and qualities may go on naming it; a verb says something of it)
      trasCosa = resto.every((w) => RELLENO.has(w) || CONVERSACION.has(w) || noNombraCosa(w) || esVariante(w) || formaDeSustantivo(w));
      // ("protección pa la cara y la respiración": the purpose, said with its article, may lie inside the span)
      const tras = seg.palabras.slice(anclada.inicio + 1);
      proposito = tras.some(
        (w, k) => w === 'pal' || (w === 'para' && (k > anclada.fin - anclada.inicio - 1 || /^(el|la|los|las|mi|mis|su|sus)$/.test(tras[k + 1] ?? ''))),
      );
      continue;
    }
    // "12 cascos amarillos y 3 blancos": a count of words that only tell which, right after a product, is of that product in them
    const previa = menciones.at(-1);
    const cual = seg.palabras.filter((w) => !RELLENO.has(w));
    if (
      previa?.enCatalogo &&
      seg.cantidad !== null &&
      cual.length >= 1 &&
      cual.length <= 2 &&
      cual.every((w) => lector.soporte(w, false) === 'modificador') &&
      lector.juntos([palabras(previa.texto)[0], ...cual])
    ) {
      menciones.push({ texto: `${palabras(previa.texto)[0]} ${cual.join(' ')}`, cantidad: seg.cantidad, enCatalogo: true, eliptica: true });
      continue;
    }
    proposito ||= /^(para|pal)$/.test(seg.palabras[0] ?? '');
    const cosa = cosaPedida(seg, c, hayCompra, pregunta, marcada, lector);
    // "¿tienen taladros o pulidoras?": a bare thing listed after one asked for is asked for too
    const p = recortar(seg.palabras);
    // ("… y unas brocas pa concreto": with the kind it is for)
    const cosaSola = p.length === 3 && /^(para|de)$/.test(p[1]) ? [p[0], p[2]] : p;
    const listada = enSerie && cosaListada(seg, lector);
    const enLista =
      !cosa &&
      enSerie &&
      // ("… way to go 4 para el colegio": what it is for, not another thing)
      !/^(para|pal|por)$/.test(seg.palabras[0] ?? '') &&
      menciones.some((m) => !m.enCatalogo) &&
      cosaSola.length >= 1 &&
      cosaSola.length <= 2 &&
      !trasNoCosa(seg, p) &&
      cosaSola.every((w) => esSustantivo(w) && !noNombraCosa(w) && lector.soporte(w, false) === undefined);
    if (cosa || enLista) menciones.push({ texto: cosa ?? p.join(' '), cantidad: seg.cantidad, enCatalogo: false });
    // "necesito mascarillas y desinfectante": a thing listed beside real products is wanted too
    else if ((hayCompra || pregunta) && menciones.some((m) => m.enCatalogo) && !proposito && listada) sueltos.push(seg);
    else if (listada && !proposito) sinPedir.push(seg);
    else if (p.length) soloLista = false;
    trasCosa = !!cosa || enLista || listada;
  }
  // ("tijera de corte, peinilla, capa, cepillo redondo y un rociador": a clause that is only a list, with two products or
  // more, asks for each thing of it, with no verb; the article of a thing the shop lacks counts nothing)
  if (soloLista && menciones.filter((m) => m.enCatalogo).length >= 2)
    for (const seg of sinPedir) {
      const texto = recortar(seg.palabras).join(' ');
      menciones.push({ texto, cantidad: seg.cantidad === 1 && new RegExp(`\\b(?:un|una) ${texto}\\b`).test(c) ? null : seg.cantidad, enCatalogo: false });
    }
  for (const seg of sueltos) menciones.push({ texto: recortar(seg.palabras).join(' '), cantidad: seg.cantidad, enCatalogo: false });
  return menciones;
}

/** one to three bare words the catalog does not use, as a list names a thing ("… y desinfectante", "… o escaleras de tijera") */
function cosaListada(seg: Segmento, lector: LectorCatalogo): boolean {
  // "… pa todos", "… o solo para pintura": a purpose, not a thing
  // ("¿el overol es de jean o de dril?": "de" and a bare word, uncounted, say what the product named is made of)
  // ("¿los extintores vienen cargados y con la etiqueta de fecha?": "con" or "sin" and a bare word, what it comes with)
  const p = recortar(seg.palabras);
  const antes = seg.palabras.slice(0, seg.palabras.indexOf(p[0]));
  if (antes.some((w) => /^(para|pal|por)$/.test(w)) || (seg.cantidad === null && /^(de|del|con|sin)$/.test(seg.palabras[0] ?? ''))) return false;
  return (
    p.length >= 1 &&
    p.length <= 3 &&
    !trasNoCosa(seg, p) &&
    p.every((w) => (esSustantivo(w) && !noNombraCosa(w) && lector.soporte(w) === undefined) || RELLENO.has(w)) &&
    p.some((w) => !RELLENO.has(w))
  );
}

/** A reading with no vocabulary at all: every content word counts as the catalog's (for tests of the machine alone). */
export const LECTOR_ABIERTO: LectorCatalogo = {
  soporte: (w) => (CONVERSACION.has(w) || RELLENO.has(w) ? undefined : 'nucleo'),
  esCategoria: () => false,
  contiene: () => true,
  juntos: () => true,
  seguidos: () => false,
  reescribir: (t) => t,
  envase: () => false,
};
