/**
 * npm run importar -- catalogo.xlsx   (or .csv)
 * The same import as POST /productos/importar, from the command line, against the database the
 * environment (.env) points at, with a progress bar. Prints the report; exits 1 on rejected rows.
 */
import { readFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../src/app.module';
import { ImportacionService } from '../src/productos/importacion.service';

function barra(hechas: number, total: number): void {
  const ancho = 30;
  const llenas = total ? Math.round((hechas / total) * ancho) : ancho;
  process.stderr.write(`\r[${'#'.repeat(llenas)}${'.'.repeat(ancho - llenas)}] ${hechas}/${total} filas`);
}

async function main(): Promise<void> {
  const ruta = process.argv[2];
  if (!ruta) {
    console.error('Uso: npm run importar -- archivo.xlsx|archivo.csv');
    process.exit(2);
  }
  const archivo = readFileSync(ruta);
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const reporte = await app.get(ImportacionService).importar(archivo, barra);
    process.stderr.write('\n');
    console.log(
      `${reporte.filas} filas (${reporte.formato}): ${reporte.creados} creados, ${reporte.actualizados} actualizados, ${reporte.rechazados.length} rechazados`,
    );
    for (const r of reporte.rechazados) console.log(`  fila ${r.fila}${r.sku ? ` (${r.sku})` : ''}: ${r.motivos.join('; ')}`);
    process.exitCode = reporte.rechazados.length ? 1 : 0;
  } finally {
    await app.close();
  }
}

void main().catch((e) => {
  console.error(`\nNo se pudo importar: ${(e as Error).message}`);
  process.exit(1);
});
