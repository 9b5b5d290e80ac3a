import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource, In, IsNull } from 'typeorm';
import { AppException, notFound } from '../../common/errors/app-exception';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Principal } from '../auth/decorators';
import type { Question } from '../content/entities/question.entity';
import type { LessonDto } from '../learning/dto/lesson.dto';
import type { DrawnQuestion } from '../learning/entities/quiz-attempt.entity';
import { renderLesson } from '../learning/lesson-renderer';
import { parseAnswers } from '../learning/quiz/answers';
import { toLearnerQuestion } from '../learning/quiz/learner-question';
import { drawAttempt } from '../learning/quiz/quiz-draw';
import { gradeQuestion, resultOf } from '../learning/quiz/quiz-grader';
import type { PreviewAttemptDto, PreviewHtmlDto, PreviewResultDto } from './dto/studio.dto';
import { StudioLesson, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';
import { StudioAccessService } from './studio-access.service';
import { STUDIO_LIMITS } from './studio-folder';
import { StudioErrors } from './studio.errors';

/** A preview attempt lives in the caller's hands for this long, sealed: nothing of it is stored. */
const ATTEMPT_TTL_MS = 6 * 60 * 60 * 1000;

type Sealed = { u: string; c: string; z: string; exp: number; d: DrawnQuestion[] };

/** The studio's question as the quiz module's grader and views take a bank question. */
const asQuestion = (q: StudioQuestion) =>
  ({ id: q.id, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt, explanation: q.explanation, payload: q.payload }) as Question;

const badAttempt = () => new AppException(HttpStatus.BAD_REQUEST, 'PREVIEW_EXPIRED', 'This preview attempt is not valid any more: start a new one');

/**
 * "Preview as a learner": the learners' lesson renderer, quiz draw, key-free view and grader, run on
 * the draft. A preview attempt is handed to the caller sealed with the server's secret (the draw
 * only, no key) and graded when it comes back: no row, no event, no cache is touched.
 */
@Injectable()
export class StudioPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: StudioAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async markdown(p: Principal, courseId: string, markdown: string): Promise<PreviewHtmlDto> {
    const { course } = await this.access.open(p, courseId);
    if (Buffer.byteLength(markdown) > STUDIO_LIMITS.lessonBytes) throw StudioErrors.tooMuch('markdown', `a lesson may be at most ${STUDIO_LIMITS.lessonBytes} bytes`);
    return { html: renderLesson(markdown, course.slug, undefined, `/api/studio/courses/${course.id}/`) };
  }

  /** The lesson exactly as the learners' lesson route shapes it, media from the studio. */
  async lesson(p: Principal, id: string, lessonId: string): Promise<LessonDto> {
    const { course } = await this.access.open(p, id);
    const lessons = await this.dataSource.getRepository(StudioLesson).find({ where: { courseId: id, archivedAt: IsNull() }, order: { position: 'ASC' } });
    const index = lessons.findIndex((l) => l.id === lessonId);
    if (index < 0) throw notFound('Lesson');
    const l = lessons[index]!;
    const base = `/api/studio/courses/${id}/`;
    const link = (other: StudioLesson | undefined) => (other ? { slug: other.slug, title: other.title } : null);
    return {
      courseSlug: course.slug, slug: l.slug, title: l.title, position: index + 1, total: lessons.length, html: renderLesson(l.body, course.slug, undefined, base),
      competencies: l.competencies, estimatedMinutes: l.estimatedMinutes, required: l.required, done: false,
      video: l.video && { src: `${base}${l.video.src}`, captions: `${base}${l.video.captions}`, transcript: l.video.transcript },
      previous: link(lessons[index - 1]), next: link(lessons[index + 1]),
    };
  }

  async attempt(p: Principal, id: string, quizId: string): Promise<PreviewAttemptDto> {
    await this.access.open(p, id);
    const quiz = await this.quiz(id, quizId);
    const pool = (await this.dataSource.getRepository(StudioQuestion).find({ where: { courseId: id, archivedAt: IsNull() } }))
      .filter((q) => !quiz.banks.length || quiz.banks.includes(q.bank));
    const count = quiz.questionCount ?? quiz.draw.reduce((n, r) => n + r.count, 0);
    const drawn = drawAttempt(pool.map(asQuestion), quiz.draw, count);
    const byId = new Map(pool.map((q) => [q.id, q]));
    return {
      attempt: this.seal({ u: p.userId, c: id, z: quizId, exp: Date.now() + ATTEMPT_TTL_MS, d: drawn }),
      quiz: { slug: quiz.slug, title: quiz.title, passPercent: quiz.passPercent, timeLimitSeconds: quiz.timeLimitSeconds },
      questions: drawn.map((d) => toLearnerQuestion(asQuestion(byId.get(d.questionId)!), d)),
    };
  }

  async grade(p: Principal, id: string, quizId: string, attempt: string, answers: unknown): Promise<PreviewResultDto> {
    await this.access.open(p, id);
    const sealed = this.unseal(attempt);
    if (!sealed || sealed.u !== p.userId || sealed.c !== id || sealed.z !== quizId || sealed.exp < Date.now()) throw badAttempt();
    const quiz = await this.quiz(id, quizId);
    const parsed = parseAnswers(answers, sealed.d);
    const questions = await this.dataSource.getRepository(StudioQuestion).findBy({ courseId: id, id: In(sealed.d.map((d) => d.questionId)) });
    const byId = new Map(questions.map((q) => [q.id, asQuestion(q)]));
    // A question deleted since the draw cannot be graded: the attempt is over.
    if (byId.size !== new Set(sealed.d.map((d) => d.questionId)).size) throw badAttempt();
    const scores = sealed.d.map((d) => gradeQuestion(byId.get(d.questionId)!, d, parsed[d.questionId]));
    const scorePercent = scores.length ? Math.round((scores.reduce((n, s) => n + s, 0) / scores.length) * 10000) / 100 : 0;
    return {
      scorePercent,
      passed: scorePercent >= quiz.passPercent,
      results: sealed.d.map((d, i) => resultOf(byId.get(d.questionId)!, d, parsed[d.questionId], scores[i]!)),
    };
  }

  private async quiz(courseId: string, quizId: string): Promise<StudioQuiz> {
    const quiz = await this.dataSource.getRepository(StudioQuiz).findOneBy({ id: quizId, courseId, archivedAt: IsNull() });
    if (!quiz) throw notFound('Quiz');
    return quiz;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.config.sessionSecret).update(`studio-preview:${payload}`).digest();
  }

  private seal(value: Sealed): string {
    const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  private unseal(token: string): Sealed | null {
    const [payload, mac] = token.split('.');
    if (!payload || !mac) return null;
    const given = Buffer.from(mac, 'base64url');
    const expected = this.mac(payload);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Sealed;
    } catch {
      return null;
    }
  }
}
