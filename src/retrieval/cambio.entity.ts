import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The change feed: one row per committed change of something a replica keeps in memory (the
 * catalog's search index, knowledge passages). Its id is the version every replica follows.
 */
@Entity('cambios')
export class Cambio {
  @PrimaryGeneratedColumn()
  id: number;

  /** what changed: 'productos', 'conocimiento', … (each follower listens to its own) */
  @Column({ type: 'varchar', length: 40 })
  tema: string;

  /** ids of the changed rows, as strings */
  @Column({ type: 'simple-json' })
  claves: string[];

  @Index()
  @CreateDateColumn()
  creado_en: Date;
}
