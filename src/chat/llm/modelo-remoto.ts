import { Resiliencia, TiemposProveedor, tiemposDe } from '../../common/resiliencia';
import { Interpretacion } from '../agente/tipos';
import { aInterpretacion, ESQUEMA_INTERPRETACION, instruccionesInterpretacion, instruccionesRedaccion } from './instrucciones';
import { ContextoInterpretacion, ModeloLenguaje, PeticionRedaccion } from './llm.interfaces';

export interface OpcionesModeloRemoto extends TiemposProveedor {
  apiKey: string;
  baseURL?: string;
  modelo?: string;
}

/** One chat completion: system text, user text, and a JSON schema when the answer is data. */
export interface Completado {
  sistema: string;
  usuario: string;
  esquema?: object;
  signal: AbortSignal;
}

/**
 * What Gemini and OpenAI-compatible models share: the prompts, the parsing, and resilience.
 * A provider only says how to make one call.
 */
export abstract class ModeloRemoto implements ModeloLenguaje {
  abstract readonly nombre: string;
  protected readonly resiliencia: Resiliencia;

  protected constructor(proveedor: string, tiempos: TiemposProveedor) {
    this.resiliencia = new Resiliencia({ ...tiemposDe(tiempos), nombre: proveedor });
  }

  protected abstract completar(c: Completado): Promise<string>;

  interpretar(mensaje: string, contexto: ContextoInterpretacion): Promise<Interpretacion> {
    return this.resiliencia.ejecutar(async (signal) => {
      const texto = await this.completar({ sistema: instruccionesInterpretacion(contexto), usuario: mensaje, esquema: ESQUEMA_INTERPRETACION, signal });
      try {
        return aInterpretacion(texto);
      } catch (e) {
        // The provider answered: a malformed answer is not an outage, not worth a retry.
        throw Object.assign(new Error(`el modelo no devolvió la interpretación en JSON válido (${(e as Error).message})`), { status: 422 });
      }
    });
  }

  redactar(p: PeticionRedaccion): Promise<string> {
    return this.resiliencia.ejecutar(async (signal) =>
      (await this.completar({ sistema: instruccionesRedaccion(p), usuario: p.mensajeCliente, signal })).trim(),
    );
  }
}
