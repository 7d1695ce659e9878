import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A server-to-server caller of the public chat (a website, another channel's gateway), created
 * by an admin. Only the key's SHA-256 is stored; the key itself is shown once, at creation.
 */
@Entity('claves_integracion')
export class ClaveIntegracion {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  nombre: string;

  /** the key's first characters, to tell keys apart in a list */
  @Column({ type: 'varchar', length: 12 })
  prefijo: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64, select: false })
  hash: string;

  @Column({ type: Boolean, default: true })
  activa: boolean;

  @Column({ type: 'integer', nullable: true })
  creada_por: number | null;

  @CreateDateColumn()
  creado_en: Date;
}
