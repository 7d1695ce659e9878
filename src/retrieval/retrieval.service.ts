import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { cedente } from '../common/ceder';
import { EnvironmentVariables } from '../config/env.validation';
import { Producto } from '../productos/producto.entity';
import { BuscadorHibrido, OpcionesBusqueda, ResultadoBusqueda, textoProducto } from './busqueda/buscador';
import { CambiosService } from './cambios.service';
import { LectorCatalogo } from './texto/vocabulario';
import { BUSCADOR, Embeddings, EMBEDDINGS, VECTOR_INDEX, VectorIndex } from './retrieval.interfaces';
import { DocumentoVectorial, EstadoVectores, VectoresPersistidos } from './vectores';

export interface ProductoEncontrado extends Omit<ResultadoBusqueda, 'id'> {
  producto: Producto;
}

export interface Busqueda {
  resultados: ProductoEncontrado[];
  /** true when the embedding provider failed and only the lexical ranking answered */
  degradada: boolean;
}

export interface EstadoIndice extends EstadoVectores {
  productos: number;
}

export interface ReporteSincronizacion {
  productos: number;
  indexados: number;
  ms: number;
  backend: string;
  embeddings: string;
}

/**
 * The catalog's search: keeps the vector index (whichever backend) and the lexical index in
 * step with the productos table, persists the vectors under DATA_DIR with a fingerprint of
 * catalog + embedder, and fuses both rankings per query.
 */
@Injectable()
export class RetrievalService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly vectores: VectoresPersistidos;

  constructor(
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    @Inject(EMBEDDINGS) private readonly embeddings: Embeddings,
    @Inject(VECTOR_INDEX) private readonly indice: VectorIndex,
    @Inject(BUSCADOR) private readonly buscador: BuscadorHibrido,
    private readonly cambios: CambiosService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.vectores = new VectoresPersistidos(
      'productos',
      embeddings,
      indice,
      join(config.get('DATA_DIR', { infer: true }), 'indice', indice.kind),
      new Logger(RetrievalService.name),
    );
  }

  /** A product written on any replica reaches this index through the change feed. */
  onModuleInit(): void {
    this.cambios.seguir('productos', (claves) => this.seguirCatalogo(claves.map(Number)));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.preparar(false);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.vectores.cerrar();
  }

  async buscar(consulta: string, opciones: OpcionesBusqueda): Promise<Busqueda> {
    const semanticos = await this.vectores.buscar(consulta, Math.max(opciones.limite * 5, 50), { categoria: opciones.categoria, soloActivos: true });
    const hits = this.buscador.fusionar(consulta, semanticos ?? [], opciones);
    const filas = hits.length ? await this.productos.findBy({ id: In(hits.map((h) => h.id)) }) : [];
    const porId = new Map(filas.map((p) => [p.id, p]));
    const resultados = hits.flatMap(({ id, ...resto }) => {
      const producto = porId.get(id);
      return producto?.activo ? [{ producto, ...resto }] : [];
    });
    return { resultados, degradada: !semanticos };
  }

  /** The catalog's vocabulary, current with the index: what grounds product mentions in a chat. */
  get vocabulario(): LectorCatalogo {
    return this.buscador.vocabulario;
  }

  /** Re-reads changed products (the feed's keys) and follows them: new, edited, deactivated or reactivated. */
  private async seguirCatalogo(ids: number[]): Promise<void> {
    const productos: Producto[] = [];
    for (let i = 0; i < ids.length; i += 500) productos.push(...(await this.productos.findBy({ id: In(ids.slice(i, i + 500)) })));
    await this.indexarProductos(productos);
  }

  /** Follows many changes at once (an import): embedded in batches, one persistence. */
  async indexarProductos(productos: Producto[]): Promise<void> {
    // a 300,000-row import must not hold the event loop: chat turns go in between
    const ceder = cedente();
    for (const p of productos) {
      this.buscador.indexar(p);
      await ceder();
    }
    return this.vectores.aplicar(productos.map(documentoDe));
  }

  /** Full rebuild from the database (POST /admin/productos/sincronizar). */
  async sincronizar(): Promise<ReporteSincronizacion> {
    const inicio = performance.now();
    const { productos, indexados } = await this.preparar(true);
    return { productos, indexados, ms: Math.round(performance.now() - inicio), backend: this.indice.kind, embeddings: this.embeddings.modelId };
  }

  async estadoIndice(): Promise<EstadoIndice> {
    return { ...(await this.vectores.informe()), productos: this.buscador.tamano };
  }

  private async preparar(forzar: boolean): Promise<{ productos: number; indexados: number }> {
    const { documentos, indexados } = await this.vectores.reconstruir(async () => {
      const todos = await this.productos.find({ order: { id: 'ASC' } });
      this.buscador.limpiar();
      for (const p of todos) this.buscador.indexar(p);
      return todos.map(documentoDe);
    }, forzar);
    return { productos: documentos, indexados };
  }
}

function documentoDe(p: Producto): DocumentoVectorial {
  return { id: p.id, texto: textoProducto(p), metadata: { categoria: p.categoria, activo: p.activo } };
}
