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

  it('shows ordering items and matching choices in every order, the right one included, so the order shown gives nothing away', () => {
    const ordering = (items: string[]) => ({ ...q('o', '4.1', 1, 'ordering'), payload: { options: items.map((id) => ({ id, text: id, correct: false, weight: 0, feedback: '' })) } });
    const seen = (draw: () => string) => new Set(Array.from({ length: 600 }, draw));
    const twoItems = seen(() => drawAttempt([ordering(['a', 'b'])], [], 1)[0]!.options!.map((o) => o.optionId).join(''));
    expect([...twoItems].sort()).toEqual(['ab', 'ba']);
    const threeItems = seen(() => drawAttempt([ordering(['a', 'b', 'c'])], [], 1)[0]!.options!.map((o) => o.optionId).join(''));
    expect([...threeItems].sort()).toEqual(['abc', 'acb', 'bac', 'bca', 'cab', 'cba']);
    const matching = { ...q('m', '4.1', 1, 'matching'), payload: { pairs: [{ left: 'x', right: 'X' }, { left: 'y', right: 'Y' }] } };
    const rights = seen(() => drawAttempt([matching], [], 1)[0]!.right!.map((r) => r.pair).join(''));
    expect([...rights].sort()).toEqual(['01', '10']);
  });
});
