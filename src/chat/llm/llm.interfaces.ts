import { Campo, Fase, Interpretacion } from '../agente/tipos';

/** DI token of the language model the agent uses (LLM_PROVIDER=local|gemini|openai). */
export const MODELO_LENGUAJE = Symbol('MODELO_LENGUAJE');

/** What the model is told about the conversation so it can read a short answer ("el de 20", "sí"). */
export interface ContextoInterpretacion {
  fase: Fase | null;
  /** the customer-data field the agent just asked for */
  campoPendiente?: Campo;
  /** names of the products in the cart */
  carrito: string[];
  /** the options the agent just listed, when it asked which variant */
  opciones?: string[];
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
  /** understanding as structured data; the state machine, not the model, acts on it */
  interpretar(mensaje: string, contexto: ContextoInterpretacion): Promise<Interpretacion>;
  /** the answer in the shop's voice; the local model returns the borrador unchanged */
  redactar(peticion: PeticionRedaccion): Promise<string>;
}
