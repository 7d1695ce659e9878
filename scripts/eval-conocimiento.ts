/**
 * npm run eval:conocimiento — how the knowledge base answers business questions, over the demo
 * shop: hit@1 and hit@3 by tema (the answer's top / top-3 source entries include one tagged with
 * it; for `perfil`, the structured profile answered; for `no_cubierto`, an honest "no sé"), the
 * honest "no sé" count and the invented answers (a `no_cubierto` question answered from an
 * entry: must be zero). Own set: test/fixtures/conocimiento-etiquetado.json, and revealed sets
 * test/fixtures/desarrollo/conocimiento-*.json, misses listed. Blind sets
 * test/fixtures/ciegos/conocimiento-*.json: figures only, never their misses.
 * `--sin-fallos` prints figures only; `--solo-cifras=conocimiento-g5a.json,…` prints figures only
 * for the named revealed sets (kept as held-out validation).
 *
 * A set may carry its own knowledge base (`entradas`: tema, tipo, titulo, pregunta, contenido):
 * it is then evaluated against those entries instead of the demo ones, which come back after.
 *
 * Every question is one fresh chat turn through the real ChatService, offline (local provider),
 * on a throw-away SQLite database with the demo seed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Conocimiento } from '../src/conocimiento/conocimiento.entity';
import { conFallos } from './opciones-eval';

interface Pregunta {
  pregunta: string;
  tema: string;
}

interface EntradaConjunto {
  tema: string;
  tipo: 'faq' | 'documento';
  titulo: string;
  pregunta?: string;
  contenido: string;
  productos_sku?: string[];
}

interface Conjunto {
  preguntas: Pregunta[];
  entradas?: EntradaConjunto[];
}

interface Resultado {
  pregunta: Pregunta;
  /** the temas of the answer's source entries, best first; 'perfil' when the profile answered */
  temas: string[];
  /** an entry of the knowledge base answered */
  sabe: boolean;
  respuesta: string;
}

const dir = mkdtempSync(join(tmpdir(), 'eval-conocimiento-'));
Object.assign(process.env, {
  NODE_ENV: 'test',
  DATABASE_URL: `sqlite:${join(dir, 'agente.db')}`,
  DATA_DIR: dir,
  SEED_DEMO: 'true',
  LLM_PROVIDER: 'local',
  EMBEDDINGS_PROVIDER: 'local',
  JWT_SECRET: 'x'.repeat(40),
  LOG_LEVEL: 'error',
});

