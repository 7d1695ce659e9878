/**
 * npm run eval:busqueda — search quality over the labelled Spanish queries of the demo catalog:
 * hit@1, hit@3 and MRR by query kind, hybrid (local embedder + BM25) beside plain BM25.
 */
import catalogo from '../src/database/seed/catalogo-demo.json';
import { evaluar, MotorEnMemoria } from '../src/retrieval/evaluacion';
import consultas from '../test/fixtures/consultas-busqueda.json';

async function main(): Promise<void> {
  const productos = catalogo.map((p, i) => ({ ...p, id: i + 1, activo: true }));
  const motor = new MotorEnMemoria();
  await motor.cargar(productos);
  const sku = (id: number) => productos[id - 1].sku;
  const hibrida = await evaluar(consultas, motor.hibrida, sku);
  const bm25 = await evaluar(consultas, motor.bm25, sku);
  const f = (x: number) => x.toFixed(3);
  console.log(`${consultas.length} consultas sobre ${productos.length} productos (${motor.embeddings.modelId})\n`);
  console.log('tipo          n   | híbrida hit@1 hit@3  MRR  | BM25 hit@1 hit@3  MRR');
  for (const [tipo, h] of [...hibrida].sort(([a], [b]) => (a === 'total' ? 1 : b === 'total' ? -1 : a.localeCompare(b)))) {
    const b = bm25.get(tipo)!;
    console.log(
      `${tipo.padEnd(13)} ${String(h.consultas).padStart(3)} |       ${f(h.hit1)} ${f(h.hit3)} ${f(h.mrr)} |      ${f(b.hit1)} ${f(b.hit3)} ${f(b.mrr)}`,
    );
  }
}

void main();
