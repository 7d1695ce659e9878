import { palabras } from '../../common/texto';
import { EMPRESA_DEMO } from '../../database/seed/empresa-demo';
import { PERFIL_INICIAL } from '../../empresa/perfil-inicial';
import { raiz } from '../../retrieval/texto/analizador';
import { CatalogoEnMemoria } from './catalogo-en-memoria';
import { Decision, EstadoConversacion, estadoInicial, noEncontrados, registra, totalPedido, trasRegistro } from './maquina';
import { Negocio } from './plantillas';
import { revisarCoherencia } from './revision';
import { ACTOS, TipoActo } from './tipos';
import { SalidaTurno, turnoPuro } from './turno';

/**
 * Scoring of labelled chats (FORMATO-CIEGOS.md): every chat is replayed turn by turn through the
 * pure turn, whatever the agent answered, and compared with its labels. Used by
 * `npm run eval:agente` and by the understanding's unit test.
 */

export interface TurnoEtiquetado {
  mensaje: string;
  actos: string[];
  menciones: Array<{ texto: string; en_catalogo: boolean }>;
}
export interface ConjuntoEtiquetado {
  /** the shop the set was written for, when it is not the demo one */
  catalogo?: Array<{ sku: string; nombre: string; descripcion: string; precio: number; stock: number; categoria: string; activo?: boolean }>;
  empresa?: Record<string, unknown>;
  generacion?: number;
  descripcion?: string;
  chats: Array<{ id: string; turnos: TurnoEtiquetado[] }>;
}

// ("pa", "pal", "d": how chat writes "para", "para el", "de"; the predicted spans come spelt out, the labels as written)
const ARTICULOS = new Set(['el', 'la', 'los', 'las', 'un', 'una', 'unos', 'unas', 'de', 'd', 'del', 'para', 'pa', 'pal', 'con', 'y', 'en', 'a', 'al']);
const tokens = (t: string) =>
  new Set(
    palabras(t)
      .filter((w) => !ARTICULOS.has(w))
      .map(raiz),
  );
function jaccard(a: Set<string>, b: Set<string>): number {
  const inter = [...a].filter((x) => b.has(x)).length;
  const union = new Set([...a, ...b]).size;
  return union ? inter / union : 0;
}
const coincide = (a: string, b: string) => jaccard(tokens(a), tokens(b)) >= 0.5;

/** greedy one-to-one matching of predicted and labelled spans */
function emparejar(predichas: string[], etiquetadas: string[]): number {
  const libres = [...etiquetadas];
  let aciertos = 0;
  for (const p of predichas) {
    const i = libres.findIndex((l) => coincide(p, l));
    if (i >= 0) {
      libres.splice(i, 1);
      aciertos++;
    }
  }
  return aciertos;
}

export interface Metricas {
  turnos: number;
  chats: number;
  exactitudActos: number;
  porActo: Record<string, { precision: number; exhaustividad: number; soporte: number }>;
  menciones: { precision: number; exhaustividad: number; f1: number };
  palabrasComoFaltantes: number;
  /** turns whose reply says two things of one product or whose counts went elsewhere than the message put them (revisarCoherencia) */
  incoherencias: number;
  fallos: string[];
}

/** a set's profile is written as its writer read perfil.txt, where the payment methods are one line; the shop keeps a list */
const mediosPago = (medios: unknown): Partial<Negocio> => (typeof medios === 'string' ? { medios_pago: medios.split(/\s*,\s*|\s+y\s+/).filter(Boolean) } : {});

/** the shop a set was written for: its own catalog and profile, otherwise the demo ones */
export async function tiendaDe(conjunto: ConjuntoEtiquetado, demo: CatalogoEnMemoria): Promise<{ negocio: Negocio; motor: CatalogoEnMemoria }> {
  return {
    // a shop of its own starts where a new shop does (its data notice names no other shop), then takes what the set gives
    negocio: { ...(conjunto.empresa ? PERFIL_INICIAL : EMPRESA_DEMO), ...conjunto.empresa, ...mediosPago(conjunto.empresa?.medios_pago) } as unknown as Negocio,
    motor: conjunto.catalogo?.length
      ? await new CatalogoEnMemoria().cargar(conjunto.catalogo.map((p, i) => ({ ...p, id: i + 1, activo: p.activo ?? true })))
      : demo,
  };
}

