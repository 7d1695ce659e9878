import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** The change feed replicas follow to keep their in-memory indexes in step with the database. */
export class Cambios1796112031676 implements MigrationInterface {
  name = 'Cambios1796112031676';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla('cambios', [e.id(), e.texto('tema', 40), e.textoLargo('claves'), e.creado('creado_en')], [['creado_en']]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('cambios');
  }
}
