import type { Response } from 'supertest';

/** supertest parser that keeps a download's body as bytes (CSV with BOM, XLSX) */
export function binario(res: Response, cb: (e: Error | null, b: Buffer) => void): void {
  const trozos: Buffer[] = [];
  const flujo = res as unknown as NodeJS.ReadableStream;
  flujo.on('data', (t: Buffer) => trozos.push(t));
  flujo.on('end', () => cb(null, Buffer.concat(trozos)));
}
