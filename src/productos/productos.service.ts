import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository } from 'typeorm';
import { pagina, Pagina } from '../common/dto/paginacion.dto';
import { Codigo, DetalleSinStock, duplicado, ErrorDominio, noEncontrado } from '../common/errores';
import { TransaccionesService } from '../database/transacciones.service';
import { CambiosService } from '../retrieval/cambios.service';
import { Busqueda, RetrievalService } from '../retrieval/retrieval.service';
import { Producto } from './producto.entity';
import { ActualizarProductoDto, AjustarStockDto, BuscarProductosDto, CrearProductoDto, ListarProductosDto } from './productos.dto';

@Injectable()
export class ProductosService {
  constructor(
    @InjectRepository(Producto) private readonly productos: Repository<Producto>,
    private readonly tx: TransaccionesService,
    private readonly retrieval: RetrievalService,
    private readonly cambios: CambiosService,
  ) {}

  buscar(dto: BuscarProductosDto): Promise<Busqueda> {
    return this.retrieval.buscar(dto.q, { limite: dto.limite, categoria: dto.categoria });
  }

  async listar(f: ListarProductosDto): Promise<Pagina<Producto>> {
    const qb = this.productos.createQueryBuilder('p').orderBy('p.nombre', 'ASC').addOrderBy('p.id', 'ASC').skip(f.saltar).take(f.limite);
    if (f.categoria) qb.andWhere('p.categoria = :categoria', { categoria: f.categoria.toLowerCase() });
    if (f.activo !== undefined) qb.andWhere('p.activo = :activo', { activo: f.activo });
    if (f.q) {
      const q = `%${f.q.toLowerCase()}%`;
      qb.andWhere(new Brackets((w) => w.where('LOWER(p.nombre) LIKE :q', { q }).orWhere('LOWER(p.sku) LIKE :q').orWhere('LOWER(p.descripcion) LIKE :q')));
    }
    const [items, total] = await qb.getManyAndCount();
    return pagina(items, total, f);
  }

  async obtener(id: number): Promise<Producto> {
    const p = await this.productos.findOneBy({ id });
    if (!p) throw noEncontrado(`El producto ${id}`);
    return p;
  }

  async crear(dto: CrearProductoDto): Promise<Producto> {
    if (await this.productos.existsBy({ sku: dto.sku })) throw duplicado(`Ya existe un producto con sku ${dto.sku}`);
    return this.guardar((m) => m.save(Producto, m.create(Producto, dto)));
  }

  async actualizar(id: number, dto: ActualizarProductoDto): Promise<Producto> {
    const actual = await this.obtener(id);
    if (dto.sku && dto.sku !== actual.sku && (await this.productos.existsBy({ sku: dto.sku }))) {
      throw duplicado(`Ya existe un producto con sku ${dto.sku}`);
    }
    return this.guardar((m) => m.save(Producto, m.merge(Producto, actual, dto)));
  }

  /**
   * A stock count corrected by hand (a delivery in, breakage out). The change is relative and
   * conditional, so it cannot undo a sale made meanwhile nor leave the stock below zero; the
   * audit log keeps its reason.
   */
  async ajustarStock(id: number, dto: AjustarStockDto): Promise<Producto> {
    const actual = await this.obtener(id);
    const r = await this.tx.ejecutar((m) =>
      m
        .createQueryBuilder()
        .update(Producto)
        .set({ stock: () => 'stock + :cambio' })
        .where('id = :id AND stock + :cambio >= 0', { id, cambio: dto.cambio })
        .execute(),
    );
    if (r.affected !== 1) {
      const disponible = (await this.obtener(id)).stock;
      const detalle: DetalleSinStock = { producto_id: id, solicitado: -dto.cambio, disponible };
      throw new ErrorDominio(Codigo.SIN_STOCK, `El stock de ${actual.nombre} quedaría bajo cero: hay ${disponible}`, detalle);
    }
    // stock is not part of the search index (results read it fresh), so the change feed is not involved
    return this.obtener(id);
  }

  /** Deactivates: orders and sales keep pointing at the product, and the agent stops offering it. */
  async desactivar(id: number): Promise<Producto> {
    return this.actualizar(id, { activo: false });
  }

  /** Active products by id, for the chat's fresh prices and stock. */
  activosPorId(ids: number[]): Promise<Producto[]> {
    return ids.length ? this.productos.findBy({ id: In(ids) }) : Promise.resolve([]);
  }

  /** Names of the active catalog: the answer guard checks a model names no other product. */
  async nombresActivos(): Promise<string[]> {
    return (await this.productos.find({ select: { nombre: true }, where: { activo: true } })).map((p) => p.nombre);
  }

  /** Per active category: how many products and the cheapest few names, for the chat's overview. */
  async resumenCategorias(ejemplos: number): Promise<Array<{ categoria: string; total: number; ejemplos: string[]; palabras: string[] }>> {
    const filas = await this.productos.find({
      select: { nombre: true, categoria: true, descripcion: true },
      where: { activo: true },
      order: { categoria: 'ASC', precio: 'ASC', id: 'ASC' },
    });
    const porCategoria = new Map<string, { total: number; ejemplos: string[]; palabras: string[] }>();
    for (const f of filas) {
      const c = porCategoria.get(f.categoria) ?? { total: 0, ejemplos: [], palabras: [] };
      c.total++;
      if (c.ejemplos.length < ejemplos) c.ejemplos.push(f.nombre);
      if (c.palabras.length < 400) c.palabras.push(...`${f.nombre} ${f.descripcion ?? ''}`.split(/[^\p{L}]+/u).filter(Boolean));
      porCategoria.set(f.categoria, c);
    }
    return [...porCategoria].map(([categoria, c]) => ({ categoria, ...c }));
  }

  /** A page of the active catalog (or of one category), by category then price. */
  async paginaActivos(categoria: string | null, desde: number, limite: number): Promise<{ items: Producto[]; total: number }> {
    const [items, total] = await this.productos.findAndCount({
      where: { activo: true, ...(categoria ? { categoria } : {}) },
      order: { categoria: 'ASC', precio: 'ASC', id: 'ASC' },
      skip: desde,
      take: limite,
    });
    return { items, total };
  }

  /** The write and its entry in the change feed commit together; every replica's search then follows it (this one before answering). */
  private async guardar(escribir: (m: EntityManager) => Promise<Producto>): Promise<Producto> {
    const p = await this.tx.ejecutar(async (m) => {
      const guardado = await escribir(m);
      await this.cambios.registrar(m, 'productos', [guardado.id]);
      return guardado;
    });
    await this.cambios.difundir();
    return p;
  }
}
