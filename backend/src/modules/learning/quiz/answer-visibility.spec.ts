import { answersShown } from './answer-visibility';

describe('answersShown', () => {
  const failed = { status: 'submitted' as const, passed: false, number: 1 };
  const passed = { status: 'submitted' as const, passed: true, number: 1 };

  it('never shows the key of an attempt still open', () => {
    expect(answersShown('always', { status: 'in_progress', passed: null, number: 1 }, null)).toBe(false);
  });

  it('by default shows it only to a learner who passed', () => {
    expect(answersShown('after_passing', failed, 3)).toBe(false);
    expect(answersShown('after_passing', { ...failed, number: 3 }, 3)).toBe(false);
    expect(answersShown('after_passing', passed, 3)).toBe(true);
  });

  it('after the last attempt: only when no attempt is left, whatever the score', () => {
    expect(answersShown('after_last_attempt', failed, 3)).toBe(false);
    expect(answersShown('after_last_attempt', passed, 3)).toBe(false);
    expect(answersShown('after_last_attempt', { ...failed, number: 3 }, 3)).toBe(true);
    expect(answersShown('after_last_attempt', { ...failed, number: 50 }, null)).toBe(false);
  });

  it('never and always mean what they say', () => {
    expect(answersShown('never', passed, 1)).toBe(false);
    expect(answersShown('always', failed, null)).toBe(true);
  });
});
