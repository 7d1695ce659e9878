import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, UpdateDateColumn, Relation } from 'typeorm';
import { Cliente } from '../clientes/cliente.entity';
import { decimalTransformer } from '../common/money';
import { PedidoItem } from './pedido-item.entity';

export const ESTADOS_PEDIDO = ['pendiente', 'confirmado', 'despachado', 'entregado', 'cancelado'] as const;
export type EstadoPedido = (typeof ESTADOS_PEDIDO)[number];

@Entity('pedidos')
export class Pedido {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column({ type: 'varchar', length: 100, nullable: true })
  chat_id: string | null;

  @Index()
  @Column({ type: 'varchar', length: 20 })
  cliente_cedula: string;

  @ManyToOne(() => Cliente, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cliente_cedula' })
  cliente?: Relation<Cliente>;

  @Index()
  @Column({ type: 'varchar', length: 20, default: 'pendiente' })
  estado: EstadoPedido;

  @Column({ type: 'decimal', precision: 14, scale: 2, transformer: decimalTransformer })
  total: number;

  /** a retried request (Idempotency-Key header, or the chat's own key) finds the first order */
  @Index({ unique: true })
  @Column({ type: 'varchar', length: 200, nullable: true })
  clave_idempotencia: string | null;

  /** whether the order adds to its customer's purchase totals: not when a guest gave a stored cédula without proving it is theirs */
  @Column({ type: Boolean, default: true })
  cuenta_para_cliente: boolean;

  // The delivery snapshot: the data given for this order, whatever the customer record says later.
  @Column({ type: 'varchar', length: 200, nullable: true })
  entrega_nombre: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  entrega_telefono: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  entrega_correo: string | null;

  @Column({ type: 'text', nullable: true })
  entrega_direccion: string | null;

  @Column({ type: 'varchar', length: 120, nullable: true })
  entrega_barrio: string | null;

  @Column({ type: 'text', nullable: true })
  entrega_indicaciones: string | null;

  @OneToMany(() => PedidoItem, (i) => i.pedido, { cascade: ['insert'] })
  items: Relation<PedidoItem[]>;

  @Index()
  @CreateDateColumn()
  creado_en: Date;

  @UpdateDateColumn()
  actualizado_en: Date;
}
