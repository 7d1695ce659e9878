import { validarCampo } from '../agente/datos-cliente';
import { CAMPOS, DatosCliente, Interpretacion, Mencion, Tema } from '../agente/tipos';
import { ContextoInterpretacion, PeticionRedaccion } from './llm.interfaces';

const ACCIONES = [
  'agregar',
  'consultar',
  'quitar',
  'cambiar_cantidad',
  'ver_pedido',
  'confirmar',
  'negar',
  'cancelar',
  'estado_pedido',
  'saludo',
  'gracias',
  'pregunta',
  'datos',
  'ninguna',
] as const;
const TEMAS: Tema[] = ['horario', 'direccion', 'pago', 'entrega', 'devoluciones', 'garantia', 'datos', 'humano', 'contacto', 'desconocido'];

const texto = { type: ['string', 'null'] };

/** JSON Schema of an Interpretacion, in the strict subset OpenAI and Gemini both accept. */
export const ESQUEMA_INTERPRETACION = {
  type: 'object',
  additionalProperties: false,
  required: ['intencion', 'accion', 'productos', 'objetivo', 'cantidad', 'datos', 'tema', 'esPregunta'],
  properties: {
    intencion: { type: 'string', enum: ['inventario', 'venta', 'contexto'] },
    accion: { type: 'string', enum: [...ACCIONES] },
    productos: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['texto', 'cantidad'],
        properties: { texto: { type: 'string' }, cantidad: { type: ['integer', 'null'] } },
      },
    },
    objetivo: texto,
    cantidad: { type: ['integer', 'null'] },
    datos: { type: 'object', additionalProperties: false, required: [...CAMPOS], properties: Object.fromEntries(CAMPOS.map((c) => [c, texto])) },
    tema: { type: ['string', 'null'], enum: [...TEMAS, null] },
    esPregunta: { type: 'boolean' },
  },
} as const;

/** Marks the model's reply must not break: the fakes in test/ read them too. */
export const MARCAS = { contexto: 'CONTEXTO_JSON:', borrador: 'BORRADOR:', pasajes: 'PASAJES:' } as const;

export function instruccionesInterpretacion(contexto: ContextoInterpretacion): string {
  return [
    'Eres el módulo de comprensión de un agente de ventas por chat de una tienda colombiana. No respondes al cliente: devuelves solo el JSON pedido.',
    'intencion: "inventario" (qué hay, precios, disponibilidad), "venta" (comprar, cantidades, carrito, confirmar, cancelar, datos del cliente) o "contexto" (horarios, dirección, pagos, entregas, devoluciones, garantía, saludos, agradecimientos).',
    `accion: una de ${ACCIONES.join(', ')}. "confirmar" es sí/listo/procedamos/solo eso; "datos" cuando el mensaje trae datos del cliente.`,
    'productos: una entrada por producto nombrado, con el texto como lo escribió el cliente (sin la cantidad) y la cantidad en número (dos → 2, media docena → 6), o null si no la dijo. "10 pares de guantes y 5 chalecos" son dos entradas. "20 libras" es parte del producto, no una cantidad.',
    'objetivo y cantidad: para quitar o cambiar_cantidad, la línea a la que se refiere ("los guantes") y la nueva cantidad.',
    'datos: nombre_completo, cedula (5 a 12 dígitos), telefono (celular colombiano), correo, direccion, barrio, indicaciones_adicionales; null lo que no esté. Una pregunta nunca es un nombre ni una dirección.',
    `tema: para preguntas de contexto, uno de ${TEMAS.join(', ')}; si no, null. esPregunta: true si el mensaje pregunta algo.`,
    'Si el agente acaba de pedir un dato (campoPendiente), una respuesta corta es ese dato. Si acaba de listar opciones, "el de 20" o "el segundo" eligen una.',
    `${MARCAS.contexto} ${JSON.stringify(contexto)}`,
  ].join('\n');
}

export function instruccionesRedaccion(p: PeticionRedaccion): string {
  return [
    `Eres ${p.nombreAgente}, asesora de ventas de ${p.nombreNegocio}. Tono: ${p.tono}. Español de Colombia.`,
    'Reescribe el borrador para el cliente: cálido y breve, con la misma información y las mismas preguntas.',
    'Nombra solo productos de esta lista y solo estos montos, con formato $45.000; no inventes productos, precios, plazos ni promesas.',
    `Productos: ${JSON.stringify(p.productos)}`,
    `Montos: ${JSON.stringify(p.montos)}`,
    ...(p.pasajes?.length
      ? [
          'Responde la pregunta del cliente solo con lo que dicen estos pasajes de los documentos del negocio; si no lo dicen, usa el borrador. No agregues cifras, fechas, teléfonos, direcciones web ni productos que no estén en ellos.',
          `${MARCAS.pasajes} ${JSON.stringify(p.pasajes)}`,
        ]
      : []),
    'Devuelve solo el texto del mensaje.',
    MARCAS.borrador,
    p.borrador,
  ].join('\n');
}

const entero = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? Math.trunc(x) : null);
const cadena = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/**
 * A model's JSON as an Interpretacion: unknown values fall back to neutral ones, so a sloppy
 * model degrades the turn instead of breaking it. Unusable shapes throw (and the turn falls
 * back to the local rules).
 */
export function aInterpretacion(crudo: unknown): Interpretacion {
  const j = (typeof crudo === 'string' ? JSON.parse(crudo) : crudo) as Record<string, unknown>;
  if (!j || typeof j !== 'object' || Array.isArray(j)) throw new Error('la interpretación del modelo no es un objeto JSON');
  const intencion = (['inventario', 'venta', 'contexto'] as const).find((x) => x === j.intencion) ?? 'contexto';
  const accion = ACCIONES.find((x) => x === j.accion) ?? 'ninguna';
  const productos: Mencion[] = (Array.isArray(j.productos) ? j.productos : [])
    .map((p: Record<string, unknown>) => ({ texto: cadena(p?.texto) ?? '', cantidad: entero(p?.cantidad) }))
    .filter((p) => p.texto);
  const datosCrudos = (j.datos && typeof j.datos === 'object' ? j.datos : {}) as Record<string, unknown>;
  // The same validation as typed data: a model does not get to store a 3-digit cédula.
  const datos: DatosCliente = {};
  for (const c of CAMPOS) {
    const v = typeof datosCrudos[c] === 'string' ? validarCampo(c, datosCrudos[c]) : undefined;
    if (v?.ok) datos[c] = v.valor;
  }
  return {
    intencion,
    accion,
    productos,
    objetivo: cadena(j.objetivo),
    cantidad: entero(j.cantidad) ?? undefined,
    datos,
    tema: TEMAS.find((t) => t === j.tema),
    esPregunta: j.esPregunta === true,
  };
}
