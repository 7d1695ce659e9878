import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { decimalTransformer } from '../common/money';

@Entity('clientes')
export class Cliente {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  cedula: string;

  @Index()
  @Column({ type: 'varchar', length: 200 })
  nombre_completo: string;

  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true })
  telefono: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  correo: string | null;

  @Column({ type: 'text', nullable: true })
  direccion: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  barrio: string | null;

  @Column({ type: 'text', nullable: true })
  indicaciones_adicionales: string | null;

  @CreateDateColumn()
  fecha_registro: Date;

  @Column({ type: Date, nullable: true })
  fecha_ultima_compra: Date | null;

  @Column({ type: 'integer', default: 0 })
  total_compras: number;

  @Column({ type: 'decimal', precision: 14, scale: 2, default: 0, transformer: decimalTransformer })
  valor_total_compras: number;

  @Column({ type: Boolean, default: true })
  activo: boolean;

  @Column({ type: 'text', nullable: true })
  notas: string | null;

  /** when the customer accepted the personal-data notice (Ley 1581 de 2012) */
  @Column({ type: Date, nullable: true })
  consentimiento_datos: Date | null;
}
