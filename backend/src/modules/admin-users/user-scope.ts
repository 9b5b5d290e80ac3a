import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Principal } from '../auth/decorators';

/**
 * Limits a query on users to an administrator's scope, in SQL: a province administrator's query
 * cannot return anyone outside the province, whatever filter the request carries.
 */
export function whereInScope<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, admin: Principal): SelectQueryBuilder<T> {
  const scope = admin.scope;
  if (!scope) return qb.andWhere('FALSE');
  switch (scope.level) {
    case 'nation':
      return qb;
    case 'province':
      return qb.andWhere(`${alias}.province_id = :scopeUnitId`, { scopeUnitId: scope.unitId });
    case 'commune':
      return qb.andWhere(`${alias}.unit_id = :scopeUnitId`, { scopeUnitId: scope.unitId });
  }
}

/**
 * The people an administrator may see in detail and act on: those of their scope who are not
 * administrators, and administrators of a strictly lower rank whose own scope lies inside theirs
 * (nation > province > commune). Where a person lives says nothing about the authority they hold:
 * a national administrator living in a commune is no business of that commune's administrator.
 */
export function whereManageable<T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string, admin: Principal): SelectQueryBuilder<T> {
  whereInScope(qb, alias, admin);
  const notAdmin = `${alias}.role <> 'admin'`;
  switch (admin.scope?.level) {
    case 'nation':
      return qb.andWhere(`(${notAdmin} OR ${alias}.scope_level <> 'nation')`);
    case 'province':
      return qb.andWhere(
        `(${notAdmin} OR (${alias}.scope_level = 'commune' AND ${alias}.scope_unit_id IN (SELECT sc.id FROM admin_units sc WHERE sc.parent_id = :scopeUnitId)))`,
      );
    case 'commune':
    case undefined:
      return qb.andWhere(notAdmin);
  }
}
