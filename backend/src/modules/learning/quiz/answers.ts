import { HttpStatus } from '@nestjs/common';
import { z } from 'zod';
import { AppException, type FieldError } from '../../../common/errors/app-exception';
import type { AnswerValue, DrawnQuestion } from '../entities/quiz-attempt.entity';

const key = z.string().regex(/^[0-9a-f]{8}$/, 'must be an option key of this attempt');
const answerSchema = z
  .object({
    choices: z.array(key).max(20).optional(),
    order: z.array(key).max(20).optional(),
    text: z.string().max(500, 'must be at most 500 characters').optional(),
    matches: z.record(key, key).optional(),
  })
  .strict();
const answersSchema = z.record(z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a question id of this attempt'), answerSchema);

const invalid = (errors: FieldError[]) => new AppException(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'Request validation failed', errors);

const OPTION_KEY = /^[0-9a-f]{8}$/;
const MAX_KEYS = 20;
const MAX_TEXT = 500;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && Object.getPrototypeOf(v) === Object.prototype;

const hasKey = (items: readonly { key: string }[] | undefined, key: string) => items !== undefined && items.some((i) => i.key === key);

/** A list of keys of `items` within the schema's limits, else null. */
function keyList(v: unknown, items: readonly { key: string }[] | undefined): string[] | null {
  if (!Array.isArray(v) || v.length > MAX_KEYS) return null;
  for (let i = 0; i < v.length; i++) {
    const k: unknown = v[i];
    if (typeof k !== 'string' || !OPTION_KEY.test(k) || !hasKey(items, k)) return null;
  }
  return v as string[];
}

/**
 * The answers exactly as the schema and the checks below would return them, when every one is right
 * (the usual case); null as soon as anything is off, and then the full check names each problem.
 * Only accepts what the full check accepts: known question ids, the schema's fields with their
 * types and limits, and keys of the question's own options and pairs.
 */
function parseValidAnswers(input: unknown, drawn: DrawnQuestion[]): Record<string, AnswerValue> | null {
  if (!isPlainObject(input)) return null;
  const out: Record<string, AnswerValue> = {};
  for (const questionId of Object.keys(input)) {
    const d = drawn.find((q) => q.questionId === questionId);
    const answer = input[questionId];
    if (!d || !isPlainObject(answer)) return null;
    const value: AnswerValue = {};
    let fields = 0;
    if ('choices' in answer) {
      const choices = keyList(answer.choices, d.options);
      if (!choices) return null;
      value.choices = choices;
      fields++;
    }
    if ('order' in answer) {
      const order = keyList(answer.order, d.options);
      if (!order) return null;
      value.order = order;
      fields++;
    }
    if ('text' in answer) {
      if (typeof answer.text !== 'string' || answer.text.length > MAX_TEXT) return null;
      value.text = answer.text;
      fields++;
    }
    if ('matches' in answer) {
      const matches = answer.matches;
      if (!isPlainObject(matches)) return null;
      for (const l of Object.keys(matches)) {
        const r = matches[l];
        if (!OPTION_KEY.test(l) || typeof r !== 'string' || !OPTION_KEY.test(r) || !hasKey(d.left, l) || !hasKey(d.right, r)) return null;
      }
      value.matches = { ...(matches as Record<string, string>) };
      fields++;
    }
    if (fields !== Object.keys(answer).length) return null;
    out[questionId] = value;
  }
  return out;
}

/** Checks a learner's answers against the attempt's own questions and keys; every problem names its field. */
export function parseAnswers(input: unknown, drawn: DrawnQuestion[]): Record<string, AnswerValue> {
  return parseValidAnswers(input ?? {}, drawn) ?? checkAnswers(input, drawn);
}

/** The full check: the schema, then the attempt's questions and keys, with every problem named. */
function checkAnswers(input: unknown, drawn: DrawnQuestion[]): Record<string, AnswerValue> {
  const parsed = answersSchema.safeParse(input ?? {});
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => ({ field: ['answers', ...i.path.map(String)].join('.'), message: i.message })));
  }
  const errors: FieldError[] = [];
  const byId = new Map(drawn.map((d) => [d.questionId, d]));
  for (const [questionId, answer] of Object.entries(parsed.data)) {
    const d = byId.get(questionId);
    const field = `answers.${questionId}`;
    if (!d) {
      errors.push({ field, message: 'is not a question of this attempt' });
      continue;
    }
    const optionKeys = new Set(d.options?.map((o) => o.key));
    for (const k of [...(answer.choices ?? []), ...(answer.order ?? [])]) {
      if (!optionKeys.has(k)) errors.push({ field, message: `option ${k} is not an option of this question` });
    }
    const left = new Set(d.left?.map((l) => l.key));
    const right = new Set(d.right?.map((r) => r.key));
    for (const [l, r] of Object.entries(answer.matches ?? {})) {
      if (!left.has(l) || !right.has(r)) errors.push({ field, message: `pair ${l} → ${r} is not part of this question` });
    }
  }
  if (errors.length) throw invalid(errors);
  return parsed.data;
}
