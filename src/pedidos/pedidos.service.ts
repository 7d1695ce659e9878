import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, QueryFailedError, Repository } from 'typeorm';
import { Cliente } from '../clientes/cliente.entity';
import type { EnvironmentVariables } from '../config/env.validation';
import { pagina, Pagina } from '../common/dto/paginacion.dto';
import { Codigo, DetalleSinStock, ErrorDominio, noEncontrado, noProcesable } from '../common/errores';
import { aCentavos, aPesos, multiplicar } from '../common/money';
import { filtrarRango } from '../database/fechas';
import { TransaccionesService } from '../database/transacciones.service';
import { EventosService } from '../eventos/eventos.service';
import { Producto } from '../productos/producto.entity';
import { ESTADOS_PEDIDO, EstadoPedido, Pedido } from './pedido.entity';
import { PedidoItem } from './pedido-item.entity';
import { CrearPedidoDto, ListarPedidosDto, ListarVentasDto } from './pedidos.dto';
import { agruparLineas, puedeTransitar, transicionesDesde } from './transiciones';
import { Venta } from './venta.entity';

export type DatosClientePedido = Pick<Cliente, 'cedula' | 'nombre_completo' | 'telefono' | 'correo' | 'direccion' | 'barrio' | 'indicaciones_adicionales'> &
  Partial<Pick<Cliente, 'consentimiento_datos'>>;

/** the delivery snapshot an order keeps, as given for that order */
export type EntregaPedido = Pick<Pedido, (typeof CAMPOS_ENTREGA)[number]>;
export const CAMPOS_ENTREGA = ['entrega_nombre', 'entrega_telefono', 'entrega_correo', 'entrega_direccion', 'entrega_barrio', 'entrega_indicaciones'] as const;

export interface OpcionesPedido {
  /**
   * The customer as this order gives them (the chat). An unknown cédula becomes a new customer;
   * a stored one keeps its record unless `actualizarCliente`; an inactive one buys as a guest.
   * The order's delivery snapshot is taken from these data.
   */
  cliente?: DatosClientePedido;
  /** only staff, or a chat customer who proved possession (the phone on file), change a stored record */
  actualizarCliente?: boolean;
}

export interface ResultadoPedido {
  pedido: Pedido;
  /** true when the idempotency key had already registered this order */
  repetido: boolean;
}

/**
 * Orders and sales. Registering an order is one unit of work: the order, its lines and one sale
 * row per line, the customer's totals and a conditional stock decrement that can never go below
 * zero, even with many buyers of the last units at once.
 */
