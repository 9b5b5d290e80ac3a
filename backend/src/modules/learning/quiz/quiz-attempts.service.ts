import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, notFound } from '../../../common/errors/app-exception';
import { preparedQuery } from '../../../database/prepared';
import type { Course } from '../../content/entities/course.entity';
import { Quiz } from '../../content/entities/quiz.entity';
import { CourseAccessService } from '../course-access.service';
import { type AnswerValue, QuizAttempt } from '../entities/quiz-attempt.entity';
import { LearningEventsService } from '../learning-events.service';
import { ProgressService } from '../progress.service';
import { answersShown } from './answer-visibility';
import { parseAnswers } from './answers';
import { type CourseContent, CourseContentCache } from './course-content';
import { type LearnerQuestion, toLearnerQuestion } from './learner-question';
import { drawAttempt } from './quiz-draw';
import { gradeQuestion, type QuestionResult, resultOf } from './quiz-grader';

/** Answers arriving this long after the deadline are late: covers the trip from a slow phone. */
export const LATE_GRACE_MS = 15_000;

export type AttemptView = {
  attempt: QuizAttempt;
  quiz: Quiz;
  course: Course;
  /** Before submission: questions without any key. After: the results with the key and feedback, when the quiz shows them. */
  questions: LearnerQuestion[];
  results: QuestionResult[] | null;
  /** Submitted and the quiz's `showAnswers` lets this attempt show the right answers (`results` is set). */
  answersShown: boolean;
  /** True only on the submission that completed the course. */
  courseCompleted?: boolean;
};

type AttemptRow = {
  id: string; user_id: string; quiz_id: string; course_id: string; number: number; status: QuizAttempt['status'];
  questions: QuizAttempt['questions']; answers: QuizAttempt['answers']; started_at: Date; deadline_at: Date | null; submitted_at: Date | null;
  late: boolean; graded: QuizAttempt['graded']; score_percent: string | null; passed: boolean | null; content_hash: string;
};
/** An attempt with its course's content version, to find the course content in the cache. */
const ATTEMPT_SQL = `
  SELECT a.*, c.content_hash FROM quiz_attempts a JOIN courses c ON c.id = a.course_id WHERE a.id = $1 AND a.user_id = $2`;

type StoredGrading = { ok: boolean; course_completed: boolean };

const quizError = (status: HttpStatus, code: string, message: string, details?: Record<string, unknown>) => new AppException(status, code, message, details);

/**
 * Quiz attempts: drawn and stored at start, graded only here, limits and time by the server's clock.
 * Starting and submitting are idempotent: one open attempt per learner and quiz, one grading per attempt.
 */
