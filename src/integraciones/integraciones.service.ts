import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransaccionesService } from '../database/transacciones.service';
import { noEncontrado } from '../common/errores';
import { ClaveIntegracion } from './clave-integracion.entity';
import { hashSecreto, nuevoSecreto } from './secreto';

@Injectable()
export class IntegracionesService {
  constructor(
    @InjectRepository(ClaveIntegracion) private readonly claves: Repository<ClaveIntegracion>,
    private readonly tx: TransaccionesService,
  ) {}

  async crear(nombre: string, creadaPor: number | null): Promise<ClaveIntegracion & { clave: string }> {
    const clave = nuevoSecreto('av_');
    const guardada = await this.tx.ejecutar((m) =>
      m.save(
        ClaveIntegracion,
        m.create(ClaveIntegracion, { nombre, prefijo: clave.slice(0, 7), hash: hashSecreto(clave), activa: true, creada_por: creadaPor }),
      ),
    );
    const { hash: _hash, ...visible } = guardada;
    return { ...visible, clave } as ClaveIntegracion & { clave: string };
  }

  listar(): Promise<ClaveIntegracion[]> {
    return this.claves.find({ order: { id: 'ASC' } });
  }

  async revocar(id: number): Promise<ClaveIntegracion> {
    const r = await this.claves.update({ id }, { activa: false });
    if (!r.affected) throw noEncontrado(`La clave de integración ${id}`);
    return this.claves.findOneByOrFail({ id });
  }

  /** the active key with this secret, or null (the hash is unique: one indexed lookup) */
  porSecreto(secreto: string): Promise<ClaveIntegracion | null> {
    return this.claves.findOneBy({ hash: hashSecreto(secreto), activa: true });
  }
}
