import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Injectable, Logger } from '@nestjs/common';
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
  private readonly logger = new Logger(ExportService.name);

  constructor(
    private readonly ds: DataSource,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /** A name the server chooses: nothing the client sends can point outside exports/. */
  nombreArchivo(recurso: Recurso, formato: Formato): string {
    const marca = new Date().toISOString().replace(/[:.]/g, '-');
    return `${recurso}-${marca}-${randomBytes(3).toString('hex')}.${formato}`;
  }

  /**
   * Writes the export into `destino`; with `guardar`, also into EXPORTS_DIR. Returns the saved path.
   * A client that leaves mid-download cancels it: no more pages are read and the partial copy goes.
   */
  async exportar(recurso: Recurso, f: ExportarDto, destino: Writable, nombre: string): Promise<string | undefined> {
    const corte = new AbortController();
    // a client that goes away closes the response, and writes still in flight fail: both cancel
    const cancelar = () => destino.writableFinished || corte.abort();
    destino.on('close', cancelar).on('error', cancelar);
    let salida: Writable = destino;
    let copia: { ruta: string; archivo: Writable } | undefined;
    try {
      if (f.guardar) {
        const dir = resolve(this.config.get('EXPORTS_DIR', { infer: true }));
        await mkdir(dir, { recursive: true });
        // a copy that cannot be written (disk full) cancels the export rather than the process
        copia = { ruta: join(dir, nombre), archivo: createWriteStream(join(dir, nombre)).on('error', (e) => corte.abort(e)) };
        const doble = new PassThrough();
        doble.pipe(destino, { end: false });
        doble.pipe(copia.archivo);
        salida = doble;
      }
      await this.escribir(recurso, f, salida, corte.signal);
      if (copia) {
        // the download ends once the copy is on disk: X-Archivo-Guardado is readable when it arrives
        await finished(copia.archivo);
        destino.end();
      }
      return copia?.ruta;
    } catch (e) {
      // the first failed write can arrive before the response's 'close'
      if (!corte.signal.aborted && !destino.destroyed) throw e;
      const motivo = corte.signal.reason as Error | undefined;
      if (motivo?.name === 'AbortError' || destino.destroyed) this.logger.warn(`Exportación de ${recurso} cancelada: el cliente cerró la conexión`);
      else this.logger.error(`Exportación de ${recurso} cancelada: no se pudo guardar la copia (${motivo?.message})`);
      destino.destroy();
      if (copia) {
        salida.destroy();
        copia.archivo.destroy();
        await rm(copia.ruta, { force: true });
      }
      return undefined;
    }
  }

  private async escribir(recurso: Recurso, f: ExportarDto, salida: Writable, senal: AbortSignal): Promise<void> {
    const { entidad, definicion } = DEFINICIONES[recurso];
    const escritor: Escritor =
      f.formato === 'xlsx' ? escritorXlsx(salida, definicion.encabezados, definicion.hoja, senal) : escritorCsv(salida, definicion.encabezados, senal);
    const repo = this.ds.getRepository(entidad);
    let ultimo: unknown;
    for (;;) {
      senal.throwIfAborted();
      const qb = repo.createQueryBuilder('x').orderBy(`x.${definicion.clave}`, 'ASC').take(PAGINA);
      definicion.filtrar(qb, f, this.config.get('ZONA_HORARIA', { infer: true }));
      if (ultimo !== undefined) qb.andWhere(`x.${definicion.clave} > :ultimo`, { ultimo });
      const pagina = await qb.getMany();
      if (pagina.length === 0) break;
      await definicion.completar?.(pagina, repo);
      for (const x of pagina) await escritor.fila(definicion.fila(x));
      ultimo = pagina[pagina.length - 1][definicion.clave];
      if (pagina.length < PAGINA) break;
    }
    await escritor.cerrar();
  }
}
