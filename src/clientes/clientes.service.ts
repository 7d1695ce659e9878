import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, Repository } from 'typeorm';
import { pagina, Pagina } from '../common/dto/paginacion.dto';
import { conflicto, noEncontrado } from '../common/errores';
import { TransaccionesService } from '../database/transacciones.service';
import { Cliente } from './cliente.entity';
import { ActualizarClienteDto, CrearClienteDto, ListarClientesDto } from './clientes.dto';

@Injectable()
export class ClientesService {
  constructor(
    @InjectRepository(Cliente) private readonly clientes: Repository<Cliente>,
    private readonly tx: TransaccionesService,
  ) {}

  async listar(f: ListarClientesDto): Promise<Pagina<Cliente>> {
    const qb = this.clientes.createQueryBuilder('c').orderBy('c.nombre_completo', 'ASC').addOrderBy('c.cedula', 'ASC').skip(f.saltar).take(f.limite);
    if (f.busqueda) this.filtrar(qb, f.busqueda);
    const [items, total] = await qb.getManyAndCount();
    return pagina(items, total, f);
  }

  buscar(q: string): Promise<Cliente[]> {
    return this.filtrar(this.clientes.createQueryBuilder('c'), q).orderBy('c.nombre_completo', 'ASC').take(20).getMany();
  }

  /** name, cédula or phone; phones and cédulas are matched on their digits */
  private filtrar(qb: ReturnType<Repository<Cliente>['createQueryBuilder']>, texto: string) {
    const q = `%${texto.trim().toLowerCase()}%`;
    const digitos = texto.replace(/\D/g, '');
    return qb.andWhere(
      new Brackets((w) => {
        w.where('LOWER(c.nombre_completo) LIKE :q', { q }).orWhere('LOWER(c.cedula) LIKE :q');
        if (digitos) w.orWhere('c.telefono LIKE :d', { d: `%${digitos}%` }).orWhere('c.cedula LIKE :d');
      }),
    );
  }

  async obtener(cedula: string): Promise<Cliente> {
    const c = await this.clientes.findOneBy({ cedula });
    if (!c) throw noEncontrado(`El cliente ${cedula}`);
    return c;
  }

  /** the active customer of a cédula, or null (an inactive one buys as a guest) */
  activo(cedula: string): Promise<Cliente | null> {
    return this.clientes.findOneBy({ cedula, activo: true });
  }

  async crear(dto: CrearClienteDto): Promise<Cliente> {
    if (await this.clientes.existsBy({ cedula: dto.cedula })) throw conflicto(`Ya existe un cliente con cédula ${dto.cedula}`);
    return this.tx.ejecutar((m) => m.save(Cliente, m.create(Cliente, dto)));
  }

  async actualizar(cedula: string, dto: ActualizarClienteDto): Promise<Cliente> {
    const actual = await this.obtener(cedula);
    return this.tx.ejecutar((m) => m.save(Cliente, m.merge(Cliente, actual, dto)));
  }

  /** Deactivates: the customer's orders and sales stay for the books. */
  desactivar(cedula: string): Promise<Cliente> {
    return this.actualizar(cedula, { activo: false });
  }
}
