import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Course } from '../content/entities/course.entity';
import { ProgressService } from './progress.service';

export type SummaryNextStep = {
  kind: 'lesson' | 'quiz' | 'self_assessment' | 'choose_course';
  courseSlug: string | null;
  courseTitle: string | null;
  title: string | null;
};

/** One person's learning at a glance, for the people they chose to share it with (their ambassador, their household). */
export type ProgressSummary = {
  coursesEnrolled: number;
  coursesCompleted: number;
  lessonsCompleted: number;
  holdsRecord: boolean;
  lastActiveAt: Date | null;
  /** The course they are on and its next lesson or quiz; else the self-assessment, else choosing a course; null when all is done. */
  nextStep: SummaryNextStep | null;
};

type Row = {
  id: string; enrolled: number; completed: number; lessons: number; holds: boolean; last_active: Date | null; assessed: boolean;
  course_id: string | null; last_lesson_id: string | null;
};

@Injectable()
export class ProgressSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly progress: ProgressService,
  ) {}

  async of(userIds: string[]): Promise<Map<string, ProgressSummary>> {
    const out = new Map<string, ProgressSummary>();
    if (userIds.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT u.id,
              (SELECT count(*) FROM enrolments e WHERE e.user_id = u.id AND e.status <> 'left')::int AS enrolled,
              (SELECT count(*) FROM enrolments e WHERE e.user_id = u.id AND e.completed_at IS NOT NULL)::int AS completed,
              (SELECT count(*) FROM lesson_completions lc WHERE lc.user_id = u.id)::int AS lessons,
              EXISTS (SELECT 1 FROM completion_records r WHERE r.user_id = u.id AND r.revoked_at IS NULL) AS holds,
              (SELECT max(le.occurred_at) FROM learning_events le WHERE le.user_id = u.id) AS last_active,
              EXISTS (SELECT 1 FROM assessment_attempts a WHERE a.user_id = u.id AND a.status = 'submitted') AS assessed,
              cur.course_id, cur.last_lesson_id
         FROM users u
         LEFT JOIN LATERAL (
           SELECT e.course_id, e.last_lesson_id FROM enrolments e JOIN courses c ON c.id = e.course_id AND c.archived_at IS NULL
            WHERE e.user_id = u.id AND e.status = 'active'
            ORDER BY (SELECT max(le.occurred_at) FROM learning_events le WHERE le.user_id = u.id AND le.course_id = e.course_id) DESC NULLS LAST, e.enrolled_at DESC
            LIMIT 1) cur ON true
        WHERE u.id = ANY($1::uuid[])`,
      [userIds],
    )) as Row[];
    const courseIds = [...new Set(rows.map((r) => r.course_id).filter((id): id is string => id !== null))];
    const courses = new Map((courseIds.length ? await this.dataSource.getRepository(Course).findBy({ id: In(courseIds) }) : []).map((c) => [c.id, c]));
    for (const r of rows) {
      out.set(r.id, {
        coursesEnrolled: r.enrolled, coursesCompleted: r.completed, lessonsCompleted: r.lessons, holdsRecord: r.holds,
        lastActiveAt: r.last_active ? new Date(r.last_active) : null,
        nextStep: await this.nextStep(r, r.course_id ? courses.get(r.course_id) : undefined),
      });
    }
    return out;
  }

  private async nextStep(r: Row, course: Course | undefined): Promise<SummaryNextStep | null> {
    if (course) {
      const step = (await this.progress.of(r.id, course, { lastLessonId: r.last_lesson_id })).nextStep;
      if (step) return { kind: step.kind, courseSlug: course.slug, courseTitle: course.title, title: step.title };
    }
    if (!r.assessed) return { kind: 'self_assessment', courseSlug: null, courseTitle: null, title: null };
    return r.holds ? null : { kind: 'choose_course', courseSlug: null, courseTitle: null, title: null };
  }
}
