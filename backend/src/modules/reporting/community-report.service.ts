import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { fieldError } from '../../common/errors/app-exception';
import { DataSource, type SelectQueryBuilder } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Principal } from '../auth/decorators';
import { HouseholdRulesService } from '../households/household-rules.service';
import { householdTally, IS_DIGITAL } from '../households/household-rules';
import { AdminUnit } from '../units/entities/admin-unit.entity';
import { CohortReportService, ref } from './cohort-report.service';
import { childColumn, type CohortView, whereInView } from './cohort-view';
import { inCommunityGroup } from './community-cohorts';
import type { CohortQueryDto } from './dto/cohort.dto';
import type { CommunityMeasuresDto, CommunityReportDto } from './dto/community-report.dto';
import { Suppressor } from './suppression';

type Counts = Map<string, number>;
type Measure = keyof CommunityMeasuresDto;
const TOTAL = '';

/**
 * The community measures (teams, ambassadors, households, verified identities) under the same scope
 * and drill-down as the cohort figures: every query goes through `whereInView`, so a commune
 * administrator counts only their commune. They are read from the community tables themselves (small
 * beside the learning roll-ups), one grouped count per measure.
 */
@Injectable()
export class CommunityReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cohorts: CohortReportService,
    private readonly rules: HouseholdRulesService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async report(admin: Principal, q: CohortQueryDto): Promise<CommunityReportDto> {
    // Teams, visits and households belong to places, not to classes.
    if (q.classId) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'classId', 'community measures are kept per unit, not per class');
    const view = await this.cohorts.view(admin, q);
    const s = new Suppressor(this.config.reportMinCount);
    const start = new Date(`${view.from}T00:00:00+07:00`);
    const end = new Date(`${view.to}T00:00:00+07:00`);
    end.setUTCMonth(end.getUTCMonth() + 1);
    const rule = await this.rules.ruleFor(Number(view.to.slice(0, 4)));
    // Nothing here has a course or framework version; visits and households have no person's group or organisation.
    const none = Boolean(view.courseId || view.frameworkVersion);
    const perPerson = !none;
    const placeOnly = !none && !view.targetGroup && !view.organisationId && view.ageBand === undefined;

    const people = (where: string, params: object = {}) => (perPerson ? this.countPeople(admin, view, where, params) : null);
    const [teamMembers, residentsRegistered, ambassadors, mentees, menteesWithRecord, verifiedIdentities] = await Promise.all([
      people(inCommunityGroup('team_members', 'u')),
      people('EXISTS (SELECT 1 FROM community_registrations cr WHERE cr.resident_id = u.id AND cr.registered_at >= :start AND cr.registered_at < :end)', { start, end }),
      people(inCommunityGroup('ambassadors', 'u')),
      people(inCommunityGroup('mentees', 'u')),
      people(`${inCommunityGroup('mentees', 'u')} AND EXISTS (SELECT 1 FROM completion_records cr WHERE cr.user_id = u.id AND cr.revoked_at IS NULL)`),
      people(inCommunityGroup('verified_identity', 'u')),
    ]);
    const [visits, peopleHelped] = placeOnly ? await this.visits(admin, view, start, end) : [null, null];
    const at = new Date(Math.min(end.getTime(), Date.now()));
    const [households, digitalHouseholds] = placeOnly ? await this.households(admin, view, rule, at) : [null, null];

    const counts: Record<Measure, Counts | null> = {
      teamMembers, residentsRegistered, visits, peopleHelped, ambassadors, mentees, menteesWithRecord, households, digitalHouseholds, verifiedIdentities,
    };
    const measures = (key: string): CommunityMeasuresDto =>
      Object.fromEntries(Object.entries(counts).map(([name, c]) => [name, c === null ? null : s.count(c.get(key) ?? 0)])) as unknown as CommunityMeasuresDto;
    const children = await this.childUnits(view);
    return {
      unit: view.unit ? ref(view.unit) : null,
      from: view.from.slice(0, 7),
      to: view.to.slice(0, 7),
      minCount: s.minCount,
      householdRule: { year: rule.year, adultAge: rule.adultAge, requiredPercent: rule.requiredPercent },
      total: measures(TOTAL),
      children: children.map((u) => ({ unit: ref(u), measures: measures(u.id) })),
    };
  }

  /** People of the view (alias `u`, users not deleted) matching a condition, per child unit and in total. */
  private countPeople(admin: Principal, view: CohortView, where: string, params: object): Promise<Counts> {
    const qb = whereInView(this.dataSource.createQueryBuilder().from('users', 'u'), 'u', admin, view).andWhere(`u.status <> 'deleted'`).andWhere(where, params);
    if (view.ageBand !== undefined) qb.andWhere('age_band(u.birth_year, now()) = :ageBand', { ageBand: view.ageBand });
    return this.grouped(qb, view, 'u', 'count(*)');
  }

  /** Visits logged in the period in the view's communes, and the people helped on them. */
  private async visits(admin: Principal, view: CohortView, start: Date, end: Date): Promise<[Counts, Counts]> {
    const placed = this.dataSource.createQueryBuilder()
      .from('(SELECT hv.unit_id, au.parent_id AS province_id, hv.people_helped, hv.visited_at FROM household_visits hv JOIN admin_units au ON au.id = hv.unit_id)', 'v');
    const qb = whereInView(placed, 'v', admin, view).andWhere('v.visited_at >= :start AND v.visited_at < :end', { start, end });
    return Promise.all([this.grouped(qb.clone(), view, 'v', 'count(*)'), this.grouped(qb.clone(), view, 'v', 'sum(v.people_helped)')]);
  }

  /** Households standing at `at` in the view's units, and those that are digital under the rule. */
  private async households(admin: Principal, view: CohortView, rule: Awaited<ReturnType<HouseholdRulesService['ruleFor']>>, at: Date): Promise<[Counts, Counts]> {
    const qb = () => whereInView(householdTally(this.dataSource, rule, at), 'h', admin, view).andWhere('h.members > 0');
    return Promise.all([this.grouped(qb(), view, 'h', 'count(*)'), this.grouped(qb().andWhere(IS_DIGITAL), view, 'h', 'count(*)')]);
  }

  /** One read: the whole and each child unit (the totals are sums, each row belonging to one unit). */
  private async grouped(qb: SelectQueryBuilder<object>, view: CohortView, alias: string, aggregate: string): Promise<Counts> {
    const child = childColumn(view);
    const rows = await qb.select(`${child ? `${alias}.${child}::text` : `''`} AS key, (${aggregate})::int AS n`).groupBy('key').getRawMany<{ key: string; n: number }>();
    const out: Counts = new Map([[TOTAL, 0]]);
    for (const { key, n } of rows) {
      out.set(key, Number(n));
      if (key !== TOTAL) out.set(TOTAL, out.get(TOTAL)! + Number(n));
    }
    return out;
  }

  private childUnits(view: CohortView): Promise<AdminUnit[]> {
    if (!childColumn(view)) return Promise.resolve([]);
    const repo = this.dataSource.getRepository(AdminUnit);
    return view.unit ? repo.find({ where: { parentId: view.unit.id, active: true }, order: { name: 'ASC' } })
      : repo.find({ where: { level: 'province', active: true }, order: { name: 'ASC' } });
  }
}
