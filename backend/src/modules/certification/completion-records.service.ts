import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobQueue } from '../../jobs/job-queue';
import { CertificationPoliciesService } from '../assessment/certification-policies.service';
import { AssessmentAttempt } from '../assessment/entities/assessment-attempt.entity';
import type { CertificationPolicy } from '../assessment/entities/certification-policy.entity';
import { FrameworkNames } from '../assessment/framework-names';
import { IdentityProviders } from '../identity/identity-providers';
import { AuditService } from '../audit/audit.service';
import type { FrameworkVersion } from '../content/entities/framework-version.entity';
import { User } from '../users/entities/user.entity';
import { CredentialSigner } from './credential/credential-signer';
import { openBadgeCredential } from './credential/open-badge';
import { CertificateFile } from './entities/certificate-file.entity';
import { CompletionRecord } from './entities/completion-record.entity';
import { type PolicyShortfall, shortfalls } from './policy-evaluator';
import { newRecordCode } from './record-code';

export type CertificationStatus = {
  names: FrameworkNames;
  targetGroup: string;
  policy: CertificationPolicy | null;
  shortfalls: PolicyShortfall[];
  record: CompletionRecord | null;
  /** Titles of the required courses still to complete, by slug. */
  courseTitles: Map<string, string>;
};

/**
 * Issues, finds and revokes completion records. Issuing holds the person's row lock and relies on the
 * partial unique index, so however many submissions or claims race, one valid record exists per
 * learner, framework version and target group.
 */
