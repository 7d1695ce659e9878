import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** The staff audit log: who changed a price, a stock, an order's state. */
export class Auditoria1764288000000 implements MigrationInterface {
  name = 'Auditoria1764288000000';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla(
      'auditoria',
      [
        e.id(),
        e.entero('usuario_id', { isNullable: true }),
        e.texto('usuario_email', 200),
        e.texto('rol', 20),
        e.texto('accion', 200),
        e.texto('ruta', 500),
        e.texto('recurso_id', 100, { isNullable: true }),
        e.textoLargo('cambios', { isNullable: true }),
        e.entero('estado_http'),
        e.creado('creado_en'),
      ],
      [['usuario_email'], ['accion'], ['creado_en']],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('auditoria');
  }
}
