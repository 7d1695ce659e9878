import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** How far a staff member has read a chat: the customer's messages after it are their unread count. */
@Entity('lecturas_chat')
export class LecturaChat {
  @PrimaryColumn({ type: 'integer' })
  usuario_id: number;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  chat_id: string;

  @Column({ type: 'integer' })
  ultimo_mensaje_id: number;

  @UpdateDateColumn()
  actualizado_en: Date;
}
