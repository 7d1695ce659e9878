import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { HttpAdapterHost } from '@nestjs/core';
import type { Request, Response } from 'express';
import type { Update } from 'telegraf/types';
import { QueryFailedError } from 'typeorm';
import { FRASES } from '../chat/agente/plantillas';
import { CanalesService } from '../chat/canales.service';
import { CerrojoPorClave } from '../chat/cerrojo';
import { RespuestaChatDto } from '../chat/chat.dto';
import { ChatService } from '../chat/chat.service';
import { Codigo, ErrorDominio, esError } from '../common/errores';
import { responderError } from '../common/filters/errores.filter';
import { Resiliencia } from '../common/resiliencia';
import { EnvironmentVariables } from '../config/env.validation';
import { tiemposProveedor } from '../config/proveedores';
import { TransaccionesService } from '../database/transacciones.service';
import { EmpresaService } from '../empresa/empresa.service';
import { ConexionRedis, INSTANCIA_ID, REDIS, REDIS_PREFIJO } from '../redis/redis.module';
import { ArriendoSondeo, claveArriendo } from './arriendo';
import { partirMensaje } from './partir';
import { CLIENTE_TELEGRAM, ClienteTelegram, MensajeTelegram } from './telegram.cliente';
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
 * With polling and Redis, only the replica holding the lease polls; a webhook works on any.
 * Answers leave through CanalesService (a durable queue with Redis).
 */
