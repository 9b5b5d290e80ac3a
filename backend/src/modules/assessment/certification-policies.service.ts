import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { fieldError, notFound } from '../../common/errors/app-exception';
import { AuditService } from '../audit/audit.service';
import { FrameworkVersion } from '../content/entities/framework-version.entity';
import { CertificationPolicy } from './entities/certification-policy.entity';

export type PolicySettings = Omit<CertificationPolicy, 'id' | 'frameworkVersionId' | 'frameworkVersion' | 'targetGroup' | 'updatedById' | 'updatedAt'>;

/** How a self-assessment runs where no policy is set yet: it still works, it just confirms nothing. */
export const ASSESSMENT_DEFAULTS: Pick<PolicySettings, 'questionsPerCompetency' | 'selfRatingWeight' | 'maxAttempts' | 'cooldownHours' | 'timeLimitMinutes'> = {
  questionsPerCompetency: 2,
  selfRatingWeight: 30,
  maxAttempts: null,
  cooldownHours: 0,
  timeLimitMinutes: null,
};

/** The confirmation policies, one per framework version and target group, kept by national administrators. */
@Injectable()
export class CertificationPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async currentVersion(em: EntityManager = this.dataSource.manager): Promise<FrameworkVersion> {
    const version = await em.getRepository(FrameworkVersion).findOne({ where: { current: true } });
    if (!version) throw notFound('Framework version');
    return version;
  }

  find(frameworkVersionId: string, targetGroup: string, em: EntityManager = this.dataSource.manager): Promise<CertificationPolicy | null> {
    return em.getRepository(CertificationPolicy).findOne({ where: { frameworkVersionId, targetGroup } });
  }

  list(frameworkVersionId: string): Promise<CertificationPolicy[]> {
    return this.dataSource.getRepository(CertificationPolicy).find({ where: { frameworkVersionId }, order: { targetGroup: 'ASC' } });
  }

  async save(frameworkVersionId: string, targetGroup: string, settings: PolicySettings, adminId: string, meta: RequestMeta): Promise<CertificationPolicy> {
    return this.dataSource.transaction(async (em) => {
      const known: { slug: string }[] = await em.query(
        'SELECT slug FROM courses WHERE slug = ANY($1) AND framework_version_id = $2 AND archived_at IS NULL', [settings.requiredCourses, frameworkVersionId]);
      const unknown = settings.requiredCourses.filter((slug) => !known.some((k) => k.slug === slug));
      // A policy nobody can meet is a mistake, not a policy.
      if (unknown.length) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'requiredCourses', `unknown course ${unknown.join(', ')}`);
      await em.query(
        `INSERT INTO certification_policies (framework_version_id, target_group, required_courses, min_overall_score, min_domain_score,
           require_profile_levels, questions_per_competency, self_rating_weight, max_attempts, cooldown_hours, time_limit_minutes, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (framework_version_id, target_group) DO UPDATE SET
           required_courses = EXCLUDED.required_courses, min_overall_score = EXCLUDED.min_overall_score,
           min_domain_score = EXCLUDED.min_domain_score, require_profile_levels = EXCLUDED.require_profile_levels,
           questions_per_competency = EXCLUDED.questions_per_competency, self_rating_weight = EXCLUDED.self_rating_weight,
           max_attempts = EXCLUDED.max_attempts, cooldown_hours = EXCLUDED.cooldown_hours,
           time_limit_minutes = EXCLUDED.time_limit_minutes, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()`,
        [
          frameworkVersionId, targetGroup, settings.requiredCourses, settings.minOverallScore, settings.minDomainScore,
          settings.requireProfileLevels, settings.questionsPerCompetency, settings.selfRatingWeight, settings.maxAttempts,
          settings.cooldownHours, settings.timeLimitMinutes, adminId,
        ],
      );
      await this.audit.record('certification.policy_changed', { actorId: adminId, meta, details: { frameworkVersionId, targetGroup, ...settings } }, em);
      return em.getRepository(CertificationPolicy).findOneByOrFail({ frameworkVersionId, targetGroup });
    });
  }
}
