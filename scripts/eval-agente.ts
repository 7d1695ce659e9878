/**
 * npm run eval:agente — how well the agent reads real customers. Every labelled chat is replayed
 * turn by turn through the pure pipeline (understand → resolve → decide, the code ChatService
 * runs) over the demo catalog and profile, and scored: act accuracy (the exact set per turn) with
 * per-act precision/recall, mention precision/recall/F1, the ordinary words answered as
 * missing products, and the incoherent turns (revisarCoherencia). Sets: test/fixtures/agente-etiquetado.json (ours: misses are printed) and
 * every test/fixtures/ciegos/agente-*.json (blind: figures only, never their misses).
 * `--sin-fallos` prints figures only; `--solo-cifras=agente-g3c.json,…` prints figures only for
 * the named revealed sets (kept as held-out validation).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogoEnMemoria } from '../src/chat/agente/catalogo-en-memoria';
import { ConjuntoEtiquetado, evaluarConjunto, Metricas } from '../src/chat/agente/evaluacion';
import catalogo from '../src/database/seed/catalogo-demo.json';
import { conFallos } from './opciones-eval';

function imprimir(nombre: string, m: Metricas, conFallos: boolean): void {
  console.log(`\n${nombre}: ${m.chats} chats, ${m.turnos} turnos`);
  console.log(`  exactitud de actos (conjunto exacto por turno): ${m.exactitudActos.toFixed(3)}`);
  console.log(
    `  menciones: precisión ${m.menciones.precision.toFixed(3)}, exhaustividad ${m.menciones.exhaustividad.toFixed(3)}, F1 ${m.menciones.f1.toFixed(3)}`,
  );
  console.log(`  palabras corrientes respondidas como productos que no hay: ${m.palabrasComoFaltantes}`);
  console.log(`  turnos incoherentes (dos cosas de un producto, cantidades fuera de su sitio): ${m.incoherencias}`);
  console.log(`  ${'acto'.padEnd(20)} precisión  exhaustividad  soporte`);
  for (const [a, x] of Object.entries(m.porActo))
    console.log(`  ${a.padEnd(20)} ${x.precision.toFixed(3).padStart(9)}  ${x.exhaustividad.toFixed(3).padStart(13)}  ${String(x.soporte).padStart(7)}`);
  if (conFallos && m.fallos.length) console.log(`  fallos:\n${m.fallos.join('\n')}`);
}

/** the agent sets of a folder (agente-*.json), none when it does not exist */
function existentes(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => /^agente-.*\.json$/.test(f))
      .sort();
  } catch {
    return [];
  }
}

async function main(): Promise<void> {
  const motor = await new CatalogoEnMemoria().cargar(catalogo.map((p, i) => ({ ...p, id: i + 1, activo: true })));
  const raizFixtures = join(__dirname, '..', 'test', 'fixtures');
  const propio = JSON.parse(readFileSync(join(raizFixtures, 'agente-etiquetado.json'), 'utf8')) as ConjuntoEtiquetado;
  imprimir('Conjunto propio (test/fixtures/agente-etiquetado.json)', await evaluarConjunto(propio, motor), conFallos('agente-etiquetado.json'));
  // revealed blind generations: for development, misses printed
  const dirDesarrollo = join(raizFixtures, 'desarrollo');
  const desarrollo = existentes(dirDesarrollo);
  for (const f of desarrollo) {
    const conjunto = JSON.parse(readFileSync(join(dirDesarrollo, f), 'utf8')) as ConjuntoEtiquetado;
    imprimir(`Conjunto de desarrollo ${f} (ciego revelado)`, await evaluarConjunto(conjunto, motor), conFallos(f));
  }
  const dirCiegos = join(raizFixtures, 'ciegos');
  const ciegos = existentes(dirCiegos);
  for (const f of ciegos) {
    const conjunto = JSON.parse(readFileSync(join(dirCiegos, f), 'utf8')) as ConjuntoEtiquetado;
    // blind: figures only, so nobody tunes to its misses
    imprimir(`Conjunto ciego ${f}${conjunto.generacion ? ` (generación ${conjunto.generacion})` : ''}`, await evaluarConjunto(conjunto, motor), false);
  }
  if (ciegos.length === 0) console.log('\n(no hay conjuntos ciegos en test/fixtures/ciegos/agente-*.json)');
}

if (require.main === module) void main();
