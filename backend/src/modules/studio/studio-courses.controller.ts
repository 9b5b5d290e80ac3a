import { Body, Controller, Delete, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { BinaryBody } from '../../common/http/binary-body';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import {
  AddAuthorDto, AddCommentDto, CreateStudioCourseDto, ImportCourseQueryDto, ReturnCourseDto, StudioAuthorDto, StudioCommentDto, StudioCourseDto,
  StudioCourseSummaryDto, UpdateStudioCourseDto,
} from './dto/studio.dto';
import { StudioCoursesService } from './studio-courses.service';
import { StudioFilesService } from './studio-files.service';
import { StudioWorkflowService } from './studio-workflow.service';

/** The studio's courses: drafts, their files both ways, the review workflow, comments and authors. */
@ApiTags('studio')
@Roles('teacher', 'admin')
@Controller('studio/courses')
export class StudioCoursesController {
  constructor(
    private readonly courses: StudioCoursesService,
    private readonly files: StudioFilesService,
    private readonly workflow: StudioWorkflowService,
  ) {}

  /** A teacher's own and co-authored courses and those they may review; an administrator's, those of their scope. */
  @Get()
  @ApiOkResponse({ type: [StudioCourseSummaryDto] })
  list(@CurrentUser() p: Principal): Promise<StudioCourseSummaryDto[]> {
    return this.courses.list(p);
  }

  @Post()
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: StudioCourseDto, description: 'A new draft with the caller as owner (the same draft again for a resend with the same Idempotency-Key)' })
  create(@CurrentUser() p: Principal, @Body() dto: CreateStudioCourseDto, @IdempotencyKey() key: string | null): Promise<StudioCourseDto> {
    return this.courses.create(p, dto, key);
  }

  /** A zip of the `content/courses/<slug>/` folder format; 422 with every problem by file and line. */
  @Post('import')
  @ApiConsumes('application/zip')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiQuery({ name: 'slug', required: false, description: 'Give the new draft this slug instead of the one in course.yaml or the folder name' })
  @ApiCreatedResponse({ type: StudioCourseDto })
  import(@CurrentUser() p: Principal, @BinaryBody('application/zip') zip: Buffer, @Query() q: ImportCourseQueryDto): Promise<StudioCourseDto> {
    return this.files.importZip(p, zip, q.slug);
  }

  @Get(':id')
  @ApiOkResponse({ type: StudioCourseDto })
  get(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StudioCourseDto> {
    return this.courses.detail(p, id);
  }

  @Put(':id')
  @ApiOkResponse({ type: StudioCourseDto, description: '409 EDIT_CONFLICT { yours, theirs } when `version` is not the current one' })
  update(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: UpdateStudioCourseDto): Promise<StudioCourseDto> {
    return this.courses.update(p, id, dto);
  }

  @Get(':id/export.zip')
  @ApiProduces('application/zip')
  @ApiOkResponse({ description: 'The course in the content/courses/<slug>/ folder format' })
  async exportZip(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Res() res: FastifyReply): Promise<void> {
    const { slug, zip } = await this.files.exportZip(p, id);
    await res
      .header('Content-Type', 'application/zip')
      .header('Content-Disposition', `attachment; filename="${slug}.zip"`)
      .header('Cache-Control', 'private, no-store')
      .send(zip);
  }

  @Post(':id/submit')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto, description: '422 STUDIO_INVALID with the problems when the draft does not validate' })
  submit(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<StudioCourseDto> {
    return this.workflow.submit(p, id, meta);
  }

  @Post(':id/return')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto, description: 'Sent back to the authors with a comment' })
  giveBack(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: ReturnCourseDto, @ReqMeta() meta: RequestMeta): Promise<StudioCourseDto> {
    return this.workflow.giveBack(p, id, dto.comment, meta);
  }

  /** Reviewers only, never an author of the course: the draft becomes the course learners see, at once. */
  @Post(':id/publish')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto })
  publish(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<StudioCourseDto> {
    return this.workflow.publish(p, id, meta);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCourseDto, description: 'Archived: out of the catalogue; learners’ history is kept' })
  archive(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<StudioCourseDto> {
    return this.workflow.archive(p, id, meta);
  }

  @Get(':id/comments')
  @ApiOkResponse({ type: [StudioCommentDto] })
  comments(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<StudioCommentDto[]> {
    return this.courses.comments(p, id);
  }

  @Post(':id/comments')
  @ApiCreatedResponse({ type: StudioCommentDto })
  comment(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: AddCommentDto): Promise<StudioCommentDto> {
    return this.courses.addComment(p, id, dto);
  }

  @Post(':id/comments/:commentId/resolve')
  @HttpCode(200)
  @ApiOkResponse({ type: StudioCommentDto })
  resolve(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('commentId') commentId: string): Promise<StudioCommentDto> {
    return this.courses.resolveComment(p, id, commentId);
  }

  @Post(':id/authors')
  @ApiCreatedResponse({ type: [StudioAuthorDto], description: 'The authors after the change (owners only)' })
  addAuthor(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: AddAuthorDto, @ReqMeta() meta: RequestMeta): Promise<StudioAuthorDto[]> {
    return this.courses.addAuthor(p, id, dto, meta);
  }

  @Delete(':id/authors/:userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Removed (owners only; the last owner stays)' })
  removeAuthor(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('userId') userId: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.courses.removeAuthor(p, id, userId, meta);
  }
}
