import { Campo, Fase, Interpretacion, TipoActo } from '../agente/tipos';
import { LectorCatalogo } from '../../retrieval/texto/vocabulario';

/** DI token of the language model the agent uses (LLM_PROVIDER=local|gemini|openai). */
export const MODELO_LENGUAJE = Symbol('MODELO_LENGUAJE');

/** What understanding is told about the conversation, so follow-ups ("el de 20", "sí", "dame 15") are read right. */
export interface ContextoInterpretacion {
  fase: Fase | null;
  /** the customer-data field the agent just asked for */
  campoPendiente?: Campo;
  /** names of the products in the cart */
  carrito: string[];
  /** the options the agent just listed, when it asked which variant */
  opciones?: string[];
  /** memory: the products the last answers showed */
  mostrados?: string[];
  /** the last answer offered the units in stock ("solo tenemos 40, ¿te agrego esas 40?") */
  ofertaStock?: boolean;
  /** the last answer asked how many: a bare number is that quantity, also while collecting data */
  esperaCantidad?: boolean;
  /** memory: the products discussed lately, most recent last */
  recientes?: string[];
  /** the main act of the previous turn ("y el amarillo" after a price question asks its price too) */
  ultimoActo?: TipoActo;
  /** memory: the last list of several products shown, still there after one of them was picked ("y también el verde") */
  lista?: string[];
  /** memory: the category or list last shown */
  categoria?: string;
  /** the last turns of the conversation, oldest first */
  ultimosTurnos?: Array<{ remitente: 'usuario' | 'agente'; mensaje: string }>;
}

export interface FilaProducto {
  nombre: string;
  /** pesos, exact */
  precio: number;
}

/** Everything a model may use to phrase an answer: nothing else reaches it. */
export interface PeticionRedaccion {
  mensajeCliente: string;
  /** the template answer: correct facts, plain wording */
  borrador: string;
  /** catalog rows the answer may name */
  productos: FilaProducto[];
  /** every amount the answer may state (unit prices, subtotals, total) */
  montos: number[];
  nombreAgente: string;
  nombreNegocio: string;
  tono: string;
  /** knowledge-base passages: the answer must say only what they say (src/conocimiento/) */
  pasajes?: string[];
}

export interface ModeloLenguaje {
  /** 'local', 'gemini:<modelo>' or 'openai:<modelo>' */
  readonly nombre: string;
  /**
   * understanding as dialogue acts; the state machine, not the model, acts on them. `lector` is
   * the catalog's vocabulary: the local rules ground mentions in it, remote models are grounded
   * by the pipeline after they answer.
   */
  interpretar(mensaje: string, contexto: ContextoInterpretacion, lector: LectorCatalogo): Promise<Interpretacion>;
  /** the answer in the shop's voice; the local model returns the borrador unchanged */
  redactar(peticion: PeticionRedaccion): Promise<string>;
}
