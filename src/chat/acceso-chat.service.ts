import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Codigo, ErrorDominio } from '../common/errores';
import { IntegracionesService } from '../integraciones/integraciones.service';
import { LimitesService } from '../limites/limites.service';
import { coincide, hashSecreto, nuevoSecreto } from '../integraciones/secreto';
import { Conversacion } from './conversacion.entity';
import { ConversacionesService } from './conversaciones.service';

export interface Credenciales {
  chat_id?: string;
  /** X-Chat-Token */
  token?: string;
  /** X-Api-Key */
  clave?: string;
  /** the client's address (req.ip, as TRUST_PROXY allows) */
  ip: string;
}

export interface AccesoChat {
  chatId: string;
  /** only when this request created the chat: the secret its later turns must send */
  chatToken?: string;
  /** the integration key that called, if any (rate limits treat it apart) */
  integracionId?: number;
}

const ajeno = () =>
  new ErrorDominio(
    Codigo.CHAT_AJENO,
    'No puedes continuar esta conversación: el X-Chat-Token no corresponde. Escribe sin chat_id para empezar una conversación nueva.',
  );

/**
 * Who may continue a chat over REST (CONTRACT.md): a chat is created by a turn without chat_id
 * and answered with a secret chat_token (only its hash is stored); later turns send it as
 * X-Chat-Token. An integration key may choose its own chat ids and reaches only the chats it
 * created. Other channels' chats (Telegram) are never reachable here. An unknown id and someone
 * else's chat get the same answer, so ids cannot be probed.
 */
@Injectable()
export class AccesoChatService {
  constructor(
    @InjectRepository(Conversacion) private readonly conversaciones: Repository<Conversacion>,
    private readonly integraciones: IntegracionesService,
    private readonly limites: LimitesService,
    private readonly chats: ConversacionesService,
  ) {}

  /**
   * Rate limits first (an integration serves many customers from one address, so only its
   * per-chat limit applies), then ownership.
   */
  async autorizar(c: Credenciales): Promise<AccesoChat> {
    if (c.clave === undefined) {
      await this.limites.consumir('chat_ip', c.ip);
      if (c.chat_id === undefined) await this.limites.consumir('chats_nuevos_ip', c.ip);
    }
    const acceso = await this.propietario(c);
    await this.limites.consumir('chat', acceso.chatId);
    return acceso;
  }

  private async propietario({ chat_id, token, clave }: Credenciales): Promise<AccesoChat> {
    if (clave !== undefined) return this.porIntegracion(chat_id, clave);
    if (chat_id === undefined) {
      const chatId = `web-${randomUUID()}`;
      const chatToken = nuevoSecreto();
      await this.chats.crear({ chat_id: chatId, canal: 'api', estado: null, pausado: false, token_hash: hashSecreto(chatToken) }, false);
      return { chatId, chatToken };
    }
    if (!token)
      throw new ErrorDominio(
        Codigo.CHAT_TOKEN_REQUERIDO,
        'Para continuar esta conversación envía el encabezado X-Chat-Token que recibiste al iniciarla, o escribe sin chat_id para empezar una nueva.',
      );
    const c = await this.conversaciones.findOne({ where: { chat_id }, select: { chat_id: true, canal: true, token_hash: true } });
    if (!c || c.canal !== 'api' || !coincide(token, c.token_hash)) throw ajeno();
    return { chatId: chat_id };
  }

  private async porIntegracion(chatId: string | undefined, clave: string): Promise<AccesoChat> {
    const integracion = clave ? await this.integraciones.porSecreto(clave) : null;
    if (!integracion) throw new ErrorDominio(Codigo.CLAVE_INTEGRACION_INVALIDA, 'La clave de integración (X-Api-Key) no es válida o fue revocada.');
    const id = chatId ?? `int${integracion.id}-${randomUUID()}`;
    const duenio = () => this.conversaciones.findOne({ where: { chat_id: id }, select: { chat_id: true, canal: true, integracion_id: true } });
    // a chat that exists is only read; a new one is created (whoever inserts first owns it) and read back
    let c = chatId === undefined ? null : await duenio();
    if (!c) {
      await this.chats.crear({ chat_id: id, canal: 'api', estado: null, pausado: false, integracion_id: integracion.id }, true);
      c = await duenio();
    }
    if (!c || c.canal !== 'api' || c.integracion_id !== integracion.id) throw ajeno();
    return { chatId: id, integracionId: integracion.id };
  }
}
