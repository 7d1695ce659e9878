import { Worker } from 'node:worker_threads';

/**
 * pdf-parse (pdf.js) runs in a worker thread: a large PDF never blocks chat turns, and pdf.js
 * loads its own worker with Node's real module loader (jest's sandbox cannot). The worker is
 * given the resolved module path, so it finds pdf-parse from src/ and from dist/ alike.
 */
const CODIGO = `
const { parentPort, workerData } = require('node:worker_threads');
const { PDFParse } = require(workerData.modulo);
(async () => {
  const parser = new PDFParse({ data: workerData.datos });
  try {
    const r = await parser.getText();
    parentPort.postMessage({ paginas: r.pages.map((p) => p.text) });
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e) });
  } finally {
    await parser.destroy().catch(() => undefined);
  }
})();`;

const LIMITE_MS = 60_000;

/** The text of each page; rejects with the parser's reason when the file is not a readable PDF. */
export function leerPdf(datos: Buffer): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(CODIGO, { eval: true, workerData: { modulo: require.resolve('pdf-parse'), datos: new Uint8Array(datos) } });
    const reloj = setTimeout(() => void worker.terminate().then(() => reject(new Error('el PDF tardó demasiado en leerse'))), LIMITE_MS);
    worker.once('message', (r: { paginas?: string[]; error?: string }) => {
      clearTimeout(reloj);
      void worker.terminate();
      if (r.paginas) resolve(r.paginas);
      else reject(new Error(r.error ?? 'PDF ilegible'));
    });
    worker.once('error', (e: unknown) => {
      clearTimeout(reloj);
      reject(e instanceof Error ? e : new Error(String(e)));
    });
  });
}
