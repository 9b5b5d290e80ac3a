import { Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { CommunityTeamService } from './community-team.service';
import { TeamMemberDto } from './dto/community.dto';

/** Administrators appoint and relieve the community digital technology teams of their scope. */
@ApiTags('community')
@Roles('admin')
@Controller('admin/community-team')
export class AdminCommunityTeamController {
  constructor(private readonly team: CommunityTeamService) {}

  @Get()
  @ApiOkResponse({ type: [TeamMemberDto] })
  async list(@CurrentUser() admin: Principal): Promise<TeamMemberDto[]> {
    return (await this.team.list(admin)).map((m) => ({ ...m, appointedAt: m.appointedAt.toISOString() }));
  }

  @Put(':id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The person is on the team of the commune they live in (again: no change)' })
  async appoint(@CurrentUser() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.team.appoint(admin, id, meta);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  async relieve(@CurrentUser() admin: Principal, @Param('id', ParseUUIDPipe) id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.team.relieve(admin, id, meta);
  }
}
