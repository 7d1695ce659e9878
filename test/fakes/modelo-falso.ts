import { comprender } from '../../src/chat/agente/entender';
import catalogoDemo from '../../src/database/seed/catalogo-demo.json';
import { aJson, MARCAS } from '../../src/chat/llm/instrucciones';
import { ContextoInterpretacion } from '../../src/chat/llm/llm.interfaces';
import { LocalEmbeddings } from '../../src/retrieval/embeddings/local.embeddings';
import { Analizador } from '../../src/retrieval/texto/analizador';
import { cargarSinonimos } from '../../src/retrieval/texto/lexico';
import { VocabularioCatalogo } from '../../src/retrieval/texto/vocabulario';

/** What a fake language model is asked: the system text, the user text, and whether JSON is expected. */
export interface PeticionModelo {
  sistema: string;
  usuario: string;
  esInterpretacion: boolean;
  /** MIME type of an image sent with the request (vision) */
  imagen?: string;
}

/** The fake model's text for a request; tests replace it to script a misbehaving model. */
export type Responder = (p: PeticionModelo) => string;

/**
 * A stand-in for a capable model, good enough to run whole conversations: it understands
 * like the local rules (reading the context the prompt carries) and phrases the draft it is
 * given with a greeting of its own. Tests swap it to make the model lie, ramble or fail.
 */
export const modeloCompetente: Responder = ({ sistema, usuario, esInterpretacion, imagen }) => {
  if (imagen) return 'sin producto';
  if (esInterpretacion) {
    const linea = sistema.split('\n').find((l) => l.startsWith(MARCAS.contexto)) ?? '';
    const contexto = JSON.parse(linea.slice(MARCAS.contexto.length).trim() || '{"fase":null,"carrito":[]}') as ContextoInterpretacion;
    // the wire shape: every key present, nulls for absent values
    return JSON.stringify(aJson(comprender(usuario, contexto, vocabularioDemo())));
  }
  // a knowledge answer: written from the first passage it was given, as a grounded model would
  const pasajes = sistema.split('\n').find((l) => l.startsWith(MARCAS.pasajes));
  if (pasajes) {
    const [primero = ''] = JSON.parse(pasajes.slice(MARCAS.pasajes.length).trim()) as string[];
    return `¡Claro que sí! ${primero.split(/(?<=[.!?])\s+/)[0]}`;
  }
  const borrador = sistema.slice(sistema.indexOf(MARCAS.borrador) + MARCAS.borrador.length).trim();
  return `¡Con mucho gusto! ${borrador}`;
};

const analizador = new Analizador(cargarSinonimos());
let vocabulario: VocabularioCatalogo | undefined;

/** the fake model knows the demo shop's words, as a real model reads them from its context */
function vocabularioDemo(): VocabularioCatalogo {
  if (!vocabulario) {
    vocabulario = new VocabularioCatalogo(analizador);
    catalogoDemo.forEach((p, i) => vocabulario!.indexar({ ...p, id: i + 1, activo: true }));
  }
  return vocabulario;
}
const embebedores = new Map<number, LocalEmbeddings>();

/** Deterministic, meaningful vectors for fake embedding servers: the local embedder at any size. */
export function vectorFalso(texto: string, dimension: number, consulta = false): number[] {
  let e = embebedores.get(dimension);
  if (!e) embebedores.set(dimension, (e = new LocalEmbeddings(analizador, dimension)));
  return Array.from(e.vector(texto, consulta));
}
