import type { PoolQuestion } from './quiz-draw';
import { drawAttempt } from './quiz-draw';

const q = (id: string, competency: string, level: number, type: PoolQuestion['type'] = 'single'): PoolQuestion => ({
  id, type, competency, level,
  payload: { options: ['a', 'b', 'c'].map((o) => ({ id: o, text: o, correct: o === 'a', weight: o === 'a' ? 100 : 0, feedback: '' })) },
});

describe('drawAttempt', () => {
  const pool = [q('1', '4.1', 1), q('2', '4.1', 2), q('3', '4.2', 1), q('4', '4.2', 2), q('5', '4.2', 2), q('6', '2.1', 1)];

  it('takes the count of each rule from the questions that match it, never the same question twice', () => {
    for (let i = 0; i < 50; i++) {
      const drawn = drawAttempt(pool, [{ competency: '4.2', count: 2 }, { level: 1, count: 2 }], 4);
      const ids = drawn.map((d) => d.questionId);
      expect(new Set(ids).size).toBe(4);
      expect(ids.filter((id) => ['3', '4', '5'].includes(id)).length).toBeGreaterThanOrEqual(2);
      expect(ids.filter((id) => ['1', '3', '6'].includes(id)).length).toBeGreaterThanOrEqual(2);
      expect(ids).not.toContain('2');
    }
  });

  it('draws the whole count from the pool without rules, with fresh opaque option keys', () => {
    const drawn = drawAttempt(pool, [], 3);
    expect(drawn).toHaveLength(3);
    for (const d of drawn) {
      expect(d.options!.map((o) => o.key).every((k) => /^[0-9a-f]{8}$/.test(k))).toBe(true);
      expect(new Set(d.options!.map((o) => o.optionId))).toEqual(new Set(['a', 'b', 'c']));
    }
  });

  it('never shows ordering items or matching choices in their right order', () => {
    for (let i = 0; i < 30; i++) {
      const [ordering] = drawAttempt([q('o', '4.1', 1, 'ordering')], [], 1);
      expect(ordering!.options!.map((o) => o.optionId)).not.toEqual(['a', 'b', 'c']);
      const [matching] = drawAttempt([{ ...q('m', '4.1', 1, 'matching'), payload: { pairs: [{ left: 'x', right: 'X' }, { left: 'y', right: 'Y' }] } }], [], 1);
      expect(matching!.right!.map((r) => r.pair)).toEqual([1, 0]);
    }
  });
});
