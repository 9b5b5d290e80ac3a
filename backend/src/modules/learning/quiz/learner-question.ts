import type { Question } from '../../content/entities/question.entity';
import type { QuestionType } from '../../content/files/content-model';
import type { DrawnQuestion } from '../entities/quiz-attempt.entity';
import { prepare } from './prepared-question';

/** `html`: the choice's formatted text from the lesson renderer, where its source is formatted. */
export type Choice = { key: string; text: string; html?: string };

/** A question as a learner may see it before submitting: text and display keys, nothing of the key. */
export type LearnerQuestion = {
  id: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  /** The prompt's formatted text from the lesson renderer, where its source is formatted. */
  promptHtml?: string;
  options?: Choice[];
  left?: Choice[];
  right?: Choice[];
};

const choice = (key: string, text: string, html: string | undefined): Choice => (html === undefined ? { key, text } : { key, text, html });

export function toLearnerQuestion(q: Question, drawn: DrawnQuestion): LearnerQuestion {
  const { optionById, html } = prepare(q);
  const question: LearnerQuestion = { id: q.id, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt };
  if (html.prompt !== undefined) question.promptHtml = html.prompt;
  if (drawn.options) question.options = drawn.options.map((o) => choice(o.key, optionById.get(o.optionId)?.text ?? '', html.options.get(o.optionId)));
  const pairs = q.payload.pairs ?? [];
  if (drawn.left) question.left = drawn.left.map((l) => ({ key: l.key, text: pairs[l.pair]?.left ?? '' }));
  if (drawn.right) question.right = drawn.right.map((r) => ({ key: r.key, text: pairs[r.pair]?.right ?? '' }));
  return question;
}
