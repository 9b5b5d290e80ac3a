import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import { notEnrolled } from './course-access.service';
import { LearningEventsService } from './learning-events.service';
import { renderLesson } from './lesson-renderer';
import { ProgressService } from './progress.service';

type LessonRow = {
  course_id: string; course_slug: string; content_hash: string; lesson_id: string; slug: string; title: string; position: number;
  body: string; competencies: string[]; estimated_minutes: number; required: boolean; video: { src: string; captions: string; transcript: string } | null;
  enrolment: string | null; last_lesson_id: string | null; done: boolean; blockers: number; total: number;
  prev_slug: string | null; prev_title: string | null; next_slug: string | null; next_title: string | null;
};

export type LessonView = {
  courseSlug: string; slug: string; title: string; position: number; total: number; html: string; competencies: string[];
  estimatedMinutes: number; required: boolean; done: boolean;
  video: { src: string; captions: string; transcript: string } | null;
  previous: { slug: string; title: string } | null; next: { slug: string; title: string } | null;
};

export const lessonLocked = () =>
  new AppException(HttpStatus.FORBIDDEN, 'LESSON_LOCKED', 'Finish the previous lessons first');

const RENDERED_CACHE_SIZE = 5000;

/** Everything a lesson page or a completion needs, in one round trip. */
const LESSON_SQL = `
  SELECT c.id AS course_id, c.slug AS course_slug, c.content_hash, l.id AS lesson_id, l.slug, l.title, l.position, l.body, l.competencies,
         l.estimated_minutes, l.required, l.video, e.status AS enrolment, e.last_lesson_id,
         EXISTS (SELECT 1 FROM lesson_completions lc WHERE lc.user_id = $1 AND lc.lesson_id = l.id) AS done,
         CASE WHEN c.ordering = 'sequential' THEN
           (SELECT count(*)::int FROM lessons p WHERE p.course_id = c.id AND p.archived_at IS NULL AND p.position < l.position
               AND NOT EXISTS (SELECT 1 FROM lesson_completions lc WHERE lc.user_id = $1 AND lc.lesson_id = p.id))
         ELSE 0 END AS blockers,
         (SELECT count(*)::int FROM lessons a WHERE a.course_id = c.id AND a.archived_at IS NULL) AS total,
         prev.slug AS prev_slug, prev.title AS prev_title, nxt.slug AS next_slug, nxt.title AS next_title
    FROM courses c
    JOIN lessons l ON l.course_id = c.id AND l.slug = $3 AND l.archived_at IS NULL
    LEFT JOIN enrolments e ON e.course_id = c.id AND e.user_id = $1
    LEFT JOIN LATERAL (SELECT slug, title FROM lessons p WHERE p.course_id = c.id AND p.archived_at IS NULL AND p.position < l.position ORDER BY p.position DESC LIMIT 1) prev ON true
    LEFT JOIN LATERAL (SELECT slug, title FROM lessons n WHERE n.course_id = c.id AND n.archived_at IS NULL AND n.position > l.position ORDER BY n.position LIMIT 1) nxt ON true
   WHERE c.slug = $2 AND c.archived_at IS NULL`;

/** Lesson pages and completions; sequential locking is decided here, on the server. */
@Injectable()
export class LessonsService {
  /** Rendered HTML by lesson and content version: rendering is the costly part of a read. */
  private readonly rendered = new Map<string, string>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly events: LearningEventsService,
    private readonly progress: ProgressService,
  ) {}

  async read(userId: string, courseSlug: string, lessonSlug: string): Promise<LessonView> {
    const row = await this.open(this.dataSource.manager, userId, courseSlug, lessonSlug);
    if (row.last_lesson_id !== row.lesson_id) {
      await this.dataSource.query('UPDATE enrolments SET last_lesson_id = $3 WHERE user_id = $1 AND course_id = $2', [userId, row.course_id, row.lesson_id]);
    }
    const media = (file: string) => `/api/courses/${row.course_slug}/${file}`;
    return {
      courseSlug: row.course_slug, slug: row.slug, title: row.title, position: row.position + 1, total: row.total, html: this.html(row),
      competencies: row.competencies, estimatedMinutes: row.estimated_minutes, required: row.required, done: row.done,
      video: row.video && { src: media(row.video.src), captions: media(row.video.captions), transcript: row.video.transcript },
      previous: row.prev_slug ? { slug: row.prev_slug, title: row.prev_title! } : null,
      next: row.next_slug ? { slug: row.next_slug, title: row.next_title! } : null,
    };
  }

  /**
   * Records a lesson as done once, however often it is sent (offline replays, double taps): the
   * completion row is keyed by person and lesson, and only its first insert writes an event.
   */
  async complete(userId: string, courseSlug: string, lessonSlug: string, at: Date, idempotencyKey: string | null): Promise<{ firstTime: boolean; courseCompleted: boolean }> {
    return this.dataSource.transaction(async (em) => {
      const row = await this.open(em, userId, courseSlug, lessonSlug);
      await em.query('SELECT 1 FROM enrolments WHERE user_id = $1 AND course_id = $2 FOR UPDATE', [userId, row.course_id]);
      const inserted: unknown[] = await em.query(
        `INSERT INTO lesson_completions (user_id, lesson_id, course_id, completed_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING RETURNING lesson_id`,
        [userId, row.lesson_id, row.course_id, at],
      );
      if (inserted.length === 0) return { firstTime: false, courseCompleted: false };
      await this.events.append(em, { userId, type: 'lesson_completed', courseId: row.course_id, lessonId: row.lesson_id, occurredAt: at, idempotencyKey });
      return { firstTime: true, courseCompleted: await this.progress.completeIfDone(em, userId, row.course_id, at) };
    });
  }

  private async open(em: EntityManager, userId: string, courseSlug: string, lessonSlug: string): Promise<LessonRow> {
    const [row]: LessonRow[] = await em.query(LESSON_SQL, [userId, courseSlug, lessonSlug]);
    if (!row) throw notFound('Lesson');
    if (!row.enrolment || row.enrolment === 'left') throw notEnrolled();
    if (row.blockers > 0) throw lessonLocked();
    return row;
  }

  private html(row: LessonRow): string {
    const key = `${row.lesson_id}:${row.content_hash}`;
    let html = this.rendered.get(key);
    if (html === undefined) {
      html = renderLesson(row.body, row.course_slug);
      if (this.rendered.size >= RENDERED_CACHE_SIZE) this.rendered.delete(this.rendered.keys().next().value!);
      this.rendered.set(key, html);
    }
    return html;
  }
}
