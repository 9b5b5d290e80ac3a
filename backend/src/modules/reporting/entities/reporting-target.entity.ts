import { Check, Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A yearly target for a unit and target group: the population to reach (head-counts, since the
 * population is not the set of registered accounts) and the share or head-count to reach. A row
 * without a unit is the nation's default; a province's or commune's own row overrides it.
 */
@Entity('reporting_targets')
@Index('uq_reporting_targets_unit', ['year', 'unitId', 'targetGroup'], { unique: true, where: '"unit_id" IS NOT NULL' })
@Index('uq_reporting_targets_nation', ['year', 'targetGroup'], { unique: true, where: '"unit_id" IS NULL' })
@Check('ck_reporting_targets_percent', '"target_percent" IS NULL OR "target_percent" BETWEEN 0 AND 100')
export class ReportingTarget {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'smallint' }) year: number;
  @Column({ type: 'uuid', nullable: true }) unitId: string | null;
  @Column({ type: 'varchar', length: 20 }) targetGroup: string;
  @Column({ type: 'integer', nullable: true }) population: number | null;
  @Column({ type: 'smallint', nullable: true }) targetPercent: number | null;
  @Column({ type: 'integer', nullable: true }) targetCount: number | null;
  @Column({ type: 'uuid', nullable: true }) updatedById: string | null;
  @Column({ type: 'timestamptz', default: () => 'now()' }) updatedAt: Date;
}
