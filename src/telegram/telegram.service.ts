import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import { Context, Telegraf } from 'telegraf';
import { message } from 'telegraf/filters';
import type { Update } from 'telegraf/types';
import { QueryFailedError } from 'typeorm';
import { EmpresaService } from '../empresa/empresa.service';
import { ProveedorNoDisponible } from '../common/proveedores';
import { Resiliencia } from '../common/resiliencia';
import { EnvironmentVariables } from '../config/env.validation';
import { TransaccionesService } from '../database/transacciones.service';
import { FRASES } from '../chat/agente/plantillas';
import { CanalesService } from '../chat/canales.service';
import { CerrojoPorClave } from '../chat/cerrojo';
import { RespuestaChatDto } from '../chat/chat.dto';
import { ChatService } from '../chat/chat.service';
import { partirMensaje } from './partir';
import { TelegramUpdate } from './telegram-update.entity';

const MB = 1024 * 1024;
const AYUDA =
  'Escríbeme lo que necesitas, por ejemplo "quiero 2 cascos amarillos" o "¿tienen botas pantaneras?". También puedes mandarme una nota de voz o una foto del producto. Para ver tu pedido escribe "ver mi pedido".';
const SIN_VOZ = 'No pude escuchar tu nota de voz en este momento. ¿Me escribes lo que necesitas, por favor?';
const FALLO = 'Tuve un problema para procesar tu mensaje. ¿Me lo escribes de nuevo, por favor?';

/**
 * The Telegram channel: the same agent, history and orders as the REST API. Every update is
 * handled once (its id is stored before anything else happens), one at a time per chat, and
 * only after the app is fully up, so updates that waited while the bot was down are not lost.
 */
