import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { FrameworkNames } from '../assessment/framework-names';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { AdminRecordsService } from './admin-records.service';
import { AdminRecordDto, AdminRecordPageDto, AdminRecordQueryDto, RecordDto, RecordReasonDto } from './dto/record.dto';
import type { CompletionRecord } from './entities/completion-record.entity';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/records')
export class AdminRecordsController {
  constructor(
    private readonly admin: AdminRecordsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: AdminRecordPageDto })
  async list(@CurrentUser() p: Principal, @Query() query: AdminRecordQueryDto): Promise<AdminRecordPageDto> {
    const { items, total } = await this.admin.list(p, query);
    return { items: items.map((r) => this.dto(r)), total };
  }

  @Post(':id/revocation')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminRecordDto })
  async revoke(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: RecordReasonDto, @ReqMeta() meta: RequestMeta): Promise<AdminRecordDto> {
    return this.dto(await this.admin.revoke(p, id, dto.reason, meta));
  }

  @Post(':id/reissue')
  @HttpCode(200)
  @ApiOkResponse({ type: AdminRecordDto, description: 'The new record; the old one is revoked' })
  async reissue(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: RecordReasonDto, @ReqMeta() meta: RequestMeta): Promise<AdminRecordDto> {
    return this.dto(await this.admin.reissue(p, id, dto.reason, meta));
  }

  private dto(r: CompletionRecord): AdminRecordDto {
    return { ...RecordDto.from(r, new FrameworkNames(r.frameworkVersion!), this.config.publicUrl), holderName: r.holderName, userId: r.userId, reissueOfId: r.reissueOfId };
  }
}
