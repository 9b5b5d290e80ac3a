/**
 * Turns self-ratings and graded knowledge questions into levels, the way the EU self-test combines
 * both parts. A competency's score (0–100) mixes the self-rating with the share of its questions
 * answered right; domains and the whole take the mean of their competencies. Levels come from fixed
 * bands and stop at level 4 (Trung cấp 2): a basic self-assessment cannot show advanced levels.
 */

/** The five-point scale, lowest first; a rating is an index into it. */
export const SELF_RATINGS = ['Chưa biết làm', 'Làm được khi có hỗ trợ', 'Tự làm được', 'Làm thành thạo', 'Hướng dẫn được người khác'] as const;
export const MAX_RATING = SELF_RATINGS.length - 1;

/** Minimum score for levels 1..4. */
const LEVEL_BANDS = [25, 50, 70, 85] as const;

export const levelOf = (score: number): number => LEVEL_BANDS.filter((min) => score >= min).length;

/** The score that reaches a level (0 for level 0; level 4's for anything above). */
export const minScoreOf = (level: number): number => (level <= 0 ? 0 : LEVEL_BANDS[Math.min(level, LEVEL_BANDS.length) - 1]!);

export type CompetencyInput = { code: string; domainCode: string; minLevel: number; rating: number; questionScores: number[] };

export type CompetencyResult = {
  code: string;
  domainCode: string;
  rating: number;
  /** Null when no question of this competency was drawn: the score is the self-rating alone. */
  knowledgePercent: number | null;
  score: number;
  level: number;
  minLevel: number;
  met: boolean;
};
export type DomainResult = { code: string; score: number; level: number };
export type AssessmentResult = {
  overall: { score: number; level: number };
  domains: DomainResult[];
  competencies: CompetencyResult[];
};

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/** `selfRatingWeight` is the self-rating's share in percent (the policy's setting). */
export function scoreAssessment(inputs: CompetencyInput[], selfRatingWeight: number): AssessmentResult {
  const w = selfRatingWeight / 100;
  const competencies = inputs.map((c): CompetencyResult => {
    const self = (c.rating / MAX_RATING) * 100;
    const knowledge = c.questionScores.length ? mean(c.questionScores) * 100 : null;
    const score = Math.round(knowledge === null ? self : w * self + (1 - w) * knowledge);
    const level = levelOf(score);
    return {
      code: c.code, domainCode: c.domainCode, rating: c.rating,
      knowledgePercent: knowledge === null ? null : Math.round(knowledge),
      score, level, minLevel: c.minLevel, met: level >= c.minLevel,
    };
  });
  const domainCodes = [...new Set(competencies.map((c) => c.domainCode))].sort();
  const domains = domainCodes.map((code): DomainResult => {
    const score = Math.round(mean(competencies.filter((c) => c.domainCode === code).map((c) => c.score)));
    return { code, score, level: levelOf(score) };
  });
  const overall = Math.round(mean(competencies.map((c) => c.score)));
  return { overall: { score: overall, level: levelOf(overall) }, domains, competencies };
}
