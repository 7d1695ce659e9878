import { MigrationInterface, QueryRunner, TableColumn, TableIndex } from 'typeorm';
import { Esquema } from './esquema';

/** A chat waiting for a person: since when and why, for the operators' inbox (oldest first). */
export class NecesitaHumano1796113192229 implements MigrationInterface {
  name = 'NecesitaHumano1796113192229';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await q.addColumns('conversaciones', [
      new TableColumn(e.booleano('necesita_humano', false)),
      new TableColumn(e.fecha('necesita_humano_desde', { isNullable: true })),
      new TableColumn(e.texto('necesita_humano_motivo', 200, { isNullable: true })),
    ]);
    await q.createIndex(
      'conversaciones',
      new TableIndex({ name: q.connection.namingStrategy.indexName('conversaciones', ['necesita_humano']), columnNames: ['necesita_humano'] }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropIndex('conversaciones', q.connection.namingStrategy.indexName('conversaciones', ['necesita_humano']));
    for (const c of ['necesita_humano_motivo', 'necesita_humano_desde', 'necesita_humano']) await q.dropColumn('conversaciones', c);
  }
}
