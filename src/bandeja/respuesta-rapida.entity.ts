import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A saved answer operators reuse in the inbox ("Horario", "Medios de pago"…), shared by all staff. */
@Entity('respuestas_rapidas')
export class RespuestaRapida {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'varchar', length: 80 })
  titulo: string;

  @Column({ type: 'text' })
  texto: string;

  @CreateDateColumn()
  creado_en: Date;

  @UpdateDateColumn()
  actualizado_en: Date;
}