@Injectable()
export class TelegramService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TelegramService.name);
  private readonly porChat = new CerrojoPorClave();
  /** direct sends (without Redis) are retried with the providers' configured backoff */
  private readonly envio: Resiliencia;
  private arriendo?: ArriendoSondeo;

  constructor(
    private readonly config: ConfigService<EnvironmentVariables, true>,
    private readonly chat: ChatService,
    private readonly canales: CanalesService,
    private readonly empresa: EmpresaService,
    private readonly tx: TransaccionesService,
    private readonly http: HttpAdapterHost,
    @Inject(CLIENTE_TELEGRAM) private readonly cliente: ClienteTelegram,
    @Inject(REDIS) private readonly redis: ConexionRedis,
    @Inject(REDIS_PREFIJO) private readonly prefijo: string,
    @Inject(INSTANCIA_ID) private readonly instancia: string,
  ) {
    this.envio = new Resiliencia({ ...tiemposProveedor(config), reintentos: 3, nombre: 'telegram' });
  }

  private get activo(): boolean {
    return this.config.get('TELEGRAM_TOKEN', { infer: true }) !== undefined;
  }

  private get modoWebhook(): boolean {
    return this.config.get('TELEGRAM_MODE', { infer: true }) === 'webhook';
  }

  /** Handlers and the webhook route exist before anything can arrive. */
  onModuleInit(): void {
    if (!this.activo) {
      this.logger.log('Telegram desactivado (sin TELEGRAM_TOKEN)');
      return;
    }
    this.cliente.escuchar((m) => this.recibir(m));
    this.canales.registrar('telegram', { enviar: (chatId, texto) => this.enviar(chatId, texto) });
    if (this.modoWebhook) this.montarWebhook();
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.activo) return;
    if (this.modoWebhook) {
      const url = this.config.get('TELEGRAM_WEBHOOK_URL', { infer: true })!;
      await this.cliente
        .registrarWebhook(url, this.config.get('TELEGRAM_WEBHOOK_SECRET', { infer: true }))
        .then(() => this.logger.log(`Telegram en modo webhook: ${url}`))
        .catch((e) => this.logger.error(`No se pudo registrar el webhook de Telegram: ${(e as Error).message}`));
      return;
    }
    const sondear = async () => this.cliente.sondear((usuario) => this.logger.log(`Telegram en modo polling como @${usuario}`));
    if (!this.redis) return void sondear();
    this.arriendo = new ArriendoSondeo(
      this.redis,
      claveArriendo(this.prefijo),
      this.instancia,
      this.config.get('TELEGRAM_ARRIENDO_MS', { infer: true }),
      sondear,
      () => this.cliente.detener(),
    );
    this.arriendo.iniciar();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.arriendo?.cerrar();
  }

  /** Sends a text to a chat, split at Telegram's limit, retried with backoff. */
  async enviar(chatId: string, texto: string): Promise<void> {
    for (const parte of partirMensaje(texto)) await this.envio.ejecutar(() => this.cliente.enviar(chatId, parte));
  }

  private montarWebhook(): void {
    const ruta = this.config.get('TELEGRAM_WEBHOOK_PATH', { infer: true });
    const secreto = this.config.get('TELEGRAM_WEBHOOK_SECRET', { infer: true });
    this.http.httpAdapter.post(ruta, (req: Request, res: Response) => {
      if (req.get('X-Telegram-Bot-Api-Secret-Token') !== secreto) {
        responderError(new ErrorDominio(Codigo.NO_AUTENTICADO, 'Token secreto de Telegram inválido'), req, res);
        return;
      }
      // Answer Telegram at once; the turn may take longer than its webhook timeout.
      res.status(200).json({ ok: true });
      void this.cliente.procesar(req.body as Update).catch((e) => this.logger.error(`Update de Telegram fallido: ${(e as Error).message}`));
    });
  }

  /** One update, once, in its chat's order. */
  private recibir(m: MensajeTelegram): Promise<void> {
    return this.porChat.ejecutar(m.chat_id, async () => {
      if (await this.yaAtendido(m.update_id, m.chat_id)) return;
      const origen = { canal: 'telegram', update_id: m.update_id };
      switch (m.tipo) {
        case 'comando':
          if (m.texto === 'start') return this.responder(m, FRASES.saludo(await this.empresa.obtener(), true));
          if (m.texto === 'ayuda' || m.texto === 'help') return this.responder(m, AYUDA);
          return this.turno(m, () => this.chat.atender(`/${m.texto}`, m.chat_id, 'telegram', origen));
        case 'texto':
          return this.turno(m, () => this.chat.atender(m.texto!, m.chat_id, 'telegram', origen));
        case 'voz':
          return this.turno(m, async () => this.chat.atenderAudio(await this.descargar(m, 25 * MB), m.chat_id, 'telegram', origen), SIN_VOZ);
        case 'foto':
          return this.turno(m, async () => this.chat.atenderImagen(await this.descargar(m, 10 * MB), m.leyenda, m.chat_id, 'telegram', origen));
        case 'otro':
          return;
      }
    });
  }

  /** One agent turn; a provider or file problem becomes a friendly answer, never silence. */
  private async turno(m: MensajeTelegram, atender: () => Promise<RespuestaChatDto>, siFallaProveedor = FALLO): Promise<void> {
    void this.cliente.escribiendo(m.chat_id).catch(() => undefined);
    try {
      const r = await atender();
      // A paused chat answers only the shop's hold message, if it configured one.
      if (r.respuesta) await this.responder(m, r.respuesta);
    } catch (e) {
      const proveedor = [Codigo.PROVEEDOR_NO_DISPONIBLE, Codigo.NO_DISPONIBLE, Codigo.OCUPADO].some((c) => esError(e, c));
      this.logger.warn(`Telegram ${m.chat_id}: ${(e as Error).message}`);
      await this.responder(m, proveedor ? siFallaProveedor : mensajeDeError(e));
    }
  }

  /** the answer to an update: its id makes it one delivery even if the update were handled again */
  private async responder(m: MensajeTelegram, texto: string): Promise<void> {
    await this.canales.enviar('telegram', m.chat_id, texto, `telegram:${m.update_id}`);
  }

  private async descargar(m: MensajeTelegram, maximo: number): Promise<Buffer> {
    const { id, tamano } = m.archivo!;
    if (tamano && tamano > maximo) throw new ErrorDominio(Codigo.DEMASIADO_GRANDE, `archivo de ${Math.round(tamano / MB)} MB`);
    return this.cliente.descargar(id);
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
  if (esError(e, Codigo.DEMASIADO_GRANDE)) return 'El archivo es demasiado grande. Envíame una nota de voz más corta o una foto más liviana, por favor.';
  if (esError(e, Codigo.TIPO_NO_SOPORTADO))
    return 'No pude abrir ese archivo. Envíame una foto (jpg, png o webp) o una nota de voz, o escríbeme lo que necesitas.';
  return FALLO;
}
