import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import type { EnvironmentVariables } from '../config/env.validation';
import { pagina, Pagina } from '../common/dto/paginacion.dto';
import { filtrarRango } from '../database/fechas';
import { Auditoria } from './auditoria.entity';
import { ListarAuditoriaDto } from './auditoria.dto';

@Injectable()
export class AuditoriaService {
  constructor(
    @InjectRepository(Auditoria) private readonly registros: Repository<Auditoria>,
    private readonly config: ConfigService<EnvironmentVariables, true>,
  ) {}

  async listar(f: ListarAuditoriaDto): Promise<Pagina<Auditoria>> {
    const qb = this.registros.createQueryBuilder('a').orderBy('a.id', 'DESC').skip(f.saltar).take(f.limite);
    filtrarRango(qb, 'a.creado_en', f.desde, f.hasta, this.config.get('ZONA_HORARIA', { infer: true }));
    if (f.usuario) qb.andWhere('a.usuario_email = :u', { u: f.usuario.toLowerCase() });
    if (f.recurso) qb.andWhere('a.accion LIKE :r', { r: `%${f.recurso}%` });
    const [items, total] = await qb.getManyAndCount();
    return pagina(items, total, f);
  }
}
