import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { createValidationPipe } from '../../../common/http/validation';
import { AnswersDto } from '../dto/quiz.dto';

/** Keys the global ValidationPipe strips from a body before validating it (prototype pollution). */
const STRIPPED = new Set(['__proto__', 'prototype', 'constructor']);

/** Whether the ValidationPipe would leave `v` as it is: plain JSON data, no stripped key, no array gap. */
function isPlainData(v: unknown, depth = 0): boolean {
  if (v === null || typeof v !== 'object') return true;
  if (depth > 8) return false;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (!(i in v) || !isPlainData(v[i], depth + 1)) return false;
    return true;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) return false;
  for (const key of Object.keys(v)) if (STRIPPED.has(key) || !isPlainData((v as Record<string, unknown>)[key], depth + 1)) return false;
  return true;
}

/**
 * The body of the answer routes, `{ answers: { … } }`, checked as the global ValidationPipe checks an
 * AnswersDto, without its deep copy of every answer. A body that is exactly one `answers` object of
 * plain data passes as it is (`parseAnswers` then checks each answer); anything else goes through
 * the ValidationPipe itself, so its errors and its stripping stay exactly the same. The route
 * declares the body as `AnswersBody` (not a class), which the global pipe lets through untouched.
 */
@Injectable()
export class AnswersBodyPipe implements PipeTransform<unknown, Promise<AnswersBody>> {
  private readonly pipe = createValidationPipe();

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<AnswersBody> {
    if (
      typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) === Object.prototype &&
      Object.keys(value).join() === 'answers'
    ) {
      const { answers } = value as { answers: unknown };
      if (typeof answers === 'object' && answers !== null && !Array.isArray(answers) && isPlainData(answers)) return value as AnswersBody;
    }
    return (await this.pipe.transform(value, { ...metadata, metatype: AnswersDto })) as AnswersBody;
  }
}

/** What `AnswersBodyPipe` gives the handler: the same fields as AnswersDto. */
export type AnswersBody = Pick<AnswersDto, 'answers'>;
