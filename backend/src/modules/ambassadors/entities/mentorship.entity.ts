import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export const MENTORSHIP_END_REASONS = ['withdrawn', 'switched', 'ambassador_left'] as const;
export type MentorshipEndReason = (typeof MENTORSHIP_END_REASONS)[number];

/**
 * A mentee's consent to share their progress with one ambassador, from joining until withdrawn. The
 * ambassador reads progress only through a row whose `endedAt` is null, so withdrawing works at once.
 * A person has at most one current ambassador.
 */
@Entity('ambassador_mentees')
@Check('ck_ambassador_mentees_reason', `"end_reason" IS NULL OR "end_reason" IN ('withdrawn', 'switched', 'ambassador_left')`)
@Index('uq_ambassador_mentees_current', ['menteeId'], { unique: true, where: '"ended_at" IS NULL' })
@Index('ix_ambassador_mentees_ambassador', ['ambassadorId', 'endedAt'])
export class Mentorship {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  ambassadorId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'ambassador_id' })
  ambassador?: User;

  @Column({ type: 'uuid' })
  menteeId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mentee_id' })
  mentee?: User;

  /** When the mentee joined and agreed to share their progress with the ambassador. */
  @Column({ type: 'timestamptz' })
  consentedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  endReason: MentorshipEndReason | null;
}
