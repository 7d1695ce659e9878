import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** The knowledge base the agent answers business questions from. */
export class Conocimiento1796112768727 implements MigrationInterface {
  name = 'Conocimiento1796112768727';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla(
      'conocimiento',
      [
        e.id(),
        e.texto('titulo', 200),
        e.texto('tipo', 20, { default: "'documento'" }),
        e.texto('pregunta', 500, { isNullable: true }),
        e.textoLargo('contenido'),
        e.textoLargo('productos_sku', { isNullable: true }),
        e.texto('tema', 50, { isNullable: true }),
        e.texto('origen', 200, { isNullable: true }),
        e.booleano('activo', true),
        e.creado('creado_en'),
        e.creado('actualizado_en'),
      ],
      [['tema'], ['origen']],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('conocimiento');
  }
}
