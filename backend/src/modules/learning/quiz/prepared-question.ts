import type { Question } from '../../content/entities/question.entity';
import type { ChoiceOption, NumericAnswer, RichTexts, WeightedAnswer } from '../../content/files/content-model';
import { renderQuizInline, renderQuizText } from '../lesson-renderer';
import { foldVietnamese } from '../../../common/text/normalize';

/** Short answers match ignoring case, diacritics, spaces and a final full stop. */
export const foldAnswer = (text: string) => foldVietnamese(text).replace(/\s+/g, '').replace(/\.$/, '');

/** A weighted short answer with its text folded and split on Moodle's `*` wildcard. */
export type ShortAnswerPattern = WeightedAnswer & { bits: string[] };

const compile = (a: WeightedAnswer): ShortAnswerPattern => {
  const bits = a.text.split('*').map((b) => foldVietnamese(b).replace(/\s+/g, ''));
  if (bits.length) bits[bits.length - 1] = bits[bits.length - 1]!.replace(/\.$/, '');
  return { ...a, bits };
};

/** Whether a folded response matches a pattern: the bits in order, the first at the start, the last at the end (one pass). */
export function matchesPattern(given: string, bits: readonly string[]): boolean {
  if (bits.length === 1) return given === bits[0];
  const first = bits[0]!;
  const last = bits[bits.length - 1]!;
  if (!given.startsWith(first) || given.length < first.length + last.length || !given.endsWith(last)) return false;
  let at = first.length;
  const end = given.length - last.length;
  for (const bit of bits.slice(1, -1)) {
    const found = given.indexOf(bit, at);
    if (found < 0 || found + bit.length > end) return false;
    at = found + bit.length;
  }
  return true;
}

/** A learner's number: `3.5`, `3,5` (Vietnamese decimal comma), `-2`, `1e3`; null when it is not one. */
export function parseLearnerNumber(text: string | undefined): number | null {
  const t = (text ?? '').trim().replace(/\s+/g, '');
  const normal = t.includes(',') && !t.includes('.') ? t.replace(',', '.') : t;
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(normal) ? Number(normal) : null;
}

/** Moodle's numerical match: |x - value| ≤ tolerance, with a little slack for decimal rounding. */
export const withinTolerance = (x: number, a: NumericAnswer) =>
  a.value === null || Math.abs(x - a.value) <= a.tolerance + 1e-9 * Math.max(1, Math.abs(a.value));

/** What every attempt at a question needs from its bank entry, worked out once per question object. */
export type PreparedQuestion = {
  /** Bank option id → option. */
  optionById: ReadonlyMap<string, ChoiceOption>;
  /** How many options are right. */
  rightCount: number;
  /** The accepted short answers, folded. */
  accepted: ReadonlySet<string>;
  /** Weighted short answers (GIFT), in the bank's order. */
  patterns: readonly ShortAnswerPattern[];
  /** The formatted texts as HTML from the lesson renderer (absent: the plain text is all there is). */
  html: { prompt?: string; explanation?: string; options: ReadonlyMap<string, string> };
};

function richHtml(rich: RichTexts | undefined): PreparedQuestion['html'] {
  const options = new Map(Object.entries(rich?.options ?? {}).map(([id, text]) => [id, renderQuizInline(text)]));
  return {
    ...(rich?.prompt !== undefined && { prompt: renderQuizText(rich.prompt) }),
    ...(rich?.explanation !== undefined && { explanation: renderQuizText(rich.explanation) }),
    options,
  };
}

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
      patterns: (q.payload.answers ?? []).map(compile),
      html: richHtml(q.payload.rich),
    };
    prepared.set(q, p);
  }
  return p;
}
