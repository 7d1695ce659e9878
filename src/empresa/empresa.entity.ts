import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The business profile the agent answers context questions from. One row (id 1), edited by
 * ops staff through /admin/empresa; seeded with the demo shop.
 */
@Entity('empresa')
export class Empresa {
  @PrimaryColumn({ type: 'integer' })
  id: number;

  @Column({ type: 'varchar', length: 200 })
  nombre: string;

  @Column({ type: 'varchar', length: 100 })
  nombre_agente: string;

  @Column({ type: 'varchar', length: 200 })
  tono: string;

  @Column({ type: 'text' })
  horario: string;

  @Column({ type: 'text' })
  direccion: string;

  @Column({ type: 'varchar', length: 50 })
  telefono_contacto: string;

  @Column({ type: 'simple-json' })
  medios_pago: string[];

  @Column({ type: 'text' })
  zonas_entrega: string;

  @Column({ type: 'text' })
  tiempos_entrega: string;

  @Column({ type: 'text' })
  devoluciones: string;

  @Column({ type: 'text' })
  garantia: string;

  /** personal-data notice shown before asking for the cédula (Colombia's Ley 1581 de 2012) */
  @Column({ type: 'text' })
  aviso_datos: string;

  @Column({ type: 'integer', default: 1000 })
  limite_por_producto: number;

  @Column({ type: Boolean, default: true })
  mostrar_stock: boolean;

  /** answered while a human has taken over the chat; empty answers nothing */
  @Column({ type: 'text', default: '' })
  mensaje_pausa: string;

  @UpdateDateColumn()
  actualizado_en: Date;
}
