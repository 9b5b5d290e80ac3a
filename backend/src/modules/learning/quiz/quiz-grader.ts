import type { Question } from '../../content/entities/question.entity';
import type { AnswerValue, DrawnQuestion } from '../entities/quiz-attempt.entity';
import { type Choice, type LearnerQuestion, toLearnerQuestion } from './learner-question';
import { foldAnswer, matchesPattern, parseLearnerNumber, prepare, withinTolerance } from './prepared-question';

export { foldAnswer };

const share = (weight: number) => Math.round(Math.min(100, Math.max(0, weight))) / 100;

/** The answer of a weighted short-answer or numerical question that the learner's answer meets (Moodle: the first in order). */
function matchedAnswer(q: Question, answer: AnswerValue | undefined): { weight: number; feedback: string } | undefined {
  if (q.type === 'numerical') {
    const x = parseLearnerNumber(answer?.text);
    return x === null ? undefined : (q.payload.numbers ?? []).find((n) => withinTolerance(x, n));
  }
  const given = foldAnswer(answer?.text ?? '');
  return given === '' ? undefined : prepare(q).patterns.find((p) => matchesPattern(given, p.bits));
}

/** The share of the mark earned, 0..1. */
export function gradeQuestion(q: Question, drawn: DrawnQuestion, answer: AnswerValue | undefined): number {
  const options = q.payload.options ?? [];
  const { optionById, rightCount, accepted, patterns } = prepare(q);
  const optionOf = (key: string) => {
    const id = drawn.options?.find((o) => o.key === key)?.optionId;
    return id === undefined ? undefined : optionById.get(id);
  };
  switch (q.type) {
    case 'single':
    case 'true_false': {
      // The chosen option's weight: 100 for the right one, a GIFT partial weight (`~%25%`) for some others.
      const chosen = answer?.choices ?? [];
      const o = chosen.length === 1 ? optionOf(chosen[0]!) : undefined;
      return o ? share(o.weight) : 0;
    }
    case 'multiple': {
      const chosen = [...new Set(answer?.choices ?? [])].map(optionOf);
      if (chosen.some((o) => !o)) return 0;
      // GIFT (Moodle): the sum of the chosen weights, between 0 and 1.
      if (q.payload.grading === 'weights') return share(chosen.reduce((sum, o) => sum + o!.weight, 0));
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
      if (patterns.length) return share(matchedAnswer(q, answer)?.weight ?? 0);
      const given = foldAnswer(answer?.text ?? '');
      return given !== '' && accepted.has(given) ? 1 : 0;
    }
    case 'numerical':
      return share(matchedAnswer(q, answer)?.weight ?? 0);
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
  explanationHtml?: string;
};

/**
 * The result of one question. The texts, keys and explanation come from the bank question (its lookups
 * prepared once); only the learner's draw, answer and score are merged in. `learner` is the same
 * question as shown before submission, when the caller has it already.
 */
export function resultOf(q: Question, drawn: DrawnQuestion, answer: AnswerValue | undefined, score: number, learner = toLearnerQuestion(q, drawn)): QuestionResult {
  // The plain choices are replaced by the same choices with their key and feedback (same place in the object).
  const result = { id: learner.id, type: learner.type, competency: learner.competency, level: learner.level, prompt: learner.prompt } as QuestionResult;
  if (learner.promptHtml !== undefined) result.promptHtml = learner.promptHtml;
  const { optionById, html } = prepare(q);
  if (drawn.options) {
    result.options = drawn.options.map((d) => {
      const o = optionById.get(d.optionId)!;
      const text = html.options.get(d.optionId);
      return { key: d.key, text: o.text, ...(text !== undefined && { html: text }), correct: o.correct, feedback: o.feedback };
    });
  }
  if (learner.left) result.left = learner.left;
  if (learner.right) result.right = learner.right;
  result.score = score;
  result.answer = answer ?? {};
  result.explanation = q.explanation;
  if (html.explanation !== undefined) result.explanationHtml = html.explanation;
  if (q.type === 'ordering') {
    const keyOf = new Map(drawn.options!.map((d) => [d.optionId, d.key]));
    result.correctOrder = (q.payload.options ?? []).map((o) => keyOf.get(o.id)!);
  }
  if (q.type === 'matching') {
    const rightKey = new Map(drawn.right!.map((r) => [r.pair, r.key]));
    result.correctMatches = Object.fromEntries(drawn.left!.map((l) => [l.key, rightKey.get(l.pair)!]));
  }
  if (q.type === 'short_text') result.accepted = q.payload.accepted;
  if (q.type === 'numerical') {
    result.accepted = (q.payload.numbers ?? []).filter((n) => n.weight === 100 && n.value !== null).map((n) => (n.tolerance ? `${n.value} ± ${n.tolerance}` : String(n.value)));
  }
  const matched = q.type === 'numerical' || (q.type === 'short_text' && q.payload.answers) ? matchedAnswer(q, answer) : undefined;
  if (matched?.feedback) result.feedback = matched.feedback;
  else if (q.payload.feedback) result.feedback = score === 1 ? q.payload.feedback.correct : q.payload.feedback.incorrect;
  return result;
}
