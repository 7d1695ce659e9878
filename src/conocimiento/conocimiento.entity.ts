import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const TIPOS_ENTRADA = ['faq', 'documento'] as const;
export type TipoEntrada = (typeof TIPOS_ENTRADA)[number];

/**
 * One entry of the shop's knowledge base: a FAQ (a question and its answer) or a piece of a
 * document (an imported policy's section). The agent answers business questions from these;
 * `productos_sku` are catalog products the entry recommends (a kit, a per-worker outfit).
 */
@Entity('conocimiento')
export class Conocimiento {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 200 })
  titulo: string;

  @Column({ type: 'varchar', length: 20, default: 'documento' })
  tipo: TipoEntrada;

  /** for a FAQ: the question as customers ask it */
  @Column({ type: 'varchar', length: 500, nullable: true })
  pregunta: string | null;

  @Column({ type: 'text' })
  contenido: string;

  @Column({ type: 'simple-json', nullable: true })
  productos_sku: string[] | null;

  /** a topic label for staff (and the evaluation): "servicio_recarga", "garantia_extintores"… */
  @Index()
  @Column({ type: 'varchar', length: 50, nullable: true })
  tema: string | null;

  /** the file an imported entry came from: importing it again replaces its entries */
  @Index()
  @Column({ type: 'varchar', length: 200, nullable: true })
  origen: string | null;

  @Column({ type: Boolean, default: true })
  activo: boolean;

  @CreateDateColumn()
  creado_en: Date;

  @UpdateDateColumn()
  actualizado_en: Date;
}
