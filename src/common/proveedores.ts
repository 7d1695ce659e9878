import { Codigo, ErrorDominio } from './errores';

/**
 * A remote provider (embeddings, language model, vector database) that could not answer after
 * its retries, or whose circuit is open. HTTP callers get a 503 with the provider named; the
 * chat catches it and falls back to the local provider for that turn.
 */
export class ProveedorNoDisponible extends ErrorDominio {
  constructor(
    readonly proveedor: string,
    readonly causa: unknown,
  ) {
    super(Codigo.PROVEEDOR_NO_DISPONIBLE, `El proveedor ${proveedor} no está disponible: ${causa instanceof Error ? causa.message : String(causa)}`, {
      proveedor,
    });
  }
}
