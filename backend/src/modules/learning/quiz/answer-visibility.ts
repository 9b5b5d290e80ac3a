import type { ShowAnswers } from '../../content/files/content-model';

type Graded = { status: 'in_progress' | 'submitted'; passed: boolean | null; number: number };

/**
 * Whether a graded attempt may show the right answers, their feedback and explanations, by the quiz's
 * `showAnswers`. Decided here, on the server: the payload of a hidden review holds no key at all.
 * - `after_passing` (default): on an attempt that passed; a failed one that may be retried shows only the score.
 * - `after_last_attempt`: once the learner has no attempt left (a quiz with unlimited attempts never shows them).
 */
export function answersShown(policy: ShowAnswers, attempt: Graded, maxAttempts: number | null): boolean {
  if (attempt.status !== 'submitted') return false;
  switch (policy) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'after_passing':
      return attempt.passed === true;
    case 'after_last_attempt':
      return maxAttempts !== null && attempt.number >= maxAttempts;
  }
}
