import { LectorCatalogo } from '../../retrieval/texto/vocabulario';
import { comprender } from '../agente/entender';
import { Interpretacion } from '../agente/tipos';
import { ContextoInterpretacion, ModeloLenguaje, PeticionRedaccion } from './llm.interfaces';

/** The offline default: rule-based understanding grounded in the catalog, and the templates' own wording. */
export class LocalModelo implements ModeloLenguaje {
  readonly nombre = 'local';

  async interpretar(mensaje: string, contexto: ContextoInterpretacion, lector: LectorCatalogo): Promise<Interpretacion> {
    return comprender(mensaje, contexto, lector);
  }

  async redactar(p: PeticionRedaccion): Promise<string> {
    return p.borrador;
  }
}