async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../src/app.module');
  const { ChatService } = await import('../src/chat/chat.service');
  const { EntradasService } = await import('../src/conocimiento/entradas.service');
  const { LIMITE_MAXIMO } = await import('../src/common/dto/paginacion.dto');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error'] });
  const chat = app.get(ChatService);
  const entradas = app.get(EntradasService);

  /** Replaces the whole knowledge base by these entries; returns the ones it had, to put back. */
  const reemplazarBase = async (nuevas: EntradaConjunto[]): Promise<EntradaConjunto[]> => {
    const antes: Conocimiento[] = [];
    for (let lote; (lote = (await entradas.listar({ pagina: 1, limite: LIMITE_MAXIMO, saltar: 0 })).items).length;) {
      for (const c of lote) await entradas.eliminar(c.id);
      antes.push(...lote);
    }
    for (const e of nuevas) await entradas.crear({ ...e, activo: true });
    return antes.map((c) => ({
      tema: c.tema ?? '',
      tipo: c.tipo,
      titulo: c.titulo,
      pregunta: c.pregunta ?? undefined,
      contenido: c.contenido,
      productos_sku: c.productos_sku ?? [],
    }));
  };

  const responder = async (p: Pregunta, i: number): Promise<Resultado> => {
    const r = await chat.atender(p.pregunta, `eval-${i}`, 'api');
    const m = r.metadatos as { conocimiento?: { fuentes?: Array<{ tema: string | null }>; sabe?: boolean }; fuente?: string };
    const fuentes = m.conocimiento?.fuentes ?? [];
    const temas = m.fuente === 'perfil' ? ['perfil'] : fuentes.map((f) => f.tema ?? '');
    return { pregunta: p, temas, sabe: fuentes.length > 0, respuesta: r.respuesta };
  };

  let turnos = 0;
  const evaluar = async (nombre: string, { preguntas, entradas: propias }: Conjunto, mostrarFallos: boolean) => {
    const demo = propias ? await reemplazarBase(propias) : undefined;
    const resultados: Resultado[] = [];
    for (const p of preguntas) resultados.push(await responder(p, turnos++));
    if (demo) await reemplazarBase(demo);
    const porTema = new Map<string, { n: number; h1: number; h3: number }>();
    const fallos: string[] = [];
    let noSe = 0;
    let inventadas = 0;
    for (const r of resultados) {
      const t = r.pregunta.tema;
      const fila = porTema.get(t) ?? { n: 0, h1: 0, h3: 0 };
      fila.n++;
      let h1: boolean;
      let h3: boolean;
      if (t === 'no_cubierto') {
        h1 = h3 = !r.sabe;
        if (r.sabe) inventadas++;
        else noSe++;
      } else {
        h1 = r.temas[0] === t;
        h3 = r.temas.slice(0, 3).includes(t);
      }
      fila.h1 += Number(h1);
      fila.h3 += Number(h3);
      porTema.set(t, fila);
      if (!h1) fallos.push(`  [${t}] "${r.pregunta.pregunta}" → ${r.temas.join(', ') || 'no sé'} | ${r.respuesta.split('\n')[0].slice(0, 110)}`);
    }
    const total = resultados.length;
    const cubiertas = resultados.filter((r) => r.pregunta.tema !== 'no_cubierto');
    const sumar = (f: (x: { h1: number; h3: number }) => number) =>
      [...porTema.entries()].filter(([t]) => t !== 'no_cubierto').reduce((s, [, v]) => s + f(v), 0);
    console.log(`\n${nombre}: ${total} preguntas, ${propias ? `${propias.length} entradas propias` : 'entradas de la demo'}, proveedor local\n`);
    console.log(`${'tema'.padEnd(26)} ${'n'.padStart(3)}  hit@1  hit@3`);
    for (const [t, v] of [...porTema.entries()].sort())
      console.log(`${t.padEnd(26)} ${String(v.n).padStart(3)}  ${(v.h1 / v.n).toFixed(2)}   ${(v.h3 / v.n).toFixed(2)}`);
    console.log(
      `\ncubiertas: hit@1 ${(sumar((v) => v.h1) / (cubiertas.length || 1)).toFixed(3)}, hit@3 ${(sumar((v) => v.h3) / (cubiertas.length || 1)).toFixed(3)} (${cubiertas.length} preguntas)`,
    );
    const noCubiertas = porTema.get('no_cubierto')?.n ?? 0;
    console.log(`"no sé" honestos en no_cubierto: ${noSe}/${noCubiertas}; respuestas inventadas: ${inventadas}`);
    if (mostrarFallos && fallos.length) console.log(`fallos (hit@1):\n${fallos.join('\n')}`);
    return inventadas;
  };

  const leer = (f: string) => JSON.parse(readFileSync(f, 'utf8')) as Conjunto;
  const conjuntos = (carpeta: string) => {
    const d = join(__dirname, '../test/fixtures', carpeta);
    return existsSync(d)
      ? readdirSync(d)
          .filter((x) => /^conocimiento-.*\.json$/.test(x))
          .sort()
          .map((f) => ({ f, conjunto: leer(join(d, f)) }))
      : [];
  };
  let inventadas = await evaluar(
    'Conjunto propio',
    leer(join(__dirname, '../test/fixtures/conocimiento-etiquetado.json')),
    conFallos('conocimiento-etiquetado.json'),
  );
  for (const { f, conjunto } of conjuntos('desarrollo')) inventadas += await evaluar(`Conjunto de desarrollo ${f}`, conjunto, conFallos(f));
  for (const { f, conjunto } of conjuntos('ciegos')) inventadas += await evaluar(`Conjunto ciego ${f}`, conjunto, false);
  await app.close();
  rmSync(dir, { recursive: true, force: true });
  if (inventadas > 0) process.exitCode = 1;
}

void main();