@Injectable()
export class TelegramService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TelegramService.name);
  private bot?: Telegraf;
  private readonly porChat = new CerrojoPorClave();
  private readonly envio = new Resiliencia({ nombre: 'telegram', timeoutMs: 15000, reintentos: 3, esperaBaseMs: 300 });

  constructor(
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly chat: ChatService,
    private readonly canales: CanalesService,
    private readonly empresa: EmpresaService,
    private readonly tx: TransaccionesService,
    private readonly http: HttpAdapterHost,
  ) {}

  private get modoWebhook(): boolean {
    return this.config.get('TELEGRAM_MODE', { infer: true }) === 'webhook';
  }

  /** Handlers and the webhook route exist before anything can arrive. */
  onModuleInit(): void {
    const token = this.config.get('TELEGRAM_TOKEN', { infer: true });
    if (!token) {
      this.logger.log('Telegram desactivado (sin TELEGRAM_TOKEN)');
      return;
    }
    const apiRoot = this.config.get('TELEGRAM_API_ROOT', { infer: true });
    this.bot = new Telegraf(token, { handlerTimeout: 10 * 60 * 1000, telegram: { webhookReply: false, ...(apiRoot ? { apiRoot } : {}) } });
    this.registrarManejadores(this.bot);
    this.canales.registrar('telegram', { enviar: (chatId, texto) => this.enviar(chatId, texto) });
    if (this.modoWebhook) this.montarWebhook(this.bot);
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.bot) return;
    if (this.modoWebhook) {
      const url = this.config.get('TELEGRAM_WEBHOOK_URL', { infer: true })!;
      await this.bot.telegram
        .setWebhook(url, { secret_token: this.config.get('TELEGRAM_WEBHOOK_SECRET', { infer: true }), allowed_updates: ['message'] })
        .then(() => this.logger.log(`Telegram en modo webhook: ${url}`))
        .catch((e) => this.logger.error(`No se pudo registrar el webhook de Telegram: ${(e as Error).message}`));
      return;
    }
    // Not awaited: launch() resolves only when polling stops. Pending updates are kept, not dropped.
    this.bot
      .launch({ dropPendingUpdates: false, allowedUpdates: ['message'] }, () =>
        this.logger.log(`Telegram en modo polling como @${this.bot?.botInfo?.username}`),
      )
      .catch((e) => this.logger.error(`Telegram dejó de recibir mensajes: ${(e as Error).message}`));
  }

  onApplicationShutdown(): void {
    try {
      if (!this.modoWebhook) this.bot?.stop('apagado');
    } catch {
      // never launched (no network at start-up): nothing to stop
    }
  }

  /** Sends a text to a chat, split at Telegram's limit, retried with backoff. */
  async enviar(chatId: string, texto: string): Promise<void> {
    if (!this.bot) throw new Error('Telegram no está configurado');
    for (const parte of partirMensaje(texto)) await this.envio.ejecutar(() => this.bot!.telegram.sendMessage(chatId, parte));
  }

  private montarWebhook(bot: Telegraf): void {
    const ruta = this.config.get('TELEGRAM_WEBHOOK_PATH', { infer: true });
    const secreto = this.config.get('TELEGRAM_WEBHOOK_SECRET', { infer: true });
    this.http.httpAdapter.post(ruta, (req: Request, res: Response) => {
      if (req.get('X-Telegram-Bot-Api-Secret-Token') !== secreto) {
        res.status(401).json({ statusCode: 401, error: 'Unauthorized', message: 'Token secreto de Telegram inválido' });
        return;
      }
      // Answer Telegram at once; the turn may take longer than its webhook timeout.
      res.status(200).json({ ok: true });
      void bot.handleUpdate(req.body as Update).catch((e) => this.logger.error(`Update de Telegram fallido: ${(e as Error).message}`));
    });
  }

  private registrarManejadores(bot: Telegraf): void {
    bot.use((ctx, next) => {
      const chatId = ctx.chat ? String(ctx.chat.id) : undefined;
      if (!chatId) return next();
      return this.porChat.ejecutar(chatId, async () => {
        if (await this.yaAtendido(ctx.update.update_id, chatId)) return;
        await next();
      });
    });
    bot.start(async (ctx) => this.responder(ctx, FRASES.saludo(await this.empresa.obtener(), true)));
    bot.command('ayuda', (ctx) => this.responder(ctx, AYUDA));
    bot.help((ctx) => this.responder(ctx, AYUDA));
    bot.on(message('text'), (ctx) => this.turno(ctx, () => this.chat.atender(ctx.message.text, String(ctx.chat.id), 'telegram', this.origen(ctx))));
    bot.on(message('voice'), (ctx) => this.voz(ctx, ctx.message.voice.file_id, ctx.message.voice.file_size));
    bot.on(message('audio'), (ctx) => this.voz(ctx, ctx.message.audio.file_id, ctx.message.audio.file_size));
    bot.on(message('photo'), (ctx) => {
      const foto = ctx.message.photo.at(-1)!; // the largest size Telegram made
      return this.turno(ctx, async () =>
        this.chat.atenderImagen(
          await this.descargar(ctx, foto.file_id, foto.file_size, 10 * MB),
          ctx.message.caption,
          String(ctx.chat.id),
          'telegram',
          this.origen(ctx),
        ),
      );
    });
    bot.catch((e, ctx) => this.logger.error(`Error atendiendo el update ${ctx.update.update_id}: ${(e as Error).message}`));
  }

  private voz(ctx: Context, fileId: string, tamano?: number): Promise<void> {
    return this.turno(
      ctx,
      async () => this.chat.atenderAudio(await this.descargar(ctx, fileId, tamano, 25 * MB), String(ctx.chat!.id), 'telegram', this.origen(ctx)),
      SIN_VOZ,
    );
  }

  /** One agent turn; a provider or file problem becomes a friendly answer, never silence. */
  private async turno(ctx: Context, atender: () => Promise<RespuestaChatDto>, siFallaProveedor = FALLO): Promise<void> {
    void ctx.sendChatAction('typing').catch(() => undefined);
    try {
      const r = await atender();
      // A paused chat answers only the shop's hold message, if it configured one.
      if (r.respuesta) await this.responder(ctx, r.respuesta);
    } catch (e) {
      const proveedor = e instanceof ProveedorNoDisponible || (e as { status?: number }).status === 503;
      this.logger.warn(`Telegram ${ctx.chat?.id}: ${(e as Error).message}`);
      await this.responder(ctx, proveedor ? siFallaProveedor : mensajeDeError(e));
    }
  }

  private responder(ctx: Context, texto: string): Promise<void> {
    return this.enviar(String(ctx.chat!.id), texto);
  }

  private origen(ctx: Context): Record<string, unknown> {
    return { canal: 'telegram', update_id: ctx.update.update_id };
  }

  private async descargar(ctx: Context, fileId: string, tamano: number | undefined, maximo: number): Promise<Buffer> {
    if (tamano && tamano > maximo) throw Object.assign(new Error(`archivo de ${Math.round(tamano / MB)} MB`), { status: 413 });
    const enlace = await ctx.telegram.getFileLink(fileId);
    const r = await fetch(enlace);
    if (!r.ok) throw new Error(`descarga de Telegram: HTTP ${r.status}`);
    return Buffer.from(await r.arrayBuffer());
  }

  /** Stores the update id; false the first time, true when it was already handled. */
  private async yaAtendido(update_id: number, chat_id: string): Promise<boolean> {
    try {
      await this.tx.ejecutar((m) => m.insert(TelegramUpdate, { update_id, chat_id }));
      return false;
    } catch (e) {
      if (e instanceof QueryFailedError) {
        this.logger.log(`Update ${update_id} repetido: ignorado`);
        return true;
      }
      throw e;
    }
  }
}

/** What the customer reads when a file cannot be handled. */
function mensajeDeError(e: unknown): string {
  const status = (e as { status?: number; getStatus?: () => number }).getStatus?.() ?? (e as { status?: number }).status;
  if (status === 413) return 'El archivo es demasiado grande. Envíame una nota de voz más corta o una foto más liviana, por favor.';
  if (status === 415) return 'No pude abrir ese archivo. Envíame una foto (jpg, png o webp) o una nota de voz, o escríbeme lo que necesitas.';
  return FALLO;
}