@Injectable()
export class PedidosService {
  constructor(
    @InjectRepository(Pedido) private readonly pedidos: Repository<Pedido>,
    @InjectRepository(Venta) private readonly ventas: Repository<Venta>,
    private readonly tx: TransaccionesService,
    private readonly eventos: EventosService,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  /**
   * With `opciones.cliente` (the chat) the customer is created (or, if allowed, updated) in the
   * same transaction as the order: either both are stored or neither is.
   */
  async crear(dto: CrearPedidoDto, claveIdempotencia?: string, opciones: OpcionesPedido = {}): Promise<ResultadoPedido> {
    if (claveIdempotencia) {
      const previo = await this.porClave(claveIdempotencia);
      if (previo) return { pedido: previo, repetido: true };
    }
    try {
      const id = await this.tx.ejecutar(async (m) => {
        const { cliente, actualizarCliente = false } = opciones;
        const suyo = cliente ? await this.guardarCliente(m, cliente, actualizarCliente) : true;
        const entrega = cliente ? entregaDe(cliente) : undefined;
        return this.registrar(m, dto, claveIdempotencia ?? null, entrega, suyo);
      });
      return { pedido: await this.obtener(id), repetido: false };
    } catch (e) {
      // Two requests with the same key raced: the loser's insert hits the unique key.
      const previo = claveIdempotencia && e instanceof QueryFailedError ? await this.porClave(claveIdempotencia) : null;
      if (previo) return { pedido: previo, repetido: true };
      throw e;
    }
  }

  /** @returns whether the record is this buyer's to change: created now, or allowed (staff, a verified customer) */
  private async guardarCliente(m: EntityManager, datos: DatosClientePedido, actualizar: boolean): Promise<boolean> {
    const existente = await m.findOneBy(Cliente, { cedula: datos.cedula });
    if (!existente) await m.save(Cliente, m.create(Cliente, datos));
    else if (actualizar) await m.save(Cliente, m.merge(Cliente, existente, datos));
    return !existente || actualizar;
  }

  /**
   * @param entrega the chat's snapshot; without it (staff) the dto's fields over the stored record
   * @param cuenta whether the order adds to the customer's totals (a guest who only typed a stored cédula changes nothing of theirs)
   */
  private async registrar(m: EntityManager, dto: CrearPedidoDto, clave: string | null, entrega: EntregaPedido | undefined, cuenta: boolean): Promise<number> {
    const cliente = await m.findOneBy(Cliente, { cedula: dto.cliente_cedula });
    // the chat's guests may be inactive customers; the staff API registers active ones only
    if (!cliente || (!cliente.activo && !entrega)) throw noProcesable(`El cliente ${dto.cliente_cedula} no existe o está inactivo`);
    const lineas = agruparLineas(dto.items);
    const productos = new Map((await m.findBy(Producto, { id: In(lineas.map((l) => l.producto_id)) })).map((p) => [p.id, p]));
    const faltantes = lineas.filter((l) => !productos.get(l.producto_id)?.activo).map((l) => l.producto_id);
    if (faltantes.length) throw noProcesable('Hay productos que no existen o no están activos', { productos: faltantes });

    // Rows locked in id order, so two orders touching the same products cannot deadlock.
    for (const l of [...lineas].sort((a, b) => a.producto_id - b.producto_id)) await this.descontarStock(m, productos.get(l.producto_id)!, l.cantidad);

    const items = lineas.map((l) => {
      const p = productos.get(l.producto_id)!;
      return m.create(PedidoItem, {
        producto_id: p.id,
        nombre: p.nombre,
        cantidad: l.cantidad,
        precio_unitario: p.precio,
        subtotal: multiplicar(p.precio, l.cantidad),
      });
    });
    const total = aPesos(items.reduce((acc, i) => acc + aCentavos(i.subtotal), 0));
    const pedido = await m.save(
      Pedido,
      m.create(Pedido, {
        chat_id: dto.chat_id ?? null,
        cliente_cedula: cliente.cedula,
        estado: 'pendiente',
        total,
        clave_idempotencia: clave,
        cuenta_para_cliente: cuenta,
        ...(entrega ?? entregaDeStaff(dto, cliente)),
        items,
      }),
    );
    await m.save(
      Venta,
      items.map((i) =>
        m.create(Venta, {
          pedido_id: pedido.id,
          producto_id: i.producto_id,
          cliente_cedula: cliente.cedula,
          cantidad: i.cantidad,
          total: i.subtotal,
          estado: 'registrada',
          chat_id: pedido.chat_id,
          detalle: { nombre: i.nombre, precio_unitario: i.precio_unitario },
        }),
      ),
    );
    if (cuenta) await this.sumarAlCliente(m, cliente.cedula, 1, total);
    return pedido.id;
  }

  /** UPDATE … WHERE stock >= cantidad: the database, not a read-then-write, decides who gets the last units */
  private async descontarStock(m: EntityManager, p: Producto, cantidad: number): Promise<void> {
    const r = await m
      .createQueryBuilder()
      .update(Producto)
      .set({ stock: () => 'stock - :cantidad' })
      .where('id = :id AND stock >= :cantidad AND activo = :activo', { id: p.id, cantidad, activo: true })
      .execute();
    if (r.affected === 1) return;
    const disponible = (await m.findOneBy(Producto, { id: p.id }))?.stock ?? 0;
    const detalle: DetalleSinStock = { producto_id: p.id, solicitado: cantidad, disponible };
    throw new ErrorDominio(Codigo.SIN_STOCK, `Solo hay ${disponible} unidades disponibles de ${p.nombre}`, detalle);
  }

  private async sumarAlCliente(m: EntityManager, cedula: string, compras: number, valor: number): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Cliente)
      .set({
        total_compras: () => 'total_compras + :compras',
        // ROUND keeps SQLite's binary floats on whole centavos; PostgreSQL's numeric is exact anyway.
        valor_total_compras: () => 'ROUND(valor_total_compras + :valor, 2)',
        ...(compras > 0 ? { fecha_ultima_compra: new Date() } : {}),
      })
      .where('cedula = :cedula', { cedula, compras, valor })
      .execute();
  }

  async cambiarEstado(id: number, estado: EstadoPedido): Promise<Pedido> {
    await this.tx.ejecutar(async (m) => {
      const pedido = await m.findOne(Pedido, { where: { id }, relations: { items: true } });
      if (!pedido) throw noEncontrado(`El pedido ${id}`);
      if (!puedeTransitar(pedido.estado, estado)) {
        throw new ErrorDominio(Codigo.TRANSICION_INVALIDA, `Un pedido ${pedido.estado} no puede pasar a ${estado}`, {
          estado_actual: pedido.estado,
          permitidos: transicionesDesde(pedido.estado),
        });
      }
      // Conditional on the state we read: of two concurrent moves, only one applies.
      const r = await m.createQueryBuilder().update(Pedido).set({ estado }).where('id = :id AND estado = :actual', { id, actual: pedido.estado }).execute();
      if (r.affected !== 1) throw new ErrorDominio(Codigo.CAMBIO_CONCURRENTE, 'El pedido cambió mientras tanto; vuelve a intentarlo');
      if (estado === 'cancelado') await this.revertir(m, pedido);
    });
    this.eventos.publicar({ tipo: 'pedido.cambiado', pedido_id: id, estado });
    return this.obtener(id);
  }

  /** a cancelled order gives its stock back, voids its sales and leaves the customer's totals (if it was in them) */
  private async revertir(m: EntityManager, pedido: Pedido): Promise<void> {
    for (const i of pedido.items) {
      await m
        .createQueryBuilder()
        .update(Producto)
        .set({ stock: () => 'stock + :cantidad' })
        .where('id = :id', { id: i.producto_id, cantidad: i.cantidad })
        .execute();
    }
    await m.update(Venta, { pedido_id: pedido.id }, { estado: 'anulada' });
    if (pedido.cuenta_para_cliente) await this.sumarAlCliente(m, pedido.cliente_cedula, -1, -pedido.total);
  }

  async obtener(id: number): Promise<Pedido> {
    const p = await this.pedidos.findOne({ where: { id }, relations: { items: true }, order: { items: { id: 'ASC' } } });
    if (!p) throw noEncontrado(`El pedido ${id}`);
    return p;
  }

  /** the newest order a chat registered, for "¿dónde está mi pedido?" */
  ultimoDelChat(chat_id: string): Promise<Pedido | null> {
    return this.pedidos.findOne({ where: { chat_id }, order: { id: 'DESC' } });
  }

  porClave(clave: string): Promise<Pedido | null> {
    return this.pedidos.findOne({ where: { clave_idempotencia: clave }, relations: { items: true } });
  }

  async listar(f: ListarPedidosDto): Promise<Pagina<Pedido>> {
    const qb = this.filtrados(f).orderBy('p.id', 'DESC').skip(f.saltar).take(f.limite);
    if (f.estado) qb.andWhere('p.estado = :estado', { estado: f.estado });
    const [encontrados, total] = await qb.getManyAndCount();
    return pagina(await this.conItems(encontrados), total, f);
  }

  /** how many orders are in each state under the same filters as the list (state aside) */
  async conteos(f: Omit<ListarPedidosDto, 'estado'>): Promise<Record<EstadoPedido, number>> {
    const filas = await this.filtrados(f)
      .select('p.estado', 'estado')
      .addSelect('COUNT(*)', 'n')
      .groupBy('p.estado')
      .getRawMany<{ estado: EstadoPedido; n: string }>();
    const conteos = Object.fromEntries(ESTADOS_PEDIDO.map((e) => [e, 0])) as Record<EstadoPedido, number>;
    for (const { estado, n } of filas) conteos[estado] = Number(n);
    return conteos;
  }

  private filtrados(f: Omit<ListarPedidosDto, 'estado'>) {
    const qb = this.pedidos.createQueryBuilder('p');
    if (f.cedula) qb.andWhere('p.cliente_cedula = :cedula', { cedula: f.cedula });
    if (f.cliente?.trim()) {
      const cliente = f.cliente.trim();
      qb.andWhere('(p.cliente_cedula = :cliente OR LOWER(p.entrega_nombre) LIKE :parte)', { cliente, parte: `%${cliente.toLowerCase()}%` });
    }
    // the channel is the conversation's; an order with no chat (REST, counter sale) is "mostrador"
    const deChats = 'SELECT c.chat_id FROM conversaciones c';
    if (f.canal === 'mostrador') qb.andWhere(`(p.chat_id IS NULL OR p.chat_id NOT IN (${deChats}))`);
    else if (f.canal) qb.andWhere(`p.chat_id IN (${deChats} WHERE c.canal = :canal)`, { canal: f.canal });
    filtrarRango(qb, 'p.creado_en', f.desde, f.hasta, this.config.get('ZONA_HORARIA', { infer: true }));
    return qb;
  }

  /** items loaded in one query for the whole page (skip/take and joins do not mix well) */
  private async conItems(pedidos: Pedido[]): Promise<Pedido[]> {
    if (!pedidos.length) return pedidos;
    const items = await this.pedidos.manager.find(PedidoItem, { where: { pedido_id: In(pedidos.map((p) => p.id)) }, order: { id: 'ASC' } });
    return pedidos.map((p) => Object.assign(p, { items: items.filter((i) => i.pedido_id === p.id) }));
  }

  async listarVentas(f: ListarVentasDto): Promise<Pagina<Venta>> {
    const qb = this.ventas.createQueryBuilder('v').orderBy('v.id', 'DESC').skip(f.saltar).take(f.limite);
    if (f.estado) qb.andWhere('v.estado = :estado', { estado: f.estado });
    if (f.cedula) qb.andWhere('v.cliente_cedula = :cedula', { cedula: f.cedula });
    filtrarRango(qb, 'v.fecha', f.desde, f.hasta, this.config.get('ZONA_HORARIA', { infer: true }));
    const [items, total] = await qb.getManyAndCount();
    return pagina(items, total, f);
  }

  ventasDe(pedidoId: number): Promise<Venta[]> {
    return this.ventas.find({ where: { pedido_id: pedidoId }, order: { id: 'ASC' } });
  }

  historialDe(cedula: string, f: ListarPedidosDto): Promise<Pagina<Pedido>> {
    return this.listar(Object.assign(f, { cedula }));
  }
}

function entregaDe(c: DatosClientePedido): EntregaPedido {
  return {
    entrega_nombre: c.nombre_completo,
    entrega_telefono: c.telefono,
    entrega_correo: c.correo,
    entrega_direccion: c.direccion,
    entrega_barrio: c.barrio,
    entrega_indicaciones: c.indicaciones_adicionales,
  };
}

/** staff may give this order's own delivery data; what they leave out comes from the record */
function entregaDeStaff(dto: CrearPedidoDto, cliente: Cliente): EntregaPedido {
  const base = entregaDe(cliente);
  return Object.fromEntries(CAMPOS_ENTREGA.map((c) => [c, dto[c] ?? base[c]])) as EntregaPedido;
}
