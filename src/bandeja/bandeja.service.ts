import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { EstadoConversacion, totalPedido } from '../chat/agente/maquina';
import { ConversacionesService } from '../chat/conversaciones.service';
import { Mensaje } from '../chat/mensaje.entity';
import { multiplicar } from '../common/money';
import { PedidosService } from '../pedidos/pedidos.service';
import { TransaccionesService } from '../database/transacciones.service';
import { noEncontrado } from '../common/errores';
import { LecturaChat } from './lectura-chat.entity';
import { RespuestaRapida } from './respuesta-rapida.entity';
import { RespuestaRapidaDto } from './bandeja.dto';

/** The inbox's own data: saved quick replies and what each staff member has read. */
@Injectable()
export class BandejaService {
  constructor(
    @InjectRepository(RespuestaRapida) private readonly respuestas: Repository<RespuestaRapida>,
    @InjectRepository(Mensaje) private readonly mensajes: Repository<Mensaje>,
    private readonly conversaciones: ConversacionesService,
    private readonly pedidos: PedidosService,
    private readonly tx: TransaccionesService,
  ) {}

  /** what an operator needs beside the conversation: its cart as the agent holds it, and its latest order */
  async resumenChat(chat_id: string) {
    const c = await this.conversaciones.obtener(chat_id);
    const items = ((c.estado as EstadoConversacion | null)?.items ?? []).map((l) => ({
      producto_id: l.producto_id,
      nombre: l.nombre,
      cantidad: l.cantidad,
      precio_unitario: l.precio_unitario,
      subtotal: multiplicar(l.precio_unitario, l.cantidad),
    }));
    const pedido = await this.pedidos.ultimoDelChat(chat_id);
    return {
      chat_id,
      canal: c.canal,
      pausado: c.pausado,
      estado_venta: c.estado_venta,
      carrito: { items, total: items.length ? totalPedido(items) : 0 },
      pedido: pedido ? { id: pedido.id, estado: pedido.estado, total: pedido.total, creado_en: pedido.creado_en } : null,
    };
  }

  listarRespuestas(): Promise<RespuestaRapida[]> {
    return this.respuestas.find({ order: { titulo: 'ASC', id: 'ASC' }, take: 200 });
  }

  crearRespuesta(dto: RespuestaRapidaDto): Promise<RespuestaRapida> {
    return this.tx.ejecutar((m) => m.save(RespuestaRapida, m.create(RespuestaRapida, dto)));
  }

  async actualizarRespuesta(id: number, dto: RespuestaRapidaDto): Promise<RespuestaRapida> {
    const actual = await this.respuesta(id);
    return this.tx.ejecutar((m) => m.save(RespuestaRapida, m.merge(RespuestaRapida, actual, dto)));
  }

  async borrarRespuesta(id: number): Promise<void> {
    const actual = await this.respuesta(id);
    await this.tx.ejecutar((m) => m.remove(RespuestaRapida, actual));
  }

  private async respuesta(id: number): Promise<RespuestaRapida> {
    const r = await this.respuestas.findOneBy({ id });
    if (!r) throw noEncontrado(`La respuesta rápida ${id}`);
    return r;
  }

  /** the customer's messages each chat has after what this staff member last read (one query for the whole list) */
  async noLeidos(usuarioId: number, chats: string[]): Promise<Record<string, number>> {
    const conteos: Record<string, number> = Object.fromEntries(chats.map((c) => [c, 0]));
    if (!chats.length) return conteos;
    const filas = await this.mensajes
      .createQueryBuilder('m')
      .leftJoin(LecturaChat, 'l', 'l.chat_id = m.chat_id AND l.usuario_id = :usuario', { usuario: usuarioId })
      .select('m.chat_id', 'chat_id')
      .addSelect('COUNT(*)', 'n')
      .where('m.chat_id IN (:...chats)', { chats })
      .andWhere("m.remitente = 'usuario'")
      .andWhere('m.id > COALESCE(l.ultimo_mensaje_id, 0)')
      .groupBy('m.chat_id')
      .getRawMany<{ chat_id: string; n: string | number }>();
    for (const f of filas) conteos[f.chat_id] = Number(f.n);
    return conteos;
  }

  /** everything in the chat so far counts as read by this staff member */
  async marcarLeido(usuarioId: number, chat_id: string): Promise<{ chat_id: string; ultimo_mensaje_id: number }> {
    const ultimo = await this.mensajes.findOne({ where: { chat_id }, order: { id: 'DESC' }, select: { id: true } });
    if (!ultimo) throw noEncontrado(`La conversación ${chat_id}`);
    await this.tx.ejecutar((m) => m.save(LecturaChat, m.create(LecturaChat, { usuario_id: usuarioId, chat_id, ultimo_mensaje_id: ultimo.id })));
    return { chat_id, ultimo_mensaje_id: ultimo.id };
  }
}
