import { Injectable, Logger } from '@nestjs/common';
import { InjectBot } from 'nestjs-telegraf';
import { Telegraf } from 'telegraf';
import type { Message, Update } from 'telegraf/types';

/** A customer's message as the service sees it, whatever the Bot API's shape. */
export interface MensajeTelegram {
  update_id: number;
  chat_id: string;
  tipo: 'texto' | 'comando' | 'voz' | 'foto' | 'otro';
  /** the text, or the command's name without the slash (start, ayuda, help) */
  texto?: string;
  archivo?: { id: string; tamano?: number };
  leyenda?: string;
}

/** Telegram's Bot API as the service needs it; tests speak to a fake Bot API server through the real client. */
export interface ClienteTelegram {
  /** the handler of every message update (registered once, before anything can arrive) */
  escuchar(manejador: (m: MensajeTelegram) => Promise<void>): void;
  enviar(chatId: string, texto: string): Promise<void>;
  escribiendo(chatId: string): Promise<void>;
  descargar(fileId: string): Promise<Buffer>;
  registrarWebhook(url: string, secreto: string): Promise<void>;
  /** one update received on the webhook */
  procesar(update: Update): Promise<void>;
  /** starts long polling, keeping pending updates; `alIniciar` runs once it polls */
  sondear(alIniciar: (usuario?: string) => void): void;
  /** stops polling; the update being handled finishes */
  detener(): void;
}

export const CLIENTE_TELEGRAM = Symbol('CLIENTE_TELEGRAM');

function aMensaje(update: Update.MessageUpdate): MensajeTelegram {
  const m = update.message as Message & Partial<Message.TextMessage & Message.VoiceMessage & Message.AudioMessage & Message.PhotoMessage>;
  const base = { update_id: update.update_id, chat_id: String(m.chat.id) };
  if (m.text !== undefined) {
    const comando = /^\/(\w+)(@\w+)?(\s|$)/.exec(m.text);
    return comando ? { ...base, tipo: 'comando', texto: comando[1].toLowerCase() } : { ...base, tipo: 'texto', texto: m.text };
  }
  const audio = m.voice ?? m.audio;
  if (audio) return { ...base, tipo: 'voz', archivo: { id: audio.file_id, tamano: audio.file_size } };
  const foto = m.photo?.at(-1); // the largest size Telegram made
  if (foto) return { ...base, tipo: 'foto', archivo: { id: foto.file_id, tamano: foto.file_size }, leyenda: m.caption };
  return { ...base, tipo: 'otro' };
}

/**
 * The Telegraf bot that nestjs-telegraf builds and owns (TelegrafModule, launchOptions false so it
 * never starts before the app is up), behind CLIENTE_TELEGRAM.
 */
@Injectable()
export class TelegrafCliente implements ClienteTelegram {
  private readonly logger = new Logger('Telegram');
  private sondeando = false;

  constructor(@InjectBot() private readonly bot: Telegraf) {
    // nestjs-telegraf stops the bot at shutdown, and Telegraf throws if it never polled (webhook mode, a replica without the lease)
    const parar = bot.stop.bind(bot);
    bot.stop = (motivo?: string) => {
      if (this.sondeando) parar(motivo);
      this.sondeando = false;
    };
  }

  escuchar(manejador: (m: MensajeTelegram) => Promise<void>): void {
    this.bot.on('message', (ctx) => manejador(aMensaje(ctx.update)));
    this.bot.catch((e, ctx) => this.logger.error(`Error atendiendo el update ${ctx.update.update_id}: ${(e as Error).message}`));
  }

  async enviar(chatId: string, texto: string): Promise<void> {
    await this.bot.telegram.sendMessage(chatId, texto);
  }

  async escribiendo(chatId: string): Promise<void> {
    await this.bot.telegram.sendChatAction(chatId, 'typing');
  }

  async descargar(fileId: string): Promise<Buffer> {
    const r = await fetch(await this.bot.telegram.getFileLink(fileId));
    if (!r.ok) throw new Error(`descarga de Telegram: HTTP ${r.status}`);
    return Buffer.from(await r.arrayBuffer());
  }

  async registrarWebhook(url: string, secreto: string): Promise<void> {
    await this.bot.telegram.setWebhook(url, { secret_token: secreto, allowed_updates: ['message'] });
  }

  procesar(update: Update): Promise<void> {
    return this.bot.handleUpdate(update);
  }

  sondear(alIniciar: (usuario?: string) => void): void {
    this.sondeando = true;
    // launch() resolves only when polling stops
    this.bot
      .launch({ dropPendingUpdates: false, allowedUpdates: ['message'] }, () => alIniciar(this.bot.botInfo?.username))
      .catch((e: Error) => {
        this.sondeando = false;
        this.logger.error(`Telegram dejó de recibir mensajes: ${e.message}`);
      });
  }

  detener(): void {
    this.bot.stop('arriendo');
  }
}
