import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A digital household (Gia đình số): people who chose to learn together and see each other's
 * progress. It is counted in the commune of its owner (the one who formed it, or who took over).
 */
@Entity('households')
@Index('ix_households_unit', ['unitId'])
@Index('ix_households_province', ['provinceId'])
export class Household {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 80 })
  name: string;

  @Column({ type: 'uuid' })
  ownerId: string;

  /** Shared as a link or typed: whoever has it may join (and accept to share their progress). */
  @Index('uq_households_invite_code', { unique: true })
  @Column({ type: 'varchar', length: 8 })
  inviteCode: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'uuid' })
  provinceId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  /** When the last member left. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
