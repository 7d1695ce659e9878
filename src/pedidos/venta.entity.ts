import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { decimalTransformer } from '../common/money';
import { Producto } from '../productos/producto.entity';
import { Pedido } from './pedido.entity';

export type EstadoVenta = 'registrada' | 'anulada';

/** One row per order line, written in the same transaction as the order. */
@Entity('ventas')
export class Venta {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'integer' })
  pedido_id: number;

  @ManyToOne(() => Pedido, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pedido_id' })
  pedido?: Relation<Pedido>;

  @Index()
  @Column({ type: 'integer' })
  producto_id: number;

  @ManyToOne(() => Producto, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'producto_id' })
  producto?: Relation<Producto>;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  cliente_cedula: string;

  @Index()
  @CreateDateColumn()
  fecha: Date;

  @Column({ type: 'integer' })
  cantidad: number;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalTransformer })
  total: number;

  @Column({ type: 'varchar', length: 20, default: 'registrada' })
  estado: EstadoVenta;

  @Column({ type: 'simple-json', nullable: true })
  detalle: Record<string, unknown> | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  chat_id: string | null;
}
