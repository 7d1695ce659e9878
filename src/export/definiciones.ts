import { In, ObjectLiteral, Repository, SelectQueryBuilder } from 'typeorm';
import { Cliente } from '../clientes/cliente.entity';
import { filtrarRango } from '../database/fechas';
import { Pedido } from '../pedidos/pedido.entity';
import { Venta } from '../pedidos/venta.entity';
import { Producto } from '../productos/producto.entity';
import { Celda } from './escritores';
import { ExportarDto, Recurso } from './export.dto';

/** What one export is: its Spanish headers, how a row is read, and how the filters apply. */
export interface Definicion<T extends ObjectLiteral> {
  hoja: string;
  clave: keyof T & string;
  encabezados: string[];
  fila(x: T): Celda[];
  /** `zona`: the shop's time zone, for a date-only desde/hasta */
  filtrar(qb: SelectQueryBuilder<T>, f: ExportarDto, zona: string): void;
  /** extra rows a page needs (order lines) */
  completar?(pagina: T[], repo: Repository<T>): Promise<void>;
}

const activo = (qb: SelectQueryBuilder<ObjectLiteral>, estado?: string) => {
  if (estado === 'activo' || estado === 'inactivo') qb.andWhere('x.activo = :activo', { activo: estado === 'activo' });
};

const clientes: Definicion<Cliente> = {
  hoja: 'Clientes',
  clave: 'cedula',
  encabezados: [
    'Cédula',
    'Nombre completo',
    'Teléfono',
    'Correo',
    'Dirección',
    'Barrio',
    'Indicaciones',
    'Fecha de registro',
    'Última compra',
    'Compras',
    'Valor total de compras',
    'Activo',
    'Notas',
  ],
  fila: (c) => [
    c.cedula,
    c.nombre_completo,
    c.telefono,
    c.correo,
    c.direccion,
    c.barrio,
    c.indicaciones_adicionales,
    c.fecha_registro,
    c.fecha_ultima_compra,
    c.total_compras,
    { dinero: c.valor_total_compras },
    c.activo,
    c.notas,
  ],
  filtrar: (qb, f, zona) => {
    filtrarRango(qb, 'x.fecha_registro', f.desde, f.hasta, zona);
    if (f.cedula) qb.andWhere('x.cedula = :cedula', { cedula: f.cedula });
    activo(qb, f.estado);
  },
};

const productos: Definicion<Producto> = {
  hoja: 'Productos',
  clave: 'id',
  encabezados: ['ID', 'SKU', 'Nombre', 'Descripción', 'Precio', 'Stock', 'Categoría', 'Activo', 'Creado', 'Actualizado'],
  fila: (p) => [p.id, p.sku, p.nombre, p.descripcion, { dinero: p.precio }, p.stock, p.categoria, p.activo, p.creado_en, p.actualizado_en],
  filtrar: (qb, f, zona) => {
    filtrarRango(qb, 'x.creado_en', f.desde, f.hasta, zona);
    activo(qb, f.estado);
  },
};

const pedidos: Definicion<Pedido> = {
  hoja: 'Pedidos',
  clave: 'id',
  encabezados: [
    'Pedido',
    'Fecha',
    'Cédula',
    'Estado',
    'Total',
    'Chat',
    'Productos',
    'Recibe',
    'Teléfono de entrega',
    'Correo de entrega',
    'Dirección de entrega',
    'Barrio de entrega',
    'Indicaciones de entrega',
  ],
  fila: (p) => [
    p.id,
    p.creado_en,
    p.cliente_cedula,
    p.estado,
    { dinero: p.total },
    p.chat_id,
    (p.items ?? []).map((i) => `${i.cantidad} × ${i.nombre}`).join('; '),
    p.entrega_nombre,
    p.entrega_telefono,
    p.entrega_correo,
    p.entrega_direccion,
    p.entrega_barrio,
    p.entrega_indicaciones,
  ],
  filtrar: (qb, f, zona) => {
    filtrarRango(qb, 'x.creado_en', f.desde, f.hasta, zona);
    if (f.cedula) qb.andWhere('x.cliente_cedula = :cedula', { cedula: f.cedula });
    if (f.estado) qb.andWhere('x.estado = :estado', { estado: f.estado });
  },
  completar: async (pagina, repo) => {
    if (pagina.length === 0) return;
    const conItems = await repo.find({ where: { id: In(pagina.map((p) => p.id)) }, relations: { items: true } });
    const porId = new Map(conItems.map((p) => [p.id, p.items]));
    for (const p of pagina) p.items = porId.get(p.id) ?? [];
  },
};

const ventas: Definicion<Venta> = {
  hoja: 'Ventas',
  clave: 'id',
  encabezados: ['Venta', 'Fecha', 'Pedido', 'Producto', 'Nombre', 'Cédula', 'Cantidad', 'Precio unitario', 'Total', 'Estado', 'Chat'],
  fila: (v) => {
    const d = (v.detalle ?? {}) as { nombre?: string; precio_unitario?: number };
    return [
      v.id,
      v.fecha,
      v.pedido_id,
      v.producto_id,
      d.nombre,
      v.cliente_cedula,
      v.cantidad,
      d.precio_unitario === undefined ? null : { dinero: d.precio_unitario },
      { dinero: v.total },
      v.estado,
      v.chat_id,
    ];
  },
  filtrar: (qb, f, zona) => {
    filtrarRango(qb, 'x.fecha', f.desde, f.hasta, zona);
    if (f.cedula) qb.andWhere('x.cliente_cedula = :cedula', { cedula: f.cedula });
    if (f.estado) qb.andWhere('x.estado = :estado', { estado: f.estado });
  },
};

export const DEFINICIONES: { [R in Recurso]: { entidad: new () => ObjectLiteral; definicion: Definicion<ObjectLiteral> } } = {
  clientes: { entidad: Cliente, definicion: clientes },
  productos: { entidad: Producto, definicion: productos },
  pedidos: { entidad: Pedido, definicion: pedidos },
  ventas: { entidad: Venta, definicion: ventas },
};
