import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { Household } from './household.entity';

export type InvitationAnswer = 'accepted' | 'declined' | 'cancelled';

/**
 * An invitation the owner sent to a phone number or email. It is kept by the login's keyed hash, so
 * the owner learns nothing about whether an account exists, and a person who registers later with
 * that login still finds it.
 */
@Entity('household_invitations')
@Check('ck_household_invitations_answer', `"answer" IS NULL OR "answer" IN ('accepted', 'declined', 'cancelled')`)
@Index('uq_household_invitations_open', ['householdId', 'loginHash'], { unique: true, where: '"answered_at" IS NULL' })
@Index('ix_household_invitations_login', ['loginHash'])
export class HouseholdInvitation {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  @Column({ type: 'bytea' })
  loginHash: Buffer;

  /** The login as the owner typed it, masked (0912*****78). */
  @Column({ type: 'varchar', length: 80 })
  loginHint: string;

  @Column({ type: 'uuid' })
  invitedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  answer: InvitationAnswer | null;
}
