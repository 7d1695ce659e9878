import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';

const logger = new Logger('SQLite');

function vivo(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * SQLite is single-instance: the per-chat lock, the search index and the rate limits live in the
 * process. A `<file>.pid` beside the database names the process using it, so a second one says
 * so at start-up instead of quietly losing updates.
 */
export function avisarSiSqliteCompartido(ds: DataSource): void {
  if (ds.options.type !== 'sqlite' || ds.options.database === ':memory:') return;
  const marca = `${String(ds.options.database)}.pid`;
  const otro = Number(readFileSyncSeguro(marca));
  if (otro && otro !== process.pid && vivo(otro)) {
    logger.warn(
      `SQLite es de una sola instancia y el proceso ${otro} ya usa ${String(ds.options.database)}: los pedidos y chats de los dos pueden pisarse. Para varias réplicas use PostgreSQL y REDIS_URL (README, "Several instances").`,
    );
    return;
  }
  writeFileSync(marca, String(process.pid));
  process.once('exit', () => {
    if (Number(readFileSyncSeguro(marca)) === process.pid) unlinkSync(marca);
  });
}

function readFileSyncSeguro(ruta: string): string {
  try {
    return readFileSync(ruta, 'utf8').trim();
  } catch {
    return '';
  }
}
