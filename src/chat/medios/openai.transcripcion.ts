import OpenAI, { toFile } from 'openai';
import { Resiliencia, TiemposProveedor, tiemposDe } from '../../common/resiliencia';
import { Transcripcion } from './medios.interfaces';
import { TipoAudio } from './tipo-archivo';

/** OpenAI's /audio/transcriptions, or any server that speaks it (faster-whisper, whisper.cpp). */
export class OpenAITranscripcion implements Transcripcion {
  readonly nombre: string;
  private readonly cliente: OpenAI;
  private readonly resiliencia: Resiliencia;

  constructor(private readonly o: { apiKey: string; baseURL?: string; modelo: string } & TiemposProveedor) {
    this.nombre = `openai:${o.modelo}`;
    this.cliente = new OpenAI({ apiKey: o.apiKey, baseURL: o.baseURL, maxRetries: 0, timeout: o.timeoutMs });
    this.resiliencia = new Resiliencia({ ...tiemposDe(o), nombre: 'transcripción' });
  }

  transcribir(audio: Buffer, tipo: TipoAudio): Promise<string> {
    return this.resiliencia.ejecutar(async (signal) => {
      const file = await toFile(audio, `nota.${tipo}`);
      const r = await this.cliente.audio.transcriptions.create({ file, model: this.o.modelo, language: 'es' }, { signal });
      return r.text.trim();
    });
  }
}
