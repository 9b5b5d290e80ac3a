import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { HouseholdRule } from './entities/household-rule.entity';

export type Rule = { year: number; adultAge: number; requiredPercent: number; setForYear: number | null };

/** Until a national administrator sets one: every member aged 18 or more holds a record. */
export const DEFAULT_RULE = { adultAge: 18, requiredPercent: 100 } as const;

/** The rule of a year: its own row, else the latest earlier year's, else the default. */
export async function ruleFor(dataSource: DataSource, year: number): Promise<Rule> {
  const row = await dataSource.getRepository(HouseholdRule).createQueryBuilder('r').where('r.year <= :year', { year }).orderBy('r.year', 'DESC').getOne();
  return { year, adultAge: row?.adultAge ?? DEFAULT_RULE.adultAge, requiredPercent: row?.requiredPercent ?? DEFAULT_RULE.requiredPercent, setForYear: row?.year ?? null };
}

/**
 * Each household standing at `tallyAt`, with its members, its adult members and how many of them held a valid
 * completion record then. The one definition both the household page and the reports read.
 */
export function householdTally(dataSource: DataSource, rule: Rule, at: Date): SelectQueryBuilder<object> {
  const adult = '(u.birth_year IS NULL OR u.birth_year <= :adultBornBy)';
  const tally = `
    SELECT h.id, h.unit_id, h.province_id, count(u.id)::int AS members,
           count(u.id) FILTER (WHERE ${adult})::int AS adults,
           count(u.id) FILTER (WHERE ${adult} AND EXISTS (
             SELECT 1 FROM completion_records r WHERE r.user_id = u.id AND r.issued_at < :tallyAt AND (r.revoked_at IS NULL OR r.revoked_at >= :tallyAt)))::int AS holders
      FROM households h
      LEFT JOIN household_members m ON m.household_id = h.id AND m.accepted_at < :tallyAt AND (m.left_at IS NULL OR m.left_at >= :tallyAt)
      LEFT JOIN users u ON u.id = m.user_id AND u.status = 'active'
     WHERE h.created_at < :tallyAt AND (h.closed_at IS NULL OR h.closed_at >= :tallyAt)
     GROUP BY h.id`;
  return dataSource.createQueryBuilder().from(`(${tally})`, 'h')
    .setParameters({ tallyAt: at, adultBornBy: rule.year - rule.adultAge, requiredPercent: rule.requiredPercent });
}

/** Whether a tallied household (alias `h`) is a digital household under the rule. */
export const IS_DIGITAL = '(h.adults > 0 AND h.holders * 100 >= :requiredPercent * h.adults)';
