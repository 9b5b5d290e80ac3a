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
