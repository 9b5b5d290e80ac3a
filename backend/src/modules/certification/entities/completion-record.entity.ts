import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FrameworkVersion } from '../../content/entities/framework-version.entity';
import { User } from '../../users/entities/user.entity';

export type RecordCompetency = { code: string; name: string; domainCode: string; level: number; score: number };
export type PdfStatus = 'pending' | 'ready' | 'failed';

/**
 * "Xác nhận hoàn thành mức độ phổ cập kỹ năng số": at most one valid record per learner, framework
 * version and target group (partial unique index), so concurrent submissions issue one. What it
 * confirms is copied in at issue time; revoking keeps the row so the code still verifies as revoked.
 */
@Entity('completion_records')
@Index('uq_completion_records_valid', ['userId', 'frameworkVersionId', 'targetGroup'], { unique: true, where: '"revoked_at" IS NULL' })
@Index('ix_completion_records_province_time', ['provinceId', 'issuedAt'])
@Check('ck_completion_records_pdf_status', `"pdf_status" IN ('pending', 'ready', 'failed')`)
export class CompletionRecord {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The public code printed on the certificate and used in /verify/<code>. */
  @Column({ type: 'varchar', length: 20, unique: true })
  code: string;

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

  @Column({ type: 'uuid', nullable: true })
  assessmentAttemptId: string | null;

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  /** Blanked when the holder deletes their account. */
  @Column({ type: 'varchar', length: 120, nullable: true })
  holderName: string | null;

  @Column({ type: 'smallint', nullable: true })
  holderBirthYear: number | null;

  /** The identity provider (its label, e.g. VNeID) that had verified the holder when the record was issued; null if none. */
  @Column({ type: 'varchar', length: 60, nullable: true })
  holderIdentityVerifiedBy: string | null;

  @Column({ type: 'smallint' })
  overallScore: number;

  @Column({ type: 'smallint' })
  overallLevel: number;

  @Column({ type: 'jsonb' })
  competencies: RecordCompetency[];

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  coursesCompleted: string[];

  /** The signed Open Badges 3.0 credential (compact JWS). */
  @Column({ type: 'text' })
  credential: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  pdfStatus: PdfStatus;

  @Column({ type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  revokedReason: string | null;

  @Column({ type: 'uuid', nullable: true })
  revokedById: string | null;

  /** Set on a record issued to replace a revoked one. */
  @Column({ type: 'uuid', nullable: true })
  reissueOfId: string | null;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'uuid' })
  provinceId: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;
}
