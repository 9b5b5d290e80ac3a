import type { Question } from '../../content/entities/question.entity';
import type { ChoiceOption } from '../../content/files/content-model';
import { foldVietnamese } from '../../../common/text/normalize';

/** Short answers match ignoring case, diacritics, spaces and a final full stop. */
export const foldAnswer = (text: string) => foldVietnamese(text).replace(/\s+/g, '').replace(/\.$/, '');

/** What every attempt at a question needs from its bank entry, worked out once per question object. */
export type PreparedQuestion = {
  /** Bank option id → option. */
  optionById: ReadonlyMap<string, ChoiceOption>;
  /** How many options are right. */
  rightCount: number;
  /** The accepted short answers, folded. */
  accepted: ReadonlySet<string>;
};

// Keyed by the question object: the course content cache keeps one per content version and never
// changes it, so each is prepared once; a question read on its own is prepared for that use only.
const prepared = new WeakMap<Question, PreparedQuestion>();

export function prepare(q: Question): PreparedQuestion {
  let p = prepared.get(q);
  if (!p) {
    const options = q.payload.options ?? [];
    p = {
      optionById: new Map(options.map((o) => [o.id, o])),
      rightCount: options.filter((o) => o.correct).length,
      accepted: new Set((q.payload.accepted ?? []).map(foldAnswer)),
    };
    prepared.set(q, p);
  }
  return p;
}
