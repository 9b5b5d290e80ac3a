import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AppException, fieldError, forbidden, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobQueue } from '../../jobs/job-queue';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { AdminUnit } from '../units/entities/admin-unit.entity';
import { CohortReportService } from './cohort-report.service';
import { CommunityReportService } from './community-report.service';
import type { PeriodicOverviewDto, PeriodicReportDto } from './dto/periodic-report.dto';
import { PeriodicReport } from './entities/periodic-report.entity';
import { periodAt, periodByKey, REPORT_KINDS, type ReportKind, type ReportPeriod } from './report-calendar';

/** The whole country, for the job that freezes every unit's figures. */
const NATION: Principal = { userId: '00000000-0000-0000-0000-000000000000', sessionId: '', role: 'admin', scope: { level: 'nation', unitId: null } };

/**
 * Periodic reports: at each period's cut-off a job freezes the figures of the nation, every province and
 * every commune (one report per province gives its communes' rows too); each unit's administrator
 * submits theirs; the unit above sees who has submitted and who is late.
 */
@Injectable()
export class PeriodicReportsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortReportService,
    private readonly community: CommunityReportService,
    private readonly queue: JobQueue,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  period(kind: ReportKind, key?: string): ReportPeriod {
    if (!key) return periodAt(kind, new Date(), this.config.reportCalendar);
    const p = periodByKey(kind, key, this.config.reportCalendar);
    if (!p) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'period', `period is not a ${kind} period`);
    return p;
  }

  /** Enqueues the freeze of every period whose cut-off has passed and that is not frozen yet. */
  async freezeDue(now = new Date()): Promise<void> {
    for (const kind of REPORT_KINDS) {
      const p = periodAt(kind, now, this.config.reportCalendar);
      if (now < p.cutoff) continue;
      const frozen = await this.dataSource.getRepository(PeriodicReport).existsBy({ kind, period: p.period, unitId: IsNull() });
      if (!frozen) await this.queue.enqueue('reporting-freeze', { kind, period: p.period }, `freeze-${kind}-${p.period}`);
    }
  }

  async requestFreeze(admin: Principal, kind: ReportKind, key: string): Promise<void> {
    if (admin.scope?.level !== 'nation') throw forbidden('Only national administrators freeze reports');
    const p = this.period(kind, key);
    await this.queue.enqueue('reporting-freeze', { kind, period: p.period }, `freeze-${kind}-${p.period}`);
  }

  /**
   * Freezes the figures, the community measures (issue 19) beside the cohort ones, so a report never
   * changes afterwards; a report already frozen stays as it was (ON CONFLICT DO NOTHING), so a retried job is harmless. */
  async freeze(kind: ReportKind, key: string, onProgress: (percent: number) => Promise<void>): Promise<void> {
    const p = this.period(kind, key);
    const query = { from: p.from, to: p.to };
    const provinces = await this.dataSource.getRepository(AdminUnit).find({ where: { level: 'province', active: true }, order: { code: 'ASC' } });
    for (const [i, province] of provinces.entries()) {
      const [report, community] = await Promise.all([this.cohorts.report(NATION, { ...query, unitId: province.id }), this.community.report(NATION, { ...query, unitId: province.id })]);
      const communityOf = new Map(community.children.map((c) => [c.unit.id, c.measures]));
      const rows = [
        { unitId: province.id, parentUnitId: null, level: 'province' as const, figures: { total: report.total, children: report.children, groups: report.groups, community: { total: community.total, children: community.children } } },
        ...report.children.map((c) => ({
          unitId: c.unit.id, parentUnitId: province.id, level: 'commune' as const,
          figures: { total: { measures: c.measures, target: c.target }, community: { total: communityOf.get(c.unit.id) ?? null, children: [] } },
        })),
      ];
      await this.insert(p, rows);
      await onProgress(Math.round(((i + 1) / (provinces.length + 1)) * 100));
    }
    // The nation last: its row is what says "this period is frozen".
    const [nation, community] = await Promise.all([this.cohorts.report(NATION, query), this.community.report(NATION, query)]);
    await this.insert(p, [{ unitId: null, parentUnitId: null, level: 'nation', figures: { total: nation.total, children: nation.children, groups: nation.groups, community: { total: community.total, children: community.children } } }]);
    await onProgress(100);
  }

  /** The administrator's own report for a period and, for the units below, who has submitted and who is late. */
  async overview(admin: Principal, kind: ReportKind, key?: string): Promise<PeriodicOverviewDto> {
    const p = this.period(kind, key);
    const unitId = admin.scope?.level === 'nation' ? null : (admin.scope?.unitId ?? null);
    const repo = this.dataSource.getRepository(PeriodicReport);
    const own = await repo.findOneBy({ kind, period: p.period, unitId: unitId ?? IsNull() });
    const children = admin.scope?.level === 'commune' ? [] : await this.dataSource.query(
      `SELECT u.id AS "unitId", u.name AS "unitName", r.id AS "reportId", r.submitted_at AS "submittedAt"
         FROM admin_units u
         LEFT JOIN periodic_reports r ON r.unit_id = u.id AND r.kind = $1 AND r.period = $2
        WHERE u.active AND ${unitId ? 'u.parent_id = $3' : `u.level = 'province'`}
        ORDER BY u.name`,
      unitId ? [kind, p.period, unitId] : [kind, p.period],
    ) as { unitId: string; unitName: string; reportId: string | null; submittedAt: Date | null }[];
    const late = Date.now() > p.due.getTime();
    return {
      kind, period: p.period, from: p.from, to: p.to, cutoffAt: p.cutoff.toISOString(), dueAt: p.due.toISOString(),
      report: own ? toDto(own) : null,
      children: children.map((c) => ({
        unitId: c.unitId, unitName: c.unitName, reportId: c.reportId,
        status: c.submittedAt ? 'submitted' : !c.reportId ? 'not_frozen' : late ? 'late' : 'pending',
        submittedAt: c.submittedAt ? new Date(c.submittedAt).toISOString() : null,
      })),
    };
  }

  /** Only the administrator of the report's own unit submits it; submitting twice changes nothing. */
  async submit(admin: Principal, id: string, meta: RequestMeta): Promise<PeriodicReportDto> {
    const repo = this.dataSource.getRepository(PeriodicReport);
    const report = await repo.findOneBy({ id });
    const own = admin.scope?.level === 'nation' ? report?.unitId === null : report?.unitId === admin.scope?.unitId;
    if (!report || !own) throw notFound('Report');
    if (report.level === 'nation') throw new AppException(HttpStatus.CONFLICT, 'NOTHING_ABOVE', 'The national report is not submitted to anyone');
    await this.dataSource.transaction(async (em) => {
      const res = await em.getRepository(PeriodicReport).createQueryBuilder().update().set({ submittedAt: () => 'now()', submittedById: admin.userId })
        .where('id = :id AND submitted_at IS NULL', { id }).execute();
      if (res.affected) await this.audit.record('reporting.report_submitted', { actorId: admin.userId, meta, details: { reportId: id, kind: report.kind, period: report.period } }, em);
    });
    return toDto((await repo.findOneBy({ id }))!);
  }

  private async insert(p: ReportPeriod, rows: { unitId: string | null; parentUnitId: string | null; level: 'nation' | 'province' | 'commune'; figures: Record<string, unknown> }[]): Promise<void> {
    if (!rows.length) return;
    await this.dataSource.createQueryBuilder().insert().into(PeriodicReport)
      // TypeORM's deep-partial type cannot express a free-form jsonb object.
      .values(rows.map((r) => ({ ...r, kind: p.kind, period: p.period, dueAt: p.due })) as never[])
      .orIgnore().execute();
  }
}

const toDto = (r: PeriodicReport): PeriodicReportDto => ({
  id: r.id, kind: r.kind as ReportKind, period: r.period, unitId: r.unitId, level: r.level, figures: r.figures,
  frozenAt: r.frozenAt.toISOString(), dueAt: r.dueAt.toISOString(), submittedAt: r.submittedAt?.toISOString() ?? null,
});
