import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { pagina, Pagina, PaginacionDto } from '../common/dto/paginacion.dto';
import { Codigo, ErrorDominio, noEncontrado } from '../common/errores';
import { TransaccionesService } from '../database/transacciones.service';
import { EventosService } from '../eventos/eventos.service';
import { Conversacion, SIN_HUMANO } from './conversacion.entity';
import { Mensaje, Remitente } from './mensaje.entity';

export interface NuevoMensaje {
  chat_id: string;
  remitente: Remitente;
  mensaje: string;
  tipo_mensaje?: string | null;
  estado_venta?: string | null;
  metadatos?: Record<string, unknown> | null;
  /** when the customer wrote it, when it is stored later (with the answer) */
  timestamp?: Date;
}

/** Conversations and their messages: the persisted side of every chat, whatever its channel. */
@Injectable()
export class ConversacionesService {
  constructor(
    @InjectRepository(Conversacion) private readonly conversaciones: Repository<Conversacion>,
    @InjectRepository(Mensaje) private readonly mensajes: Repository<Mensaje>,
    private readonly tx: TransaccionesService,
    private readonly eventos: EventosService,
  ) {}

  async obtenerOCrear(chat_id: string, canal: string, m: EntityManager = this.conversaciones.manager): Promise<Conversacion> {
    let existente = await m.findOneBy(Conversacion, { chat_id });
    if (!existente) {
      await this.crear({ chat_id, canal, estado: null, pausado: false }, true, m);
      existente = await m.findOneByOrFail(Conversacion, { chat_id });
    }
    // one id, one channel: a REST chat can never become (or read) a Telegram chat with the same id
    if (existente.canal !== canal) throw new ErrorDominio(Codigo.CHAT_DE_OTRO_CANAL, 'Esta conversación pertenece a otro canal');
    return existente;
  }

  /**
   * A new chat's row (`siNoExiste`: whoever inserts first owns it), in `m`'s open transaction or in one of its own: on
   * SQLite's one connection a bare insert would join (and roll back with) another chat's open transaction
   */
  crear(valores: QueryDeepPartialEntity<Conversacion>, siNoExiste: boolean, m: EntityManager = this.conversaciones.manager): Promise<unknown> {
    const insertar = (t: EntityManager) => {
      const insercion = t.createQueryBuilder().insert().into(Conversacion).values(valores).updateEntity(false);
      return (siNoExiste ? insercion.orIgnore() : insercion).execute();
    };
    return m.queryRunner?.isTransactionActive ? insertar(m) : this.tx.ejecutar(insertar);
  }

  async obtener(chat_id: string): Promise<Conversacion> {
    const c = await this.conversaciones.findOneBy({ chat_id });
    if (!c) throw noEncontrado(`La conversación ${chat_id}`);
    return c;
  }

  async pausar(chat_id: string, pausado: boolean): Promise<Conversacion> {
    await this.obtener(chat_id);
    // a takeover is a person answering: the chat no longer waits for one
    await this.tx.ejecutar((m) => m.update(Conversacion, { chat_id }, pausado ? { pausado, ...SIN_HUMANO } : { pausado }));
    this.eventos.publicar({ tipo: 'chat.actualizado', chat_id });
    return this.obtener(chat_id);
  }

  /** An operator answered: the chat stops waiting for a person. */
  async atendido(chat_id: string): Promise<void> {
    const r = await this.tx.ejecutar((m) => m.update(Conversacion, { chat_id, necesita_humano: true }, SIN_HUMANO));
    if (r.affected) this.eventos.publicar({ tipo: 'chat.actualizado', chat_id });
  }

  /** the last turns of a chat, oldest first, for a remote model's context */
  async ultimosTurnos(chat_id: string, n: number): Promise<Array<{ remitente: 'usuario' | 'agente'; mensaje: string }>> {
    const filas = await this.mensajes.find({ where: { chat_id, remitente: In(['usuario', 'agente']) }, order: { id: 'DESC' }, take: n });
    return filas.reverse().map((m) => ({ remitente: m.remitente as 'usuario' | 'agente', mensaje: m.mensaje }));
  }

  guardarMensaje(datos: NuevoMensaje, m: EntityManager = this.mensajes.manager): Promise<Mensaje> {
    return m.save(Mensaje, this.nuevo(datos, m));
  }

  /**
   * Messages in one statement, their ids in this order; nothing is read back (a turn needs no id).
   * Their times are the application's, to the millisecond, as the customer's arrival time is: a
   * reply never reads older than the message it answers.
   */
  async guardarMensajes(datos: NuevoMensaje[], m: EntityManager): Promise<void> {
    const ahora = new Date();
    await m
      .createQueryBuilder()
      .insert()
      .into(Mensaje)
      .values(datos.map((d) => this.nuevo({ timestamp: ahora, ...d }, m)) as QueryDeepPartialEntity<Mensaje>[])
      .updateEntity(false)
      .execute();
  }

  private nuevo(datos: NuevoMensaje, m: EntityManager): Mensaje {
    return m.create(Mensaje, { tipo_mensaje: null, estado_venta: null, metadatos: null, ...datos });
  }

  /** the chats ops look at: most recently active first, with their last message */
  async listar(
    p: PaginacionDto & { estado_venta?: string; pausado?: boolean; necesita_humano?: boolean },
  ): Promise<Pagina<Conversacion & { ultimo_mensaje: string | null }>> {
    const qb = this.conversaciones.createQueryBuilder('c');
    // chats waiting for a person come first, the longest waiting at the top; then the most recent
    qb.orderBy('c.necesita_humano', 'DESC').addOrderBy('c.necesita_humano_desde', 'ASC').addOrderBy('c.actualizado_en', 'DESC').addOrderBy('c.chat_id', 'ASC');
    qb.skip(p.saltar).take(p.limite);
    if (p.necesita_humano !== undefined) qb.andWhere('c.necesita_humano = :h', { h: p.necesita_humano });
    if (p.estado_venta) qb.andWhere('c.estado_venta = :e', { e: p.estado_venta });
    if (p.pausado !== undefined) qb.andWhere('c.pausado = :p', { p: p.pausado });
    const [items, total] = await qb.getManyAndCount();
    const ultimos = items.length
      ? await this.mensajes
          .createQueryBuilder('m')
          .where((sub) => `m.id IN ${sub.subQuery().select('MAX(x.id)').from(Mensaje, 'x').where('x.chat_id IN (:...chats)').groupBy('x.chat_id').getQuery()}`)
          .setParameter(
            'chats',
            items.map((c) => c.chat_id),
          )
          .getMany()
      : [];
    const porChat = new Map(ultimos.map((m) => [m.chat_id, m.mensaje]));
    // the agent's state machine snapshot is internal: ops see estado_venta
    return pagina(
      items.map((c) => ({ ...c, estado: null, ultimo_mensaje: porChat.get(c.chat_id) ?? null })),
      total,
      p,
    );
  }

  /** oldest first, as a conversation is read */
  async historial(chat_id: string, p: PaginacionDto): Promise<Pagina<Mensaje>> {
    await this.obtener(chat_id);
    const [items, total] = await this.mensajes.findAndCount({ where: { chat_id }, order: { id: 'ASC' }, skip: p.saltar, take: p.limite });
    return pagina(items, total, p);
  }
}
