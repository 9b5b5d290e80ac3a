import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AdminUnit } from '../../units/entities/admin-unit.entity';
import { User } from '../../users/entities/user.entity';

/**
 * A member of a commune's community digital technology team (Tổ công nghệ số cộng đồng), appointed by
 * an administrator whose scope holds the commune. An appointment, not a role: the member still learns.
 */
@Entity('community_team_members')
@Index('ix_community_team_members_unit', ['unitId'])
export class TeamMember {
  @PrimaryColumn('uuid')
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  /** The commune the member works in (the member's own). */
  @Column({ type: 'uuid' })
  unitId: string;

  @ManyToOne(() => AdminUnit, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_id' })
  unit?: AdminUnit;

  @Column({ type: 'uuid' })
  appointedById: string;

  @Column({ type: 'timestamptz' })
  appointedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;
}
