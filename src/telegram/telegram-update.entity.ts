import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** One row per Telegram update handled: the primary key is what makes handling exactly-once. */
@Entity('telegram_updates')
export class TelegramUpdate {
  // bigint comes back from PostgreSQL as a string; ids stay far below 2^53
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string | number) => Number(v) } })
  update_id: number;

  @Column({ type: 'varchar', length: 100 })
  chat_id: string;

  @Index()
  @CreateDateColumn()
  recibido_en: Date;
}
