import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'operador'] as const;
export type Rol = (typeof ROLES)[number];

@Entity('usuarios')
export class Usuario {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 200 })
  nombre: string;

  @Column({ type: 'varchar', length: 200, select: false })
  password_hash: string;

  @Column({ type: 'varchar', length: 20 })
  rol: Rol;

  @Column({ type: Boolean, default: true })
  activo: boolean;

  /** staff tokens carry it; raised when the password, role or active flag changes, so older tokens stop working */
  @Column({ type: 'integer', default: 0, select: false })
  version_sesion: number;

  @CreateDateColumn()
  creado_en: Date;
}
