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

  /** the chat waits for a person: the customer asked, or the agent could not help */
  @Index()
  @Column({ type: Boolean, default: false })
  necesita_humano: boolean;

  /** since when it waits (the operators' inbox shows the oldest first) */
  @Column({ type: Date, nullable: true })
  necesita_humano_desde: Date | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  necesita_humano_motivo: string | null;

  @CreateDateColumn()
  creado_en: Date;

  @Index()
  @UpdateDateColumn()
  actualizado_en: Date;
}

/** the columns that mark a chat as waiting for a person (the first time stays: oldest waiting first) */
export function marcaHumano(motivo: string): Pick<Conversacion, 'necesita_humano' | 'necesita_humano_motivo'> {
  return { necesita_humano: true, necesita_humano_motivo: motivo.slice(0, 200) };
}

/** an operator took over or replied: nobody is waiting any more */
export const SIN_HUMANO: Pick<Conversacion, 'necesita_humano' | 'necesita_humano_desde' | 'necesita_humano_motivo'> = {
  necesita_humano: false,
  necesita_humano_desde: null,
  necesita_humano_motivo: null,
};