@Injectable()
export class QuizAttemptsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccessService,
    private readonly events: LearningEventsService,
    private readonly progress: ProgressService,
    private readonly content: CourseContentCache,
  ) {}

  async quiz(courseSlug: string, quizSlug: string, em: EntityManager = this.dataSource.manager): Promise<{ course: Course; quiz: Quiz }> {
    const course = await this.access.course(courseSlug, em);
    const quiz = await em.getRepository(Quiz).findOne({ where: { courseId: course.id, slug: quizSlug } });
    if (!quiz || quiz.archivedAt) throw notFound('Quiz');
    return { course, quiz };
  }

  async attempts(userId: string, quizId: string): Promise<QuizAttempt[]> {
    return this.dataSource.getRepository(QuizAttempt).find({ where: { userId, quizId }, order: { number: 'ASC' } });
  }

  /** Returns the open attempt, or starts one if the limits allow; `created` tells which. */
  async start(userId: string, courseSlug: string, quizSlug: string): Promise<{ view: AttemptView; created: boolean }> {
    const now = new Date();
    const result = await this.dataSource.transaction(async (em) => {
      const { course, quiz } = await this.quiz(courseSlug, quizSlug, em);
      const enrolment = await this.access.enrolment(em, userId, course.id, true);
      const repo = em.getRepository(QuizAttempt);
      const open = await repo.findOne({ where: { userId, quizId: quiz.id, status: 'in_progress' } });
      if (open && !this.expired(open, now)) return { attempt: open, course, created: false };
      if (open) await this.grade(open, await this.content.of(em, course.id, course.contentHash), open.answers, now, null, em);

      if (course.ordering === 'sequential') {
        const progress = await this.progress.of(userId, course, enrolment, em);
        if (progress.quizzes.find((q) => q.id === quiz.id)?.locked) {
          throw quizError(HttpStatus.FORBIDDEN, 'QUIZ_LOCKED', 'Finish the lessons before the quiz');
        }
      }
      const previous = await repo.find({ where: { userId, quizId: quiz.id }, order: { number: 'DESC' } });
      if (quiz.maxAttempts !== null && previous.length >= quiz.maxAttempts) {
        throw quizError(HttpStatus.CONFLICT, 'QUIZ_ATTEMPTS_EXHAUSTED', 'No attempts left', { maxAttempts: quiz.maxAttempts });
      }
      const last = previous[0];
      if (last?.submittedAt && quiz.cooldownSeconds > 0) {
        const retryAt = new Date(last.submittedAt.getTime() + quiz.cooldownSeconds * 1000);
        if (retryAt > now) throw quizError(HttpStatus.CONFLICT, 'QUIZ_COOLDOWN', 'Wait before the next attempt', { retryAt: retryAt.toISOString() });
      }

      // The bank from the content cache (the course row just read names its version): no question read per start.
      const { questions } = await this.content.of(em, course.id, course.contentHash);
      const live = [...questions.values()].filter((q) => !q.archivedAt && quiz.banks.includes(q.bankFile));
      const attempt = repo.create({
        userId, quizId: quiz.id, courseId: course.id, number: (last?.number ?? 0) + 1, status: 'in_progress',
        questions: drawAttempt(live, quiz.draw, quiz.questionCount), answers: {}, startedAt: now,
        deadlineAt: quiz.timeLimitSeconds ? new Date(now.getTime() + quiz.timeLimitSeconds * 1000) : null,
      });
      await repo.insert(attempt);
      await this.events.append(em, { userId, type: 'quiz_started', courseId: course.id, quizAttemptId: attempt.id, occurredAt: now });
      return { attempt, course, created: true };
    });
    const content = await this.content.of(this.dataSource.manager, result.course.id, result.course.contentHash);
    return { view: this.view(result.attempt, content), created: result.created };
  }

  async get(userId: string, attemptId: string): Promise<AttemptView> {
    const { attempt, content } = await this.load(userId, attemptId);
    return this.view(attempt, content);
  }

  /** Keeps the answers given so far, so a reload or a lost connection loses nothing. */
  async saveAnswers(userId: string, attemptId: string, input: unknown): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const { attempt } = await this.load(userId, attemptId, em);
      if (attempt.status !== 'in_progress') throw quizError(HttpStatus.CONFLICT, 'ATTEMPT_SUBMITTED', 'This attempt is already submitted');
      await em.getRepository(QuizAttempt).update(attempt.id, { answers: parseAnswers(input, attempt.questions) });
    });
  }

  /**
   * Grades once. A second submission of the same attempt (double click, retry, offline replay) finds
   * it submitted and gets the same result; of two at the same moment, the database keeps the first
   * grading to arrive and the other answers with it.
   */
  async submit(userId: string, attemptId: string, input: unknown, idempotencyKey: string | null): Promise<AttemptView> {
    const { attempt, content } = await this.load(userId, attemptId);
    if (attempt.status === 'submitted') return this.view(attempt, content);
    const answers = parseAnswers(input, attempt.questions);
    const stored = await this.grade(attempt, content, answers, new Date(), idempotencyKey);
    if (!stored.ok) return this.get(userId, attemptId);
    // The answer is built from what was graded and the cached content: nothing is read back.
    return { ...this.view(attempt, content), courseCompleted: stored.course_completed };
  }

  /**
   * Grades on the server and stores it with submit_quiz_attempt (in the transaction of `em` if given):
   * `ok` false if the attempt was no longer open, `course_completed` if this grading completed the course.
   */
  private async grade(
    attempt: QuizAttempt, content: CourseContent, answers: Record<string, AnswerValue>, now: Date, idempotencyKey: string | null, em?: EntityManager,
  ): Promise<StoredGrading> {
    const quiz = content.quizzes.get(attempt.quizId)!;
    const graded = attempt.questions.map((d) => ({ questionId: d.questionId, score: gradeQuestion(content.questions.get(d.questionId)!, d, answers[d.questionId]) }));
    const scorePercent = graded.length ? Math.round((graded.reduce((n, g) => n + g.score, 0) / graded.length) * 10000) / 100 : 0;
    const late = this.expired(attempt, now);
    const passed = !late && scorePercent >= quiz.passPercent;
    const sql = 'SELECT * FROM submit_quiz_attempt($1, $2, $3, $4, $5, $6, $7, $8)';
    const values = [attempt.id, JSON.stringify(answers), JSON.stringify(graded), scorePercent, late, passed, now, idempotencyKey];
    const [stored] = em ? await em.query<StoredGrading[]>(sql, values) : await preparedQuery<StoredGrading>(this.dataSource, 'submit_quiz_attempt', sql, values);
    Object.assign(attempt, { status: 'submitted', answers, graded, scorePercent, late, passed, submittedAt: now });
    return stored!;
  }

  private expired(attempt: QuizAttempt, now: Date): boolean {
    return attempt.deadlineAt !== null && now.getTime() > attempt.deadlineAt.getTime() + LATE_GRACE_MS;
  }

  /** The learner's attempt and its course's content; with a transaction's `em`, the attempt is locked in it. */
  private async load(userId: string, attemptId: string, em?: EntityManager): Promise<{ attempt: QuizAttempt; content: CourseContent }> {
    const [row] = em
      ? await em.query<AttemptRow[]>(`${ATTEMPT_SQL} FOR UPDATE OF a`, [attemptId, userId])
      : await preparedQuery<AttemptRow>(this.dataSource, 'quiz_attempt', ATTEMPT_SQL, [attemptId, userId]);
    if (!row) throw notFound('Quiz attempt');
    const attempt = this.dataSource.getRepository(QuizAttempt).create({
      id: row.id, userId: row.user_id, quizId: row.quiz_id, courseId: row.course_id, number: row.number, status: row.status,
      questions: row.questions, answers: row.answers, startedAt: row.started_at, deadlineAt: row.deadline_at, submittedAt: row.submitted_at,
      late: row.late, graded: row.graded, scorePercent: row.score_percent === null ? null : Number(row.score_percent), passed: row.passed,
    });
    return { attempt, content: await this.content.of(em ?? this.dataSource.manager, row.course_id, row.content_hash) };
  }

  private view(attempt: QuizAttempt, { course, quizzes, questions }: CourseContent): AttemptView {
    const learnerQuestions = attempt.questions.map((d) => toLearnerQuestion(questions.get(d.questionId)!, d));
    const quiz = quizzes.get(attempt.quizId)!;
    const shown = answersShown(quiz.showAnswers, attempt, quiz.maxAttempts);
    return {
      attempt, quiz, course,
      questions: learnerQuestions,
      answersShown: shown,
      results: shown
        ? attempt.questions.map((d, i) => resultOf(questions.get(d.questionId)!, d, attempt.answers[d.questionId], attempt.graded?.[i]?.score ?? 0, learnerQuestions[i]))
        : null,
    };
  }
}
