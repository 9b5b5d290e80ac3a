import { levelOf, minScoreOf, scoreAssessment } from './assessment-scoring';

describe('scoreAssessment', () => {
  it('mixes the self-rating with the knowledge questions by the policy weight', () => {
    const result = scoreAssessment([{ code: '4.2', domainCode: '4', minLevel: 2, rating: 2, questionScores: [1, 0] }], 40);
    // self 50, knowledge 50 → 50 → level 2 (Cơ bản 2), which meets the profile minimum.
    expect(result.competencies[0]).toMatchObject({ score: 50, knowledgePercent: 50, level: 2, met: true });
  });

  it('uses the self-rating alone where no question was drawn, and says so', () => {
    const [c] = scoreAssessment([{ code: '3.4', domainCode: '3', minLevel: 1, rating: 4, questionScores: [] }], 30).competencies;
    expect(c).toMatchObject({ knowledgePercent: null, score: 100, level: 4 });
  });

  it('averages competencies into domains and the whole', () => {
    const result = scoreAssessment(
      [
        { code: '1.1', domainCode: '1', minLevel: 1, rating: 4, questionScores: [1, 1] },
        { code: '1.2', domainCode: '1', minLevel: 1, rating: 0, questionScores: [0, 0] },
        { code: '4.1', domainCode: '4', minLevel: 1, rating: 3, questionScores: [1, 0.5] },
      ],
      50,
    );
    expect(result.domains).toEqual([
      { code: '1', score: 50, level: 2 },
      { code: '4', score: 75, level: 3 },
    ]);
    expect(result.overall).toEqual({ score: 58, level: 2 });
    expect(result.competencies.map((c) => c.met)).toEqual([true, false, true]);
  });

  it('maps scores to levels by bands that stop at Trung cấp 2', () => {
    expect([0, 24, 25, 49, 50, 69, 70, 84, 85, 100].map(levelOf)).toEqual([0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
    expect([0, 1, 2, 3, 4, 8].map(minScoreOf)).toEqual([0, 25, 50, 70, 85, 85]);
    for (const level of [1, 2, 3, 4]) expect(levelOf(minScoreOf(level))).toBe(level);
  });
});
