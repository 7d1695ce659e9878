import { Injectable } from '@nestjs/common';
import { CanalesService } from './canales.service';
import { ConversacionesService } from './conversaciones.service';
import { Mensaje } from './mensaje.entity';

@Injectable()
export class ChatService {
  constructor(private readonly conversaciones: ConversacionesService, private readonly canales: CanalesService) {}

  /** stored as the operator's, then delivered on the chat's own channel */
  async responderComoOperador(chatId: string, texto: string): Promise<Mensaje> {
    const conversacion = await this.conversaciones.obtener(chatId);
    const mensaje = await this.conversaciones.guardarMensaje({ chat_id: chatId, remitente: 'operador', mensaje: texto, estado_venta: conversacion.estado_venta });
    const entregado = await this.canales.enviar(conversacion.canal, chatId, texto);
    return Object.assign(mensaje, { metadatos: { ...(mensaje.metadatos ?? {}), entregado } });
  }
}
