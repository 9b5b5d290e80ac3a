import { Body, Controller, Get, HttpStatus, Param, Post, Put, HttpCode, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiIdempotencyKey, IdempotencyKey } from '../../../common/http/idempotency-key';
import { UuidParam } from '../../../common/http/uuid-param';
import { CurrentUser, type Principal } from '../../auth/decorators';
import { AnswersDto, AttemptDto, AttemptSummaryDto, QuizDto } from '../dto/quiz.dto';
import { CourseProgressDto } from '../dto/progress.dto';
import { EnrolmentsService } from '../enrolments.service';
import { type AnswersBody, AnswersBodyPipe } from './answers-body.pipe';
import { QuizAttemptsService } from './quiz-attempts.service';
import { JobQueue } from '../../../jobs/job-queue';

@ApiTags('quizzes')
@Controller()
export class QuizzesController {
  constructor(
    private readonly attempts: QuizAttemptsService,
    private readonly enrolments: EnrolmentsService,
    private readonly jobs: JobQueue,
  ) {}

  @Get('courses/:slug/quizzes/:quiz')
  @ApiOkResponse({ type: QuizDto })
  async quiz(@CurrentUser() p: Principal, @Param('slug') slug: string, @Param('quiz') quizSlug: string): Promise<QuizDto> {
    const { course, enrolment, progress } = await this.enrolments.progressOf(p.userId, slug);
    const step = CourseProgressDto.from(course, enrolment, progress).quizzes.find((q) => q.slug === quizSlug);
    const { quiz } = await this.attempts.quiz(slug, quizSlug);
    const attempts = await this.attempts.attempts(p.userId, quiz.id);
    return { ...step!, courseSlug: course.slug, courseTitle: course.title, attempts: attempts.map(AttemptSummaryDto.fromAttempt), serverNow: new Date().toISOString() };
  }

  @Post('courses/:slug/quizzes/:quiz/attempts')
  @ApiCreatedResponse({ type: AttemptDto, description: 'A new attempt (200 with the open one when there is one)' })
  async start(@CurrentUser() p: Principal, @Param('slug') slug: string, @Param('quiz') quiz: string, @Res({ passthrough: true }) res: FastifyReply): Promise<AttemptDto> {
    const { view, created } = await this.attempts.start(p.userId, slug, quiz);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return AttemptDto.from(view);
  }

  @Get('quiz-attempts/:id')
  @ApiOkResponse({ type: AttemptDto })
  async get(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<AttemptDto> {
    return AttemptDto.from(await this.attempts.get(p.userId, id));
  }

  @Put('quiz-attempts/:id/answers')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Answers kept for this attempt' })
  @ApiBody({ type: AnswersDto })
  save(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body(AnswersBodyPipe) dto: AnswersBody): Promise<void> {
    return this.attempts.saveAnswers(p.userId, id, dto.answers);
  }

  @Post('quiz-attempts/:id/submission')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AttemptDto, description: 'The graded attempt; the same result for every resend' })
  @ApiBody({ type: AnswersDto })
  async submit(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body(AnswersBodyPipe) dto: AnswersBody, @IdempotencyKey() key: string | null): Promise<AttemptDto> {
    const view = await this.attempts.submit(p.userId, id, dto.answers, key);
    // A finished course may be the last thing the confirmation policy asked for (same job as a lesson's).
    if (view.certify) await this.jobs.enqueue('certification', { userId: p.userId }, `certify-course-${p.userId}-${view.course.slug}`);
    return AttemptDto.from(view);
  }
}
