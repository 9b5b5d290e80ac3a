import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';

export const CONSENT_METHODS = ['on_screen', 'spoken', 'paper'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** A resident registered by a team member on the member's phone, and how the resident gave consent. */
@Entity('community_registrations')
@Check('ck_community_registrations_method', `"consent_method" IN ('on_screen', 'spoken', 'paper')`)
@Index('ix_community_registrations_member', ['memberId'])
export class ResidentRegistration {
  @PrimaryColumn('uuid')
  residentId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resident_id' })
  resident?: User;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'varchar', length: 12 })
  consentMethod: ConsentMethod;

  @Column({ type: 'timestamptz' })
  registeredAt: Date;
}
