import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { DEFINICIONES } from './definiciones';
import { Escritor, escritorCsv, escritorXlsx, Formato } from './escritores';
import { ExportarDto, Recurso } from './export.dto';

const PAGINA = 1000;

export const TIPOS: Record<Formato, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Exports stream page by page (keyset pagination on the primary key, on either engine) into a
 * CSV or XLSX writer, so memory stays flat whatever the number of rows.
 */
@Injectable()
export class ExportService {
  constructor(
    private readonly ds: DataSource,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** A name the server chooses: nothing the client sends can point outside exports/. */
  nombreArchivo(recurso: Recurso, formato: Formato): string {
    const marca = new Date().toISOString().replace(/[:.]/g, '-');
    return `${recurso}-${marca}-${randomBytes(3).toString('hex')}.${formato}`;
  }

  /** Writes the export into `destino`; with `guardar`, also into EXPORTS_DIR. Returns the saved path. */
  async exportar(recurso: Recurso, f: ExportarDto, destino: Writable, nombre: string): Promise<string | undefined> {
    let salida: Writable = destino;
    let guardado: string | undefined;
    if (f.guardar) {
      const dir = resolve(this.config.get('EXPORTS_DIR', { infer: true }));
      await mkdir(dir, { recursive: true });
      guardado = join(dir, nombre);
      const copia = new PassThrough();
      copia.pipe(destino);
      copia.pipe(createWriteStream(guardado));
      salida = copia;
    }
    const { entidad, definicion } = DEFINICIONES[recurso];
    const escritor: Escritor = f.formato === 'xlsx' ? escritorXlsx(salida, definicion.encabezados, definicion.hoja) : escritorCsv(salida, definicion.encabezados);
    const repo = this.ds.getRepository(entidad);
    let ultimo: unknown;
    for (;;) {
      const qb = repo.createQueryBuilder('x').orderBy(`x.${definicion.clave}`, 'ASC').take(PAGINA);
      definicion.filtrar(qb, f);
      if (ultimo !== undefined) qb.andWhere(`x.${definicion.clave} > :ultimo`, { ultimo });
      const pagina = await qb.getMany();
      if (pagina.length === 0) break;
      await definicion.completar?.(pagina, repo);
      for (const x of pagina) await escritor.fila(definicion.fila(x));
      ultimo = pagina[pagina.length - 1][definicion.clave];
      if (pagina.length < PAGINA) break;
    }
    await escritor.cerrar();
    return guardado;
  }
}
