import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { fieldError, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { AdminUnit } from '../units/entities/admin-unit.entity';
import type { TargetGroup } from '../users/entities/user.entity';
import { LearningClass } from '../classes/entities/learning-class.entity';
import { rollupSource } from './class-cohort-sources';
import { childColumn, type CohortView, unitInScope, whereInView } from './cohort-view';
import { type CommunityGroup, inCommunityGroup } from './community-cohorts';
import type {
  CohortOptionsDto, CohortPeoplePageDto, CohortPersonDto, CohortQueryDto, CohortReportDto, CohortRowDto, MeasuresDto, PeopleQueryDto, ScoreCellDto, UnitRefDto,
} from './dto/cohort.dto';
import { ReportCache } from './report-cache';
import { Suppressor } from './suppression';
import { TargetsService } from './targets.service';
import { vietnamDay } from '../../common/time/vietnam-day';

type Sums = Record<string, number>;
type Grouped = { total: Sums; child: Map<string, Sums>; group: Map<string, Sums>; month: Map<string, Sums> };
type SetName = keyof Grouped;

const firstOfMonth = (m: string) => `${m}-01`;
const thisMonth = () => vietnamDay().slice(0, 7);

/**
 * Cohort figures from the roll-ups. Each roll-up is read once per report with GROUPING SETS (the
 * whole cohort, per child unit, per target group, per month), inside the administrator's scope (the
 * user list's rule, in SQL). A filter a roll-up cannot answer (a course for records, an age band for
 * scores) makes its measures null rather than wrong.
 */
@Injectable()
export class CohortReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly targets: TargetsService,
    private readonly audit: AuditService,
    private readonly cache: ReportCache,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async view(admin: Principal, q: CohortQueryDto): Promise<CohortView> {
    const to = q.to ?? thisMonth();
    const from = q.from ?? `${to.slice(0, 4)}-01`;
    if (from > to) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'from', 'from must not be after to');
    let unit: AdminUnit | null = null;
    const klass = q.classId ? await this.dataSource.getRepository(LearningClass).findOneBy({ id: q.classId }) : null;
    if (q.classId && q.unitId && klass && q.unitId !== klass.unitId && q.unitId !== klass.provinceId) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'unitId', 'the class is not in this unit');
    }
    const unitId = klass?.unitId ?? q.unitId ?? (admin.scope?.level === 'nation' ? null : admin.scope?.unitId ?? null);
    if (q.classId && !klass) throw notFound('Class');
    if (unitId) {
      unit = await this.dataSource.getRepository(AdminUnit).findOneBy({ id: unitId });
      // Outside the scope answers as if it did not exist.
      if (!unit || !unitInScope(admin, unit)) throw notFound(klass ? 'Class' : 'Unit');
    }
    const province = unit?.parentId ? await this.dataSource.getRepository(AdminUnit).findOneBy({ id: unit.parentId }) : null;
    return {
      unit, province, targetGroup: q.targetGroup, organisationId: q.organisationId, courseId: q.courseId, frameworkVersion: q.frameworkVersion,
      ageBand: q.ageBand, class: klass ? { id: klass.id, name: klass.name } : undefined, from: firstOfMonth(from), to: firstOfMonth(to),
    };
  }

  /**
   * The dashboard's answer, kept for a short while (`REPORTING_CACHE_SECONDS`) for the same scope and
   * filters, so administrators opening it together cost one computation; `computedAt` says how fresh it is.
   */
  dashboard(admin: Principal, q: CohortQueryDto): Promise<CohortReportDto> {
    const to = q.to ?? thisMonth();
    const query = {
      unitId: q.unitId ?? null, classId: q.classId ?? null, targetGroup: q.targetGroup ?? null, organisationId: q.organisationId ?? null, courseId: q.courseId ?? null,
      frameworkVersion: q.frameworkVersion ?? null, ageBand: q.ageBand ?? null, from: q.from ?? `${to.slice(0, 4)}-01`, to,
    };
    // The scope is part of the key: an answer is only ever served again to administrators who see the same people.
    return this.cache.get('cohort', { scope: admin.scope, query }, () => this.report(admin, q));
  }

  /** The figures as they are now (exports and periodic reports use these, never a kept answer). */
  async report(admin: Principal, q: CohortQueryDto): Promise<CohortReportDto> {
    const computedAt = new Date().toISOString();
    const view = await this.view(admin, q);
    const s = new Suppressor(this.config.reportMinCount);
    const child = childColumn(view);
    const [people, learning, active, records, scores] = await Promise.all([
      this.registered(admin, view),
      this.learning(admin, view),
      this.active(admin, view),
      this.records(admin, view),
      this.scores(admin, view),
    ]);
    const sums = (set: SetName, key?: string): Sums => {
      const pick = (g: Grouped | null) => (g ? (set === 'total' ? g.total : g[set].get(key!)) : undefined) ?? {};
      return { ...pick(people), ...pick(learning), ...pick(active), ...pick(records), ...pick(scores) };
    };
    const applies = { active: active !== null, records: records !== null, scores: scores !== null };
    const measures = (x: Sums) => this.measures(s, x, applies);

    const childIds = child ? [...new Set([...people.child.keys(), ...learning.child.keys(), ...(records?.child.keys() ?? [])])] : [];
    const childUnits = await this.childUnits(view, childIds);
    const year = Number(view.to.slice(0, 4));
    // Targets are set for units; a class has none of its own.
    const targetCounts = view.class ? new Map<string | null, number | null>() : await this.targets.targetCounts(year, [view.unit, ...childUnits], view.targetGroup);
    const yearShare = Number(view.to.slice(5, 7)) / 12;
    const row = (x: Sums, unitId: string | null): CohortRowDto => ({
      measures: measures(x),
      target: this.targetStatus(s, targetCounts.get(unitId) ?? null, applies.records ? (x.holders ?? 0) : null, yearShare),
    });

    const total = sums('total');
    const groupRows = [...new Set([...people.group.keys(), ...learning.group.keys()])].sort().map((g) => ({
      targetGroup: g as TargetGroup,
      measures: measures(sums('group', g)),
      target: null,
    }));
    const months = this.monthsOf(view).map((m) => {
      const x = sums('month', m);
      return { month: m, enrolled: s.count(x.enrolments ?? 0), coursesCompleted: s.count(x.courses_completed ?? 0), active: applies.active ? s.count(x.active ?? 0) : null, recordsIssued: applies.records ? s.count(x.issued ?? 0) : null };
    });
    const [domainScores, competencyScores] = scores === null ? [[], []] : await this.scoreCells(admin, view, s);
    return {
      computedAt,
      unit: view.unit ? ref(view.unit) : null,
      class: view.class ?? null,
      trail: [view.province, view.unit].filter((u): u is AdminUnit => !!u).map(ref),
      from: view.from.slice(0, 7),
      to: view.to.slice(0, 7),
      minCount: s.minCount,
      total: row(total, view.unit?.id ?? null),
      children: childUnits.map((u) => ({ unit: ref(u), ...row(sums('child', u.id), u.id) })),
      groups: groupRows,
      months,
      domainScores,
      competencyScores,
    };
  }

  /**
   * The people of a cohort, one page at a time, inside the administrator's scope; every opening of
   * the list is audited (who looked, at which filters).
   */
  async people(admin: Principal, q: PeopleQueryDto, meta: RequestMeta): Promise<CohortPeoplePageDto> {
    const view = await this.view(admin, q);
    const page = await this.peoplePage(admin, view, q.page ?? 1, q.pageSize ?? 50, q.community);
    await this.audit.record('reporting.people_listed', { actorId: admin.userId, meta, details: { ...q, count: page.items.length } });
    return page;
  }

  /** One page of the people of a cohort (the caller audits). */
  async peoplePage(admin: Principal, view: CohortView, page: number, pageSize: number, community?: CommunityGroup): Promise<CohortPeoplePageDto> {
    const qb = this.peopleQuery(admin, view, community);
    const total = await qb.clone().getCount();
    const rows = await this.withPersonColumns(qb, view)
      .orderBy('unit.name').addOrderBy('u.full_name').addOrderBy('u.id')
      .offset((page - 1) * pageSize).limit(pageSize)
      .getRawMany<PersonRow>();
    return { items: rows.map(toPerson), total, page, pageSize };
  }

  /**
   * Every person of a cohort, a chunk at a time, for the export (the caller audits): communes in name
   * order, a few adding up to about a chunk at a time, each batch read in keyset pages on (commune, name,
   * id). No query sorts or skips past the whole cohort, and only one chunk of people is held at once.
   */
  async *peopleChunks(admin: Principal, view: CohortView, community: CommunityGroup | undefined, chunkSize: number): AsyncGenerator<{ items: CohortPersonDto[]; total: number }> {
    const communes = await this.peopleQuery(admin, view, community)
      .select(['unit.id AS id', 'count(*)::int AS n']).groupBy('unit.id').addGroupBy('unit.name').orderBy('unit.name').addOrderBy('unit.id')
      .getRawMany<{ id: string; n: number }>();
    const total = communes.reduce((sum, c) => sum + c.n, 0);
    for (let i = 0; i < communes.length;) {
      const batch: string[] = [];
      for (let n = 0; i < communes.length && (batch.length === 0 || n + communes[i]!.n <= chunkSize); i++) {
        batch.push(communes[i]!.id);
        n += communes[i]!.n;
      }
      let after: PersonRow | null = null;
      for (;;) {
        const qb = this.withPersonColumns(this.peopleQuery(admin, view, community), view).addSelect('unit.id', 'unitId').andWhere('u.unit_id IN (:...batch)', { batch });
        if (after) {
          qb.andWhere(`(unit.name, unit.id, coalesce(u.full_name, ''), u.id) > (:afterUnitName, :afterUnitId, :afterName, :afterId)`, {
            afterUnitName: after.unitName, afterUnitId: after.unitId, afterName: after.fullName ?? '', afterId: after.id,
          });
        }
        const rows = await qb.orderBy('unit.name').addOrderBy('unit.id').addOrderBy(`coalesce(u.full_name, '')`).addOrderBy('u.id').limit(chunkSize).getRawMany<PersonRow>();
        if (rows.length) yield { items: rows.map(toPerson), total };
        if (rows.length < chunkSize) break;
        after = rows.at(-1)!;
      }
    }
  }

  /** Who is in a cohort: inside the scope, the view's filters and the community cohort. */
  private peopleQuery(admin: Principal, view: CohortView, community?: CommunityGroup) {
    const qb = this.dataSource.createQueryBuilder().from('users', 'u').innerJoin(AdminUnit, 'unit', 'unit.id = u.unit_id').where(`u.status <> 'deleted'`);
    whereInView(qb, 'u', admin, view);
    if (view.ageBand !== undefined) qb.andWhere('age_band(u.birth_year, now()) = :ageBand', { ageBand: view.ageBand });
    if (community) qb.andWhere(inCommunityGroup(community, 'u'));
    if (view.class) qb.andWhere('u.id IN (SELECT m.user_id FROM class_members m WHERE m.class_id = :classId)', { classId: view.class.id });
    if (view.courseId) qb.andWhere('EXISTS (SELECT 1 FROM enrolments e WHERE e.user_id = u.id AND e.course_id = :courseId)', { courseId: view.courseId });
    return qb;
  }

  /** A person's line: their progress (in the course, when the view has one), record and last activity. */
  private withPersonColumns(qb: ReturnType<CohortReportService['peopleQuery']>, view: CohortView) {
    const course = view.courseId ? 'AND e.course_id = :courseId' : '';
    return qb
      .select(['u.id AS id', 'u.full_name AS "fullName"', 'u.target_group AS "targetGroup"', 'unit.name AS "unitName"'])
      .addSelect(`(SELECT count(*) FROM enrolments e WHERE e.user_id = u.id ${course})::int`, 'enrolled')
      .addSelect(`(SELECT count(*) FROM enrolments e WHERE e.user_id = u.id AND e.completed_at IS NOT NULL ${course})::int`, 'coursesCompleted')
      .addSelect(`(SELECT count(*) FROM lesson_completions e WHERE e.user_id = u.id ${course})::int`, 'lessonsCompleted')
      .addSelect('EXISTS (SELECT 1 FROM completion_records r WHERE r.user_id = u.id AND r.revoked_at IS NULL)', 'holdsRecord')
      .addSelect('(SELECT max(e.occurred_at) FROM learning_events e WHERE e.user_id = u.id)', 'lastActiveAt');
  }

  async options(admin: Principal): Promise<CohortOptionsDto> {
    const courses = (await this.dataSource.query(`SELECT id, title AS name FROM courses WHERE archived_at IS NULL ORDER BY title`)) as { id: string; name: string }[];
    const versions = (await this.dataSource.query(`SELECT version FROM framework_versions ORDER BY version`)) as { version: string }[];
    const orgs = this.dataSource.createQueryBuilder().from('organisations', 'o').select(['o.id AS id', 'o.name AS name']).orderBy('o.name').limit(500);
    if (admin.scope?.level !== 'nation') {
      const province = admin.scope?.level === 'province' ? admin.scope.unitId : (await this.dataSource.getRepository(AdminUnit).findOneBy({ id: admin.scope?.unitId ?? undefined }))?.parentId;
      orgs.where('o.province_id = :province', { province: province ?? null });
    }
    return { courses, frameworkVersions: versions.map((v) => v.version), organisations: await orgs.getRawMany() };
  }

  private registered(admin: Principal, view: CohortView): Promise<Grouped> {
    const qb = whereInView(this.dataSource.createQueryBuilder().from(rollupSource('reporting_people', view.class?.id), 'r'), 'r', admin, view);
    if (view.ageBand !== undefined) qb.andWhere('age_band(r.birth_year, now()) = :ageBand', { ageBand: view.ageBand });
    return this.grouped(qb, view, 'sum(r.registered)::int AS registered', false);
  }

  private learning(admin: Principal, view: CohortView): Promise<Grouped> {
    const qb = this.periodQuery(this.byProvince(admin, view) ? 'reporting_learning_province_monthly' : 'reporting_learning_monthly', admin, view);
    if (view.courseId) qb.andWhere('r.course_id = :courseId', { courseId: view.courseId });
    if (view.frameworkVersion) qb.andWhere('r.framework_version = :fv', { fv: view.frameworkVersion });
    if (view.ageBand !== undefined) qb.andWhere('r.age_band = :ageBand', { ageBand: view.ageBand });
    return this.grouped(qb, view, `sum(r.enrolments)::int AS enrolments, sum(r.lessons_completed)::int AS lessons_completed,
      sum(r.quizzes_passed)::int AS quizzes_passed, sum(r.courses_completed)::int AS courses_completed`, true);
  }

  /** Distinct learners per month; a person counts once in a month whatever the course, so a course filter cannot apply. */
  private async active(admin: Principal, view: CohortView): Promise<Grouped | null> {
    if (view.courseId || view.frameworkVersion) return null;
    const qb = this.periodQuery(this.byProvince(admin, view) ? 'reporting_active_province_monthly' : 'reporting_active_monthly', admin, view);
    if (view.ageBand !== undefined) qb.andWhere('r.age_band = :ageBand', { ageBand: view.ageBand });
    return this.grouped(qb, view, 'sum(r.active)::int AS active', true);
  }

  /** Records issued in the period, and holders at its end (issued minus revoked, from the start). */
  private async records(admin: Principal, view: CohortView): Promise<Grouped | null> {
    if (view.courseId || view.ageBand !== undefined) return null;
    const qb = whereInView(this.dataSource.createQueryBuilder().from(rollupSource('reporting_records_monthly', view.class?.id), 'r'), 'r', admin, view)
      .andWhere('r.month <= :to', { to: view.to, from: view.from });
    if (view.frameworkVersion) qb.andWhere('r.framework_version = :fv', { fv: view.frameworkVersion });
    return this.grouped(qb, view, `(sum(r.issued) FILTER (WHERE r.month >= :from))::int AS issued, (sum(r.issued) - sum(r.revoked))::int AS holders`, true);
  }

  private async scores(admin: Principal, view: CohortView): Promise<Grouped | null> {
    if (view.courseId || view.ageBand !== undefined) return null;
    const qb = this.periodQuery('reporting_scores_monthly', admin, view).andWhere(`r.kind = 'overall'`);
    if (view.frameworkVersion) qb.andWhere('r.framework_version = :fv', { fv: view.frameworkVersion });
    return this.grouped(qb, view, 'sum(r.scored)::int AS assessments, sum(r.score_sum)::int AS score_sum', true);
  }

  /** Mean score per domain (cohort and child units: the heat map) and per competency (cohort). */
  private async scoreCells(admin: Principal, view: CohortView, s: Suppressor): Promise<[ScoreCellDto[], ScoreCellDto[]]> {
    const child = childColumn(view);
    const cells = async (kind: string, perChild: boolean) => {
      const qb = this.periodQuery('reporting_scores_monthly', admin, view).andWhere('r.kind = :kind', { kind });
      if (view.frameworkVersion) qb.andWhere('r.framework_version = :fv', { fv: view.frameworkVersion });
      const sets = perChild && child ? `GROUPING SETS ((r.code), (r.code, r.${child}))` : 'r.code';
      const rows = await qb.select(['r.code AS code', perChild && child ? `r.${child} AS "unitId"` : 'NULL AS "unitId"', 'sum(r.score_sum)::float AS sum', 'sum(r.scored)::int AS n'])
        .groupBy(sets).orderBy('code').getRawMany<{ code: string; unitId: string | null; sum: number; n: number }>();
      return rows.map((r) => ({ code: r.code, unitId: r.unitId, average: s.mean(r.sum, r.n) }));
    };
    return [await cells('domain', true), await cells('competency', false)];
  }

  /** The nation seen by a national administrator needs no commune: the province roll-ups answer it from far fewer rows. */
  private byProvince(admin: Principal, view: CohortView): boolean {
    return admin.scope?.level === 'nation' && !view.unit;
  }

  private periodQuery(table: string, admin: Principal, view: CohortView) {
    return whereInView(this.dataSource.createQueryBuilder().from(rollupSource(table, view.class?.id), 'r'), 'r', admin, view)
      .andWhere('r.month BETWEEN :from AND :to', { from: view.from, to: view.to });
  }

  /** One read of a roll-up: the whole cohort, per child unit, per target group and (for monthly roll-ups) per month. */
  private async grouped(qb: ReturnType<DataSource['createQueryBuilder']>, view: CohortView, aggregates: string, monthly: boolean): Promise<Grouped> {
    const child = childColumn(view);
    const dims: [SetName, string][] = [];
    if (child) dims.push(['child', `r.${child}`]);
    dims.push(['group', 'r.target_group']);
    if (monthly) dims.push(['month', 'r.month']);
    const setName = `CASE ${dims.map(([n, d]) => `WHEN GROUPING(${d}) = 0 THEN '${n}'`).join(' ')} ELSE 'total' END`;
    const key = `COALESCE(${dims.map(([n, d]) => (n === 'month' ? `to_char(${d}, 'YYYY-MM')` : `${d}::text`)).join(', ')})`;
    const rows = await qb.select(`${setName} AS set, ${key} AS key, ${aggregates}`)
      .groupBy(`GROUPING SETS ((), ${dims.map(([, d]) => `(${d})`).join(', ')})`)
      .getRawMany<{ set: SetName; key: string | null } & Sums>();
    const out: Grouped = { total: {}, child: new Map(), group: new Map(), month: new Map() };
    for (const { set, key: k, ...values } of rows) {
      const nums = Object.fromEntries(Object.entries(values).map(([name, v]) => [name, Number(v ?? 0)]));
      if (set === 'total') out.total = nums;
      else out[set].set(k!, nums);
    }
    return out;
  }

  private measures(s: Suppressor, x: Sums, applies: { active: boolean; records: boolean; scores: boolean }): MeasuresDto {
    const n = (k: string) => x[k] ?? 0;
    return {
      registered: s.count(n('registered')),
      enrolled: s.count(n('enrolments')),
      active: applies.active ? s.count(n('active')) : null,
      lessonsCompleted: s.count(n('lessons_completed')),
      quizzesPassed: s.count(n('quizzes_passed')),
      coursesCompleted: s.count(n('courses_completed')),
      completionRate: s.rate(n('courses_completed'), n('enrolments')),
      selfAssessments: applies.scores ? s.count(n('assessments')) : null,
      averageScore: applies.scores ? s.mean(n('score_sum'), n('assessments')) : null,
      recordsIssued: applies.records ? s.count(n('issued')) : null,
      recordHolders: applies.records ? s.count(n('holders')) : null,
      recordShare: applies.records ? s.rate(n('holders'), n('registered')) : null,
    };
  }

  /** Against the year's head-count target: behind when the holders fall short of the share of the year gone by. */
  private targetStatus(s: Suppressor, targetCount: number | null, holders: number | null, yearShare: number) {
    if (targetCount === null || holders === null) return null;
    const actual = s.count(holders);
    return {
      targetCount,
      actual,
      percent: actual === null || targetCount === 0 ? null : Math.round((holders / targetCount) * 1000) / 10,
      behind: holders < Math.floor(targetCount * yearShare),
    };
  }

  private async childUnits(view: CohortView, withFigures: string[]): Promise<AdminUnit[]> {
    if (!childColumn(view)) return [];
    const repo = this.dataSource.getRepository(AdminUnit);
    // Every active child unit, so a unit with nothing yet still shows (and shows as behind).
    const all = view.unit ? await repo.find({ where: { parentId: view.unit.id, active: true }, order: { name: 'ASC' } })
      : await repo.find({ where: { level: 'province', active: true }, order: { name: 'ASC' } });
    const known = new Set(all.map((u) => u.id));
    const moved = withFigures.filter((id) => !known.has(id));
    return moved.length ? [...all, ...(await repo.find({ where: { id: In(moved) } }))] : all;
  }

  private monthsOf(view: CohortView): string[] {
    const out: string[] = [];
    for (let d = new Date(`${view.from}T00:00:00Z`); d <= new Date(`${view.to}T00:00:00Z`); d.setUTCMonth(d.getUTCMonth() + 1)) out.push(d.toISOString().slice(0, 7));
    return out;
  }
}

type PersonRow = {
  id: string; fullName: string | null; targetGroup: TargetGroup; unitName: string; unitId?: string; enrolled: number; coursesCompleted: number;
  lessonsCompleted: number; holdsRecord: boolean; lastActiveAt: Date | null;
};
const toPerson = (r: PersonRow): CohortPersonDto => ({
  id: r.id, fullName: r.fullName ?? '', targetGroup: r.targetGroup, unitName: r.unitName, enrolled: r.enrolled, coursesCompleted: r.coursesCompleted,
  lessonsCompleted: r.lessonsCompleted, holdsRecord: r.holdsRecord, lastActiveAt: r.lastActiveAt ? new Date(r.lastActiveAt).toISOString() : null,
});

export const ref = (u: AdminUnit): UnitRefDto => ({ id: u.id, name: u.name, level: u.level });
