/**
 * npm run eval:agente — intent accuracy of the local understanding over labelled messages
 * (test/fixtures/intenciones.json), with the confusion table.
 */
import { interpretarLocal } from '../src/chat/agente/entender';
import { Intencion } from '../src/chat/agente/tipos';
import { ContextoInterpretacion } from '../src/chat/llm/llm.interfaces';
import etiquetados from '../test/fixtures/intenciones.json';

const INTENCIONES: Intencion[] = ['inventario', 'venta', 'contexto'];
const confusion = new Map<string, number>();
const errores: string[] = [];
for (const e of etiquetados) {
  const contexto = { fase: null, carrito: [], ...e.contexto } as ContextoInterpretacion;
  const obtenida = interpretarLocal(e.mensaje, contexto).intencion;
  confusion.set(`${e.intencion}>${obtenida}`, (confusion.get(`${e.intencion}>${obtenida}`) ?? 0) + 1);
  if (obtenida !== e.intencion) errores.push(`  "${e.mensaje}": esperada ${e.intencion}, obtenida ${obtenida}`);
}
const n = (a: string, b: string) => confusion.get(`${a}>${b}`) ?? 0;
console.log(`${etiquetados.length} mensajes etiquetados, proveedor local\n`);
console.log(`esperada \\ obtenida  ${INTENCIONES.map((i) => i.padStart(10)).join(' ')}   precisión  exhaustividad`);
for (const i of INTENCIONES) {
  const fila = INTENCIONES.map((j) => String(n(i, j)).padStart(10)).join(' ');
  const total = INTENCIONES.reduce((s, j) => s + n(i, j), 0);
  const predichos = INTENCIONES.reduce((s, j) => s + n(j, i), 0);
  console.log(`${i.padEnd(19)}  ${fila}   ${(n(i, i) / (predichos || 1)).toFixed(3).padStart(9)}  ${(n(i, i) / (total || 1)).toFixed(3).padStart(13)}`);
}
const aciertos = INTENCIONES.reduce((s, i) => s + n(i, i), 0);
console.log(`\nexactitud: ${(aciertos / etiquetados.length).toFixed(3)} (${aciertos}/${etiquetados.length})`);
if (errores.length) console.log(`\nerrores:\n${errores.join('\n')}`);
