import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type Remitente = 'usuario' | 'agente' | 'operador' | 'sistema';

@Entity('mensajes')
@Index(['chat_id', 'id'])
export class Mensaje {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  chat_id: string;

  @Column({ type: 'varchar', length: 20 })
  remitente: Remitente;

  @Column({ type: 'text' })
  mensaje: string;

  @CreateDateColumn()
  timestamp: Date;

  @Column({ type: 'varchar', length: 20, nullable: true })
  tipo_mensaje: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  estado_venta: string | null;

  @Column({ type: 'simple-json', nullable: true })
  metadatos: Record<string, unknown> | null;
}
