import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import { Household } from './household.entity';

export type HouseholdLeaveReason = 'left' | 'removed';

/**
 * A person's membership, from the moment they accepted (and agreed to share their progress with the
 * household) until they leave or are removed. One current household per person.
 */
@Entity('household_members')
@Check('ck_household_members_reason', `"left_reason" IS NULL OR "left_reason" IN ('left', 'removed')`)
@Index('uq_household_members_current', ['userId'], { unique: true, where: '"left_at" IS NULL' })
@Index('ix_household_members_household', ['householdId', 'leftAt'])
export class HouseholdMember {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  householdId: string;

  @ManyToOne(() => Household, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'household_id' })
  household?: Household;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** When they accepted: joining is their own act, never another's. */
  @Column({ type: 'timestamptz' })
  acceptedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  leftAt: Date | null;

  @Column({ type: 'varchar', length: 10, nullable: true })
  leftReason: HouseholdLeaveReason | null;
}
