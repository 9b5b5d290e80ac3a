import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import { PrecompressedBody } from '../../common/http/precompressed';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { preparedQuery } from '../../database/prepared';
import { CompletionBatches } from './completion-batches';
import { notEnrolled } from './course-access.service';
import { LearnerStateCache, type LearnerState } from './learner-state-cache';
import { CourseMediaService } from '../content/course-media.service';
import { imagesIn } from '../content/files/markdown-scan';
import { mediaFileOf, plainText, renderLesson } from './lesson-renderer';

type LessonRecord = {
  id: string; slug: string; title: string; position: number; body: string; competencies: string[]; estimated_minutes: number; required: boolean;
  video: { src: string; captions: string; transcript: string } | null;
};
/**
 * A course's live lessons in order, with their rendered HTML: changes only when the course is imported
 * again. `pages` are a lesson's response bodies, not done and done, serialised (and compressed) on first use.
 */
type Outline = { courseId: string; slug: string; hash: string; sequential: boolean; lessons: (LessonRecord & { html: string; pages: [PrecompressedBody?, PrecompressedBody?] })[] };
type OpenLesson = { outline: Outline; index: number; done: boolean; state: LearnerState };

export type LessonView = {
  courseSlug: string; slug: string; title: string; position: number; total: number; html: string; competencies: string[];
  estimatedMinutes: number; required: boolean; done: boolean;
  video: { src: string; captions: string; transcript: string } | null;
  previous: { slug: string; title: string } | null; next: { slug: string; title: string } | null;
};

export const lessonLocked = () =>
  new AppException(HttpStatus.FORBIDDEN, 'LESSON_LOCKED', 'Finish the previous lessons first');

/**
 * The learner's side of a course in one small query (cheap to plan as well as to run): the course's
 * version, the enrolment and the lessons done. The lessons themselves come from the outline cache.
 */
const STATE_SQL = `
  SELECT c.id AS course_id, c.content_hash, c.ordering, e.status, e.last_lesson_id,
         ARRAY(SELECT lc.lesson_id::text FROM lesson_completions lc WHERE lc.user_id = $1 AND lc.course_id = c.id) AS done
    FROM courses c LEFT JOIN enrolments e ON e.course_id = c.id AND e.user_id = $1
   WHERE c.slug = $2 AND c.archived_at IS NULL`;

/** Lesson pages and completions; sequential locking is decided here, on the server. */
@Injectable()
export class LessonsService {
  /** Outlines by course id; an entry is replaced when the course's content hash changes. */
  private readonly outlines = new Map<string, Outline>();
  private readonly completions: CompletionBatches;

  constructor(
    private readonly dataSource: DataSource,
    private readonly states: LearnerStateCache,
    private readonly media: CourseMediaService,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'database'>,
  ) {
    // Half the pool: the batches share it with everything else the API reads and writes.
    this.completions = new CompletionBatches(dataSource, 'poolSize' in config.database ? Math.max(1, Math.floor(config.database.poolSize / 2)) : 1);
  }

  /**
   * The lesson page as the JSON bytes of a `LessonView`: the same for everyone at the same place of the
   * same course version, so it is serialised once per lesson and done-ness, not per request, and
   * compressed once per encoding.
   */
  async read(userId: string, courseSlug: string, lessonSlug: string): Promise<PrecompressedBody> {
    const { outline, index, done, state } = this.openCached(userId, courseSlug, lessonSlug) ?? (await this.open(userId, courseSlug, lessonSlug));
    const l = outline.lessons[index]!;
    if (state.last_lesson_id !== l.id) {
      await preparedQuery(this.dataSource, 'lesson_opened', 'UPDATE enrolments SET last_lesson_id = $3 WHERE user_id = $1 AND course_id = $2', [userId, outline.courseId, l.id]);
      state.last_lesson_id = l.id; // the cached state too: "resume here" is written once per move
    }
    return (l.pages[Number(done)] ??= new PrecompressedBody(Buffer.from(JSON.stringify(this.view(outline, index, done)))));
  }

  /** What a lesson's audio says (its title and text), for a learner who may open the lesson. */
  async spokenText(userId: string, courseSlug: string, lessonSlug: string): Promise<string> {
    const { outline, index } = this.openCached(userId, courseSlug, lessonSlug) ?? (await this.open(userId, courseSlug, lessonSlug));
    const l = outline.lessons[index]!;
    return `${l.title}.\n${plainText(l.html)}`;
  }

