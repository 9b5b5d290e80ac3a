import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A team member's visit to a household. The id is chosen by the member's phone, so a visit logged
 * offline and sent again when the connection returns is stored once.
 */
@Entity('household_visits')
@Index('ix_household_visits_member_time', ['memberId', 'visitedAt'])
@Index('ix_household_visits_unit_time', ['unitId', 'visitedAt'])
export class HouseholdVisit {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  memberId: string;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'timestamptz' })
  visitedAt: Date;

  @Column({ type: 'smallint' })
  peopleHelped: number;

  /** Residents registered or helped during the visit (the member's own residents only). */
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  residentIds: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  note: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
