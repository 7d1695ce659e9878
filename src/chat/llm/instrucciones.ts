import { validarCampo } from '../agente/datos-cliente';
import { Acto, ACTOS, ASPECTOS, CAMPOS, DatosCliente, Interpretacion, Mencion, REFERENCIAS, TEMAS } from '../agente/tipos';
import { ContextoInterpretacion, PeticionRedaccion } from './llm.interfaces';

const texto = { type: ['string', 'null'] };
const entero = { type: ['integer', 'null'] };

/**
 * JSON Schema of an Interpretacion, in the strict subset OpenAI and Gemini both accept: every
 * key present, null for what an act does not use. Derived from ACTOS, TEMAS, ASPECTOS.
 */
export const ESQUEMA_INTERPRETACION = {
  type: 'object',
  additionalProperties: false,
  required: ['actos', 'esPregunta'],
  properties: {
    actos: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['tipo', 'productos', 'variantes', 'referencia', 'posicion', 'cantidad', 'objetivo', 'aspecto', 'siguiente', 'todo', 'tema', 'datos'],
        properties: {
          tipo: { type: 'string', enum: [...ACTOS] },
          productos: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['texto', 'cantidad'],
              properties: { texto: { type: 'string' }, cantidad: entero },
            },
          },
          variantes: {
            type: 'array',
            items: {
              type: 'object',
              additionalProperties: false,
              required: ['texto', 'cantidad'],
              properties: { texto: { type: 'string' }, cantidad: entero },
            },
          },
          referencia: { type: ['string', 'null'], enum: [...REFERENCIAS, null] },
          posicion: entero,
          cantidad: entero,
          objetivo: texto,
          aspecto: { type: ['string', 'null'], enum: [...ASPECTOS, null] },
          siguiente: { type: ['boolean', 'null'] },
          todo: { type: ['boolean', 'null'] },
          tema: { type: ['string', 'null'], enum: [...TEMAS, null] },
          datos: { type: 'object', additionalProperties: false, required: [...CAMPOS], properties: Object.fromEntries(CAMPOS.map((c) => [c, texto])) },
        },
      },
    },
    esPregunta: { type: 'boolean' },
  },
} as const;

/** Marks the model's reply must not break: the fakes in test/ read them too. */
export const MARCAS = { contexto: 'CONTEXTO_JSON:', borrador: 'BORRADOR:', pasajes: 'PASAJES:' } as const;

