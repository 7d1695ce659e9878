import { join } from 'node:path';
import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EnvironmentVariables } from '../config/env.validation';
import { ColeccionTextos, DocumentoTexto, EstadoColeccion, OpcionesColeccion } from './coleccion';
import { ANALIZADOR, Embeddings, EMBEDDINGS, FABRICA_INDICES, FabricaIndices, TESAURO, UMBRAL_SEMANTICO } from './retrieval.interfaces';
import { Analizador } from './texto/analizador';
import { Tesauro } from './texto/tesauro';
import { VectoresPersistidos } from './vectores';

export interface ReporteColeccion {
  documentos: number;
  indexados: number;
  ms: number;
}

/**
 * Text collections beside the catalog. A feature module creates its own (`crear`), saying how to
 * load its documents; this registry prepares them at start-up, rebuilds them all on
 * POST /admin/productos/sincronizar and reports them in /health/ready.
 */
@Injectable()
export class ColeccionesService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly colecciones = new Map<string, ColeccionTextos>();

  constructor(
    @Inject(EMBEDDINGS) private readonly embeddings: Embeddings,
    @Inject(FABRICA_INDICES) private readonly fabrica: FabricaIndices,
    @Inject(ANALIZADOR) private readonly analizador: { analizador: Analizador },
    @Inject(UMBRAL_SEMANTICO) private readonly umbralSemantico: number,
    @Inject(TESAURO) private readonly tesauro: Tesauro | undefined,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  crear(nombre: string, cargar: () => Promise<DocumentoTexto[]>, opciones: Partial<OpcionesColeccion> = {}): ColeccionTextos {
    if (this.colecciones.has(nombre)) throw new Error(`La colección ${nombre} ya existe`);
    const indice = this.fabrica(nombre);
    const vectores = new VectoresPersistidos(
      nombre,
      this.embeddings,
      indice,
      join(this.config.get('DATA_DIR', { infer: true }), 'indice', nombre, indice.kind),
    );
    const coleccion = new ColeccionTextos(nombre, this.analizador.analizador, vectores, cargar, {
      umbralSemantico: this.umbralSemantico,
      tesauro: this.tesauro,
      ...opciones,
    });
    this.colecciones.set(nombre, coleccion);
    return coleccion;
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all([...this.colecciones.values()].map((c) => c.preparar(false)));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.colecciones.values()].map((c) => c.cerrar()));
  }

  async sincronizar(): Promise<Record<string, ReporteColeccion>> {
    const reportes: Record<string, ReporteColeccion> = {};
    for (const [nombre, c] of this.colecciones) reportes[nombre] = await c.preparar(true);
    return reportes;
  }

  async estados(): Promise<Record<string, EstadoColeccion>> {
    const estados: Record<string, EstadoColeccion> = {};
    for (const [nombre, c] of this.colecciones) estados[nombre] = await c.estado();
    return estados;
  }
}
