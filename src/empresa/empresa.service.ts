import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { TransaccionesService } from '../database/transacciones.service';
import { ActualizarEmpresaDto } from './empresa.dto';
import { Empresa } from './empresa.entity';
import { PERFIL_INICIAL } from './perfil-inicial';

const ID = 1;

@Injectable()
export class EmpresaService {
  constructor(
    @InjectRepository(Empresa) private readonly empresa: Repository<Empresa>,
    private readonly tx: TransaccionesService,
  ) {}

  /** the profile, created from the neutral starting profile the first time it is read */
  async obtener(): Promise<Empresa> {
    return (await this.empresa.findOneBy({ id: ID })) ?? this.guardar(PERFIL_INICIAL);
  }

  async actualizar(dto: ActualizarEmpresaDto): Promise<Empresa> {
    return this.guardar({ ...(await this.obtener()), ...dto });
  }

  /** replaces the whole profile (the demo seed uses it) */
  guardar(perfil: Omit<Empresa, 'id' | 'actualizado_en'>): Promise<Empresa> {
    return this.tx.ejecutar((m) => m.save(Empresa, m.create(Empresa, { ...perfil, id: ID })));
  }
}