  private view(outline: Outline, index: number, done: boolean): LessonView {
    const l = outline.lessons[index]!;
    const media = (file: string) => `/api/courses/${outline.slug}/${file}`;
    const link = (other: Outline['lessons'][number] | undefined) => other ? { slug: other.slug, title: other.title } : null;
    return {
      courseSlug: outline.slug, slug: l.slug, title: l.title, position: index + 1, total: outline.lessons.length, html: l.html,
      competencies: l.competencies, estimatedMinutes: l.estimated_minutes, required: l.required, done,
      video: l.video && { src: media(l.video.src), captions: media(l.video.captions), transcript: l.video.transcript },
      previous: link(outline.lessons[index - 1]),
      next: link(outline.lessons[index + 1]),
    };
  }

  /**
   * Records a lesson as done once, however often it is sent (offline replays, double taps): the
   * completion row is keyed by person and lesson, and only its first insert writes an event.
   */
  async complete(userId: string, courseSlug: string, lessonSlug: string, at: Date, idempotencyKey: string | null): Promise<{ firstTime: boolean; courseCompleted: boolean }> {
    // With the completions arriving alongside, in one statement: the database function checks, locks and writes.
    const r = await this.completions.complete({ userId, courseSlug, lessonSlug, at, idempotencyKey });
    if (r.outcome === 'not_found') throw notFound('Lesson');
    if (r.outcome === 'not_enrolled') throw notEnrolled();
    if (r.outcome === 'locked') throw lessonLocked();
    // Committed: every process must now show the lesson as done.
    if (r.first_time) void this.states.forget(userId);
    return { firstTime: r.first_time, courseCompleted: r.course_completed };
  }

  /** The lesson from a cached state, only when that state allows it; anything else is read afresh. */
  private openCached(userId: string, courseSlug: string, lessonSlug: string): OpenLesson | null {
    const cached = this.states.get(userId, courseSlug);
    if (!cached) return null;
    const outline = this.outlines.get(cached.state.course_id);
    if (outline?.hash !== cached.state.content_hash) return null;
    const verdict = this.verdict(outline, cached.state, cached.done, lessonSlug);
    return verdict.ok ? verdict.lesson : null;
  }

  private async open(userId: string, courseSlug: string, lessonSlug: string): Promise<OpenLesson> {
    const readStartedAt = Date.now();
    const [state] = await preparedQuery<LearnerState>(this.dataSource, 'learner_state', STATE_SQL, [userId, courseSlug]);
    if (!state) throw notFound('Lesson');
    this.states.set(userId, courseSlug, state, readStartedAt);
    const verdict = this.verdict(await this.outline(courseSlug, state), state, new Set(state.done), lessonSlug);
    if (!verdict.ok) throw verdict.error;
    return verdict.lesson;
  }

  /** Found, enrolled and not locked (sequential courses need every earlier lesson done)? */
  private verdict(outline: Outline, state: LearnerState, done: Set<string>, lessonSlug: string): { ok: true; lesson: OpenLesson } | { ok: false; error: AppException } {
    const index = outline.lessons.findIndex((l) => l.slug === lessonSlug);
    if (index < 0) return { ok: false, error: notFound('Lesson') };
    if (!state.status || state.status === 'left') return { ok: false, error: notEnrolled() };
    if (outline.sequential && outline.lessons.slice(0, index).some((l) => !done.has(l.id))) return { ok: false, error: lessonLocked() };
    return { ok: true, lesson: { outline, index, done: done.has(outline.lessons[index]!.id), state } };
  }

  private async outline(slug: string, state: LearnerState): Promise<Outline> {
    const cached = this.outlines.get(state.course_id);
    if (cached?.hash === state.content_hash) return cached;
    const lessons: LessonRecord[] = await this.dataSource.query(
      `SELECT id, slug, title, position, body, competencies, estimated_minutes, required, video
         FROM lessons WHERE course_id = $1 AND archived_at IS NULL ORDER BY position`,
      [state.course_id],
    );
    const pictures = new Set(lessons.flatMap((l) => l.body.split('\n').flatMap((line) => imagesIn(line).map((i) => mediaFileOf(i.src) ?? ''))).filter(Boolean));
    const sizes = new Map(await Promise.all([...pictures].map(async (file) => [file, await this.media.imageSize(slug, file)] as const)));
    const outline: Outline = {
      courseId: state.course_id, slug, hash: state.content_hash, sequential: state.ordering === 'sequential',
      // Rendering is the costly part of a read, so it happens once per lesson version.
      lessons: lessons.map((l) => ({ ...l, html: renderLesson(l.body, slug, sizes), pages: [] })),
    };
    this.outlines.set(state.course_id, outline);
    return outline;
  }
}
