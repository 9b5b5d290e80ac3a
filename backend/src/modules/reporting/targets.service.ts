import { HttpStatus, Injectable } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { DataSource, type EntityManager } from 'typeorm';
import { AppException, fieldError, forbidden } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { AdminUnit } from '../units/entities/admin-unit.entity';
import { TARGET_GROUPS, type TargetGroup } from '../users/entities/user.entity';
import { unitInScope } from './cohort-view';
import type { SetTargetDto, TargetDto } from './dto/target.dto';
import { ReportingTarget } from './entities/reporting-target.entity';

/** A CSV of head-counts: one line per unit and group. */
const CSV_COLUMNS = ['unit_code', 'target_group', 'population', 'target_percent'] as const;
const MAX_CSV_ROWS = 20_000;

/**
 * Yearly targets. The nation's row for a group (no unit) is the default share; a province's row
 * overrides it for the province and its communes, a commune's for itself. The population to reach
 * is a head-count entered per unit, since not everyone is registered.
 */
@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rows an administrator may read: the nation's defaults and every row inside their scope. */
  async list(admin: Principal, year: number): Promise<TargetDto[]> {
    const qb = this.dataSource.getRepository(ReportingTarget).createQueryBuilder('t')
      .leftJoin(AdminUnit, 'u', 'u.id = t.unit_id')
      .select(['t.id AS id', 't.year AS year', 't.unit_id AS "unitId"', 'u.name AS "unitName"', 't.target_group AS "targetGroup"',
        't.population AS population', 't.target_percent AS "targetPercent"', 't.target_count AS "targetCount"'])
      .where('t.year = :year', { year });
    if (admin.scope?.level === 'province') qb.andWhere('(t.unit_id IS NULL OR u.id = :s OR u.parent_id = :s)', { s: admin.scope.unitId });
    if (admin.scope?.level === 'commune') qb.andWhere('(t.unit_id IS NULL OR u.id = :s OR u.id = (SELECT parent_id FROM admin_units WHERE id = :s))', { s: admin.scope.unitId });
    return qb.orderBy('u.name', 'ASC', 'NULLS FIRST').addOrderBy('t.target_group').getRawMany<TargetDto>();
  }

  async set(admin: Principal, dto: SetTargetDto, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const unit = dto.unitId ? await this.unitFor(em, admin, dto.unitId) : null;
      if (!unit && admin.scope?.level !== 'nation') throw forbidden('Only national administrators set the national defaults');
      await this.upsert(em, admin, dto, unit);
      await this.audit.record('reporting.target_set', { actorId: admin.userId, meta, details: { ...dto } }, em);
    });
  }

  /**
   * Imports head-counts (unit_code,target_group,population,target_percent) for a year: all lines or
   * none; each refused line is named by its number.
   */
  async importCsv(admin: Principal, year: number, csv: string, meta: RequestMeta): Promise<{ imported: number }> {
    let rows: Record<string, string>[];
    try {
      rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true }) as Record<string, string>[];
    } catch (err) {
      throw fieldError(HttpStatus.BAD_REQUEST, 'CSV_INVALID', 'csv', `csv cannot be read: ${(err as Error).message.slice(0, 120)}`);
    }
    if (rows.length === 0 || rows.length > MAX_CSV_ROWS) throw fieldError(HttpStatus.BAD_REQUEST, 'CSV_INVALID', 'csv', `csv must have 1 to ${MAX_CSV_ROWS} lines`);
    const missing = CSV_COLUMNS.filter((c) => !(c in rows[0]!));
    if (missing.length) throw fieldError(HttpStatus.BAD_REQUEST, 'CSV_INVALID', 'csv', `csv lacks the columns ${missing.join(', ')}`);
    const problems: { field: string; message: string }[] = [];
    const units = new Map((await this.dataSource.getRepository(AdminUnit).find()).map((u) => [`${u.code}`, u]));
    const parsed = rows.map((r, i) => {
      const line = i + 2;
      const unit = units.get(r.unit_code ?? '');
      const population = Number(r.population);
      const percent = r.target_percent ? Number(r.target_percent) : null;
      if (!unit || !unitInScope(admin, unit)) problems.push({ field: `line ${line}`, message: `unit_code ${r.unit_code} is not a unit in your scope` });
      if (!TARGET_GROUPS.includes(r.target_group as TargetGroup)) problems.push({ field: `line ${line}`, message: `target_group must be one of ${TARGET_GROUPS.join(', ')}` });
      if (!Number.isInteger(population) || population < 0) problems.push({ field: `line ${line}`, message: 'population must be a whole number, 0 or more' });
      if (percent !== null && (!Number.isInteger(percent) || percent < 0 || percent > 100)) problems.push({ field: `line ${line}`, message: 'target_percent must be 0–100' });
      return { unit: unit!, dto: { year, unitId: unit?.id ?? null, targetGroup: r.target_group as TargetGroup, population, targetPercent: percent, targetCount: null } };
    });
    if (problems.length) throw new AppException(HttpStatus.BAD_REQUEST, 'CSV_INVALID', 'Some lines are wrong; nothing was imported', problems.slice(0, 100));
    await this.dataSource.transaction(async (em) => {
      for (const { unit, dto } of parsed) await this.upsert(em, admin, dto, unit);
      await this.audit.record('reporting.targets_imported', { actorId: admin.userId, meta, details: { year, lines: parsed.length } }, em);
    });
    return { imported: parsed.length };
  }

  /**
   * The head-count each unit (null = the nation) must reach in a year, summed over the groups asked
   * for; null where no target is set.
   */
  async targetCounts(year: number, units: (AdminUnit | null)[], group?: TargetGroup): Promise<Map<string | null, number | null>> {
    const rows = await this.dataSource.getRepository(ReportingTarget).find({ where: { year } });
    const find = (unitId: string | null, g: string) => rows.find((r) => r.unitId === unitId && r.targetGroup === g);
    const result = new Map<string | null, number | null>();
    for (const unit of units) {
      let sum: number | null = null;
      for (const g of group ? [group] : TARGET_GROUPS) {
        const own = find(unit?.id ?? null, g);
        const percent = own?.targetPercent ?? (unit?.parentId ? find(unit.parentId, g)?.targetPercent : null) ?? find(null, g)?.targetPercent ?? null;
        const count = own?.targetCount ?? (own?.population != null && percent != null ? Math.round((own.population * percent) / 100) : null);
        if (count != null) sum = (sum ?? 0) + count;
      }
      result.set(unit?.id ?? null, sum);
    }
    return result;
  }

  private async unitFor(em: EntityManager, admin: Principal, unitId: string): Promise<AdminUnit> {
    const unit = await em.getRepository(AdminUnit).findOneBy({ id: unitId });
    if (!unit || !unitInScope(admin, unit)) throw fieldError(HttpStatus.NOT_FOUND, 'UNIT_NOT_FOUND', 'unitId', 'unitId is not a unit in your scope');
    return unit;
  }

  private async upsert(em: EntityManager, admin: Principal, dto: SetTargetDto, unit: AdminUnit | null): Promise<void> {
    const values = {
      year: dto.year, unitId: unit?.id ?? null, targetGroup: dto.targetGroup, population: dto.population ?? null,
      targetPercent: dto.targetPercent ?? null, targetCount: dto.targetCount ?? null, updatedById: admin.userId, updatedAt: new Date(),
    };
    const conflict = unit ? '(year, unit_id, target_group) WHERE unit_id IS NOT NULL' : '(year, target_group) WHERE unit_id IS NULL';
    await em.query(
      `INSERT INTO reporting_targets (year, unit_id, target_group, population, target_percent, target_count, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ${conflict} DO UPDATE SET population = excluded.population, target_percent = excluded.target_percent,
         target_count = excluded.target_count, updated_by_id = excluded.updated_by_id, updated_at = excluded.updated_at`,
      [values.year, values.unitId, values.targetGroup, values.population, values.targetPercent, values.targetCount, values.updatedById, values.updatedAt],
    );
  }
}
