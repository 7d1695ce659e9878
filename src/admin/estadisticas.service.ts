import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { ProductoNoEncontrado } from '../chat/producto-no-encontrado.entity';
import { Mensaje } from '../chat/mensaje.entity';
import { aCentavos, aPesos } from '../common/money';
import type { EnvironmentVariables } from '../config/env.validation';
import { diaDeCuarto, expresionDia, filtrarRango } from '../database/fechas';
import { Pedido } from '../pedidos/pedido.entity';
import { PedidoItem } from '../pedidos/pedido-item.entity';
import { Producto } from '../productos/producto.entity';

export interface Rango {
  desde?: string;
  hasta?: string;
  umbral_stock?: number;
}

/** Sums come back as strings (PostgreSQL numeric) or floats (SQLite): both end as exact pesos. */
const pesos = (v: unknown) => aPesos(aCentavos(Number(v ?? 0)));
const entero = (v: unknown) => Number(v ?? 0);

const ETAPAS = ['conversaciones', 'con_carrito', 'dando_datos', 'con_pedido'] as const;

/**
 * The figures a shop owner looks at: sales, orders by state, best sellers and customers, the
 * chat-to-order funnel and where it leaks, low stock, a per-day series, and what customers
 * asked for that the shop does not carry. Cancelled orders are not sales.
 */
@Injectable()
export class EstadisticasService {
  private readonly zona: string;

  constructor(
    private readonly ds: DataSource,
    config: ConfigService<EnvironmentVariables, true>,
  ) {
    this.zona = config.get('ZONA_HORARIA', { infer: true });
  }

