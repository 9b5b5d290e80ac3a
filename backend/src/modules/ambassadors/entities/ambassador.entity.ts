import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

/** A digital ambassador (Đại sứ số): a person holding a completion record who guides others; the code is what they hand out. */
@Entity('ambassadors')
export class Ambassador {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Index('uq_ambassadors_invite_code', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  inviteCode: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  /** Stepping down ends every mentorship at once; becoming one again keeps the code. */
  @Column({ type: 'timestamptz', nullable: true })
  steppedDownAt: Date | null;
}
