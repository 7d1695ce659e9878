import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntitySubscriberInterface, InsertEvent, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { Mensaje } from '../chat/mensaje.entity';
import { Pedido } from '../pedidos/pedido.entity';
import { EventoPanel, EventosService } from './eventos.service';

/**
 * New messages and new orders, whoever writes them (chat turn, operator, Telegram, REST), become
 * events once their transaction commits: a screen that refetches on the event sees the row, and a
 * rolled-back order never shows up.
 */
@Injectable()
export class EventosSubscriber implements EntitySubscriberInterface {
  private readonly pendientes = new WeakMap<QueryRunner, EventoPanel[]>();

  constructor(
    @InjectDataSource() ds: DataSource,
    private readonly eventos: EventosService,
  ) {
    ds.subscribers.push(this);
  }

  afterInsert(e: InsertEvent<unknown>): void {
    const evento = this.evento(e.entity);
    if (!evento) return;
    if (!e.queryRunner.isTransactionActive) return this.eventos.publicar(evento);
    const lista = this.pendientes.get(e.queryRunner) ?? [];
    lista.push(evento);
    this.pendientes.set(e.queryRunner, lista);
  }

  afterTransactionCommit(e: TransactionCommitEvent): void {
    // a released savepoint also "commits": wait for the outermost transaction
    if (e.queryRunner.isTransactionActive) return;
    const lista = this.pendientes.get(e.queryRunner);
    this.pendientes.delete(e.queryRunner);
    for (const evento of lista ?? []) this.eventos.publicar(evento);
  }

  afterTransactionRollback(e: TransactionRollbackEvent): void {
    if (!e.queryRunner.isTransactionActive) this.pendientes.delete(e.queryRunner);
  }

  private evento(entidad: unknown): EventoPanel | null {
    if (entidad instanceof Mensaje) return { tipo: 'chat.actualizado', chat_id: entidad.chat_id, remitente: entidad.remitente };
    if (entidad instanceof Pedido) return { tipo: 'pedido.creado', pedido_id: entidad.id, estado: entidad.estado, chat_id: entidad.chat_id };
    return null;
  }
}
