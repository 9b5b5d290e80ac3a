import { Body, Controller, Delete, Get, Header, Headers, HttpCode, HttpStatus, Param, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { fieldError, notFound } from '../../common/errors/app-exception';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { CourseMediaService } from '../content/course-media.service';
import { MEDIA_FILE } from '../content/files/course-reader';
import { CurrentUser, type Principal, Public } from '../auth/decorators';
import { CourseAccessService } from './course-access.service';
import { LessonAudioService } from './audio/lesson-audio.service';
import { CompleteLessonDto, LessonAudioDto, LessonCompletionDto, LessonDto } from './dto/lesson.dto';
import { CourseProgressDto, MyCourseDto } from './dto/progress.dto';
import { EnrolmentsService } from './enrolments.service';
import { deviceTime } from './learning-events.service';
import { LessonsService } from './lessons.service';
import { JobQueue } from '../../jobs/job-queue';


@ApiTags('learning')
@Controller()
export class LearningController {
  constructor(
    private readonly jobs: JobQueue,
    private readonly enrolments: EnrolmentsService,
    private readonly lessons: LessonsService,
    private readonly access: CourseAccessService,
    private readonly mediaFiles: CourseMediaService,
    private readonly audios: LessonAudioService,
  ) {}

  @Get('me/learning')
  @ApiOkResponse({ type: [MyCourseDto] })
  async mine(@CurrentUser() p: Principal): Promise<MyCourseDto[]> {
    return (await this.enrolments.mine(p.userId)).map((m) => MyCourseDto.from(m.course, m.enrolment, m.progress));
  }

  @Post('courses/:slug/enrolment')
  @ApiCreatedResponse({ type: CourseProgressDto, description: 'Enrolled (200 when already enrolled)' })
  async enrol(@CurrentUser() p: Principal, @Param('slug') slug: string, @Res({ passthrough: true }) res: FastifyReply): Promise<CourseProgressDto> {
    const { created } = await this.enrolments.enrol(p.userId, slug);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return this.progress(p, slug);
  }

  @Delete('courses/:slug/enrolment')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Left the course; the history is kept' })
  leave(@CurrentUser() p: Principal, @Param('slug') slug: string): Promise<void> {
    return this.enrolments.leave(p.userId, slug);
  }

  @Get('courses/:slug/progress')
  @ApiOkResponse({ type: CourseProgressDto })
  async progress(@CurrentUser() p: Principal, @Param('slug') slug: string): Promise<CourseProgressDto> {
    const { course, enrolment, progress } = await this.enrolments.progressOf(p.userId, slug);
    return CourseProgressDto.from(course, enrolment, progress);
  }

  @Get('courses/:slug/lessons/:lesson')
  @Header('Content-Type', 'application/json; charset=utf-8')
  @ApiOkResponse({ type: LessonDto })
  async lesson(
    @CurrentUser() p: Principal,
    @Param('slug') slug: string,
    @Param('lesson') lesson: string,
    @Headers('accept-encoding') acceptEncoding: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    // A LessonDto already serialised and compressed (see LessonsService.read).
    return (await this.lessons.read(p.userId, slug, lesson)).send(reply, acceptEncoding);
  }

  /** The lesson read aloud: asked for on the first request, then ready under a name that never changes. */
  @Get('courses/:slug/lessons/:lesson/audio')
  @ApiOkResponse({ type: LessonAudioDto })
  audio(@CurrentUser() p: Principal, @Param('slug') slug: string, @Param('lesson') lesson: string): Promise<LessonAudioDto> {
    return this.audios.status(p.userId, slug, lesson);
  }

  @Get('courses/:slug/lessons/:lesson/audio/:file')
  @ApiOkResponse({ description: 'The MP3' })
  async audioFile(@CurrentUser() p: Principal, @Param('slug') slug: string, @Param('lesson') lesson: string, @Param('file') file: string, @Res() res: FastifyReply): Promise<void> {
    const hash = /^([0-9a-f]{64})\.mp3$/.exec(file)?.[1];
    if (!hash) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'file', 'file must be <sha-256>.mp3');
    const mp3 = await this.audios.file(p.userId, slug, lesson, hash);
    if (!mp3) throw notFound('Lesson audio');
    // Private (behind the learner's session) and immutable: the name is the hash of what it says.
    await res.header('Content-Type', 'audio/mpeg').header('Cache-Control', 'private, max-age=31536000, immutable').send(mp3);
  }

  @Put('courses/:slug/lessons/:lesson/completion')
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: LessonCompletionDto })
  async complete(
    @CurrentUser() p: Principal,
    @Param('slug') slug: string,
    @Param('lesson') lesson: string,
    @Body() dto: CompleteLessonDto,
    @IdempotencyKey() key: string | null,
  ): Promise<LessonCompletionDto> {
    const done = await this.lessons.complete(p.userId, slug, lesson, deviceTime(dto.occurredAt), key);
    // A finished course may be the last thing the confirmation policy asked for.
    if (done.courseCompleted) await this.jobs.enqueue('certification', { userId: p.userId }, `certify-course-${p.userId}-${slug}`);
    return done;
  }

  /**
   * Images, videos, captions and PDFs of a published course; public like the catalogue. Checked again
   * as served (no links, allowed type by its bytes) and sent with headers that keep it inert.
   */
  @Public()
  @Get('courses/:slug/media/:file')
  @ApiOkResponse({ description: 'The file' })
  async media(@Param('slug') slug: string, @Param('file') file: string, @Headers('range') range: string | undefined, @Res() res: FastifyReply): Promise<void> {
    if (!MEDIA_FILE.test(file)) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'file', 'file must be a plain file name');
    const course = await this.access.course(slug);
    const opened = await this.mediaFiles.open(course.slug, file, range);
    res.status(opened.status).headers(opened.headers);
    await res.send('stream' in opened ? opened.stream : '');
  }
}
