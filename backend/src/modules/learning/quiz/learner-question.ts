import type { Question } from '../../content/entities/question.entity';
import type { QuestionType } from '../../content/files/content-model';
import type { DrawnQuestion } from '../entities/quiz-attempt.entity';
import { prepare } from './prepared-question';

export type Choice = { key: string; text: string };

/** A question as a learner may see it before submitting: text and display keys, nothing of the key. */
export type LearnerQuestion = {
  id: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  options?: Choice[];
  left?: Choice[];
  right?: Choice[];
};

export function toLearnerQuestion(q: Question, drawn: DrawnQuestion): LearnerQuestion {
  const question: LearnerQuestion = { id: q.id, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt };
  if (drawn.options) {
    const { optionById } = prepare(q);
    question.options = drawn.options.map((o) => ({ key: o.key, text: optionById.get(o.optionId)?.text ?? '' }));
  }
  const pairs = q.payload.pairs ?? [];
  if (drawn.left) question.left = drawn.left.map((l) => ({ key: l.key, text: pairs[l.pair]?.left ?? '' }));
  if (drawn.right) question.right = drawn.right.map((r) => ({ key: r.key, text: pairs[r.pair]?.right ?? '' }));
  return question;
}
