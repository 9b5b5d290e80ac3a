import { Body, Controller, Delete, Get, HttpCode, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { GrantReviewerDto, ReviewerRightDto } from './dto/studio.dto';
import { StudioReviewersService } from './studio-reviewers.service';

/** The studio's reviewer right, given to a teacher by an administrator who outranks them, for a scope inside the administrator's. */
@ApiTags('admin')
@Roles('admin')
@Controller('admin/users/:id/reviewer')
export class StudioReviewersController {
  constructor(private readonly reviewers: StudioReviewersService) {}

  @Get()
  @ApiOkResponse({ type: ReviewerRightDto })
  get(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<ReviewerRightDto> {
    return this.reviewers.get(p, id);
  }

  @Put()
  @ApiOkResponse({ type: ReviewerRightDto })
  grant(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: GrantReviewerDto, @ReqMeta() meta: RequestMeta): Promise<ReviewerRightDto> {
    return this.reviewers.grant(p, id, dto, meta);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse()
  revoke(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.reviewers.revoke(p, id, meta);
  }
}
