import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { BinaryBody } from '../../common/http/binary-body';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import {
  CreateStudioLessonDto, GiftImportDto, GiftImportResultDto, LessonOrderDto, SaveStudioQuestionDto, SaveStudioQuizDto, StudioLessonDto,
  StudioLessonSummaryDto, StudioMediaDto, StudioQuestionDto, StudioQuizDto, UpdateStudioLessonDto, UploadMediaQueryDto,
} from './dto/studio.dto';
import { StudioLessonsService } from './studio-lessons.service';
import { StudioMediaService } from './studio-media.service';
import { StudioQuestionsService } from './studio-questions.service';
import { StudioQuizzesService } from './studio-quizzes.service';

/** What a draft holds: lessons, the question bank, quizzes and media. Authors change them; readers read. */
@ApiTags('studio')
@Roles('teacher', 'admin')
@Controller('studio/courses/:id')
export class StudioContentController {
  constructor(
    private readonly lessons: StudioLessonsService,
    private readonly questions: StudioQuestionsService,
    private readonly quizzes: StudioQuizzesService,
    private readonly media: StudioMediaService,
  ) {}

  @Get('lessons')
  @ApiOkResponse({ type: [StudioLessonSummaryDto] })
  listLessons(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StudioLessonSummaryDto[]> {
    return this.lessons.list(p, id);
  }

  @Post('lessons')
  @ApiCreatedResponse({ type: StudioLessonDto })
  addLesson(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: CreateStudioLessonDto): Promise<StudioLessonDto> {
    return this.lessons.create(p, id, dto);
  }

  @Post('lessons/order')
  @HttpCode(200)
  @ApiOkResponse({ type: [StudioLessonSummaryDto] })
  orderLessons(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: LessonOrderDto): Promise<StudioLessonSummaryDto[]> {
    return this.lessons.order(p, id, dto.lessonIds);
  }

  @Get('lessons/:lessonId')
  @ApiOkResponse({ type: StudioLessonDto })
  getLesson(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('lessonId') lessonId: string): Promise<StudioLessonDto> {
    return this.lessons.get(p, id, lessonId);
  }

  @Put('lessons/:lessonId')
  @ApiOkResponse({ type: StudioLessonDto, description: '409 EDIT_CONFLICT { yours, theirs } when `version` is not the current one and the texts differ' })
  saveLesson(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('lessonId') lessonId: string, @Body() dto: UpdateStudioLessonDto): Promise<StudioLessonDto> {
    return this.lessons.update(p, id, lessonId, dto);
  }

  @Delete('lessons/:lessonId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, or archived when it was ever published (learners’ history keeps it)' })
  deleteLesson(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('lessonId') lessonId: string): Promise<void> {
    return this.lessons.remove(p, id, lessonId);
  }

  @Get('questions')
  @ApiOkResponse({ type: [StudioQuestionDto] })
  listQuestions(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StudioQuestionDto[]> {
    return this.questions.list(p, id);
  }

  @Post('questions')
  @ApiCreatedResponse({ type: StudioQuestionDto, description: '422 STUDIO_INVALID with the validator’s problems when the question is not valid' })
  addQuestion(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    return this.questions.create(p, id, dto);
  }

  /** Paste or upload Moodle GIFT, read by the platform's GIFT reader; 422 with problems by line. */
  @Post('questions/gift')
  @ApiCreatedResponse({ type: GiftImportResultDto })
  importGift(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: GiftImportDto): Promise<GiftImportResultDto> {
    return this.questions.importGift(p, id, dto);
  }

  @Get('questions/export.gift')
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The bank as Moodle GIFT; importing it again gives the same questions' })
  async exportGift(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Res() res: FastifyReply): Promise<void> {
    const { slug, text } = await this.questions.exportGift(p, id);
    await res
      .header('Content-Type', 'text/plain; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="${slug}.gift"`)
      .header('Cache-Control', 'private, no-store')
      .send(text);
  }

  @Put('questions/:questionId')
  @ApiOkResponse({ type: StudioQuestionDto })
  saveQuestion(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('questionId') questionId: string, @Body() dto: SaveStudioQuestionDto): Promise<StudioQuestionDto> {
    return this.questions.update(p, id, questionId, dto);
  }

  @Delete('questions/:questionId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, or archived when it was ever published' })
  deleteQuestion(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('questionId') questionId: string): Promise<void> {
    return this.questions.remove(p, id, questionId);
  }

  @Get('quizzes')
  @ApiOkResponse({ type: [StudioQuizDto] })
  listQuizzes(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StudioQuizDto[]> {
    return this.quizzes.list(p, id);
  }

  @Post('quizzes')
  @ApiCreatedResponse({ type: StudioQuizDto })
  addQuiz(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    return this.quizzes.create(p, id, dto);
  }

  @Put('quizzes/:quizId')
  @ApiOkResponse({ type: StudioQuizDto })
  saveQuiz(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('quizId') quizId: string, @Body() dto: SaveStudioQuizDto): Promise<StudioQuizDto> {
    return this.quizzes.update(p, id, quizId, dto);
  }

  @Delete('quizzes/:quizId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted, or archived when it was ever published' })
  deleteQuiz(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('quizId') quizId: string): Promise<void> {
    return this.quizzes.remove(p, id, quizId);
  }

  /** The file's bytes as the body (application/octet-stream), its name and alternative text in the query. */
  @Post('media')
  @ApiConsumes('application/octet-stream')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiCreatedResponse({ type: StudioMediaDto, description: '422 MEDIA_REFUSED naming what is wrong (type, bytes, size, script in SVG); an existing name is replaced' })
  upload(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Query() q: UploadMediaQueryDto, @BinaryBody('application/octet-stream') bytes: Buffer): Promise<StudioMediaDto> {
    return this.media.upload(p, id, q.name, q.alt ?? null, bytes);
  }

  @Get('media/:name')
  @ApiOkResponse({ description: 'The file, for people who may see the draft, served inert (nosniff, sandbox CSP)' })
  async file(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Param('name') name: string, @Res() res: FastifyReply): Promise<void> {
    const { headers, bytes } = await this.media.open(p, id, name);
    await res.headers(headers).send(bytes);
  }

  @Delete('media/:name')
  @HttpCode(204)
  @ApiNoContentResponse()
  deleteMedia(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Param('name') name: string): Promise<void> {
    return this.media.remove(p, id, name);
  }
}
