import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A unit's figures for one period, frozen at the cut-off (a trigger refuses any change to them), then
 * reviewed and submitted upward by the unit's administrator. A row without a unit is the nation's.
 */
@Entity('periodic_reports')
@Index('uq_periodic_reports_unit', ['kind', 'period', 'unitId'], { unique: true, where: '"unit_id" IS NOT NULL' })
@Index('uq_periodic_reports_nation', ['kind', 'period'], { unique: true, where: '"unit_id" IS NULL' })
@Index('ix_periodic_reports_parent', ['parentUnitId', 'kind', 'period'])
export class PeriodicReport {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'varchar', length: 12 }) kind: string;
  @Column({ type: 'varchar', length: 10 }) period: string;
  @Column({ type: 'uuid', nullable: true }) unitId: string | null;
  /** The unit it is submitted to (a commune's province); null for provinces, who submit to the nation. */
  @Column({ type: 'uuid', nullable: true }) parentUnitId: string | null;
  @Column({ type: 'varchar', length: 10 }) level: 'nation' | 'province' | 'commune';
  @Column({ type: 'jsonb' }) figures: Record<string, unknown>;
  @Column({ type: 'timestamptz', default: () => 'now()' }) frozenAt: Date;
  @Column({ type: 'timestamptz' }) dueAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) submittedAt: Date | null;
  @Column({ type: 'uuid', nullable: true }) submittedById: string | null;
}
