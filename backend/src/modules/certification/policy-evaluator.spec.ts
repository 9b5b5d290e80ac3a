import { scoreAssessment } from '../assessment/assessment-scoring';
import { shortfalls } from './policy-evaluator';

const policy = { requiredCourses: ['ung-dung-vneid'], minOverallScore: 50, minDomainScore: 40, requireProfileLevels: true };
const result = (rating: number, questionScores: number[]) =>
  scoreAssessment(
    [
      { code: '1.1', domainCode: '1', minLevel: 1, rating, questionScores },
      { code: '4.2', domainCode: '4', minLevel: 2, rating, questionScores },
    ],
    30,
  );

describe('shortfalls', () => {
  it('is empty when the result and the courses meet the policy', () => {
    expect(shortfalls(policy, result(3, [1, 1]), new Set(['ung-dung-vneid']))).toEqual([]);
  });

  it('lists every gap: score, domains, profile levels and courses', () => {
    const gaps = shortfalls(policy, result(1, [0, 0]), new Set());
    expect(gaps.map((g) => g.code)).toEqual(['OVERALL_BELOW', 'DOMAIN_BELOW', 'DOMAIN_BELOW', 'COMPETENCY_BELOW', 'COMPETENCY_BELOW', 'COURSES_MISSING']);
    expect(gaps).toContainEqual({ code: 'COMPETENCY_BELOW', competency: '4.2', level: 0, min: 2 });
    expect(gaps).toContainEqual({ code: 'COURSES_MISSING', courses: ['ung-dung-vneid'] });
  });

  it('asks for a self-assessment first, and says when no policy is set', () => {
    expect(shortfalls(policy, null, new Set(['ung-dung-vneid']))).toEqual([{ code: 'NO_ASSESSMENT' }]);
    expect(shortfalls(null, result(4, [1, 1]), new Set())).toEqual([{ code: 'NO_POLICY' }]);
  });
});
