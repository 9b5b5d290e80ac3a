import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { Course } from '../content/entities/course.entity';
import type { Enrolment } from './entities/enrolment.entity';

export type LessonProgress = { id: string; slug: string; title: string; position: number; required: boolean; estimatedMinutes: number; competencies: string[]; done: boolean; locked: boolean };
export type QuizProgress = {
  id: string; slug: string; title: string; required: boolean; passPercent: number; questionCount: number;
  maxAttempts: number | null; cooldownSeconds: number; timeLimitSeconds: number | null;
  attemptsUsed: number; bestScore: number | null; passed: boolean; openAttemptId: string | null; nextAttemptAt: Date | null; locked: boolean;
};
export type CompetencyProgress = { code: string; lessonsDone: number; lessonsTotal: number; quizScore: number | null };
export type NextStep = { kind: 'lesson' | 'quiz'; slug: string; title: string } | null;
export type CourseProgress = {
  lessons: LessonProgress[];
  quizzes: QuizProgress[];
  competencies: CompetencyProgress[];
  percent: number;
  nextStep: NextStep;
};

/** Progress is computed from the durable rows (completions, attempts), never kept as a counter that can drift. */
@Injectable()
export class ProgressService {
  constructor(private readonly dataSource: DataSource) {}

  async of(userId: string, course: Course, enrolment: Pick<Enrolment, 'lastLessonId'> | null, em: EntityManager = this.dataSource.manager): Promise<CourseProgress> {
    const lessonRows: { id: string; slug: string; title: string; position: number; required: boolean; estimated_minutes: number; competencies: string[]; done: boolean }[] =
      await em.query(
        `SELECT l.id, l.slug, l.title, l.position, l.required, l.estimated_minutes, l.competencies, (lc.user_id IS NOT NULL) AS done
           FROM lessons l LEFT JOIN lesson_completions lc ON lc.lesson_id = l.id AND lc.user_id = $1
          WHERE l.course_id = $2 AND l.archived_at IS NULL ORDER BY l.position`,
        [userId, course.id],
      );
    const sequential = course.ordering === 'sequential';
    let blocked = false;
    const lessons = lessonRows.map((l): LessonProgress => {
      const row = { id: l.id, slug: l.slug, title: l.title, position: l.position, required: l.required, estimatedMinutes: l.estimated_minutes, competencies: l.competencies, done: l.done, locked: sequential && blocked };
      if (!l.done) blocked = true;
      return row;
    });

    const quizRows: { id: string; slug: string; title: string; required: boolean; pass_percent: number; question_count: number; max_attempts: number | null; cooldown_seconds: number; time_limit_seconds: number | null; used: string; best: string | null; passed: boolean | null; open_id: string | null; last_submitted: Date | null }[] =
      await em.query(
        `SELECT q.id, q.slug, q.title, q.required, q.pass_percent, q.question_count, q.max_attempts, q.cooldown_seconds, q.time_limit_seconds,
                count(a.id) AS used, max(a.score_percent) FILTER (WHERE a.status = 'submitted') AS best, bool_or(a.passed) AS passed,
                max(a.id::text) FILTER (WHERE a.status = 'in_progress') AS open_id, max(a.submitted_at) AS last_submitted
           FROM quizzes q LEFT JOIN quiz_attempts a ON a.quiz_id = q.id AND a.user_id = $1
          WHERE q.course_id = $2 AND q.archived_at IS NULL GROUP BY q.id ORDER BY q.slug`,
        [userId, course.id],
      );
    const lessonsLeft = lessons.some((l) => l.required && !l.done);
    const quizzes = quizRows.map((q): QuizProgress => ({
      id: q.id, slug: q.slug, title: q.title, required: q.required, passPercent: q.pass_percent, questionCount: q.question_count,
      maxAttempts: q.max_attempts, cooldownSeconds: q.cooldown_seconds, timeLimitSeconds: q.time_limit_seconds,
      attemptsUsed: Number(q.used), bestScore: q.best === null ? null : Number(q.best), passed: q.passed === true, openAttemptId: q.open_id,
      nextAttemptAt: q.last_submitted && q.cooldown_seconds ? new Date(new Date(q.last_submitted).getTime() + q.cooldown_seconds * 1000) : null,
      locked: sequential && lessonsLeft,
    }));

    const scores: { competency: string; earned: string; total: string }[] = await em.query(
      `WITH best AS (
         SELECT DISTINCT ON (quiz_id) graded FROM quiz_attempts
          WHERE user_id = $1 AND course_id = $2 AND status = 'submitted' ORDER BY quiz_id, score_percent DESC, submitted_at)
       SELECT q.competency, sum((g->>'score')::numeric) AS earned, count(*) AS total
         FROM best, jsonb_array_elements(best.graded) g JOIN questions q ON q.id = (g->>'questionId')::uuid
        GROUP BY q.competency`,
      [userId, course.id],
    );
    const scoreOf = new Map(scores.map((s) => [s.competency, Math.round((Number(s.earned) / Number(s.total)) * 100)]));
    const competencies = course.competencies.map(({ code }): CompetencyProgress => {
      const covering = lessons.filter((l) => l.competencies.includes(code));
      return { code, lessonsTotal: covering.length, lessonsDone: covering.filter((l) => l.done).length, quizScore: scoreOf.get(code) ?? null };
    });

    const requiredLessons = lessons.filter((l) => l.required);
    const requiredQuizzes = quizzes.filter((q) => q.required);
    const total = requiredLessons.length + requiredQuizzes.length;
    const done = requiredLessons.filter((l) => l.done).length + requiredQuizzes.filter((q) => q.passed).length;
    return { lessons, quizzes, competencies, percent: total ? Math.floor((done / total) * 100) : 100, nextStep: nextStep(lessons, quizzes, enrolment?.lastLessonId ?? null) };
  }
}

/** Resume where the learner stopped: the lesson last opened if unfinished, else the first open step. */
function nextStep(lessons: LessonProgress[], quizzes: QuizProgress[], lastLessonId: string | null): NextStep {
  const last = lessons.find((l) => l.id === lastLessonId && !l.done && !l.locked);
  const lesson = last ?? lessons.find((l) => !l.done && !l.locked);
  if (lesson) return { kind: 'lesson', slug: lesson.slug, title: lesson.title };
  const quiz = quizzes.find((q) => q.required && !q.passed && !q.locked) ?? quizzes.find((q) => !q.passed && !q.locked);
  return quiz ? { kind: 'quiz', slug: quiz.slug, title: quiz.title } : null;
}