export function instruccionesInterpretacion(contexto: ContextoInterpretacion): string {
  return [
    'Eres el módulo de comprensión de un agente de ventas por chat de una tienda colombiana. No respondes al cliente: devuelves solo el JSON pedido.',
    `actos: todos los actos de diálogo del mensaje, en orden, de esta lista: ${ACTOS.join(', ')}. "otro" es un comentario, una reacción o un plan del cliente ("uy q mal", "paso mañana", "lo consulto con el jefe"): solo, o junto a los demás actos cuando el mensaje trae además un comentario aparte.`,
    'Una necesidad sin cantidad ni elección concreta ("necesito guantes de nitrilo", "busco un chaleco que se vea de noche") es consultar_producto; agregar es querer llevar algo con cantidad o eligiendo uno concreto ("dame 2", "quiero 10 guantes", "me llevo ese").',
    'productos: para agregar, consultar_producto y consultar_catalogo, una entrada por producto nombrado, con el texto como lo escribió el cliente sin cantidad, artículos ni verbos, y la cantidad en número (dos → 2, media docena → 6) o null. "20 libras" es parte del producto. "ayuda", "un pedido", "los precios", "bueno" no son productos.',
    `referencia: ${REFERENCIAS.join(', ')} cuando el cliente señala lo que se le acaba de mostrar ("ese", "el segundo" con posicion 2, "los dos"); cantidad sola ("dame 15") va en cantidad.`,
    'objetivo y cantidad: para quitar o cambiar_cantidad, la línea a la que se refiere ("los guantes") y la nueva cantidad.',
    'variantes: para agregar o consultar_producto sin nombre de producto, las variantes de lo que se acaba de mostrar ("10 del naranja y 5 del verde" → [{texto:"naranja",cantidad:10},{texto:"verde",cantidad:5}]).',
    `aspecto (consultar_producto): ${ASPECTOS.join(', ')}. siguiente (consultar_catalogo): true para "ver más"; todo: true para "ver todo".`,
    `tema (consultar_negocio): ${TEMAS.join(', ')}.`,
    'datos (dar_datos): nombre_completo, cedula (5 a 12 dígitos), telefono (celular colombiano), correo, direccion, barrio, indicaciones_adicionales; null lo que no esté. Una pregunta nunca es un nombre ni una dirección.',
    'Si el agente pidió un dato (campoPendiente) y el mensaje solo trae ese dato, es dar_datos; un saludo, una pregunta o un producto son lo que son. Si acaba de listar opciones o productos (mostrados), "el de 20", "el segundo" o "dame 15" se refieren a ellos.',
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

const numero = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? Math.trunc(x) : null);
const cadena = (x: unknown): string | undefined => (typeof x === 'string' && x.trim() ? x.trim() : undefined);

/**
 * A model's JSON as an Interpretacion: unknown values fall back to neutral ones, so a sloppy
 * model degrades the turn instead of breaking it. Unusable shapes throw (and the turn falls
 * back to the local rules).
 */
export function aInterpretacion(crudo: unknown): Interpretacion {
  const j = (typeof crudo === 'string' ? JSON.parse(crudo) : crudo) as Record<string, unknown>;
  if (!j || typeof j !== 'object' || Array.isArray(j) || !Array.isArray(j.actos))
    throw new Error('la interpretación del modelo no es un objeto JSON con actos');
  const actos: Acto[] = (j.actos as Array<Record<string, unknown>>).flatMap((a) => {
    const tipo = ACTOS.find((x) => x === a?.tipo);
    if (!tipo) return [];
    const acto: Acto = { tipo };
    const productos: Mencion[] = (Array.isArray(a.productos) ? a.productos : [])
      .map((p: Record<string, unknown>) => ({ texto: cadena(p?.texto) ?? '', cantidad: numero(p?.cantidad), enCatalogo: true }))
      .filter((p) => p.texto);
    if (productos.length) acto.productos = productos;
    const referencia = REFERENCIAS.find((x) => x === a.referencia);
    if (referencia) acto.referencia = { tipo: referencia, ...(numero(a.posicion) !== null ? { posicion: numero(a.posicion)! } : {}) };
    if (numero(a.cantidad) !== null) acto.cantidad = numero(a.cantidad)!;
    if (cadena(a.objetivo)) acto.objetivo = cadena(a.objetivo);
    const aspecto = ASPECTOS.find((x) => x === a.aspecto);
    if (aspecto) acto.aspecto = aspecto;
    if (a.siguiente === true) acto.siguiente = true;
    if (a.todo === true) acto.todo = true;
    const variantes = (Array.isArray(a.variantes) ? a.variantes : [])
      .map((v: Record<string, unknown>) => ({ texto: cadena(v?.texto) ?? '', cantidad: numero(v?.cantidad) }))
      .filter((v) => v.texto);
    if (variantes.length) acto.variantes = variantes;
    const tema = TEMAS.find((x) => x === a.tema);
    if (tema) acto.tema = tema;
    const datosCrudos = (a.datos && typeof a.datos === 'object' ? a.datos : {}) as Record<string, unknown>;
    // The same validation as typed data: a model does not get to store a 3-digit cédula.
    const datos: DatosCliente = {};
    for (const c of CAMPOS) {
      const v = typeof datosCrudos[c] === 'string' ? validarCampo(c, datosCrudos[c]) : undefined;
      if (v?.ok) datos[c] = v.valor;
    }
    if (Object.keys(datos).length || tipo === 'dar_datos') acto.datos = datos;
    return [acto];
  });
  return { actos: actos.length ? actos : [{ tipo: 'otro' }], esPregunta: j.esPregunta === true };
}

/** An Interpretacion in the wire shape of ESQUEMA_INTERPRETACION (every key, nulls), as a model sends it. */
export function aJson(i: Interpretacion): object {
  return {
    esPregunta: i.esPregunta,
    actos: i.actos.map((a) => ({
      tipo: a.tipo,
      productos: (a.productos ?? []).map((p) => ({ texto: p.texto, cantidad: p.cantidad })),
      variantes: a.variantes ?? [],
      referencia: a.referencia?.tipo ?? null,
      posicion: a.referencia?.posicion ?? null,
      cantidad: a.cantidad ?? null,
      objetivo: a.objetivo ?? null,
      aspecto: a.aspecto ?? null,
      siguiente: a.siguiente ?? null,
      todo: a.todo ?? null,
      tema: a.tema ?? null,
      datos: Object.fromEntries(CAMPOS.map((c) => [c, a.datos?.[c] ?? null])),
    })),
  };
}
