/**
 * The business lexicon of the knowledge base: phrases and words read as one term on both sides
 * (the entries when they are indexed, the questions when they are asked), so a customer who
 * never saw the entries reaches them in their own words. General Spanish commerce vocabulary for
 * shops' services and policies, not any one shop's: how long and how often (the analyser drops
 * "cuánto", a product-search filler), services (recharge, training, installation, inspection,
 * repair), and policies (warranty, certificates, invoices, quotes, discounts, credit, delivery,
 * returns). A one-word form stands for its other forms too: its stem is read as the term's
 * (ColeccionTextos), so "revise" is "revisar".
 */
export const FRASES: Record<string, string> = {
  'cada cuanto': 'frecuencia',
  'cuantas veces': 'frecuencia',
  'una vez al': 'frecuencia',
  'veces al': 'frecuencia',
  'cuanto tiempo': 'tiempo',
  'cuanto se demora': 'tiempo',
  'cuanto se tarda': 'tiempo',
  'cuanto tarda': 'tiempo',
  'cuanto demora': 'tiempo',
  'hace cuanto': 'tiempo',
  'cuantos dias': 'tiempo',
  'cuantas horas': 'tiempo',
  'que tan rapido': 'tiempo',
  tarda: 'tiempo',
  demora: 'tiempo',
  ...sinonimos('recarga', 'echan carga|echar carga|echarle carga|echen carga'),
  ...sinonimos('recarga', 'rellenar rellenan relleno llenar llenan llenado'),
  // coming for the customer's things is picking them up: "¿pasan por ellos o toca llevarlos?", "¿mandan a alguien por ellos?"
  ...sinonimos(
    'recoger',
    'pasan por ellos|pasan por ellas|pasan por el|pasan por ella|pasan por los|pasan por las|pasen por ellos|pasen por el|pasar por ellos|vienen por ellos|vienen por el|mandan por ellos|mandan a alguien por|mandan a recoger',
  ),
  // "volver a cargar", "cargarlo de nuevo": doing again is recharging; "cargar" alone is also carrying or billing
  ...sinonimos('recarga', repeticiones('cargar cargarlo cargarla cargarlos cargarlas cargarme llenar llenarlo llenarla llenarlos llenarlas llenarme')),
  ...sinonimos('capacitacion', 'curso cursos charla charlas entrenamiento entrenamientos formacion'),
  ...sinonimos('capacitacion', 'capacitar capacitan dictar dictan entrenar entrenan'),
  // forming people, said with whom: a form of "formar" alone stems as "forma" (a shape, a way) and "formato" do, which are no training
  ...sinonimos('capacitacion', 'nos forman|los forman|las forman|nos formen|los formen|formar a|formar al|formar el personal|formar brigadistas'),
  // setting up a business is opening it, not installing anything: "voy a montar un taller"
  ...sinonimos('abrir', 'montar un|montar una|montar mi|montando un|montando una'),
  ...sinonimos('instalar', 'montar montan montaje colocar colocan colocacion poner ponen ponemos ponerle ponerlos ponerlas'),
  ...sinonimos('instalar', 'instalacion fijar fijan atornillar atornillan anclar empotrar'),
  // a thing hung is installed; "colgarse" is a person hanging from a harness
  ...sinonimos('instalar', 'lo cuelgan|la cuelgan|los cuelgan|las cuelgan|lo cuelguen|la cuelguen|los cuelguen|las cuelguen'),
  ...sinonimos('vence', 'caduca caducan caducidad expira expiran vencimiento vencido vencidos'),
  ...sinonimos('vence', 'fecha de vencimiento|fecha de caducidad'),
  ...sinonimos('cotizacion', 'presupuesto cotizar cotizan proforma'),
  ...sinonimos('descuento', 'rebaja rebajas rebajita descuentico'),
  ...sinonimos('descuento', 'precio especial|precios especiales|al por mayor|por mayor|mayorista|mayoristas'),
  ...sinonimos('credito', 'fiado fian plazo financiacion financiar financian financiado'),
  ...sinonimos(
    'defecto',
    'defectos defectuoso defectuosa defectuosos defectuosas malo mala malos malas dano danos danado danada danados danadas dana danan danen danar danaron falla fallas fallo roto rota rotos rotas rompio rompe romper',
  ),
  // a thing that broke, tore, came unstuck, peeled or faded by itself ("se partió", "se me rajaron", "se le despegó la suela", "vino partido")
  ...danos(
    'parte parten partio partieron raja rajan rajo rajaron pela pelan pelo pelaron despega despegan despego despegaron descose descosen descosio descosieron destine destinen destino destineron',
  ),
  ...sinonimos('garantia', 'garantias respaldo cobertura cubre cubren cubrir'),
  ...sinonimos('certificado', 'certificacion certificaciones homologado homologados homologada homologadas homologacion norma normas normativa'),
  ...sinonimos('certificado', 'sello de calidad|soportes de calidad|soporte de calidad'),
  ...sinonimos('factura', 'facturar|facturacion|cuenta de cobro'),
  // the paper a purchase leaves for the accountant
  ...sinonimos('factura', 'comprobante|comprobantes|soporte de la compra|soporte de compra|soporte de pago|soportes de compra'),
  ...sinonimos('iva', 'impuesto impuestos'),
  ...sinonimos('devolucion', 'devoluciones devolver devuelven reembolso reembolsan reembolsar'),
  ...sinonimos('alquiler', 'alquilar alquilan alquila rentar rentan renta rento arrendar arriendo'),
  ...sinonimos('plan', 'membresia membresias suscripcion suscripciones afiliacion'),
  ...sinonimos('repuesto', 'repuestos pieza piezas'),
  ...sinonimos('talla', 'tallas tamano tamanos'),
  // "¿son originales o chinos?": a copy or a generic brand
  ...sinonimos('generico', 'genericos generica genericas chino chinos china chinas replica replicas imitacion imitaciones'),
  ...sinonimos('usado', 'usados|usada|usadas|reacondicionado|reacondicionados|segunda mano|de segunda'),
  ...sinonimos('empresa', 'corporativo corporativos corporativa corporativas'),
  // a company's legal forms and words for it: "a nombre de la sociedad", "facturarle a una SAS"
  ...sinonimos('empresa', 'sociedad sociedades sas compania companias'),
  // the bill made out to someone is the invoice ("que la cuenta salga a nombre de…"); "abrir una cuenta" is not
  ...sinonimos('factura', 'la cuenta salga|la cuenta saliera|la cuenta sale|la cuenta a nombre|cuenta de venta'),
  // a paper that attests something is a certificate: "¿me dan algún papel que diga que está certificado?"
  ...sinonimos(
    'certificado',
    'constancia|constancias|papel que diga|papel q diga|papel que lo demuestre|papel q lo demuestre|documento que diga|documento q diga|documento de que|documento de q',
  ),
  // the price with the tax already in it, or the tax put on top: "¿ya está metido?", "¿son netos?", "¿le suman el 19%?"
  ...sinonimos('incluido', 'metido metida neto netos suman sumarle sumarselo agregan agregarle'),
  ...sinonimos('incluido', 'valor final|precio final|antes de impuesto|antes del impuesto|antes de impuestos|despues del impuesto|despues de impuestos'),
  // work clothes: "la ropa de trabajo" is the "vestido de labor" of the law
  ...sinonimos('vestido', 'ropa de trabajo|ropa de labor|ropa de dotacion|ropa y botas|ropa y equipo'),
  ...sinonimos('cierre', 'cremallera cremalleras'),
  // a quote on letterhead is a formal one; a price proposal is a quote
  ...sinonimos('formal', 'membrete|con membrete|membreteada'),
  ...sinonimos('cotizacion', 'propuesta de precios|propuesta economica|propuesta comercial'),
  // paying later is credit: "pago a 30 días", "pagar después de recibir"
  ...sinonimos('credito', 'pago a 30|pagar a 30|pago a 60|pagar a 60|pago a 90|pagar a 90|pagar despues|pago despues|pago a plazos'),
  ...sinonimos('reclamo', 'reclamos reclamar reclamacion reclamaciones queja quejas quejarme'),
  // "¿me responden?", "eso lo responden ustedes?", "¿eso lo reconocen?": whether the shop answers for what it sold or did, its warranty
  ...sinonimos(
    'garantia',
    'responden por|responder por|respondemos por|se hacen cargo|se hace cargo|nos hacemos cargo|me responden|me lo responden|me la responden|lo responden|la responden|nos responden|lo reconocen|la reconocen|me lo reconocen|me la reconocen',
  ),
  // any shop's appointments, offers, opening hours, parking, orders and customers by age, in the customer's words and the shop's
  ...sinonimos('cita', 'turno turnos'),
  ...sinonimos('promocion', 'promociones oferta ofertas promo promos'),
  ...sinonimos(
    'horario',
    'horarios|a que hora|a q hora|a que horas|a q horas|hasta que hora|hasta q hora|hasta que horas|hasta q horas|que horas|q horas|abren los|abren el|abren hoy|abren manana|abren temprano|cierran',
  ),
  ...sinonimos('parqueadero', 'parqueaderos parquear parqueo estacionamiento estacionar aparcar'),
  ...sinonimos('encargo', 'encargos encargue encargar encargaron'),
  // not "chiquitos": customers say it of small things ("unos tarritos chiquitos", "una suculenta de esas chiquitas")
  ...sinonimos('nino', 'ninos nina ninas hijo hijos hija hijas peque peques infantil infantiles'),
  ...sinonimos('anciano', 'ancianos abuelo abuelos abuela abuelas abuelito abuelitos abuelita abuelitas pensionado pensionados'),
  ...sinonimos('anciano', 'tercera edad|adulto mayor|adultos mayores'),
  ...sinonimos('reparar', 'reparan reparamos reparacion reparaciones arreglar arreglan arreglamos arreglo componer componen'),
  ...sinonimos('cita', 'citas agendar agendan agenda reservar reservan reserva reservas'),
  ...sinonimos('cambio', 'cambiar cambian cambiamos cambia reemplazar reemplazan reemplazo reponer reponen repone reposicion'),
  ...sinonimos('costo', 'costos cobran cobra cobrar cobro cobramos tarifa tarifas'),
  ...sinonimos('incluido', 'incluida incluidos incluidas incluye incluyen incluir aparte adicional adicionales extra'),
  ...sinonimos('guardar', 'guarda guardo guardarlo guardarla almacenar almacena almacenamiento'),
  ...sinonimos('visita', 'visitas visitar visitan venir vengan desplazan'),
  ...sinonimos('visita', 'en sitio|en el sitio|en sus instalaciones|en mis instalaciones|en la empresa'),
  ...sinonimos('proteccion', 'proteger protegerse protegen protege protejan protegidos'),
  ...sinonimos('obra', 'obras construccion construcciones constructora constructoras'),
  ...sinonimos('kit', 'kits combo combos paquete paquetes equipo equipos'),
  ...sinonimos('elementos de proteccion personal', 'epp'),
  ...sinonimos('trabajadores', 'empleados operarios colaboradores obreros obrero'),
  // how people call their crew: "mis muchachos", "el personal", "los ayudantes"
  ...sinonimos('trabajadores', 'muchachos|el personal|mi personal|nuestro personal|ayudantes'),
  // what the law requires: "¿qué es obligatorio llevar?", "la dotación que exige la ley"
  ...sinonimos('ley', 'obligatorio obligatoria obligatorios obligatorias exige exigen'),
  // a small fire just started is a fire; a roof or a facade is work at heights
  ...sinonimos('incendio', 'conato conatos'),
  // the fire-safety trade's plain name for an extinguisher: "los aparatos contra incendio", "equipos contra incendios"
  ...sinonimos(
    'extintores',
    'aparatos contra incendio|aparatos contra incendios|equipos contra incendio|equipos contra incendios|aparato contra incendio|equipo contra incendio',
  ),
  // "apagar candela" is putting out fire
  ...sinonimos('fuego', 'candela'),
  ...sinonimos('alturas', 'techo techos tejado tejados fachada fachadas'),
  ...sinonimos('inspeccion', 'revision revisiones revisar revisan revisamos inspeccionar inspeccionan chequeo chequeos chequear chequean'),
  ...sinonimos('inspeccion', 'echar ojo|echarle ojo|echo ojo|le echo ojo|echen ojo|echan ojo|echar un ojo|echarle un ojo|echan un ojo|echen un ojo'),
  ...sinonimos('brigada', 'brigadas brigadista brigadistas'),
  ...sinonimos('soldadura', 'soldador soldadores soldar suelda sueldan'),
  ...sinonimos('carro', 'carros auto autos automovil camioneta vehiculo vehiculos'),
  ...sinonimos('moto', 'motos motocicleta'),
  ...sinonimos('bicicleta', 'bicicletas bici bicis cicla ciclas'),
  // everyday names of what shops sell and fix, in the customer's words: the computer, the laptop, the glasses' frame, contact lenses
  ...sinonimos('computador', 'computadores computadora computadoras compu compus pc pcs'),
  ...sinonimos('portatil', 'portatiles lapto laptos laptop laptops'),
  ...sinonimos('montura', 'monturas marco marcos armazon armazones'),
  ...sinonimos('lentes de contacto', 'pupilentes lentillas'),
  ...sinonimos('gafas', 'anteojos'),
  // what a doctor prescribes, or the mix a colour is made by: "la receta de mis gafas", "la receta del color"
  ...sinonimos('formula', 'receta recetas formulas'),
  ...sinonimos('correo', 'email mail e-mail'),
  ...sinonimos('uso', 'manejo manejar'),
  ...sinonimos('camion', 'camiones buseta tractomula'),
  // signage: "la señalética", "los avisos de salida" are the "señalización" an entry documents (and the catalog's "señal"); "avisar" is no sign
  ...sinonimos('senal', 'senales|senalizacion|senalizar|senaletica|letrero|letreros|el aviso|los avisos|un aviso|unos avisos|avisos de'),
};

