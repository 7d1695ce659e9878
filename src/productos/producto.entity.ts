import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { decimalTransformer } from '../common/money';

@Entity('productos')
export class Producto {
  @PrimaryGeneratedColumn()
  id: number;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 64 })
  sku: string;

  @Column({ type: 'varchar', length: 200 })
  nombre: string;

  @Column({ type: 'text', default: '' })
  descripcion: string;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalTransformer })
  precio: number;

  @Column({ type: 'integer', default: 0 })
  stock: number;

  @Index()
  @Column({ type: 'varchar', length: 100, default: 'general' })
  categoria: string;

  @Column({ type: Boolean, default: true })
  activo: boolean;

  @CreateDateColumn()
  creado_en: Date;

  @UpdateDateColumn()
  actualizado_en: Date;
}
