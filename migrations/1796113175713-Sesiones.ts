import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Esquema } from './esquema';

/** Staff sessions follow the account: tokens revoked by logout, and a per-account session version. */
export class Sesiones1796113175713 implements MigrationInterface {
  name = 'Sesiones1796113175713';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla('sesiones_revocadas', [e.texto('jti', 36, { isPrimary: true }), e.fecha('expira_en')], [['expira_en']]);
    await q.addColumn('usuarios', new TableColumn(e.entero('version_sesion', { default: 0 })));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('usuarios', 'version_sesion');
    await q.dropTable('sesiones_revocadas');
  }
}
