import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, notFound } from '../../../common/errors/app-exception';
import { preparedQuery } from '../../../database/prepared';
import type { Course } from '../../content/entities/course.entity';
import { Quiz } from '../../content/entities/quiz.entity';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { CourseAccessService, notEnrolled } from '../course-access.service';
import { type AnswerValue, type DrawnQuestion, QuizAttempt } from '../entities/quiz-attempt.entity';
import { answersShown } from './answer-visibility';
import { parseAnswers } from './answers';
import { type CourseContent, CourseContentCache } from './course-content';
import { type LearnerQuestion, toLearnerQuestion } from './learner-question';
import { drawAttempt } from './quiz-draw';
import { QuizStartBatches, type StartRow } from './quiz-start-batches';
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
  /**
   * The certification job is due: on the submission that completed the course, and on a resend of a
   * passed attempt, whose first answer (and its job) may have been lost to a crash after the commit.
   * The job is keyed and idempotent, so queuing it again changes nothing.
   */
  certify?: boolean;
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
  private readonly starts: QuizStartBatches;

  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CourseAccessService,
    private readonly content: CourseContentCache,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'database'>,
  ) {
    // Half the pool, like the lesson completions: the batches share it with everything else.
    this.starts = new QuizStartBatches(dataSource, 'poolSize' in config.database ? Math.max(1, Math.floor(config.database.poolSize / 2)) : 1);
  }

  async quiz(courseSlug: string, quizSlug: string, em: EntityManager = this.dataSource.manager): Promise<{ course: Course; quiz: Quiz }> {
    const course = await this.access.course(courseSlug, em);
    const quiz = await em.getRepository(Quiz).findOne({ where: { courseId: course.id, slug: quizSlug } });
    if (!quiz || quiz.archivedAt) throw notFound('Quiz');
    return { course, quiz };
  }

  async attempts(userId: string, quizId: string): Promise<QuizAttempt[]> {
    return this.dataSource.getRepository(QuizAttempt).find({ where: { userId, quizId }, order: { number: 'ASC' } });
  }

  /**
   * Returns the open attempt, or starts one if the limits allow; `created` tells which. In the common
   * case one database round trip: the course and its bank come from the content cache, the draw is
   * made here, and the start goes with the others arriving at the same moment in one call of
   * start_quiz_attempts, which checks the cached version and every rule under the enrolment's lock.
   */
  async start(userId: string, courseSlug: string, quizSlug: string): Promise<{ view: AttemptView; created: boolean }> {
    let content = await this.content.bySlug(this.dataSource.manager, courseSlug);
    let fresh = false;
    const reload = async () => {
      content = await this.content.bySlug(this.dataSource.manager, courseSlug, true);
      fresh = true;
    };
    // A few rounds at most: stale content is reloaded, and an attempt whose time is over is graded, before starting again.
    for (let round = 0; round < 4; round++) {
      const quiz = [...content.quizzes.values()].find((q) => q.slug === quizSlug && !q.archivedAt);
      if (!quiz) {
        if (fresh) throw notFound('Quiz');
        await reload();
        continue;
      }
      const live = [...content.questions.values()].filter((q) => !q.archivedAt && quiz.banks.includes(q.bankFile));
      const at = new Date();
      const draw = drawAttempt(live, quiz.draw, quiz.questionCount);
      const row = await this.starts.submit({ userId, courseId: content.course.id, hash: content.hash, quizId: quiz.id, draw, at });
      switch (row.outcome) {
        case 'created':
          return { view: this.view(this.startedAttempt(userId, quiz, row, draw), content), created: true };
        case 'open':
          return { view: this.view(this.startedAttempt(userId, quiz, row, row.questions!), content), created: false };
        case 'expired': {
          const open = this.startedAttempt(userId, quiz, row, row.questions!);
          await this.grade(open, content, open.answers, at, null);
          continue;
        }
        case 'stale':
        case 'not_found':
          if (fresh && row.outcome === 'not_found') throw notFound('Quiz');
          await reload();
          continue;
        case 'not_enrolled':
          throw notEnrolled();
        case 'locked':
          throw quizError(HttpStatus.FORBIDDEN, 'QUIZ_LOCKED', 'Finish the lessons before the quiz');
        case 'exhausted':
          throw quizError(HttpStatus.CONFLICT, 'QUIZ_ATTEMPTS_EXHAUSTED', 'No attempts left', { maxAttempts: row.max_attempts });
        case 'cooldown':
          throw quizError(HttpStatus.CONFLICT, 'QUIZ_COOLDOWN', 'Wait before the next attempt', { retryAt: row.retry_at!.toISOString() });
      }
    }
    // Only if the course is imported again and again during one start.
    throw quizError(HttpStatus.SERVICE_UNAVAILABLE, 'TRY_AGAIN', 'The quiz is being updated, try again');
  }

  /** The attempt a start created or found open, from the function's row: nothing is read back. */
  private startedAttempt(userId: string, quiz: Quiz, row: StartRow, questions: DrawnQuestion[]): QuizAttempt {
    return this.toAttempt({
      id: row.attempt_id!, user_id: userId, quiz_id: quiz.id, course_id: quiz.courseId, number: row.number!, status: 'in_progress',
      questions, answers: row.answers ?? {}, started_at: row.started_at!, deadline_at: row.deadline_at, submitted_at: null,
      late: false, graded: null, score_percent: null, passed: null,
    });
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
    if (attempt.status === 'submitted') return { ...this.view(attempt, content), certify: attempt.passed === true };
    const answers = parseAnswers(input, attempt.questions);
    const stored = await this.grade(attempt, content, answers, new Date(), idempotencyKey);
    if (!stored.ok) return this.get(userId, attemptId);
    // The answer is built from what was graded and the cached content: nothing is read back.
    return { ...this.view(attempt, content), certify: stored.course_completed };
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
    return { attempt: this.toAttempt(row), content: await this.content.of(em ?? this.dataSource.manager, row.course_id, row.content_hash) };
  }

  private toAttempt(row: Omit<AttemptRow, 'content_hash'>): QuizAttempt {
    return this.dataSource.getRepository(QuizAttempt).create({
      id: row.id, userId: row.user_id, quizId: row.quiz_id, courseId: row.course_id, number: row.number, status: row.status,
      questions: row.questions, answers: row.answers, startedAt: row.started_at, deadlineAt: row.deadline_at, submittedAt: row.submitted_at,
      late: row.late, graded: row.graded, scorePercent: row.score_percent === null ? null : Number(row.score_percent), passed: row.passed,
    });
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