@Injectable()
export class CompletionRecordsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: CertificationPoliciesService,
    private readonly signer: CredentialSigner,
    private readonly jobs: JobQueue,
    private readonly audit: AuditService,
    private readonly identityProviders: IdentityProviders,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Where the learner stands: their valid record, or what is still missing. */
  async status(userId: string, em: EntityManager = this.dataSource.manager): Promise<CertificationStatus> {
    const user = await em.getRepository(User).findOneByOrFail({ id: userId });
    const version = await this.policies.currentVersion(em);
    const names = new FrameworkNames(version);
    const record = await em.getRepository(CompletionRecord).findOne({
      where: { userId, frameworkVersionId: version.id, targetGroup: user.targetGroup, revokedAt: IsNull() },
      order: { issuedAt: 'DESC' },
    });
    const policy = await this.policies.find(version.id, user.targetGroup, em);
    if (record) return { names, targetGroup: user.targetGroup, policy, shortfalls: [], record, courseTitles: new Map() };
    const { gaps } = await this.evaluate(em, user, version, policy);
    const missing = gaps.flatMap((g) => (g.code === 'COURSES_MISSING' ? g.courses : []));
    const titles: { slug: string; title: string }[] = missing.length ? await em.query('SELECT slug, title FROM courses WHERE slug = ANY($1)', [missing]) : [];
    return { names, targetGroup: user.targetGroup, policy, shortfalls: gaps, record: null, courseTitles: new Map(titles.map((c) => [c.slug, c.title])) };
  }

  /** Issues the record when the policy is met (once: an existing valid record is returned as is). */
  async issueIfEligible(userId: string): Promise<CertificationStatus> {
    const issued = await this.dataSource.transaction(async (em) => {
      const user = await em.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :userId', { userId }).getOne();
      if (!user || user.status !== 'active') return null;
      const version = await this.policies.currentVersion(em);
      const existing = await em.getRepository(CompletionRecord).findOne({
        where: { userId, frameworkVersionId: version.id, targetGroup: user.targetGroup, revokedAt: IsNull() },
      });
      if (existing) return null;
      const policy = await this.policies.find(version.id, user.targetGroup, em);
      const { gaps, attempt, courses } = await this.evaluate(em, user, version, policy);
      if (gaps.length > 0 || !attempt) return null;
      return this.issue(em, user, version, attempt, courses, null);
    });
    if (issued) await this.enqueuePdf(issued);
    return this.status(userId);
  }

  async mine(userId: string): Promise<{ record: CompletionRecord; names: FrameworkNames }[]> {
    const records = await this.dataSource.getRepository(CompletionRecord).find({ where: { userId }, relations: { frameworkVersion: true }, order: { issuedAt: 'DESC' } });
    return records.map((record) => ({ record, names: new FrameworkNames(record.frameworkVersion!) }));
  }

  async ownRecord(userId: string, id: string): Promise<CompletionRecord> {
    const record = await this.dataSource.getRepository(CompletionRecord).findOne({ where: { id, userId } });
    if (!record) throw notFound('Record');
    return record;
  }

  /** The holder's PDF: refused once revoked (a paper would still look valid), 409 while being made. */
  async ownPdf(userId: string, id: string): Promise<{ record: CompletionRecord; pdf: Buffer }> {
    const record = await this.ownRecord(userId, id);
    if (record.revokedAt) throw new AppException(HttpStatus.GONE, 'RECORD_REVOKED', 'This record is revoked');
    const file = await this.dataSource.getRepository(CertificateFile).findOne({ where: { recordId: record.id } });
    if (!file) throw new AppException(HttpStatus.CONFLICT, 'PDF_NOT_READY', 'The certificate is still being made', { pdfStatus: record.pdfStatus });
    return { record, pdf: file.content };
  }

  async byCode(code: string): Promise<{ record: CompletionRecord; names: FrameworkNames } | null> {
    const record = await this.dataSource.getRepository(CompletionRecord).findOne({ where: { code }, relations: { frameworkVersion: true } });
    return record ? { record, names: new FrameworkNames(record.frameworkVersion!) } : null;
  }

  /** Revokes a record (kept, so its code verifies as revoked); the caller has checked the scope. */
  async revoke(em: EntityManager, record: CompletionRecord, reason: string, adminId: string, meta: RequestMeta): Promise<void> {
    await em.update(CompletionRecord, { id: record.id }, { revokedAt: new Date(), revokedReason: reason, revokedById: adminId });
    await this.audit.record('certification.record_revoked', { actorId: adminId, subjectId: record.userId, meta, details: { recordId: record.id, reason } }, em);
  }

  /** A new record with a new code for the same achievement (e.g. after a name correction); the old one is revoked. */
  async reissue(record: CompletionRecord, reason: string, adminId: string, meta: RequestMeta): Promise<CompletionRecord> {
    const fresh = await this.dataSource.transaction(async (em) => {
      const user = await em.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id: record.userId }).getOneOrFail();
      const current = await em.getRepository(CompletionRecord).findOneOrFail({ where: { id: record.id }, relations: { frameworkVersion: true } });
      if (!current.revokedAt) await this.revoke(em, current, reason, adminId, meta);
      const attempt = current.assessmentAttemptId ? await em.getRepository(AssessmentAttempt).findOneBy({ id: current.assessmentAttemptId }) : null;
      const issued = await this.issue(em, user, current.frameworkVersion!, attempt, current.coursesCompleted, current);
      await this.audit.record('certification.record_reissued', { actorId: adminId, subjectId: record.userId, meta, details: { recordId: issued.id, reissueOf: record.id, reason } }, em);
      return issued;
    });
    await this.enqueuePdf(fresh);
    return fresh;
  }

  private async evaluate(em: EntityManager, user: User, version: FrameworkVersion, policy: CertificationPolicy | null) {
    const attempts = await em.getRepository(AssessmentAttempt).find({
      where: { userId: user.id, frameworkVersionId: version.id, targetGroup: user.targetGroup, status: 'submitted', late: false },
      order: { submittedAt: 'DESC' },
    });
    const completed: { slug: string }[] = await em.query(
      `SELECT c.slug FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE e.user_id = $1 AND e.completed_at IS NOT NULL`,
      [user.id],
    );
    const courses = new Set(completed.map((c) => c.slug));
    // The newest attempt that meets the policy counts; otherwise the newest says what is missing.
    const passing = attempts.find((a) => shortfalls(policy, a.result, courses).length === 0);
    const gaps = passing ? [] : shortfalls(policy, attempts[0]?.result ?? null, courses);
    return { gaps, attempt: passing ?? null, courses: policy?.requiredCourses.filter((s) => courses.has(s)) ?? [] };
  }

  private async issue(
    em: EntityManager, user: User, version: FrameworkVersion, attempt: AssessmentAttempt | null, courses: string[], previous: CompletionRecord | null,
  ): Promise<CompletionRecord> {
    const names = new FrameworkNames(version);
    const result = attempt?.result;
    const record = em.getRepository(CompletionRecord).create({
      code: newRecordCode(), userId: user.id, frameworkVersionId: version.id, targetGroup: previous?.targetGroup ?? user.targetGroup,
      assessmentAttemptId: attempt?.id ?? null, issuedAt: new Date(), holderName: user.fullName, holderBirthYear: user.birthYear,
      holderIdentityVerifiedBy: this.identityProviders.labelOf(user.identityProvider),
      overallScore: result?.overall.score ?? previous!.overallScore, overallLevel: result?.overall.level ?? previous!.overallLevel,
      // What the record confirms: the competencies reached, at level 1 or above.
      competencies: result
        ? result.competencies.filter((c) => c.level >= 1).map((c) => ({ code: c.code, name: names.competency(c.code), domainCode: c.domainCode, level: c.level, score: c.score }))
        : previous!.competencies,
      coursesCompleted: courses, pdfStatus: 'pending', reissueOfId: previous?.id ?? null,
      unitId: user.unitId, provinceId: user.provinceId, organisationId: user.organisationId,
    });
    record.credential = this.signer.sign(
      openBadgeCredential(record, {
        publicUrl: this.config.publicUrl, issuerName: this.config.issuerName, frameworkVersion: version.version,
        frameworkTitle: version.title, targetGroupName: names.targetGroup(record.targetGroup), levelName: (l) => names.level(l),
      }),
    );
    await em.getRepository(CompletionRecord).insert(record);
    await this.audit.record('certification.record_issued', { actorId: user.id, subjectId: user.id, details: { recordId: record.id } }, em);
    return record;
  }

  private enqueuePdf(record: CompletionRecord): Promise<void> {
    return this.jobs.enqueue('certificate-pdf', { recordId: record.id }, `certificate-pdf-${record.id}`);
  }
}
