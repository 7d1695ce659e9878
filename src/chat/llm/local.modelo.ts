import { interpretarLocal } from '../agente/entender';
import { Interpretacion } from '../agente/tipos';
import { ContextoInterpretacion, ModeloLenguaje, PeticionRedaccion } from './llm.interfaces';

/** The offline default: rule-based understanding and the templates' own wording. */
export class LocalModelo implements ModeloLenguaje {
  readonly nombre = 'local';

  async interpretar(mensaje: string, contexto: ContextoInterpretacion): Promise<Interpretacion> {
    return interpretarLocal(mensaje, contexto);
  }

  async redactar(p: PeticionRedaccion): Promise<string> {
    return p.borrador;
  }
}
