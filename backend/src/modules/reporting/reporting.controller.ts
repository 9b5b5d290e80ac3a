import { Body, Controller, Get, HttpCode, Post, Put, Query, Res, StreamableFile } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { CohortReportService } from './cohort-report.service';
import { CohortOptionsDto, CohortPeoplePageDto, CohortQueryDto, CohortReportDto, PeopleQueryDto } from './dto/cohort.dto';
import { RecountDto } from './dto/recount.dto';
import { ImportTargetsDto, ImportTargetsResultDto, SetTargetDto, TargetDto, YearQueryDto } from './dto/target.dto';
import { CreateExportDto, ExportDto } from './dto/export.dto';
import { ExportsService } from './exports.service';
import { FreezeDto, PeriodicOverviewDto, PeriodicQueryDto, PeriodicReportDto } from './dto/periodic-report.dto';
import { PeriodicReportsService } from './periodic-reports.service';
import { RecountRequestsService } from './recount-requests.service';
import { TargetsService } from './targets.service';

@ApiTags('reporting')
@Roles('admin')
@Controller('admin/reporting')
export class ReportingController {
  constructor(
    private readonly cohorts: CohortReportService,
    private readonly targets: TargetsService,
    private readonly recounts: RecountRequestsService,
    private readonly periodic: PeriodicReportsService,
    private readonly exports: ExportsService,
  ) {}

  /** A cohort's figures: the whole, its child units against their targets, groups, months, scores. */
  @Get('cohort')
  @ApiOkResponse({ type: CohortReportDto })
  cohort(@CurrentUser() p: Principal, @Query() q: CohortQueryDto): Promise<CohortReportDto> {
    return this.cohorts.dashboard(p, q);
  }

  /** The people of a cohort, paged; each opening is audited. */
  @Get('people')
  @ApiOkResponse({ type: CohortPeoplePageDto })
  people(@CurrentUser() p: Principal, @Query() q: PeopleQueryDto, @ReqMeta() meta: RequestMeta): Promise<CohortPeoplePageDto> {
    return this.cohorts.people(p, q, meta);
  }

  @Get('options')
  @ApiOkResponse({ type: CohortOptionsDto })
  options(@CurrentUser() p: Principal): Promise<CohortOptionsDto> {
    return this.cohorts.options(p);
  }

  @Get('targets')
  @ApiOkResponse({ type: [TargetDto] })
  listTargets(@CurrentUser() p: Principal, @Query() q: YearQueryDto): Promise<TargetDto[]> {
    return this.targets.list(p, q.year);
  }

  @Put('targets')
  @HttpCode(204)
  @ApiNoContentResponse()
  setTarget(@CurrentUser() p: Principal, @Body() dto: SetTargetDto, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.targets.set(p, dto, meta);
  }

  @Post('targets/import')
  @HttpCode(200)
  @ApiOkResponse({ type: ImportTargetsResultDto })
  importTargets(@CurrentUser() p: Principal, @Body() dto: ImportTargetsDto, @ReqMeta() meta: RequestMeta): Promise<ImportTargetsResultDto> {
    return this.targets.importCsv(p, dto.year, dto.csv, meta);
  }

  /** National administrators only: rebuild the roll-ups from the raw rows (a job) and see what differed. */
  @Post('recounts')
  @ApiCreatedResponse({ type: RecountDto })
  startRecount(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<RecountDto> {
    return this.recounts.start(p, meta);
  }

  @Get('recounts/:id')
  @ApiOkResponse({ type: RecountDto })
  recount(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<RecountDto> {
    return this.recounts.get(p, id);
  }

  /** Your unit's report for a period (once frozen) and which units below have submitted theirs. */
  @Get('periodic')
  @ApiOkResponse({ type: PeriodicOverviewDto })
  periodicOverview(@CurrentUser() p: Principal, @Query() q: PeriodicQueryDto): Promise<PeriodicOverviewDto> {
    return this.periodic.overview(p, q.kind, q.period);
  }

  @Post('periodic/:id/submission')
  @HttpCode(200)
  @ApiOkResponse({ type: PeriodicReportDto })
  submitReport(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta): Promise<PeriodicReportDto> {
    return this.periodic.submit(p, id, meta);
  }

  /** National administrators: freeze a period now (the job also runs by itself at each cut-off). */
  @Post('periodic/freeze')
  @HttpCode(202)
  @ApiNoContentResponse()
  freeze(@CurrentUser() p: Principal, @Body() dto: FreezeDto): Promise<void> {
    return this.periodic.requestFreeze(p, dto.kind, dto.period);
  }

  /** Ask for an XLSX or CSV file of the dashboard's tables, the person list or a periodic report; a job builds it. */
  @Post('exports')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ExportDto })
  requestExport(@CurrentUser() p: Principal, @Body() dto: CreateExportDto, @ReqMeta() meta: RequestMeta): Promise<ExportDto> {
    return this.exports.request(p, dto, meta);
  }

  @Get('exports/:id')
  @ApiOkResponse({ type: ExportDto })
  exportStatus(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<ExportDto> {
    return this.exports.status(p, id);
  }

  @Get('exports/:id/file')
  @ApiProduces('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/csv')
  @ApiOkResponse({ description: 'The file, once ready (409 before)' })
  async exportFile(@CurrentUser() p: Principal, @UuidParam('id') id: string, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const file = await this.exports.file(p, id, meta);
    res.header('Cache-Control', 'private, no-store');
    const type = file.format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8';
    return new StreamableFile(file.content, { type, disposition: `attachment; filename="${file.fileName}"` });
  }
}
