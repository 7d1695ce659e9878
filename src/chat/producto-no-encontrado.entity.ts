import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** What customers asked for and the shop does not carry: demand the owner may want to stock. */
@Entity('productos_no_encontrados')
export class ProductoNoEncontrado {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 100 })
  chat_id: string;

  @Column({ type: 'varchar', length: 300 })
  texto: string;

  @Index()
  @CreateDateColumn()
  creado_en: Date;
}
