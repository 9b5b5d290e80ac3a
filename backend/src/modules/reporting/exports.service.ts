import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException, fieldError, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { CohortReportService } from './cohort-report.service';
import { CommunityReportService } from './community-report.service';
import type { CohortReportDto, PeopleFilterDto } from './dto/cohort.dto';
import type { CommunityMeasuresDto, CommunityRowDto } from './dto/community-report.dto';
import type { CreateExportDto, ExportDto } from './dto/export.dto';
import { PeriodicReport } from './entities/periodic-report.entity';
import { ReportingExport } from './entities/reporting-export.entity';
import { cohortTables, communityApplies, communityTables, PEOPLE_HEADER, PEOPLE_TITLE, peopleRows } from './export/report-tables';
import { csvWriter, type Table, writeTables, xlsxWriter } from './export/table-files';

const PEOPLE_CHUNK = 5000;

/**
 * Exports of the dashboard's tables, the person list and periodic reports, as XLSX or CSV, built by a
 * job under the scope the administrator had when asking. Asking and downloading are audited.
 */
@Injectable()
export class ExportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortReportService,
    private readonly community: CommunityReportService,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
  ) {}

  async request(admin: Principal, dto: CreateExportDto, meta: RequestMeta): Promise<ExportDto> {
    // Checked now, so a unit outside the scope or a bad period answers at once, not as a failed job.
    if (dto.query?.community && dto.source !== 'people') throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'query.community', 'community narrows only the person list');
    if (dto.source !== 'periodic') await this.cohorts.view(admin, dto.query ?? {});
    else await this.periodicReport(admin, dto.reportId!);
    const repo = this.dataSource.getRepository(ReportingExport);
    const row = await this.dataSource.transaction(async (em) => {
      const created = await em.getRepository(ReportingExport).save(
        repo.create({ requestedById: admin.userId, source: dto.source, format: dto.format, params: { query: dto.query ?? {}, reportId: dto.reportId ?? null, scope: admin.scope } }),
      );
      await this.audit.record('reporting.export_requested', { actorId: admin.userId, meta, details: { exportId: created.id, source: dto.source, format: dto.format, query: dto.query ?? {} } }, em);
      return created;
    });
    await this.queue.enqueue('reporting-export', { exportId: row.id }, `export-${row.id}`);
    return toDto(row);
  }

  async status(admin: Principal, id: string): Promise<ExportDto> {
    const row = await this.dataSource.getRepository(ReportingExport).findOneBy({ id, requestedById: admin.userId });
    if (!row) throw notFound('Export');
    return toDto(row);
  }

  async file(admin: Principal, id: string, meta: RequestMeta): Promise<{ content: Buffer; fileName: string; format: 'xlsx' | 'csv' }> {
    const row = await this.dataSource.getRepository(ReportingExport).createQueryBuilder('x').addSelect('x.content')
      .where('x.id = :id AND x.requested_by_id = :me', { id, me: admin.userId }).getOne();
    if (!row) throw notFound('Export');
    if (row.status !== 'done' || !row.content) throw new AppException(HttpStatus.CONFLICT, 'EXPORT_NOT_READY', 'The file is not ready yet');
    await this.audit.record('reporting.export_downloaded', { actorId: admin.userId, meta, details: { exportId: id } });
    return { content: row.content, fileName: row.fileName!, format: row.format };
  }

  /**
   * Builds the file. The content is stored only while the export is not done yet, so a job taken over
   * after a worker died (or retried) stores one file.
   */
  async build(id: string, onProgress: (percent: number) => Promise<void>): Promise<void> {
    const repo = this.dataSource.getRepository(ReportingExport);
    const row = await repo.findOneBy({ id });
    if (!row || row.status === 'done' || row.status === 'failed') return;
    await repo.update(id, { status: 'running', progress: 5 });
    const params = row.params as { query: PeopleFilterDto; reportId: string | null; scope: Principal['scope'] };
    const admin: Principal = { userId: row.requestedById, sessionId: '', role: 'admin', scope: params.scope };
    const progress = async (p: number) => {
      await repo.update(id, { progress: p });
      await onProgress(p);
    };
    let content: Buffer;
    let rowCount = 0;
    let stem: string;
    const tables = (list: Table[]) => {
      rowCount = list.reduce((n, t) => n + t.rows.length, 0);
      return writeTables(row.format, list);
    };
    if (row.source === 'periodic') {
      const report = await this.periodicReport(admin, params.reportId!);
      const figures = report.figures as Pick<CohortReportDto, 'total' | 'children' | 'groups'> & { community?: { total: CommunityMeasuresDto | null; children: CommunityRowDto[] } };
      const place = `${report.kind} ${report.period}`;
      content = tables([
        ...cohortTables({ ...figures, children: figures.children ?? [], groups: figures.groups ?? [], minCount: 5 }, place),
        // Reports frozen before the community measures existed have none.
        ...(figures.community ? communityTables({ ...figures.community, minCount: 5 }, place) : []),
      ]);
      stem = `bao-cao-${report.kind}-${report.period}`;
    } else if (row.source === 'cohort') {
      // Community measures are kept per unit: a class's export has its cohort figures only.
      const [report, community] = await Promise.all([this.cohorts.report(admin, params.query), params.query.classId ? null : this.community.report(admin, params.query)]);
      const place = report.class?.name ?? report.unit?.name ?? 'Toàn quốc';
      content = tables([...cohortTables(report, place), ...(community ? communityTables(community, place, communityApplies(params.query)) : [])]);
      stem = `so-lieu-${report.from}-${report.to}`;
    } else {
      // Written as the chunks come: a list of 200,000 people is never held whole, as rows or as text.
      const view = await this.cohorts.view(admin, params.query);
      const file = row.format === 'xlsx' ? xlsxWriter() : csvWriter(false);
      file.table(PEOPLE_TITLE, PEOPLE_HEADER);
      for await (const chunk of this.cohorts.peopleChunks(admin, view, params.query.community, PEOPLE_CHUNK)) {
        file.rows(peopleRows(chunk.items));
        rowCount += chunk.items.length;
        await progress(Math.min(90, 5 + Math.round((rowCount / Math.max(1, chunk.total)) * 85)));
      }
      content = file.finish();
      stem = 'danh-sach-nguoi-hoc';
    }
    await progress(92);
    await repo.createQueryBuilder().update()
      .set({ status: 'done', progress: 100, content, rowCount, fileName: `${stem}.${row.format}`, finishedAt: new Date() })
      .where("id = :id AND status <> 'done'", { id }).execute();
    await onProgress(100);
  }

  async fail(id: string): Promise<void> {
    await this.dataSource.getRepository(ReportingExport).createQueryBuilder().update().set({ status: 'failed', finishedAt: new Date() })
      .where("id = :id AND status <> 'done'", { id }).execute();
  }

  /** A periodic report the administrator may read: their own unit's or one of the units below. */
  private async periodicReport(admin: Principal, id: string): Promise<PeriodicReport> {
    const report = await this.dataSource.getRepository(PeriodicReport).findOneBy({ id });
    const scope = admin.scope;
    const visible = report && scope && (scope.level === 'nation' || report.unitId === scope.unitId || (scope.level === 'province' && report.parentUnitId === scope.unitId));
    if (!visible) throw notFound('Report');
    return report;
  }
}

const toDto = (r: ReportingExport): ExportDto => ({ id: r.id, status: r.status, progress: r.progress, format: r.format, fileName: r.fileName, rowCount: r.rowCount });
