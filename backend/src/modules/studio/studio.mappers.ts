import type { StudioLessonDto, StudioLessonSummaryDto, StudioMediaDto, StudioQuestionDto, StudioQuizDto } from './dto/studio.dto';
import type { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';

export const lessonSummaryDto = (l: StudioLesson): StudioLessonSummaryDto => ({
  id: l.id, slug: l.slug, position: l.position, title: l.title, competencies: l.competencies, estimatedMinutes: l.estimatedMinutes,
  required: l.required, video: l.video, version: l.version, archived: l.archivedAt !== null, updatedAt: l.updatedAt.toISOString(),
});

export const lessonDto = (l: StudioLesson): StudioLessonDto => ({ ...lessonSummaryDto(l), body: l.body });

/** Only the fields a question has: what the content model leaves undefined stays out. */
export const questionDto = (q: StudioQuestion): StudioQuestionDto => {
  const dto: StudioQuestionDto = {
    id: q.id, externalId: q.externalId, bank: q.bank, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt,
    explanation: q.explanation, version: q.version, archived: q.archivedAt !== null, suggestedFromLessonId: q.suggestedFromLessonId,
  };
  for (const key of ['options', 'accepted', 'answers', 'numbers', 'pairs', 'feedback', 'grading'] as const) {
    if (q.payload[key] !== undefined) (dto as unknown as Record<string, unknown>)[key] = q.payload[key];
  }
  return dto;
};

export const quizDto = (z: StudioQuiz): StudioQuizDto => ({
  id: z.id, slug: z.slug, title: z.title, banks: z.banks, questionCount: z.questionCount, draw: z.draw, passPercent: z.passPercent,
  required: z.required, maxAttempts: z.maxAttempts, cooldownSeconds: z.cooldownSeconds, timeLimitSeconds: z.timeLimitSeconds,
  showAnswers: z.showAnswers, version: z.version, archived: z.archivedAt !== null,
});

export const mediaDto = (courseId: string, m: StudioMedia): StudioMediaDto => ({
  name: m.name, kind: m.kind, type: m.mime, size: m.size, alt: m.alt, url: `/api/studio/courses/${courseId}/media/${m.name}`,
  path: m.kind === 'image' || m.kind === 'svg' ? `../media/${m.name}` : `media/${m.name}`, updatedAt: m.updatedAt.toISOString(),
});

/** A stable id from a title: lowercase ASCII letters and digits with hyphens (Vietnamese letters lose their marks). */
export function slugFrom(text: string, fallback: string): string {
  const slug = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… the first not in `taken`. */
export function freeName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
