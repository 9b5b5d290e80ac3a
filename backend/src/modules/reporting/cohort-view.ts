import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { whereInScope } from '../admin-users/user-scope';
import type { Principal } from '../auth/decorators';
import type { AdminUnit } from '../units/entities/admin-unit.entity';
import type { TargetGroup } from '../users/entities/user.entity';

/** The unit a report looks at (null = the nation) and the filters, checked and with defaults filled in. */
export type CohortView = {
  unit: AdminUnit | null;
  province: AdminUnit | null;
  targetGroup?: TargetGroup;
  organisationId?: string;
  courseId?: string;
  frameworkVersion?: string;
  ageBand?: number;
  /** A class viewed (its commune is `unit`): the figures are its members', wherever they live. */
  class?: { id: string; name: string };
  /** First days of the first and last months. */
  from: string;
  to: string;
};

/** The column a view breaks down by: provinces under the nation, communes under a province, none under a commune. */
export function childColumn(view: CohortView): 'province_id' | 'unit_id' | null {
  if (!view.unit) return 'province_id';
  return view.unit.level === 'province' ? 'unit_id' : null;
}

/**
 * Limits a query on a table with unit_id and province_id (the roll-ups, users) to the administrator's
 * scope, through the same rule as the user list, and then to the unit viewed (for a class, its members inside the scope).
 */
export function whereInView<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, admin: Principal, view: CohortView): SelectQueryBuilder<T> {
  whereInScope(qb, alias, admin);
  // A class's cohort is its members, wherever in the scope they live: its sources are already narrowed to them.
  if (!view.class) {
    if (view.unit?.level === 'province') qb.andWhere(`${alias}.province_id = :viewUnitId`, { viewUnitId: view.unit.id });
    if (view.unit?.level === 'commune') qb.andWhere(`${alias}.unit_id = :viewUnitId`, { viewUnitId: view.unit.id });
  }
  if (view.targetGroup) qb.andWhere(`${alias}.target_group = :targetGroup`, { targetGroup: view.targetGroup });
  if (view.organisationId) qb.andWhere(`${alias}.organisation_id = :organisationId`, { organisationId: view.organisationId });
  return qb;
}

/** Whether a unit lies inside the administrator's scope. */
export function unitInScope(admin: Principal, unit: AdminUnit): boolean {
  const scope = admin.scope;
  if (!scope) return false;
  if (scope.level === 'nation') return true;
  if (scope.level === 'province') return unit.id === scope.unitId || unit.parentId === scope.unitId;
  return unit.id === scope.unitId;
}
