import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The roll-ups: counters kept by triggers in the same transaction as the rows they count (see the
 * migration ReportingRollups), so a dashboard sums a few rows instead of scanning the raw tables.
 * "No organisation" is the all-zero uuid, because a key column cannot be null. Nothing but those
 * triggers and the recount job writes here.
 */
export const NO_ORGANISATION = '00000000-0000-0000-0000-000000000000';

/** Registered accounts (not deleted), by where and who they are now. */
@Entity('reporting_people')
@Index('ix_reporting_people_province', ['provinceId'])
export class ReportingPeople {
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  /** 0 when not stated. */
  @PrimaryColumn({ type: 'smallint' }) birthYear: number;
  @Column({ type: 'integer', default: 0 }) registered: number;
}

/** Learning per calendar month (Vietnam time), counted where the person was when it happened. */
@Entity('reporting_learning_monthly')
@Index('ix_reporting_learning_monthly_province', ['provinceId', 'month'])
export class ReportingLearningMonthly {
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'smallint' }) ageBand: number;
  @PrimaryColumn({ type: 'uuid' }) courseId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) frameworkVersion: string;
  /** First enrolments in a course (coming back after leaving does not count again). */
  @Column({ type: 'integer', default: 0 }) enrolments: number;
  @Column({ type: 'integer', default: 0 }) lessonsCompleted: number;
  @Column({ type: 'integer', default: 0 }) quizzesPassed: number;
  @Column({ type: 'integer', default: 0 }) coursesCompleted: number;
}

/** The same by province (no commune): what the nation's dashboard reads. */
@Entity('reporting_learning_province_monthly')
export class ReportingLearningProvinceMonthly {
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'smallint' }) ageBand: number;
  @PrimaryColumn({ type: 'uuid' }) courseId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) frameworkVersion: string;
  @Column({ type: 'integer', default: 0 }) enrolments: number;
  @Column({ type: 'integer', default: 0 }) lessonsCompleted: number;
  @Column({ type: 'integer', default: 0 }) quizzesPassed: number;
  @Column({ type: 'integer', default: 0 }) coursesCompleted: number;
}

/** Who was active in which month: the set behind the distinct count below (one row per person-month). */
@Entity('reporting_active_learners')
export class ReportingActiveLearner {
  @PrimaryColumn({ type: 'uuid' }) userId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
}

/** Distinct learners active in a month, counted where they were at their first event of that month. */
@Entity('reporting_active_monthly')
@Index('ix_reporting_active_monthly_province', ['provinceId', 'month'])
export class ReportingActiveMonthly {
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'smallint' }) ageBand: number;
  @Column({ type: 'integer', default: 0 }) active: number;
}

/** The same by province (no commune): what the nation's dashboard reads. */
@Entity('reporting_active_province_monthly')
export class ReportingActiveProvinceMonthly {
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'smallint' }) ageBand: number;
  @Column({ type: 'integer', default: 0 }) active: number;
}

/** Completion records issued and revoked per month, where the record was issued. */
@Entity('reporting_records_monthly')
@Index('ix_reporting_records_monthly_province', ['provinceId', 'month'])
export class ReportingRecordsMonthly {
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) frameworkVersion: string;
  @Column({ type: 'integer', default: 0 }) issued: number;
  @Column({ type: 'integer', default: 0 }) revoked: number;
}

/** Submitted self-assessments: score sums per month and overall / domain / competency code. */
@Entity('reporting_scores_monthly')
@Index('ix_reporting_scores_monthly_province', ['provinceId', 'month'])
export class ReportingScoresMonthly {
  @PrimaryColumn({ type: 'uuid' }) unitId: string;
  @PrimaryColumn({ type: 'date' }) month: string;
  @PrimaryColumn({ type: 'uuid' }) provinceId: string;
  @PrimaryColumn({ type: 'varchar', length: 20 }) targetGroup: string;
  @PrimaryColumn({ type: 'uuid' }) organisationId: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) frameworkVersion: string;
  /** 'overall', 'domain' or 'competency'. */
  @PrimaryColumn({ type: 'varchar', length: 12 }) kind: string;
  @PrimaryColumn({ type: 'varchar', length: 40 }) code: string;
  @Column({ type: 'bigint', default: 0 }) scoreSum: string;
  @Column({ type: 'integer', default: 0 }) scored: number;
}
