import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { ContentImportsService } from './content-imports.service';
import { ContentImportDto } from './dto/content-import.dto';

@ApiTags('admin')
@Roles('admin')
@Controller('admin/content/imports')
export class ContentImportsController {
  constructor(private readonly imports: ContentImportsService) {}

  /** Re-reads content/ from disk and imports it as a job; poll the returned import for progress. */
  @Post()
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ContentImportDto })
  async start(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<ContentImportDto> {
    return ContentImportDto.from(await this.imports.start(p, meta));
  }

  @Get(':id')
  @ApiOkResponse({ type: ContentImportDto })
  async get(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<ContentImportDto> {
    return ContentImportDto.from(await this.imports.get(p, id));
  }
}
