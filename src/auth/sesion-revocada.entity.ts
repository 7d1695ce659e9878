import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A staff token ended by POST /auth/logout before it expired (kept until then). */
@Entity('sesiones_revocadas')
export class SesionRevocada {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  jti: string;

  @Index()
  @Column({ type: Date })
  expira_en: Date;
}
