import { BadRequestException, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { cedente } from '../common/ceder';
import { Codigo, ErrorDominio } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';
import { TransaccionesService } from '../database/transacciones.service';
import { CambiosService } from '../retrieval/cambios.service';
import { HojaDemasiadoGrande, LimitesHoja, leerBooleano, leerEntero, leerHoja, leerPrecio } from './hoja-productos';
import { Producto } from './producto.entity';
import { ActualizarProductoDto, CrearProductoDto } from './productos.dto';

export interface Rechazo {
  /** the row number as the spreadsheet shows it (the header is row 1) */
  fila: number;
  sku: string | null;
  motivos: string[];
}

export interface ReporteImportacion {
  formato: 'csv' | 'xlsx';
  filas: number;
  creados: number;
  actualizados: number;
  rechazados: Rechazo[];
}

export type Progreso = (hechas: number, total: number) => void;

const LOTE = 50;

/**
 * Catalog import: every row validated like the API validates a product (an unreadable file
 * changes nothing), then the valid rows upserted by sku in batches of LOTE, each batch its own
 * transaction, so chat turns and orders keep writing during a 300,000-row import. A failure
 * midway leaves the earlier batches saved; importing the same file again completes it (upsert by
 * sku). The search index follows batch by batch through the change feed.
 */
@Injectable()
export class ImportacionService {
  private readonly limites: LimitesHoja;

  constructor(
    private readonly tx: TransaccionesService,
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    private readonly cambios: CambiosService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.limites = {
      filas: config.get('IMPORTACION_MAX_FILAS', { infer: true }),
      bytesDescomprimidos: config.get('IMPORTACION_MAX_MB_DESCOMPRIMIDOS', { infer: true }) * 1e6,
    };
  }

  async importar(archivo: Buffer, progreso: Progreso = () => undefined): Promise<ReporteImportacion> {
    const { formato, filas, porSku, rechazados } = await this.leer(archivo);
    const ceder = cedente();

    // plain reads, outside any transaction: on SQLite a transaction holds the one connection's queue
    const existentes = new Map<string, Producto>();
    const skus = [...porSku.keys()];
    for (let i = 0; i < skus.length; i += 500) for (const p of await this.productos.findBy({ sku: In(skus.slice(i, i + 500)) })) existentes.set(p.sku, p);

    // valid rows in batches, each released once written: a 300,000-row file is not held three times over
    const lotes: Array<Array<{ datos: Record<string, unknown>; existente?: Producto }>> = [[]];
    let validos = 0;
    let actualizados = 0;
    for (const [sku, { fila, datos }] of porSku) {
      await ceder();
      const existente = existentes.get(sku);
      const dto = plainToInstance(existente ? ActualizarProductoDto : CrearProductoDto, datos);
      const errores = await validate(dto, { whitelist: true, forbidNonWhitelisted: false });
      if (errores.length)
        rechazados.push({ fila, sku: typeof datos.sku === 'string' ? datos.sku : null, motivos: errores.flatMap((e) => Object.values(e.constraints ?? {})) });
      else {
        if (lotes[lotes.length - 1].length === LOTE) lotes.push([]);
        lotes[lotes.length - 1].push({ datos: { ...dto }, existente });
        validos++;
        if (existente) actualizados++;
      }
    }
    porSku.clear();
    existentes.clear();

    // One short transaction per batch, each with its own change-feed row: other writers (a chat
    // turn saving its messages, an order) go in between instead of waiting for the whole file, and
    // the search index follows batch by batch. New products go in as one multi-row INSERT per batch.
    let hechas = 0;
    for (let n = 0; n < lotes.length; n++) {
      const lote = lotes[n];
      lotes[n] = [];
      if (!lote.length) continue;
      await this.tx.ejecutar(async (m) => {
        const ids: number[] = [];
        const nuevos = lote.filter((v) => !v.existente).map((v) => m.create(Producto, v.datos));
        if (nuevos.length) {
          await m.createQueryBuilder().insert().into(Producto).values(nuevos).execute();
          ids.push(...(await m.find(Producto, { select: { id: true }, where: { sku: In(nuevos.map((p) => p.sku)) } })).map((p) => p.id));
        }
        const cambiados = lote.filter((v) => v.existente).map((v) => m.merge(Producto, v.existente!, v.datos));
        if (cambiados.length) ids.push(...(await m.save(Producto, cambiados)).map((p) => p.id));
        await this.cambios.registrar(m, 'productos', ids);
      });
      progreso((hechas += lote.length), validos);
      void this.cambios.difundir();
    }
    // this replica's search holds the whole file before the report goes out
    await this.cambios.difundir();
    return {
      formato,
      filas,
      creados: validos - actualizados,
      actualizados,
      rechazados: rechazados.sort((a, b) => a.fila - b.fila),
    };
  }

  /** the sheet read, its rows deduplicated by sku (a repeated one is rejected); the rows themselves are not kept */
  private async leer(archivo: Buffer): Promise<{
    formato: ReporteImportacion['formato'];
    filas: number;
    porSku: Map<string, { fila: number; datos: Record<string, unknown> }>;
    rechazados: Rechazo[];
  }> {
    let leida: Awaited<ReturnType<typeof leerHoja>>;
    try {
      leida = await leerHoja(archivo, this.limites);
    } catch (e) {
      if (e instanceof HojaDemasiadoGrande)
        throw new ErrorDominio(Codigo.DEMASIADO_GRANDE, `El archivo es demasiado grande para importarlo: ${e.message}. Divídelo en varios archivos.`, {
          max_filas: this.limites.filas,
          max_mb_descomprimidos: this.limites.bytesDescomprimidos / 1e6,
        });
      throw new BadRequestException(
        `No se pudo leer el archivo: ${(e as Error).message}. Envía un CSV o un XLSX con encabezados sku, nombre, precio, stock, categoria.`,
      );
    }
    const rechazados: Rechazo[] = [];
    const porSku = new Map<string, { fila: number; datos: Record<string, unknown> }>();
    // validating 300,000 rows is CPU work: let chat turns and health checks in between
    const ceder = cedente();
    for (const { fila, valores } of leida.filas) {
      await ceder();
      const leidos: Record<string, unknown> = { precio: leerPrecio(valores.precio), stock: leerEntero(valores.stock), activo: leerBooleano(valores.activo) };
      const datos: Record<string, unknown> = { ...valores, ...Object.fromEntries(Object.entries(leidos).filter(([, v]) => v !== undefined)) };
      const sku = typeof datos.sku === 'string' || typeof datos.sku === 'number' ? String(datos.sku) : null;
      if (sku && porSku.has(sku)) rechazados.push({ fila, sku, motivos: [`sku repetido en el archivo (fila ${porSku.get(sku)!.fila})`] });
      else porSku.set(sku ?? `sin-sku-${fila}`, { fila, datos: { ...datos, ...(sku ? { sku } : {}) } });
    }
    return { formato: leida.formato, filas: leida.filas.length, porSku, rechazados };
  }
}
