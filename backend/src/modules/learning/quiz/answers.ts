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

/** Checks a learner's answers against the attempt's own questions and keys; every problem names its field. */
export function parseAnswers(input: unknown, drawn: DrawnQuestion[]): Record<string, AnswerValue> {
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
