import { TipoAudio, TipoImagen } from './tipo-archivo';

/** DI tokens of the voice and image providers (TRANSCRIPTION_PROVIDER, VISION_PROVIDER). */
export const TRANSCRIPCION = Symbol('TRANSCRIPCION');
export const VISION = Symbol('VISION');

export interface Transcripcion {
  readonly nombre: string;
  /** the Spanish text of a voice note */
  transcribir(audio: Buffer, tipo: TipoAudio): Promise<string>;
}

export interface Vision {
  readonly nombre: string;
  /** a short Spanish description of the product in the photo, as a search query */
  describir(imagen: Buffer, tipo: TipoImagen, leyenda?: string): Promise<string>;
}
