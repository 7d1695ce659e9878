import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** One staff action that changed something: who, what route, on what, with which values, and how it ended. */
@Entity('auditoria')
export class Auditoria {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer', nullable: true })
  usuario_id: number | null;

  @Index()
  @Column({ type: 'varchar', length: 200 })
  usuario_email: string;

  @Column({ type: 'varchar', length: 20 })
  rol: string;

  /** "PUT /productos/productos/:id" — the route, comparable across calls */
  @Index()
  @Column({ type: 'varchar', length: 200 })
  accion: string;

  /** the concrete path called */
  @Column({ type: 'varchar', length: 500 })
  ruta: string;

  @Column({ type: 'varchar', length: 100, nullable: true })
  recurso_id: string | null;

  /** the values sent (passwords removed; files by name and size) */
  @Column({ type: 'simple-json', nullable: true })
  cambios: Record<string, unknown> | null;

  @Column({ type: 'integer' })
  estado_http: number;

  @Index()
  @CreateDateColumn()
  creado_en: Date;
}
