import { createHash } from 'node:crypto';
import { Logger, Module, OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EnvironmentVariables } from '../config/env.validation';
import { tiemposProveedor, valorDesconocido } from '../config/proveedores';
import { Producto } from '../productos/producto.entity';
import { BuscadorHibrido } from './busqueda/buscador';
import { Cambio } from './cambio.entity';
import { CambiosService } from './cambios.service';
import { GeminiEmbeddings } from './embeddings/gemini.embeddings';
import { LocalEmbeddings } from './embeddings/local.embeddings';
import { OpenAIEmbeddings } from './embeddings/openai.embeddings';
import { ExactIndex } from './indexes/exact.index';
import { cerrarHiloFaiss, FaissIndex, faissDisponible } from './indexes/faiss.index';
import { PineconeIndex } from './indexes/pinecone.index';
import {
  ANALIZADOR,
  BUSCADOR,
  Embeddings,
  EMBEDDINGS,
  FABRICA_INDICES,
  FabricaIndices,
  TESAURO,
  UMBRAL_SEMANTICO,
  VECTOR_INDEX,
  VectorIndex,
} from './retrieval.interfaces';
import { ColeccionesService } from './colecciones.service';
import { RetrievalService } from './retrieval.service';
import { Analizador } from './texto/analizador';
import { cargarSinonimos } from './texto/lexico';
import { cargarTesauro } from './texto/tesauro';

type Config = ConfigService<EnvironmentVariables, true>;
const logger = new Logger('Retrieval');

function crearEmbeddings(config: Config, analizador: Analizador, sinonimos: Record<string, string>): Embeddings {
  const modelo = config.get('EMBEDDINGS_MODEL', { infer: true });
  const dimension = config.get('EMBEDDINGS_DIMENSION', { infer: true });
  const tiempos = tiemposProveedor(config);
  const proveedor = config.get('EMBEDDINGS_PROVIDER', { infer: true });
  switch (proveedor) {
    case 'gemini':
      return new GeminiEmbeddings({
        apiKey: config.get('GOOGLE_API_KEY', { infer: true }),
        baseURL: config.get('GEMINI_BASE_URL', { infer: true }),
        modelo: modelo ?? 'gemini-embedding-001',
        dimension: dimension ?? 768,
        ...tiempos,
      });
    case 'openai':
      return new OpenAIEmbeddings({
        apiKey: config.get('OPENAI_API_KEY', { infer: true }),
        baseURL: config.get('OPENAI_BASE_URL', { infer: true }),
        modelo: modelo ?? 'text-embedding-3-small',
        dimension: dimension ?? 1536,
        ...tiempos,
      });
    case 'local': {
      const version = createHash('sha1').update(JSON.stringify(sinonimos)).digest('hex').slice(0, 8);
      return new LocalEmbeddings(analizador, dimension ?? 256, version);
    }
    default:
      return valorDesconocido('EMBEDDINGS_PROVIDER', proveedor);
  }
}

/** The catalog's index is collection 'productos'; every other collection gets its own instance (and Pinecone namespace). */
function crearIndice(config: Config, embeddings: Embeddings, coleccion: string): VectorIndex {
  const espacio = config.get('PINECONE_NAMESPACE', { infer: true });
  const backend = config.get('RETRIEVER_BACKEND', { infer: true });
  switch (backend) {
    case 'pinecone':
      return new PineconeIndex({
        apiKey: config.get('PINECONE_API_KEY', { infer: true }),
        host: config.get('PINECONE_INDEX_HOST', { infer: true }),
        namespace: coleccion === 'productos' ? espacio : `${espacio}-${coleccion}`,
        ...tiemposProveedor(config),
      });
    case 'faiss':
      if (faissDisponible()) return new FaissIndex(embeddings.dimension, { umbralAproximado: config.get('FAISS_UMBRAL_APROXIMADO', { infer: true }) });
      logger.warn('RETRIEVER_BACKEND=faiss pero el módulo nativo faiss-node no está compilado (npm run build:faiss); se usa el índice exacto en TypeScript');
      return new ExactIndex(embeddings.dimension);
    case 'exacto':
      return new ExactIndex(embeddings.dimension);
    default:
      return valorDesconocido('RETRIEVER_BACKEND', backend);
  }
}

/**
 * Product search shared by Productos, Chat and Admin. Feature modules see RetrievalService
 * and the tokens; which embedder and which vector index run is configuration only.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Producto, Cambio])],
  providers: [
    {
      provide: ANALIZADOR,
      inject: [ConfigService],
      useFactory: (config: Config) => {
        const sinonimos = cargarSinonimos(config.get('SINONIMOS_FILE', { infer: true }));
        return { analizador: new Analizador(sinonimos), sinonimos };
      },
    },
    { provide: TESAURO, inject: [ConfigService], useFactory: (config: Config) => cargarTesauro(config.get('TESAURO_FILE', { infer: true })) },
    {
      provide: EMBEDDINGS,
      inject: [ConfigService, ANALIZADOR],
      useFactory: (config: Config, a: { analizador: Analizador; sinonimos: Record<string, string> }) => crearEmbeddings(config, a.analizador, a.sinonimos),
    },
    {
      provide: FABRICA_INDICES,
      inject: [ConfigService, EMBEDDINGS],
      useFactory:
        (config: Config, embeddings: Embeddings): FabricaIndices =>
        (coleccion) =>
          crearIndice(config, embeddings, coleccion),
    },
    { provide: VECTOR_INDEX, inject: [FABRICA_INDICES], useFactory: (fabrica: FabricaIndices) => fabrica('productos') },
    {
      provide: UMBRAL_SEMANTICO,
      inject: [ConfigService],
      useFactory: (config: Config): number =>
        config.get('BUSQUEDA_UMBRAL_SEMANTICO', { infer: true }) ?? (config.get('EMBEDDINGS_PROVIDER', { infer: true }) === 'local' ? 0.3 : 0.5),
    },
    {
      provide: BUSCADOR,
      inject: [ANALIZADOR, UMBRAL_SEMANTICO],
      useFactory: (a: { analizador: Analizador }, umbral: number) => new BuscadorHibrido(a.analizador, umbral),
    },
    RetrievalService,
    ColeccionesService,
    CambiosService,
  ],
  exports: [RetrievalService, ColeccionesService, CambiosService, EMBEDDINGS, VECTOR_INDEX, FABRICA_INDICES, ANALIZADOR],
})
export class RetrievalModule implements OnApplicationShutdown {
  /** after its providers have persisted their indexes */
  onApplicationShutdown(): Promise<void> {
    return cerrarHiloFaiss();
  }
}
