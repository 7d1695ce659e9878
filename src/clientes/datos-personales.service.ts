import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { EntityManager, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { LecturaChat } from '../bandeja/lectura-chat.entity';
import { Conversacion } from '../chat/conversacion.entity';
import { Mensaje } from '../chat/mensaje.entity';
import { ProductoNoEncontrado } from '../chat/producto-no-encontrado.entity';
import { noEncontrado } from '../common/errores';
import { EnvironmentVariables } from '../config/env.validation';
import { secretoGenerado } from '../config/secreto-generado';
import { TransaccionesService } from '../database/transacciones.service';
import { Auditoria } from '../auditoria/auditoria.entity';
import { Pedido } from '../pedidos/pedido.entity';
import { Venta } from '../pedidos/venta.entity';
import { TelegramUpdate } from '../telegram/telegram-update.entity';
import { Cliente } from './cliente.entity';
import { BORRADO, redactar, redactarJson, valoresConocidos } from './redaccion';

export interface ResultadoBorrado {
  /** the pseudonym the orders and sales now point at */
  cedula_anonima: string;
  pedidos_conservados: number;
  /** chats that carried the person's data: redacted, state cleared, id replaced */
  chats_desvinculados: number;
  mensajes_redactados: number;
}

/** every table that names a chat by its id (the channel's id of a person, on Telegram) */
const CON_CHAT_ID: Array<EntityTarget<ObjectLiteral>> = [Mensaje, Pedido, Venta, ProductoNoEncontrado, TelegramUpdate, LecturaChat, Conversacion];

/**
 * Colombia's Ley 1581 (habeas data): a customer may ask for everything the shop holds about
 * them, and for it to be erased. Erasure keeps the business figures: orders and sales move to a
 * pseudonymous customer (an HMAC of the cédula with a server secret: not reversible without it)
 * with the same totals; the record, the orders' delivery data, the chats' state and every stored
 * message of their chats lose the person's data, and those chats get a new id, so the channel id
 * (a Telegram account) no longer leads to them and a later message starts afresh.
 */
@Injectable()
export class DatosPersonalesService {
  private readonly secreto: string;

  constructor(
    private readonly tx: TransaccionesService,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.secreto = config.get('SEUDONIMO_SECRET', { infer: true }) ?? secretoGenerado(config.get('DATA_DIR', { infer: true }), 'seudonimo-secret');
  }

  private seudonimo(valor: string): string {
    return createHmac('sha256', this.secreto).update(valor).digest('hex');
  }

  async exportar(cedula: string) {
    return this.tx.ejecutar(async (m) => {
      const cliente = await m.findOneBy(Cliente, { cedula });
      if (!cliente) throw noEncontrado(`El cliente ${cedula}`);
      const pedidos = await m.find(Pedido, { where: { cliente_cedula: cedula }, relations: { items: true }, order: { id: 'ASC' } });
      const chats = await this.chatsDe(m, cedula, pedidos);
      const mensajes = chats.length ? await m.find(Mensaje, { where: { chat_id: In(chats) }, order: { id: 'ASC' } }) : [];
      return {
        generado_en: new Date().toISOString(),
        cliente,
        pedidos,
        conversaciones: chats.map((chat_id) => ({ chat_id, mensajes: mensajes.filter((x) => x.chat_id === chat_id) })),
      };
    });
  }

  /** the person's chats: those of their orders, those whose state or messages carry their cédula */
  private async chatsDe(m: EntityManager, cedula: string, pedidos: Array<Pick<Pedido, 'chat_id'>>): Promise<string[]> {
    const porEstado = await m
      .createQueryBuilder(Conversacion, 'c')
      .select('c.chat_id', 'chat_id')
      .where('c.estado LIKE :p', { p: `%"cedula":"${cedula}"%` })
      .getRawMany<{ chat_id: string }>();
    const porMensaje = await m
      .createQueryBuilder(Mensaje, 'x')
      .select('DISTINCT x.chat_id', 'chat_id')
      .where('x.mensaje LIKE :p', { p: `%${cedula}%` })
      .getRawMany<{ chat_id: string }>();
    return [...new Set([...pedidos.map((p) => p.chat_id), ...porEstado.map((c) => c.chat_id), ...porMensaje.map((c) => c.chat_id)])].filter(
      (c): c is string => !!c,
    );
  }

  async borrar(cedula: string): Promise<ResultadoBorrado> {
    return this.tx.ejecutar(async (m) => {
      const cliente = await m.findOneBy(Cliente, { cedula });
      if (!cliente) throw noEncontrado(`El cliente ${cedula}`);
      // 20 characters, like a cédula column
      const anonima = `anon-${this.seudonimo(`cedula:${cedula}`).slice(0, 15)}`;
      const previo = await m.findOneBy(Cliente, { cedula: anonima });
      await m.save(
        Cliente,
        m.create(Cliente, {
          cedula: anonima,
          nombre_completo: 'Cliente anonimizado',
          telefono: null,
          correo: null,
          direccion: null,
          barrio: null,
          indicaciones_adicionales: null,
          fecha_registro: previo?.fecha_registro ?? cliente.fecha_registro,
          fecha_ultima_compra: cliente.fecha_ultima_compra,
          total_compras: (previo?.total_compras ?? 0) + cliente.total_compras,
          valor_total_compras: (previo?.valor_total_compras ?? 0) + cliente.valor_total_compras,
          activo: false,
          consentimiento_datos: null,
          notas: `Datos personales borrados a petición del titular (Ley 1581) el ${new Date().toISOString().slice(0, 10)}`,
        }),
      );
      const pedidos = await m.find(Pedido, { where: { cliente_cedula: cedula } });
      const chats = await this.chatsDe(m, cedula, pedidos);
      const conversaciones = chats.length ? await m.findBy(Conversacion, { chat_id: In(chats) }) : [];
      const conocidos = valoresConocidos([
        cedula,
        cliente.nombre_completo,
        cliente.telefono,
        cliente.correo,
        cliente.direccion,
        cliente.barrio,
        cliente.indicaciones_adicionales,
        ...pedidos.flatMap((p) => [p.entrega_nombre, p.entrega_telefono, p.entrega_correo, p.entrega_direccion, p.entrega_barrio, p.entrega_indicaciones]),
        ...conversaciones.flatMap((c) => Object.values((c.estado as { datos?: Record<string, string> } | null)?.datos ?? {})),
      ]);

      await m.update(
        Pedido,
        { cliente_cedula: cedula },
        {
          cliente_cedula: anonima,
          entrega_nombre: null,
          entrega_telefono: null,
          entrega_correo: null,
          entrega_direccion: null,
          entrega_barrio: null,
          entrega_indicaciones: null,
        },
      );
      await m.update(Venta, { cliente_cedula: cedula }, { cliente_cedula: anonima });
      // staff changes of this customer kept their cédula (and what was sent) in the audit log
      const auditadas = await m
        .createQueryBuilder(Auditoria, 'a')
        .where('a.recurso_id = :cedula OR a.ruta LIKE :p OR a.cambios LIKE :p', { cedula, p: `%${cedula}%` })
        .getMany();
      for (const a of auditadas)
        await m.update(
          Auditoria,
          { id: a.id },
          { recurso_id: a.recurso_id === cedula ? anonima : a.recurso_id, ruta: a.ruta.split(cedula).join(anonima), cambios: null },
        );

      let mensajes = 0;
      for (const chat_id of chats) {
        const redactados = (await m.findBy(Mensaje, { chat_id })).flatMap((x) => {
          // what the customer typed while giving their data is all theirs
          const mensaje = x.remitente === 'usuario' && x.estado_venta === 'recolectando_datos' ? BORRADO : redactar(x.mensaje, conocidos);
          const metadatos = x.metadatos && redactarJson(x.metadatos, conocidos);
          return mensaje === x.mensaje && JSON.stringify(metadatos) === JSON.stringify(x.metadatos) ? [] : [Object.assign(x, { mensaje, metadatos })];
        });
        // one at a time: a transaction's connection runs one query at once
        for (const x of redactados) await m.update(Mensaje, { id: x.id }, { mensaje: x.mensaje, metadatos: x.metadatos } as QueryDeepPartialEntity<Mensaje>);
        mensajes += redactados.length;
        await m.update(Conversacion, { chat_id }, { estado: null, token_hash: null });
        // the chat's idempotency keys name the chat too; a retry of an erased chat has nothing to find
        await m.update(Pedido, { chat_id }, { clave_idempotencia: null });
        const nuevo = `borrado-${this.seudonimo(`chat:${chat_id}`).slice(0, 24)}`;
        for (const tabla of CON_CHAT_ID) await m.createQueryBuilder().update(tabla).set({ chat_id: nuevo }).where('chat_id = :chat_id', { chat_id }).execute();
      }
      await m.delete(Cliente, { cedula });
      return { cedula_anonima: anonima, pedidos_conservados: pedidos.length, chats_desvinculados: chats.length, mensajes_redactados: mensajes };
    });
  }
}
