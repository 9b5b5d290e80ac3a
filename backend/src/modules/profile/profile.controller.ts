import { Body, Controller, Delete, Get, HttpCode, Inject, Patch, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CurrentUser, type Principal } from '../auth/decorators';
import { clearSessionCookie } from '../auth/session-cookie';
import { MeResponseDto } from '../users/dto/me-response.dto';
import { UsersService } from '../users/users.service';
import { DataExportService } from './data-export.service';
import { DataExportResponseDto, DeleteAccountDto } from './dto/data-export.dto';
import { UpdateProfileDto } from './dto/update-profile.dto';
import { refuseAssistedSession } from './own-session';
import { ProfileService } from './profile.service';

@ApiTags('profile')
@Controller('me')
export class ProfileController {
  constructor(
    private readonly profile: ProfileService,
    private readonly exports: DataExportService,
    private readonly users: UsersService,
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOkResponse({ type: MeResponseDto })
  get(@CurrentUser() p: Principal): Promise<MeResponseDto> {
    return this.users.meOf(p.userId);
  }

  @Patch()
  @ApiOkResponse({ type: MeResponseDto })
  async update(@CurrentUser() p: Principal, @Body() dto: UpdateProfileDto): Promise<MeResponseDto> {
    await this.profile.update(p.userId, dto);
    return this.users.meOf(p.userId);
  }

  @Delete()
  @HttpCode(204)
  @ApiNoContentResponse()
  async remove(
    @CurrentUser() p: Principal,
    @Body() dto: DeleteAccountDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<void> {
    await refuseAssistedSession(this.dataSource, p.sessionId);
    await this.profile.deleteAccount(p.userId, dto.password, meta, dto.confirm === true);
    clearSessionCookie(res, this.config);
  }

  @Post('exports')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: DataExportResponseDto })
  async requestExport(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<DataExportResponseDto> {
    await refuseAssistedSession(this.dataSource, p.sessionId);
    return DataExportResponseDto.from(await this.exports.request(p.userId, meta));
  }

  @Get('exports/:id')
  @ApiOkResponse({ type: DataExportResponseDto })
  async exportStatus(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<DataExportResponseDto> {
    return DataExportResponseDto.from(await this.exports.get(p.userId, id));
  }

  @Get('exports/:id/download')
  @ApiProduces('application/json')
  @ApiOkResponse({ description: 'The export as a JSON file' })
  async download(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Res() res: FastifyReply): Promise<void> {
    const found = await this.exports.get(p.userId, id);
    const document = this.exports.documentOf(found);
    if (document === null) {
      throw new AppException(409, 'EXPORT_NOT_READY', 'The export is not ready yet', { status: found.status, progress: found.progress });
    }
    const day = found.createdAt.toISOString().slice(0, 10);
    res.header('Content-Disposition', `attachment; filename="du-lieu-cua-toi-${day}.json"`);
    res.header('Cache-Control', 'no-store');
    res.type('application/json').send(document);
  }

}
