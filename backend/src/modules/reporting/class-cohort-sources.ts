/**
 * A class's figures: the roll-ups' own rows, computed from the raw rows of the class's members. Roll-ups
 * are kept per unit, not per class; a class is a few dozen people, so reading their raw rows is cheap,
 * and each source has the columns of the roll-up it stands in for (the same definitions as the recount's
 * `<table>_raw` views), so the report's filters and groupings apply to it unchanged.
 */
const NO_ORG = `'00000000-0000-0000-0000-000000000000'::uuid`;

const members = (classId: string) => `SELECT user_id FROM class_members WHERE class_id = '${classId}'::uuid`;

const SOURCES: Record<string, (members: string) => string> = {
  reporting_people: (m) => `
    SELECT unit_id, province_id, target_group, coalesce(organisation_id, ${NO_ORG}) AS organisation_id, coalesce(birth_year, 0)::smallint AS birth_year,
           1 AS registered
      FROM users WHERE status <> 'deleted' AND id IN (${m})`,
  reporting_learning_monthly: (m) => `
    SELECT e.unit_id, vn_month(e.occurred_at) AS month, e.province_id, e.target_group, coalesce(e.organisation_id, ${NO_ORG}) AS organisation_id,
           e.age_band, e.course_id, e.framework_version,
           (e.type = 'enrolled')::int AS enrolments, (e.type = 'lesson_completed')::int AS lessons_completed,
           (e.type = 'quiz_submitted')::int AS quizzes_passed, (e.type = 'course_completed')::int AS courses_completed
      FROM (SELECT type, course_id, occurred_at, unit_id, province_id, organisation_id, target_group, framework_version, age_band
              FROM learning_events WHERE user_id IN (${m}) AND (type IN ('lesson_completed', 'course_completed') OR (type = 'quiz_submitted' AND passed))
            UNION ALL
            (SELECT DISTINCT ON (user_id, course_id) type, course_id, occurred_at, unit_id, province_id, organisation_id, target_group, framework_version, age_band
               FROM learning_events WHERE user_id IN (${m}) AND type = 'enrolled' ORDER BY user_id, course_id, recorded_at, id)) e`,
  reporting_active_monthly: (m) => `
    SELECT DISTINCT ON (user_id, vn_month(occurred_at)) unit_id, vn_month(occurred_at) AS month, province_id, target_group,
           coalesce(organisation_id, ${NO_ORG}) AS organisation_id, age_band, 1 AS active
      FROM learning_events WHERE user_id IN (${m}) AND type <> 'left' ORDER BY user_id, vn_month(occurred_at), recorded_at, id`,
  reporting_records_monthly: (m) => `
    SELECT r.unit_id, x.month, r.province_id, r.target_group, coalesce(r.organisation_id, ${NO_ORG}) AS organisation_id, fv.version AS framework_version,
           x.issued, x.revoked
      FROM completion_records r JOIN framework_versions fv ON fv.id = r.framework_version_id,
           LATERAL (VALUES (vn_month(r.issued_at), 1, 0), (vn_month(r.revoked_at), 0, 1)) AS x(month, issued, revoked)
     WHERE x.month IS NOT NULL AND r.user_id IN (${m})`,
  reporting_scores_monthly: (m) => `
    SELECT a.unit_id, vn_month(a.submitted_at) AS month, a.province_id, a.target_group, coalesce(a.organisation_id, ${NO_ORG}) AS organisation_id,
           fv.version AS framework_version, s.kind, s.code, s.score::bigint AS score_sum, 1 AS scored
      FROM assessment_attempts a JOIN framework_versions fv ON fv.id = a.framework_version_id,
           LATERAL (SELECT 'overall'::varchar AS kind, 'overall'::varchar AS code, (a.result -> 'overall' ->> 'score')::int AS score
                    UNION ALL
                    SELECT 'domain', d ->> 'code', (d ->> 'score')::int FROM jsonb_array_elements(a.result -> 'domains') d
                    UNION ALL
                    SELECT 'competency', c ->> 'code', (c ->> 'score')::int FROM jsonb_array_elements(a.result -> 'competencies') c) s
     WHERE a.status = 'submitted' AND a.result IS NOT NULL AND a.user_id IN (${m})`,
};

/** What a report reads for a roll-up: the table itself, or, for a class, a subquery of its members' rows in its shape. */
export function rollupSource(table: string, classId: string | undefined): string {
  if (!classId) return table;
  // The id was checked as a UUID and read back from the classes table before it gets here.
  if (!/^[0-9a-f-]{36}$/i.test(classId)) throw new Error('classId must be a UUID');
  return `(${SOURCES[table]!(members(classId))})`;
}
