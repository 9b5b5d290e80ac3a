import { Body, Controller, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { LessonDto } from '../learning/dto/lesson.dto';
import { PreviewAttemptDto, PreviewGradeDto, PreviewHtmlDto, PreviewMarkdownDto, PreviewResultDto } from './dto/studio.dto';
import { StudioPreviewService } from './studio-preview.service';

/** "Preview as a learner": the learners' renderer, draw and grader on the draft; nothing is recorded. */
@ApiTags('studio')
@Roles('teacher', 'admin')
@Controller('studio')
export class StudioPreviewController {
  constructor(private readonly preview: StudioPreviewService) {}

  /** The live preview beside the editor. */
  @Post('preview')
  @HttpCode(200)
  @ApiOkResponse({ type: PreviewHtmlDto })
  markdown(@CurrentUser() p: Principal, @Body() dto: PreviewMarkdownDto): Promise<PreviewHtmlDto> {
    return this.preview.markdown(p, dto.courseId, dto.markdown);
  }

  @Get('courses/:id/preview/lessons/:lessonId')
  @Header('Cache-Control', 'private, no-store')
  @ApiOkResponse({ type: LessonDto })
  lesson(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('lessonId') lessonId: string): Promise<LessonDto> {
    return this.preview.lesson(p, id, lessonId);
  }

  @Post('courses/:id/preview/quizzes/:quizId/attempt')
  @HttpCode(200)
  @ApiOkResponse({ type: PreviewAttemptDto, description: 'Questions drawn as for a learner, without the key; nothing is stored' })
  attempt(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('quizId') quizId: string): Promise<PreviewAttemptDto> {
    return this.preview.attempt(p, id, quizId);
  }

  @Post('courses/:id/preview/quizzes/:quizId/attempt/grade')
  @HttpCode(200)
  @ApiOkResponse({ type: PreviewResultDto, description: 'Graded by the learners’ grader; nothing is stored' })
  grade(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('quizId') quizId: string, @Body() dto: PreviewGradeDto): Promise<PreviewResultDto> {
    return this.preview.grade(p, id, quizId, dto.attempt, dto.answers);
  }
}
