import { z } from 'zod';
import { DEFAULT_SHOW_ANSWERS, QUESTION_TYPES, SHOW_ANSWERS } from './content-model';
import type { ProblemSink } from './problems';
import type { YamlSource } from './yaml-source';

const text = z.string().trim().min(1, 'must not be empty');
/** Titles fit their columns (300 characters). */
const title = text.max(300, 'must be at most 300 characters');
const slug = z.string().max(120, 'must be at most 120 characters').regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens');
const code = z.string().regex(/^\d\.\d$/, "must be a competency code such as '1.1' (quoted)");
const level = z.number().int().min(1).max(8);

export const courseSchema = z.object({
  slug: slug.optional(),
  title,
  summary: text,
  /** An image of the course's media folder (`media/<name>`), shown with it in the catalogue. */
  coverImage: z.string().max(140).optional(),
  targetGroups: z.array(z.string()).min(1),
  competencies: z.array(z.object({ code, level }).strict()).min(1),
  estimatedMinutes: z.number().int().min(1).max(6000),
  ordering: z.enum(['sequential', 'free']),
  /** For question banks that say neither (GIFT without `// @` comments or a `$CATEGORY` naming them). */
  questionDefaults: z.object({ competency: code, level }).strict().optional(),
  lessons: z.array(z.string().regex(/^[a-z0-9-]{1,120}\.md$/, 'must be a lesson file name such as 01-bat-dau.md')).min(1),
  quizzes: z
    .array(
      z
        .object({
          slug,
          title,
          banks: z.array(z.string()).min(1),
          questionCount: z.number().int().min(1).max(200).optional(),
          draw: z.array(z.object({ competency: code.optional(), level: level.optional(), count: z.number().int().min(1).max(200) }).strict()).min(1).optional(),
          passPercent: z.number().int().min(0).max(100),
          required: z.boolean().default(true),
          maxAttempts: z.number().int().min(1).max(100).optional(),
          cooldownMinutes: z.number().min(0).max(10080).default(0),
          timeLimitMinutes: z.number().min(0.5).max(600).optional(),
          showAnswers: z.enum(SHOW_ANSWERS).default(DEFAULT_SHOW_ANSWERS),
        })
        .strict(),
    )
    .default([]),
}).strict();

export const lessonSchema = z.object({
  title,
  competencies: z.array(code).min(1),
  estimatedMinutes: z.number().int().min(1).max(600),
  required: z.boolean().default(true),
  video: z.object({ src: text, captions: text, transcript: text }).strict().optional(),
}).strict();

const option = z.object({ text, correct: z.boolean().default(false), feedback: text }).strict();
const twoWay = <K extends string>(a: K, b: K) => z.object({ [a]: text, [b]: text } as Record<K, typeof text>).strict();

export const questionSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,120}$/, 'must be 1 to 120 letters, digits, - or _'),
    type: z.enum(QUESTION_TYPES),
    competency: code,
    level,
    prompt: text,
    explanation: text,
    options: z.array(option).min(2).optional(),
    answer: z.boolean().optional(),
    accepted: z.array(text).min(1).optional(),
    numbers: z.array(z.object({ value: z.number(), tolerance: z.number().min(0).default(0) }).strict()).min(1).optional(),
    pairs: z.array(z.object({ left: text, right: text }).strict()).min(2).optional(),
    feedback: z.union([twoWay('true', 'false'), twoWay('correct', 'incorrect')]).optional(),
  })
  .strict();

export const bankSchema = z.object({ questions: z.array(z.unknown()).min(1) }).strict();

/** Checks `value` against `schema`; each issue is reported at the line of the value it is about. */
export function check<T>(schema: z.ZodType<T>, value: unknown, source: YamlSource, sink: ProblemSink, prefix: (string | number)[] = []): T | null {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = [...prefix, ...path].join('.') || 'file';
    const message = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message;
    sink.add(source.lineOf([...prefix, ...path]), `${where}: ${message}`);
  }
  return null;
}
