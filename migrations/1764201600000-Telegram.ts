import { MigrationInterface, QueryRunner } from 'typeorm';
import { Esquema } from './esquema';

/** Telegram updates already handled: a repeated update_id, even after a restart, is ignored. */
export class Telegram1764201600000 implements MigrationInterface {
  name = 'Telegram1764201600000';

  async up(q: QueryRunner): Promise<void> {
    const e = new Esquema(q);
    await e.tabla(
      'telegram_updates',
      [{ name: 'update_id', type: 'bigint', isPrimary: true }, e.texto('chat_id', 100), e.creado('recibido_en')],
      [['recibido_en']],
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('telegram_updates');
  }
}