function sinonimos(a: string, de: string): Record<string, string> {
  return Object.fromEntries(de.split(de.includes('|') ? '|' : ' ').map((d) => [d, a]));
}

/** each verb with "se" and whom it happened to ("se partió", "se me rajaron", "se le despegó"), and a thing that came broken ("vino partido"): a defect */
function danos(verbos: string): Record<string, string> {
  const dichos: Array<[string, string]> = verbos
    .split(' ')
    .flatMap((v) => ['se', 'se me', 'se le', 'se les', 'se nos'].map((x): [string, string] => [`${x} ${v}`, 'defecto']));
  const llegados: Array<[string, string]> = ['vino', 'llego', 'vinieron', 'llegaron'].flatMap((x) =>
    ['partido', 'partida', 'partidos', 'partidas', 'roto', 'rota', 'rotos', 'rotas'].map((p): [string, string] => [`${x} ${p}`, 'defecto']),
  );
  return Object.fromEntries([...dichos, ...llegados]);
}

/** the phrases that say a verb again: "volver a cargar", "lo vuelven a cargar", "cargar de nuevo", "cargarlo otra vez" */
function repeticiones(verbos: string): string {
  const formas = verbos.split(' ');
  const volver = 'volver vuelven vuelve vuelva vuelvan volverlo volverla volverlos volverlas'.split(' ');
  return [...formas.flatMap((v) => volver.map((x) => `${x} a ${v}`)), ...formas.flatMap((v) => [`${v} de nuevo`, `${v} otra vez`])].join('|');
}
