import { Injectable, Logger } from '@nestjs/common';

/** A channel that can deliver a message to a chat on its own network (Telegram, …). */
export interface Canal {
  enviar(chatId: string, texto: string): Promise<void>;
}

/**
 * Channels register here at start-up, so the chat module can deliver an operator's reply
 * without knowing any channel's client. The REST channel registers nothing: its customers
 * read the history.
 */
@Injectable()
export class CanalesService {
  private readonly logger = new Logger(CanalesService.name);
  private readonly canales = new Map<string, Canal>();

  registrar(nombre: string, canal: Canal): void {
    this.canales.set(nombre, canal);
  }

  /** true when the channel delivered it; a failure is logged, the message stays in the history */
  async enviar(canal: string, chatId: string, texto: string): Promise<boolean> {
    const destino = this.canales.get(canal);
    if (!destino) return false;
    try {
      await destino.enviar(chatId, texto);
      return true;
    } catch (e) {
      this.logger.error(`No se pudo entregar al canal ${canal} (chat ${chatId}): ${(e as Error).message}`);
      return false;
    }
  }
}
