/**
 * Each roll-up table with its key and counter columns. Every roll-up has a view `<table>_raw` (from
 * the migration ReportingRollups) computing the same rows from the raw tables.
 */
export type RollupTable = { table: string; keys: string[]; counters: string[] };

const WHERE = ['unit_id', 'month', 'province_id', 'target_group', 'organisation_id'];

export const ROLLUP_TABLES: RollupTable[] = [
  { table: 'reporting_people', keys: ['unit_id', 'province_id', 'target_group', 'organisation_id', 'birth_year'], counters: ['registered'] },
  { table: 'reporting_learning_monthly', keys: [...WHERE, 'age_band', 'course_id', 'framework_version'], counters: ['enrolments', 'lessons_completed', 'quizzes_passed', 'courses_completed'] },
  /** The same without the commune, for the nation (written by the same statements). */
  { table: 'reporting_learning_province_monthly', keys: ['month', 'province_id', 'target_group', 'organisation_id', 'age_band', 'course_id', 'framework_version'], counters: ['enrolments', 'lessons_completed', 'quizzes_passed', 'courses_completed'] },
  /** A set, not counters: a row is a person active in a month. */
  { table: 'reporting_active_learners', keys: ['user_id', 'month'], counters: [] },
  { table: 'reporting_active_monthly', keys: [...WHERE, 'age_band'], counters: ['active'] },
  { table: 'reporting_active_province_monthly', keys: ['month', 'province_id', 'target_group', 'organisation_id', 'age_band'], counters: ['active'] },
  { table: 'reporting_records_monthly', keys: [...WHERE, 'framework_version'], counters: ['issued', 'revoked'] },
  { table: 'reporting_scores_monthly', keys: [...WHERE, 'framework_version', 'kind', 'code'], counters: ['score_sum', 'scored'] },
];
