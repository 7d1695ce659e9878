/**
 * npm run eval:agente — intent accuracy of the local understanding, with the confusion table,
 * over two labelled sets: test/fixtures/intenciones.json (written with the rules) and
 * test/fixtures/intenciones-ciegas.json (written by someone who never saw the rules).
 */
import { interpretarLocal } from '../src/chat/agente/entender';
import { Intencion } from '../src/chat/agente/tipos';
import { ContextoInterpretacion } from '../src/chat/llm/llm.interfaces';
import ciegas from '../test/fixtures/intenciones-ciegas.json';
import propias from '../test/fixtures/intenciones.json';

const INTENCIONES: Intencion[] = ['inventario', 'venta', 'contexto'];

interface Etiquetado {
  mensaje: string;
  intencion: string;
  contexto?: Partial<ContextoInterpretacion>;
}

function evaluar(nombre: string, etiquetados: Etiquetado[]): void {
  const confusion = new Map<string, number>();
  const errores: string[] = [];
  for (const e of etiquetados) {
    const obtenida = interpretarLocal(e.mensaje, { fase: null, carrito: [], ...e.contexto }).intencion;
    confusion.set(`${e.intencion}>${obtenida}`, (confusion.get(`${e.intencion}>${obtenida}`) ?? 0) + 1);
    if (obtenida !== e.intencion) errores.push(`  "${e.mensaje}": esperada ${e.intencion}, obtenida ${obtenida}`);
  }
  const n = (a: string, b: string) => confusion.get(`${a}>${b}`) ?? 0;
  console.log(`\n${nombre}: ${etiquetados.length} mensajes, proveedor local\n`);
  console.log(`esperada \\ obtenida  ${INTENCIONES.map((i) => i.padStart(10)).join(' ')}   precisión  exhaustividad`);
  for (const i of INTENCIONES) {
    const fila = INTENCIONES.map((j) => String(n(i, j)).padStart(10)).join(' ');
    const total = INTENCIONES.reduce((s, j) => s + n(i, j), 0);
    const predichos = INTENCIONES.reduce((s, j) => s + n(j, i), 0);
    console.log(`${i.padEnd(19)}  ${fila}   ${(n(i, i) / (predichos || 1)).toFixed(3).padStart(9)}  ${(n(i, i) / (total || 1)).toFixed(3).padStart(13)}`);
  }
  const aciertos = INTENCIONES.reduce((s, i) => s + n(i, i), 0);
  console.log(`\nexactitud: ${(aciertos / etiquetados.length).toFixed(3)} (${aciertos}/${etiquetados.length})`);
  if (errores.length) console.log(`errores:\n${errores.join('\n')}`);
}

evaluar('Conjunto propio (escrito junto a las reglas)', propias as Etiquetado[]);
evaluar('Conjunto ciego (escrito sin ver las reglas)', ciegas as unknown as Etiquetado[]);
