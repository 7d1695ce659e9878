import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Conversacion } from '../chat/conversacion.entity';
import { Mensaje } from '../chat/mensaje.entity';
import { noEncontrado } from '../common/errores';
import { TransaccionesService } from '../database/transacciones.service';
import { Pedido } from '../pedidos/pedido.entity';
import { Venta } from '../pedidos/venta.entity';
import { Cliente } from './cliente.entity';

export interface ResultadoBorrado {
  /** the pseudonym the orders and sales now point at */
  cedula_anonima: string;
  pedidos_conservados: number;
  mensajes_borrados: number;
}

/**
 * Colombia's Ley 1581 (habeas data): a customer may ask for everything the shop holds about
 * them, and for it to be erased. Erasure keeps the business figures: orders and sales move to a
 * pseudonymous customer with the same totals, and the personal data and chats are deleted.
 */
@Injectable()
export class DatosPersonalesService {
  constructor(private readonly tx: TransaccionesService) {}

  async exportar(cedula: string) {
    return this.tx.ejecutar(async (m) => {
      const cliente = await m.findOneBy(Cliente, { cedula });
      if (!cliente) throw noEncontrado(`El cliente ${cedula}`);
      const pedidos = await m.find(Pedido, { where: { cliente_cedula: cedula }, relations: { items: true }, order: { id: 'ASC' } });
      const chats = [...new Set(pedidos.map((p) => p.chat_id).filter((c): c is string => !!c))];
      const mensajes = chats.length ? await m.find(Mensaje, { where: { chat_id: In(chats) }, order: { id: 'ASC' } }) : [];
      return {
        generado_en: new Date().toISOString(),
        cliente,
        pedidos,
        conversaciones: chats.map((chat_id) => ({ chat_id, mensajes: mensajes.filter((x) => x.chat_id === chat_id) })),
      };
    });
  }

  async borrar(cedula: string): Promise<ResultadoBorrado> {
    return this.tx.ejecutar(async (m) => {
      const cliente = await m.findOneBy(Cliente, { cedula });
      if (!cliente) throw noEncontrado(`El cliente ${cedula}`);
      // Deterministic, not reversible without the cédula; 20 characters like a cédula column.
      const anonima = `anon-${createHash('sha256').update(`agente-vendedor:${cedula}`).digest('hex').slice(0, 15)}`;
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
          fecha_registro: cliente.fecha_registro,
          fecha_ultima_compra: cliente.fecha_ultima_compra,
          total_compras: cliente.total_compras,
          valor_total_compras: cliente.valor_total_compras,
          activo: false,
          consentimiento_datos: null,
          notas: `Datos personales borrados a petición del titular (Ley 1581) el ${new Date().toISOString().slice(0, 10)}`,
        }),
      );
      const pedidos = await m.find(Pedido, { where: { cliente_cedula: cedula }, select: { id: true, chat_id: true } });
      await m.update(Pedido, { cliente_cedula: cedula }, { cliente_cedula: anonima });
      await m.update(Venta, { cliente_cedula: cedula }, { cliente_cedula: anonima });
      const chats = [...new Set(pedidos.map((p) => p.chat_id).filter((c): c is string => !!c))];
      let mensajes = 0;
      if (chats.length) {
        mensajes = (await m.delete(Mensaje, { chat_id: In(chats) })).affected ?? 0;
        await m.update(Conversacion, { chat_id: In(chats) }, { estado: null });
      }
      await m.delete(Cliente, { cedula });
      return { cedula_anonima: anonima, pedidos_conservados: pedidos.length, mensajes_borrados: mensajes };
    });
  }
}
