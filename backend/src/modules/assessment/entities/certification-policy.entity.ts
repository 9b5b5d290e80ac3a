import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { FrameworkVersion } from '../../content/entities/framework-version.entity';

/**
 * When a learner of a target group is confirmed, per framework version: set by a national
 * administrator (the official parameters of QĐ 757 Annex II are not public, so they are data, not code).
 */
@Entity('certification_policies')
@Index('uq_certification_policies_version_group', ['frameworkVersionId', 'targetGroup'], { unique: true })
@Check('ck_certification_policies_scores', `"min_overall_score" BETWEEN 0 AND 100 AND "min_domain_score" BETWEEN 0 AND 100 AND "self_rating_weight" BETWEEN 0 AND 100`)
export class CertificationPolicy {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersion?: FrameworkVersion;

  @Column({ type: 'varchar', length: 20 })
  targetGroup: string;

  /** Course slugs that must be completed. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredCourses: string[];

  @Column({ type: 'smallint' })
  minOverallScore: number;

  /** Applies to every domain the self-assessment covers. */
  @Column({ type: 'smallint' })
  minDomainScore: number;

  /** Every competency of the group's profile at its minimum level. */
  @Column({ type: 'boolean', default: false })
  requireProfileLevels: boolean;

  @Column({ type: 'smallint' })
  questionsPerCompetency: number;

  /** Share of the self-rating in a competency's score, in percent; the knowledge questions make the rest. */
  @Column({ type: 'smallint' })
  selfRatingWeight: number;

  /** Null: unlimited. */
  @Column({ type: 'int', nullable: true })
  maxAttempts: number | null;

  @Column({ type: 'int', default: 0 })
  cooldownHours: number;

  /** Null: untimed. */
  @Column({ type: 'int', nullable: true })
  timeLimitMinutes: number | null;

  @Column({ type: 'uuid', nullable: true })
  updatedById: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
