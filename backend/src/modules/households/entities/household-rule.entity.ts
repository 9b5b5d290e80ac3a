import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * When a household counts as a digital household in a year, set by national administrators: who is an
 * adult (born in or before the year minus `adultAge`; an unknown birth year counts as adult) and the
 * share of adult members who must hold a completion record (100 = every one).
 */
@Entity('household_rules')
@Check('ck_household_rules_values', `"adult_age" BETWEEN 14 AND 25 AND "required_percent" BETWEEN 1 AND 100`)
export class HouseholdRule {
  @PrimaryColumn({ type: 'smallint' })
  year: number;

  @Column({ type: 'smallint' })
  adultAge: number;

  @Column({ type: 'smallint' })
  requiredPercent: number;

  @Column({ type: 'uuid' })
  updatedById: string;

  @Column({ type: 'timestamptz' })
  updatedAt: Date;
}
