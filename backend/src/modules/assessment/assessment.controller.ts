import { Body, Controller, Get, HttpCode, HttpStatus, Post, Put, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiIdempotencyKey, IdempotencyKey } from '../../common/http/idempotency-key';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal } from '../auth/decorators';
import { AssessmentAnswersDto, AssessmentAttemptDto, AssessmentOverviewDto } from './dto/assessment.dto';
import { LearningPathService } from './learning-path.service';
import { type AssessmentView, SelfAssessmentService } from './self-assessment.service';

@ApiTags('self-assessment')
@Controller('self-assessment')
export class AssessmentController {
  constructor(
    private readonly assessment: SelfAssessmentService,
    private readonly paths: LearningPathService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AssessmentOverviewDto, description: 'The self-assessment of the learner’s target group on the framework in force' })
  async overview(@CurrentUser() p: Principal): Promise<AssessmentOverviewDto> {
    return AssessmentOverviewDto.from(await this.assessment.overview(p.userId));
  }

  @Post('attempts')
  @ApiCreatedResponse({ type: AssessmentAttemptDto, description: 'A new attempt (200 with the open one when there is one)' })
  async start(@CurrentUser() p: Principal, @Res({ passthrough: true }) res: FastifyReply): Promise<AssessmentAttemptDto> {
    const { view, created } = await this.assessment.start(p.userId);
    res.status(created ? HttpStatus.CREATED : HttpStatus.OK);
    return this.dto(view);
  }

  @Get('attempts/:id')
  @ApiOkResponse({ type: AssessmentAttemptDto })
  async get(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<AssessmentAttemptDto> {
    return this.dto(await this.assessment.get(p.userId, id));
  }

  @Put('attempts/:id/answers')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Ratings and answers kept for this attempt' })
  save(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: AssessmentAnswersDto): Promise<void> {
    return this.assessment.save(p.userId, id, dto.ratings, dto.answers);
  }

  @Post('attempts/:id/submission')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: AssessmentAttemptDto, description: 'The graded attempt with the result and learning path; the same for every resend' })
  async submit(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: AssessmentAnswersDto, @IdempotencyKey() key: string | null): Promise<AssessmentAttemptDto> {
    return this.dto(await this.assessment.submit(p.userId, id, dto.ratings, dto.answers, key));
  }

  private async dto(view: AssessmentView): Promise<AssessmentAttemptDto> {
    const { attempt } = view;
    const path = attempt.result ? await this.paths.for(attempt.userId, attempt.frameworkVersionId, attempt.targetGroup, attempt.result) : null;
    return AssessmentAttemptDto.from(view, path);
  }
}
