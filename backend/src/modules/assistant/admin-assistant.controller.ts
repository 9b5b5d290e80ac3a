import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type RequestMeta, ReqMeta } from '../../common/http/request-meta';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { AssistantSettingsService } from './assistant-settings.service';
import { AssistantUsageService } from './assistant-usage.service';
import { AssistantModeDto, AssistantUsageDto } from './dto/assistant.dto';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/assistant')
export class AdminAssistantController {
  constructor(
    private readonly usage: AssistantUsageService,
    private readonly settings: AssistantSettingsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: AssistantUsageDto, description: 'Whether it is on, who answers, questions per week by unit, helpful rate and unanswered questions, in the caller’s scope' })
  overview(@CurrentUser() admin: Principal): Promise<AssistantUsageDto> {
    return this.usage.overview(admin);
  }

  @Put('settings')
  @ApiOkResponse({ type: AssistantModeDto, description: 'National administrators: off, local (lesson passages only) or model' })
  async setMode(@CurrentUser() admin: Principal, @Body() dto: AssistantModeDto, @ReqMeta() meta: RequestMeta): Promise<AssistantModeDto> {
    return { mode: await this.settings.setMode(admin, dto.mode, meta) };
  }
}
