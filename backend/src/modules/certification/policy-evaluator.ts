import type { AssessmentResult } from '../assessment/assessment-scoring';
import type { CertificationPolicy } from '../assessment/entities/certification-policy.entity';

export type PolicyShortfall =
  | { code: 'NO_POLICY' }
  | { code: 'NO_ASSESSMENT' }
  | { code: 'OVERALL_BELOW'; score: number; min: number }
  | { code: 'DOMAIN_BELOW'; domain: string; score: number; min: number }
  | { code: 'COMPETENCY_BELOW'; competency: string; level: number; min: number }
  | { code: 'COURSES_MISSING'; courses: string[] };

export type PolicyRules = Pick<CertificationPolicy, 'requiredCourses' | 'minOverallScore' | 'minDomainScore' | 'requireProfileLevels'>;

/**
 * Everything that stands between a learner and the record, so the page can say what is left
 * (empty = eligible). Pure: the caller loads the policy, the result and the completed courses.
 */
export function shortfalls(policy: PolicyRules | null, result: AssessmentResult | null, completedCourses: ReadonlySet<string>): PolicyShortfall[] {
  if (!policy) return [{ code: 'NO_POLICY' }];
  const out: PolicyShortfall[] = [];
  if (!result) out.push({ code: 'NO_ASSESSMENT' });
  else {
    if (result.overall.score < policy.minOverallScore) out.push({ code: 'OVERALL_BELOW', score: result.overall.score, min: policy.minOverallScore });
    for (const d of result.domains) {
      if (d.score < policy.minDomainScore) out.push({ code: 'DOMAIN_BELOW', domain: d.code, score: d.score, min: policy.minDomainScore });
    }
    if (policy.requireProfileLevels) {
      for (const c of result.competencies) {
        if (!c.met) out.push({ code: 'COMPETENCY_BELOW', competency: c.code, level: c.level, min: c.minLevel });
      }
    }
  }
  const missing = policy.requiredCourses.filter((slug) => !completedCourses.has(slug));
  if (missing.length) out.push({ code: 'COURSES_MISSING', courses: missing });
  return out;
}
