import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A resident learning on a team member's phone: the resident's own session, opened and closed by the member. */
@Entity('assisted_sessions')
@Index('ix_assisted_sessions_member_resident', ['memberId', 'residentId'])
export class AssistedSession {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  residentId: string;

  @Column({ type: 'uuid' })
  sessionId: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