/** Replays every chat of a set turn by turn through the pure turn, whatever the agent answered; a registering turn registers order #1. */
export async function* reproducir(
  conjunto: ConjuntoEtiquetado,
  motor: CatalogoEnMemoria,
  negocio: Negocio,
): AsyncGenerator<{ chat: string; turno: TurnoEtiquetado; salida: SalidaTurno; decision: Decision }> {
  const puertos = motor.puertos();
  for (const chat of conjunto.chats) {
    let estado: EstadoConversacion = estadoInicial();
    for (const turno of chat.turnos) {
      const salida = await turnoPuro({ mensaje: turno.mensaje, estado, negocio, carritoActual: {}, ahora: '2026-12-01T10:00:00.000Z' }, puertos);
      const decision = registra(salida.decision)
        ? trasRegistro(salida.decision.estado, { id: 1, total: totalPedido(salida.decision.estado.items), estado: 'pendiente' }, negocio)
        : salida.decision;
      estado = decision.estado;
      yield { chat: chat.id, turno, salida, decision };
    }
  }
}

/**
 * Replays a set through the pure turn. A set may carry its own shop (`catalogo`, `empresa`): it
 * is replayed against that catalog and profile, otherwise against the demo shop (`demo`).
 */
export async function evaluarConjunto(conjunto: ConjuntoEtiquetado, demo: CatalogoEnMemoria): Promise<Metricas> {
  const { negocio, motor } = await tiendaDe(conjunto, demo);
  const conteo = Object.fromEntries(ACTOS.map((a) => [a, { tp: 0, fp: 0, fn: 0 }])) as Record<TipoActo, { tp: number; fp: number; fn: number }>;
  let exactos = 0;
  let turnos = 0;
  let mp = 0;
  let ml = 0;
  let mt = 0;
  let faltantes = 0;
  let incoherencias = 0;
  const carritos = new Map<string, Array<{ nombre: string; cantidad: number }>>();
  const fallos: string[] = [];
  for await (const { chat: id, turno: t, salida, decision: final } of reproducir(conjunto, motor, negocio)) {
    turnos++;
    const despues = final.estado.items.map((l) => ({ nombre: l.nombre, cantidad: l.cantidad }));
    if (revisarCoherencia({ mensaje: t.mensaje, respuesta: final.respuesta, antes: carritos.get(id) ?? [], despues }).length) incoherencias++;
    carritos.set(id, despues);
    const { interpretacion, decision } = salida;
    const predichos = new Set(interpretacion.actos.map((a) => a.tipo));
    const esperados = new Set(t.actos as TipoActo[]);
    const exacto = predichos.size === esperados.size && [...predichos].every((a) => esperados.has(a));
    if (exacto) exactos++;
    for (const a of ACTOS) {
      if (predichos.has(a) && esperados.has(a)) conteo[a].tp++;
      else if (predichos.has(a)) conteo[a].fp++;
      else if (esperados.has(a)) conteo[a].fn++;
    }
    const menciones = interpretacion.actos.flatMap((a) => (a.productos ?? []).filter((m) => !m.eliptica).map((m) => m.texto));
    const etiquetadas = t.menciones.map((m) => m.texto);
    const aciertos = emparejar(menciones, etiquetadas);
    mp += menciones.length;
    ml += etiquetadas.length;
    mt += aciertos;
    const faltan = noEncontrados(decision).filter((x) => !t.menciones.some((m) => !m.en_catalogo && coincide(x, m.texto)));
    faltantes += faltan.length;
    if (!exacto || aciertos !== menciones.length || aciertos !== etiquetadas.length || faltan.length)
      fallos.push(
        `  ${id} "${t.mensaje}"\n    actos ${[...esperados].join('+')} → ${[...predichos].join('+')}` +
          `${aciertos !== menciones.length || aciertos !== etiquetadas.length ? `\n    menciones ${JSON.stringify(etiquetadas)} → ${JSON.stringify(menciones)}` : ''}` +
          `${faltan.length ? `\n    "no manejamos" ${JSON.stringify(faltan)}` : ''}`,
      );
  }
  const porActo: Metricas['porActo'] = {};
  for (const a of ACTOS) {
    const c = conteo[a];
    if (c.tp + c.fp + c.fn === 0) continue;
    porActo[a] = { precision: c.tp / (c.tp + c.fp || 1), exhaustividad: c.tp / (c.tp + c.fn || 1), soporte: c.tp + c.fn };
  }
  const precision = mp ? mt / mp : 1;
  const exhaustividad = ml ? mt / ml : 1;
  return {
    turnos,
    chats: conjunto.chats.length,
    exactitudActos: exactos / (turnos || 1),
    porActo,
    menciones: { precision, exhaustividad, f1: precision + exhaustividad ? (2 * precision * exhaustividad) / (precision + exhaustividad) : 0 },
    palabrasComoFaltantes: faltantes,
    incoherencias,
    fallos,
  };
}
