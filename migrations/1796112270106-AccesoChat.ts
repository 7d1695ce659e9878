import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';
import { Esquema } from './esquema';

/**
 * Chat ownership: a REST chat's token hash, the integration key that created a chat, and the
 * keys themselves (hashed). Chats created before have no token: REST cannot continue them.
 */
export class AccesoChat1796112270106 implements MigrationInterface {
  name = 'AccesoChat1796112270106';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla(
      'claves_integracion',
      [
        e.id(),
        e.texto('nombre', 100),
        e.texto('prefijo', 12),
        e.texto('hash', 64),
        e.booleano('activa', true),
        e.entero('creada_por', { isNullable: true }),
        e.creado('creado_en'),
      ],
      [['hash', true]],
    );
    await q.addColumns('conversaciones', [
      new TableColumn(e.texto('token_hash', 64, { isNullable: true })),
      new TableColumn(e.entero('integracion_id', { isNullable: true })),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('conversaciones', 'integracion_id');
    await q.dropColumn('conversaciones', 'token_hash');
    await q.dropTable('claves_integracion');
  }
}
