import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FrameworkVersion } from '../../content/entities/framework-version.entity';
import type { AnswerValue, DrawnQuestion, GradedQuestion } from '../../learning/entities/quiz-attempt.entity';
import { User } from '../../users/entities/user.entity';
import type { AssessmentResult } from '../assessment-scoring';

/**
 * One self-assessment: self-ratings per competency and knowledge questions drawn from the banks.
 * Like a quiz attempt, the draw is stored, graded only on the server, and one stays open at a time.
 * The person's unit, group and organisation are copied in at the start, for cohort reports.
 */
@Entity('assessment_attempts')
@Index('uq_assessment_attempts_number', ['userId', 'frameworkVersionId', 'targetGroup', 'number'], { unique: true })
@Index('uq_assessment_attempts_open', ['userId', 'frameworkVersionId', 'targetGroup'], { unique: true, where: `"status" = 'in_progress'` })
@Index('ix_assessment_attempts_province_time', ['provinceId', 'submittedAt'])
@Check('ck_assessment_attempts_status', `"status" IN ('in_progress', 'submitted')`)
export class AssessmentAttempt {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'uuid' })
  frameworkVersionId: string;

  @ManyToOne(() => FrameworkVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id' })
  frameworkVersion?: FrameworkVersion;

  @Column({ type: 'varchar', length: 20 })
  targetGroup: string;

  @Column({ type: 'int' })
  number: number;

  @Column({ type: 'varchar', length: 12, default: 'in_progress' })
  status: 'in_progress' | 'submitted';

  /** The competencies rated in this attempt, in display order, with the profile's minimum level. */
  @Column({ type: 'jsonb' })
  competencies: { code: string; minLevel: number }[];

  @Column({ type: 'jsonb' })
  questions: DrawnQuestion[];

  /** Competency code → 0..4 on the five-point scale. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  ratings: Record<string, number>;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  answers: Record<string, AnswerValue>;

  @Column({ type: 'jsonb', nullable: true })
  graded: GradedQuestion[] | null;

  @Column({ type: 'jsonb', nullable: true })
  result: AssessmentResult | null;

  /** The overall score, kept beside the result for reports. */
  @Column({ type: 'smallint', nullable: true })
  overallScore: number | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadlineAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'uuid' })
  provinceId: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;
}
