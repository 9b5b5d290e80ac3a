import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { AdminUsersService } from './admin-users.service';
import { AdminUserDetailDto, AdminUserListQueryDto, AdminUserPageDto, ChangeRoleDto, ResetCodeResponseDto } from './dto/admin-user.dto';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly admin: AdminUsersService) {}

  @Get()
  @ApiOkResponse({ type: AdminUserPageDto })
  list(@CurrentUser() p: Principal, @Query() query: AdminUserListQueryDto): Promise<AdminUserPageDto> {
    return this.admin.list(p, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: AdminUserDetailDto })
  detail(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<AdminUserDetailDto> {
    return this.admin.detail(p, id, meta);
  }

  /** An 8-digit one-time code to hand to the person, for those who cannot receive email. */
  @Post(':id/reset-code')
  @ApiOkResponse({ type: ResetCodeResponseDto })
  @HttpCode(200)
  async resetCode(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<ResetCodeResponseDto> {
    const { code, expiresAt } = await this.admin.issueResetCode(p, id, meta);
    return { code, expiresAt: expiresAt.toISOString() };
  }

  @Post(':id/disable')
  @HttpCode(204)
  @ApiNoContentResponse()
  disable(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.admin.setStatus(p, id, 'disabled', meta);
  }

  @Post(':id/enable')
  @HttpCode(204)
  @ApiNoContentResponse()
  enable(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.admin.setStatus(p, id, 'active', meta);
  }

  @Put(':id/role')
  @HttpCode(204)
  @ApiNoContentResponse()
  changeRole(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: ChangeRoleDto, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.admin.changeRole(p, id, dto, meta);
  }
}
