import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A chat's persisted state: the order being built (cart, data collected, pending question) lives
 * here, not in memory, so it survives restarts; `pausado` is the human takeover switch.
 */
@Entity('conversaciones')
export class Conversacion {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  chat_id: string;

  /** api | telegram */
  @Column({ type: 'varchar', length: 20, default: 'api' })
  canal: string;

  /** the agent's state machine snapshot (JSON) */
  @Column({ type: 'simple-json', nullable: true })
  estado: Record<string, unknown> | null;

  @Index()
  @Column({ type: 'varchar', length: 30, nullable: true })
  estado_venta: string | null;

  @Column({ type: Boolean, default: false })
  pausado: boolean;

  /** SHA-256 of the chat_token a REST chat's later turns must send (null for other channels) */
  @Column({ type: 'varchar', length: 64, nullable: true, select: false })
  token_hash: string | null;

  /** the integration key that created this chat and alone may continue it */
  @Column({ type: 'integer', nullable: true })
  integracion_id: number | null;

  @CreateDateColumn()
  creado_en: Date;

  @Index()
  @UpdateDateColumn()
  actualizado_en: Date;
}