  /** orders and sums per day of the shop (its time zone), oldest first */
  private async serieDiaria(r: Rango) {
    const dia = expresionDia(this.ds, 'p.creado_en', this.zona);
    const filas = await this.pedidos(r)
      .andWhere("p.estado <> 'cancelado'")
      .select(dia.sql, 'fecha')
      .addSelect('COUNT(*)', 'pedidos')
      .addSelect('SUM(p.total)', 'total')
      .groupBy('fecha')
      .orderBy('fecha', 'ASC')
      .getRawMany<{ fecha: string; pedidos: unknown; total: unknown }>();
    const porDia = new Map<string, { pedidos: number; centavos: number }>();
    for (const x of filas) {
      const fecha = dia.porCuarto ? diaDeCuarto(x.fecha, this.zona) : x.fecha;
      const suma = porDia.get(fecha) ?? { pedidos: 0, centavos: 0 };
      suma.pedidos += entero(x.pedidos);
      suma.centavos += aCentavos(Number(x.total ?? 0));
      porDia.set(fecha, suma);
    }
    return [...porDia].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fecha, x]) => ({ fecha, pedidos: x.pedidos, total: aPesos(x.centavos) }));
  }

  private pedidos(r: Rango, alias = 'p'): SelectQueryBuilder<Pedido> {
    return filtrarRango(this.ds.getRepository(Pedido).createQueryBuilder(alias), `${alias}.creado_en`, r.desde, r.hasta, this.zona);
  }

  async calcular(r: Rango) {
    const vendidos = () => this.pedidos(r).andWhere("p.estado <> 'cancelado'");
    const [totales, porEstado, topProductos, topClientes, serie, embudo, bajoStock, noEncontrados] = await Promise.all([
      vendidos().select('COUNT(*)', 'pedidos').addSelect('COALESCE(SUM(p.total), 0)', 'total').getRawOne<{ pedidos: unknown; total: unknown }>(),
      this.pedidos(r).select('p.estado', 'estado').addSelect('COUNT(*)', 'n').groupBy('p.estado').getRawMany<{ estado: string; n: unknown }>(),
      filtrarRango(
        this.ds.getRepository(PedidoItem).createQueryBuilder('i').innerJoin(Pedido, 'p', 'p.id = i.pedido_id'),
        'p.creado_en',
        r.desde,
        r.hasta,
        this.zona,
      )
        .andWhere("p.estado <> 'cancelado'")
        .select('i.producto_id', 'producto_id')
        .addSelect('MAX(i.nombre)', 'nombre')
        .addSelect('SUM(i.cantidad)', 'unidades')
        .addSelect('SUM(i.subtotal)', 'total')
        .groupBy('i.producto_id')
        .orderBy('unidades', 'DESC')
        .limit(10)
        .getRawMany<{ producto_id: unknown; nombre: string; unidades: unknown; total: unknown }>(),
      vendidos()
        .leftJoin('clientes', 'c', 'c.cedula = p.cliente_cedula')
        .select('p.cliente_cedula', 'cedula')
        .addSelect('MAX(c.nombre_completo)', 'nombre')
        .addSelect('COUNT(*)', 'pedidos')
        .addSelect('SUM(p.total)', 'total')
        .groupBy('p.cliente_cedula')
        .orderBy('total', 'DESC')
        .limit(10)
        .getRawMany<{ cedula: string; nombre: string | null; pedidos: unknown; total: unknown }>(),
      this.serieDiaria(r),
      this.embudo(r),
      this.ds
        .getRepository(Producto)
        .createQueryBuilder('x')
        .where('x.activo = :a', { a: true })
        .andWhere('x.stock <= :u', { u: r.umbral_stock ?? 5 })
        .orderBy('x.stock', 'ASC')
        .addOrderBy('x.nombre', 'ASC')
        .limit(20)
        .getMany(),
      filtrarRango(this.ds.getRepository(ProductoNoEncontrado).createQueryBuilder('n'), 'n.creado_en', r.desde, r.hasta, this.zona)
        .select('LOWER(n.texto)', 'texto')
        .addSelect('COUNT(*)', 'veces')
        .groupBy('LOWER(n.texto)')
        .orderBy('veces', 'DESC')
        .limit(20)
        .getRawMany<{ texto: string; veces: unknown }>(),
    ]);
    const numPedidos = entero(totales?.pedidos);
    const total = pesos(totales?.total);
    return {
      rango: { desde: r.desde ?? null, hasta: r.hasta ?? null },
      ventas: { total, pedidos: numPedidos, ticket_promedio: numPedidos ? aPesos(Math.round(aCentavos(total) / numPedidos)) : 0 },
      pedidos_por_estado: Object.fromEntries(porEstado.map((x) => [x.estado, entero(x.n)])),
      top_productos: topProductos.map((x) => ({ producto_id: entero(x.producto_id), nombre: x.nombre, unidades: entero(x.unidades), total: pesos(x.total) })),
      top_clientes: topClientes.map((x) => ({ cedula: x.cedula, nombre: x.nombre, pedidos: entero(x.pedidos), total: pesos(x.total) })),
      embudo,
      conversion: embudo.etapas.conversaciones ? Math.round((embudo.etapas.con_pedido / embudo.etapas.conversaciones) * 1000) / 1000 : 0,
      bajo_stock: bajoStock.map((p) => ({ id: p.id, sku: p.sku, nombre: p.nombre, stock: p.stock })),
      serie_diaria: serie,
      no_encontrados: noEncontrados.map((x) => ({ texto: x.texto, veces: entero(x.veces) })),
    };
  }

  /** Chats that reached each step, and the step where most of them stopped. */
  private async embudo(r: Rango) {
    const chats = (filtro: (qb: SelectQueryBuilder<Mensaje>) => void) => {
      const qb = filtrarRango(this.ds.getRepository(Mensaje).createQueryBuilder('m'), 'm.timestamp', r.desde, r.hasta, this.zona).select(
        'COUNT(DISTINCT m.chat_id)',
        'n',
      );
      filtro(qb);
      return qb.getRawOne<{ n: unknown }>().then((x) => entero(x?.n));
    };
    const [conversaciones, con_carrito, dando_datos, con_pedido] = await Promise.all([
      chats((qb) => qb.andWhere("m.remitente = 'usuario'")),
      chats((qb) => qb.andWhere("m.remitente = 'agente'").andWhere("m.estado_venta IN ('carrito', 'confirmando', 'recolectando_datos', 'completado')")),
      chats((qb) => qb.andWhere("m.remitente = 'agente'").andWhere("m.estado_venta IN ('recolectando_datos', 'completado')")),
      this.pedidos(r)
        .select('COUNT(DISTINCT p.chat_id)', 'n')
        .andWhere('p.chat_id IS NOT NULL')
        .getRawOne<{ n: unknown }>()
        .then((x) => entero(x?.n)),
    ]);
    const etapas = { conversaciones, con_carrito, dando_datos, con_pedido };
    let abandono: { desde: string; hasta: string; perdidos: number } | null = null;
    for (let i = 1; i < ETAPAS.length; i++) {
      const perdidos = etapas[ETAPAS[i - 1]] - etapas[ETAPAS[i]];
      if (perdidos > 0 && (!abandono || perdidos > abandono.perdidos)) abandono = { desde: ETAPAS[i - 1], hasta: ETAPAS[i], perdidos };
    }
    return { etapas, mayor_abandono: abandono };
  }
}
