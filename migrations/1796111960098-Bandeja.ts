import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** The inbox: saved quick replies and how far each staff member has read each chat. */
export class Bandeja1796111960098 implements MigrationInterface {
  name = 'Bandeja1796111960098';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla('respuestas_rapidas', [e.id(), e.texto('titulo', 80), e.textoLargo('texto'), e.creado('creado_en'), e.creado('actualizado_en')]);
    await e.tabla('lecturas_chat', [
      e.entero('usuario_id', { isPrimary: true }),
      e.texto('chat_id', 100, { isPrimary: true }),
      e.entero('ultimo_mensaje_id'),
      e.creado('actualizado_en'),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('lecturas_chat');
    await q.dropTable('respuestas_rapidas');
  }
}
