import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Relation } from 'typeorm';
import { decimalTransformer } from '../common/money';
import { Producto } from '../productos/producto.entity';
import { Pedido } from './pedido.entity';

@Entity('pedido_items')
export class PedidoItem {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  pedido_id: number;

  @ManyToOne(() => Pedido, (p) => p.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'pedido_id' })
  pedido?: Relation<Pedido>;

  @Column({ type: 'integer' })
  producto_id: number;

  @ManyToOne(() => Producto, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'producto_id' })
  producto?: Relation<Producto>;

  /** the name at the time of sale: renaming a product does not rewrite history */
  @Column({ type: 'varchar', length: 200 })
  nombre: string;

  @Column({ type: 'integer' })
  cantidad: number;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalTransformer })
  precio_unitario: number;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalTransformer })
  subtotal: number;
}
