import type { Question } from '../../content/entities/question.entity';
import { foldVietnamese } from '../../../common/text/normalize';
import type { AnswerValue, DrawnQuestion } from '../entities/quiz-attempt.entity';
import { type Choice, type LearnerQuestion, toLearnerQuestion } from './learner-question';

/** Short answers match ignoring case, diacritics, spaces and a final full stop. */
export const foldAnswer = (text: string) => foldVietnamese(text).replace(/\s+/g, '').replace(/\.$/, '');

/** The share of the mark earned, 0..1. */
export function gradeQuestion(q: Question, drawn: DrawnQuestion, answer: AnswerValue | undefined): number {
  const options = q.payload.options ?? [];
  const optionOf = (key: string) => {
    const id = drawn.options?.find((o) => o.key === key)?.optionId;
    return options.find((o) => o.id === id);
  };
  switch (q.type) {
    case 'single':
    case 'true_false': {
      const chosen = answer?.choices ?? [];
      return chosen.length === 1 && optionOf(chosen[0]!)?.correct ? 1 : 0;
    }
    case 'multiple': {
      const chosen = [...new Set(answer?.choices ?? [])].map(optionOf);
      if (chosen.some((o) => !o)) return 0;
      const rightCount = options.filter((o) => o.correct).length;
      if (chosen.length === rightCount && chosen.every((o) => o!.correct)) return 1;
      // GIFT weights count as written; a wrong pick without a weight cancels one right pick.
      const total = chosen.reduce((sum, o) => sum + (o!.weight !== 0 ? o!.weight : o!.correct ? 100 / rightCount : -100 / rightCount), 0);
      return Math.round(Math.min(100, Math.max(0, total))) / 100;
    }
    case 'ordering': {
      const order = answer?.order ?? [];
      return order.length === options.length && order.every((key, i) => optionOf(key)?.id === options[i]!.id) ? 1 : 0;
    }
    case 'short_text': {
      const given = foldAnswer(answer?.text ?? '');
      return given !== '' && (q.payload.accepted ?? []).some((a) => foldAnswer(a) === given) ? 1 : 0;
    }
    case 'matching': {
      const left = drawn.left ?? [];
      const rightPair = new Map((drawn.right ?? []).map((r) => [r.key, r.pair]));
      const right = left.filter((l) => rightPair.get(answer?.matches?.[l.key] ?? '') === l.pair).length;
      return left.length ? right / left.length : 0;
    }
  }
}

/** What the learner sees after submitting: their answer beside the key, with feedback and explanation. */
export type QuestionResult = Omit<LearnerQuestion, 'options'> & {
  score: number;
  answer: AnswerValue;
  options?: (Choice & { correct: boolean; feedback: string })[];
  /** Ordering: the keys in the right order; matching: left key → right key. */
  correctOrder?: string[];
  correctMatches?: Record<string, string>;
  accepted?: string[];
  feedback?: string;
  explanation: string;
};

export function resultOf(q: Question, drawn: DrawnQuestion, answer: AnswerValue | undefined, score: number): QuestionResult {
  // The plain choices are replaced below by the same choices with their key and feedback.
  const base: Omit<LearnerQuestion, 'options'> = toLearnerQuestion(q, drawn);
  const options = q.payload.options ?? [];
  const byId = new Map(options.map((o) => [o.id, o]));
  const result: QuestionResult = { ...base, options: undefined, score, answer: answer ?? {}, explanation: q.explanation };
  if (drawn.options) {
    result.options = drawn.options.map((d) => {
      const o = byId.get(d.optionId)!;
      return { key: d.key, text: o.text, correct: o.correct, feedback: o.feedback };
    });
  }
  if (q.type === 'ordering') {
    const keyOf = new Map(drawn.options!.map((d) => [d.optionId, d.key]));
    result.correctOrder = options.map((o) => keyOf.get(o.id)!);
  }
  if (q.type === 'matching') {
    const rightKey = new Map(drawn.right!.map((r) => [r.pair, r.key]));
    result.correctMatches = Object.fromEntries(drawn.left!.map((l) => [l.key, rightKey.get(l.pair)!]));
  }
  if (q.type === 'short_text') result.accepted = q.payload.accepted;
  if (q.payload.feedback) result.feedback = score === 1 ? q.payload.feedback.correct : q.payload.feedback.incorrect;
  return result;
}
