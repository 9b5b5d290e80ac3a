import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_ORG = `'00000000-0000-0000-0000-000000000000'::uuid`;
const EVENTS_ARGS = 'p_users uuid[], p_type varchar, p_courses uuid[], p_lessons uuid[], p_attempts uuid[], p_scores smallint[], p_passed boolean[], p_keys varchar[], p_ats timestamptz[]';
const GENERIC_PLANS = 'SET plan_cache_mode = force_generic_plan';
/** append_learning_events as CompleteLessonsInBatches wrote it, given the extra column and value (or none). */
const appendEvents = (column: string, value: string) => `
      CREATE OR REPLACE FUNCTION append_learning_events(${EVENTS_ARGS}) RETURNS void LANGUAGE plpgsql ${GENERIC_PLANS} AS $$
      BEGIN
        INSERT INTO learning_events (user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key,
          occurred_at, unit_id, province_id, organisation_id, target_group, framework_version${column})
        SELECT u.id, p_type, c.id, e.lesson_id, e.attempt_id, e.score, e.passed, e.key, e.at, u.unit_id, u.province_id, u.organisation_id,
               u.target_group, fv.version${value}
          FROM unnest(p_users, p_courses, p_lessons, p_attempts, p_scores, p_passed, p_keys, p_ats)
                 AS e(user_id, course_id, lesson_id, attempt_id, score, passed, key, at)
          JOIN users u ON u.id = e.user_id
          JOIN courses c ON c.id = e.course_id
          JOIN framework_versions fv ON fv.id = c.framework_version_id;
      END
      $$`;

/** An upsert that adds to the counters of a roll-up, rows taken in key order so two writers never wait on each other in a circle. */
const addTo = (table: string, keys: string[], counters: string[], select: string) => `
        INSERT INTO ${table} AS r (${[...keys, ...counters].join(', ')})
        SELECT * FROM (${select}) AS d ORDER BY ${keys.map((_, i) => i + 1).join(', ')}
        ON CONFLICT (${keys.join(', ')}) DO UPDATE SET ${counters.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ')}`;

const LEARNING_KEYS = ['unit_id', 'month', 'province_id', 'target_group', 'organisation_id', 'age_band', 'course_id', 'framework_version'];
const ACTIVE_KEYS = ['unit_id', 'month', 'province_id', 'target_group', 'organisation_id', 'age_band'];
const RECORD_KEYS = ['unit_id', 'month', 'province_id', 'target_group', 'organisation_id', 'framework_version'];
const SCORE_KEYS = [...RECORD_KEYS, 'kind', 'code'];
const PEOPLE_KEYS = ['unit_id', 'province_id', 'target_group', 'organisation_id', 'birth_year'];

/**
 * The same figures computed from the raw rows, as views: the recount job compares them with the
 * roll-ups, and this migration fills the roll-ups from them for what existed before it.
 */
const RAW_VIEWS: Record<string, string> = {
  reporting_people: `
    SELECT unit_id, province_id, target_group, coalesce(organisation_id, ${NO_ORG}) AS organisation_id, coalesce(birth_year, 0)::smallint AS birth_year,
           count(*)::int AS registered
      FROM users WHERE status <> 'deleted' GROUP BY 1, 2, 3, 4, 5`,
  reporting_learning_monthly: `
    SELECT e.unit_id, vn_month(e.occurred_at) AS month, e.province_id, e.target_group, coalesce(e.organisation_id, ${NO_ORG}) AS organisation_id,
           e.age_band, e.course_id, e.framework_version,
           count(*) FILTER (WHERE e.type = 'enrolled')::int AS enrolments, count(*) FILTER (WHERE e.type = 'lesson_completed')::int AS lessons_completed,
           count(*) FILTER (WHERE e.type = 'quiz_submitted')::int AS quizzes_passed, count(*) FILTER (WHERE e.type = 'course_completed')::int AS courses_completed
      FROM (SELECT * FROM learning_events WHERE type IN ('lesson_completed', 'course_completed') OR (type = 'quiz_submitted' AND passed)
            UNION ALL
            SELECT DISTINCT ON (user_id, course_id) * FROM learning_events WHERE type = 'enrolled' ORDER BY user_id, course_id, recorded_at, id) e
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
  reporting_active_learners: `SELECT DISTINCT user_id, vn_month(occurred_at) AS month FROM learning_events WHERE type <> 'left'`,
  reporting_active_monthly: `
    SELECT unit_id, month, province_id, target_group, organisation_id, age_band, count(*)::int AS active
      FROM (SELECT DISTINCT ON (user_id, vn_month(occurred_at)) unit_id, vn_month(occurred_at) AS month, province_id, target_group,
                   coalesce(organisation_id, ${NO_ORG}) AS organisation_id, age_band
              FROM learning_events WHERE type <> 'left' ORDER BY user_id, vn_month(occurred_at), recorded_at, id) f
     GROUP BY 1, 2, 3, 4, 5, 6`,
  reporting_records_monthly: `
    SELECT r.unit_id, m.month, r.province_id, r.target_group, coalesce(r.organisation_id, ${NO_ORG}) AS organisation_id, fv.version AS framework_version,
           sum(m.issued)::int AS issued, sum(m.revoked)::int AS revoked
      FROM completion_records r JOIN framework_versions fv ON fv.id = r.framework_version_id,
           LATERAL (VALUES (vn_month(r.issued_at), 1, 0), (vn_month(r.revoked_at), 0, 1)) AS m(month, issued, revoked)
     WHERE m.month IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6`,
  reporting_scores_monthly: `
    SELECT a.unit_id, vn_month(a.submitted_at) AS month, a.province_id, a.target_group, coalesce(a.organisation_id, ${NO_ORG}) AS organisation_id,
           fv.version AS framework_version, s.kind, s.code, sum(s.score)::bigint AS score_sum, count(*)::int AS scored
      FROM assessment_attempts a JOIN framework_versions fv ON fv.id = a.framework_version_id,
           LATERAL (SELECT 'overall'::varchar AS kind, 'overall'::varchar AS code, (a.result -> 'overall' ->> 'score')::int AS score
                    UNION ALL
                    SELECT 'domain', d ->> 'code', (d ->> 'score')::int FROM jsonb_array_elements(a.result -> 'domains') d
                    UNION ALL
                    SELECT 'competency', c ->> 'code', (c ->> 'score')::int FROM jsonb_array_elements(a.result -> 'competencies') c) s
     WHERE a.status = 'submitted' AND a.result IS NOT NULL
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`,
};

/**
 * Cohort roll-ups kept as the changes happen: triggers add to per-month counters in the same
 * transaction as the row they count, so a report reads a few hundred counter rows instead of the raw
 * tables, and a rolled-back write leaves no trace in them. Each trigger is written as "take away the
 * old row's contribution, add the new row's", so an update (a unit change, a deletion, a revocation)
 * moves a count instead of losing it. Learning events are counted by a statement-level trigger over
 * the batch the write functions insert (one grouped upsert per statement, not one per event).
 * The recount job (reporting/recount) rebuilds the same figures from the raw rows and compares.
 */
export class ReportingRollups1796115000000 implements MigrationInterface {
  name = 'ReportingRollups1796115000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"reporting_recounts\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"requested_by_id\" uuid NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'queued', \"progress\" smallint NOT NULL DEFAULT '0', \"difference_count\" integer, \"differences\" jsonb NOT NULL DEFAULT '[]', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"finished_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"ck_reporting_recounts_status\" CHECK (\"status\" IN ('queued', 'running', 'done', 'failed')), CONSTRAINT \"PK_35a3fadc3e5b4146883ad2e8aec\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"reporting_targets\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"year\" smallint NOT NULL, \"unit_id\" uuid, \"target_group\" character varying(20) NOT NULL, \"population\" integer, \"target_percent\" smallint, \"target_count\" integer, \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_reporting_targets_percent\" CHECK (\"target_percent\" IS NULL OR \"target_percent\" BETWEEN 0 AND 100), CONSTRAINT \"PK_1cdf6e8fc8202fe21adf3bf1793\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reporting_targets_nation\" ON \"reporting_targets\"  (\"year\", \"target_group\") WHERE \"unit_id\" IS NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reporting_targets_unit\" ON \"reporting_targets\"  (\"year\", \"unit_id\", \"target_group\") WHERE \"unit_id\" IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"reporting_people\" (\"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"organisation_id\" uuid NOT NULL, \"birth_year\" smallint NOT NULL, \"registered\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_649311eca8f743ebc86d59634ab\" PRIMARY KEY (\"unit_id\", \"province_id\", \"target_group\", \"organisation_id\", \"birth_year\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_people_province\" ON \"reporting_people\"  (\"province_id\") ");
    await queryRunner.query("CREATE TABLE \"reporting_learning_monthly\" (\"unit_id\" uuid NOT NULL, \"month\" date NOT NULL, \"province_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"organisation_id\" uuid NOT NULL, \"age_band\" smallint NOT NULL, \"course_id\" uuid NOT NULL, \"framework_version\" character varying(40) NOT NULL, \"enrolments\" integer NOT NULL DEFAULT '0', \"lessons_completed\" integer NOT NULL DEFAULT '0', \"quizzes_passed\" integer NOT NULL DEFAULT '0', \"courses_completed\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_601ee8ead3fe4312569f823e905\" PRIMARY KEY (\"unit_id\", \"month\", \"province_id\", \"target_group\", \"organisation_id\", \"age_band\", \"course_id\", \"framework_version\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_learning_monthly_province\" ON \"reporting_learning_monthly\"  (\"province_id\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"reporting_active_learners\" (\"user_id\" uuid NOT NULL, \"month\" date NOT NULL, CONSTRAINT \"PK_709ea41ed5f56bb089dd8531b79\" PRIMARY KEY (\"user_id\", \"month\"))");
    await queryRunner.query("CREATE TABLE \"reporting_active_monthly\" (\"unit_id\" uuid NOT NULL, \"month\" date NOT NULL, \"province_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"organisation_id\" uuid NOT NULL, \"age_band\" smallint NOT NULL, \"active\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_ba40306ee9063e0c04766008389\" PRIMARY KEY (\"unit_id\", \"month\", \"province_id\", \"target_group\", \"organisation_id\", \"age_band\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_active_monthly_province\" ON \"reporting_active_monthly\"  (\"province_id\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"reporting_records_monthly\" (\"unit_id\" uuid NOT NULL, \"month\" date NOT NULL, \"province_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"organisation_id\" uuid NOT NULL, \"framework_version\" character varying(40) NOT NULL, \"issued\" integer NOT NULL DEFAULT '0', \"revoked\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_81816a710786cceb0ed3ae73081\" PRIMARY KEY (\"unit_id\", \"month\", \"province_id\", \"target_group\", \"organisation_id\", \"framework_version\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_records_monthly_province\" ON \"reporting_records_monthly\"  (\"province_id\", \"month\") ");
    await queryRunner.query("CREATE TABLE \"reporting_scores_monthly\" (\"unit_id\" uuid NOT NULL, \"month\" date NOT NULL, \"province_id\" uuid NOT NULL, \"target_group\" character varying(20) NOT NULL, \"organisation_id\" uuid NOT NULL, \"framework_version\" character varying(40) NOT NULL, \"kind\" character varying(12) NOT NULL, \"code\" character varying(40) NOT NULL, \"score_sum\" bigint NOT NULL DEFAULT '0', \"scored\" integer NOT NULL DEFAULT '0', CONSTRAINT \"PK_ba3600bf8207c5c065f9544a632\" PRIMARY KEY (\"unit_id\", \"month\", \"province_id\", \"target_group\", \"organisation_id\", \"framework_version\", \"kind\", \"code\"))");
    await queryRunner.query("CREATE INDEX \"ix_reporting_scores_monthly_province\" ON \"reporting_scores_monthly\"  (\"province_id\", \"month\") ");
    await queryRunner.query("ALTER TABLE \"learning_events\" ADD \"age_band\" smallint NOT NULL DEFAULT '0'");

    await queryRunner.query(`
      CREATE FUNCTION vn_month(p_at timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT date_trunc('month', (p_at AT TIME ZONE 'UTC') + interval '7 hours')::date
      $$`);
    // Age in the year of the event: under 25, 25–34, 35–44, 45–54, 55–64, 65 and over (1–6); 0 = not stated.
    await queryRunner.query(`
      CREATE FUNCTION age_band(p_birth_year integer, p_at timestamptz) RETURNS smallint LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN coalesce(p_birth_year, 0) = 0 THEN 0
                    ELSE least(6, greatest(1, floor((extract(year FROM (p_at AT TIME ZONE 'UTC') + interval '7 hours') - p_birth_year - 15) / 10.0) + 1))
               END::smallint
      $$`);
    await queryRunner.query(appendEvents(', age_band', ', age_band(u.birth_year, e.at)'));
    await queryRunner.query('ALTER TABLE reporting_learning_monthly SET (fillfactor = 70)');
    await queryRunner.query('ALTER TABLE reporting_active_monthly SET (fillfactor = 70)');

    await queryRunner.query(`
      CREATE FUNCTION reporting_count_learning_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        -- Coming back to a course after leaving it is not a new enrolment: only the first 'enrolled' event counts.
        ${addTo('reporting_learning_monthly', LEARNING_KEYS, ['enrolments', 'lessons_completed', 'quizzes_passed', 'courses_completed'], `
          SELECT n.unit_id, vn_month(n.occurred_at), n.province_id, n.target_group, coalesce(n.organisation_id, ${NO_ORG}), n.age_band,
                 n.course_id, n.framework_version,
                 count(*) FILTER (WHERE n.type = 'enrolled')::int, count(*) FILTER (WHERE n.type = 'lesson_completed')::int,
                 count(*) FILTER (WHERE n.type = 'quiz_submitted')::int, count(*) FILTER (WHERE n.type = 'course_completed')::int
            FROM new_events n
           WHERE n.type IN ('lesson_completed', 'course_completed')
              OR (n.type = 'quiz_submitted' AND n.passed)
              OR (n.type = 'enrolled' AND NOT EXISTS (SELECT 1 FROM learning_events p WHERE p.user_id = n.user_id AND p.course_id = n.course_id
                                                                                          AND p.type = 'enrolled' AND p.id <> n.id))
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`)};
        -- Active learners: the first event of a person in a month counts them once, where they were then.
        WITH firsts AS (
          INSERT INTO reporting_active_learners (user_id, month)
          SELECT DISTINCT n.user_id, vn_month(n.occurred_at) FROM new_events n WHERE n.type <> 'left' ORDER BY 1, 2
          ON CONFLICT DO NOTHING
          RETURNING user_id, month
        )
        ${addTo('reporting_active_monthly', ACTIVE_KEYS, ['active'], `
          SELECT a.unit_id, f.month, a.province_id, a.target_group, a.organisation_id, a.age_band, count(*)::int
            FROM firsts f
            JOIN (SELECT DISTINCT ON (n.user_id, vn_month(n.occurred_at)) n.user_id, vn_month(n.occurred_at) AS month, n.unit_id, n.province_id,
                         n.target_group, coalesce(n.organisation_id, ${NO_ORG}) AS organisation_id, n.age_band
                    FROM new_events n WHERE n.type <> 'left' ORDER BY n.user_id, vn_month(n.occurred_at)) a ON a.user_id = f.user_id AND a.month = f.month
           GROUP BY 1, 2, 3, 4, 5, 6`)};
        RETURN NULL;
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER reporting_count_learning_events AFTER INSERT ON learning_events
      REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION reporting_count_learning_events()`);

    await queryRunner.query(`
      CREATE FUNCTION reporting_count_person(p users, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p.status = 'deleted' THEN
          RETURN;
        END IF;
        ${addTo('reporting_people', PEOPLE_KEYS, ['registered'], `
          SELECT p.unit_id, p.province_id, p.target_group, coalesce(p.organisation_id, ${NO_ORG}), coalesce(p.birth_year, 0)::smallint, p_sign`)};
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION reporting_count_record(p completion_records, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        ${addTo('reporting_records_monthly', RECORD_KEYS, ['issued', 'revoked'], `
          SELECT p.unit_id, m.month, p.province_id, p.target_group, coalesce(p.organisation_id, ${NO_ORG}), fv.version, sum(m.issued)::int, sum(m.revoked)::int
            FROM framework_versions fv,
                 LATERAL (VALUES (vn_month(p.issued_at), p_sign, 0), (vn_month(p.revoked_at), 0, p_sign)) AS m(month, issued, revoked)
           WHERE fv.id = p.framework_version_id AND m.month IS NOT NULL
           GROUP BY 1, 2, 3, 4, 5, 6`)};
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION reporting_count_assessment(p assessment_attempts, p_sign integer) RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        IF p.status <> 'submitted' OR p.result IS NULL THEN
          RETURN;
        END IF;
        ${addTo('reporting_scores_monthly', SCORE_KEYS, ['score_sum', 'scored'], `
          SELECT p.unit_id, vn_month(p.submitted_at), p.province_id, p.target_group, coalesce(p.organisation_id, ${NO_ORG}), fv.version, s.kind, s.code,
                 (p_sign * s.score)::bigint, p_sign
            FROM framework_versions fv,
                 LATERAL (SELECT 'overall'::varchar AS kind, 'overall'::varchar AS code, (p.result -> 'overall' ->> 'score')::int AS score
                          UNION ALL
                          SELECT 'domain', d ->> 'code', (d ->> 'score')::int FROM jsonb_array_elements(p.result -> 'domains') d
                          UNION ALL
                          SELECT 'competency', c ->> 'code', (c ->> 'score')::int FROM jsonb_array_elements(p.result -> 'competencies') c) s
           WHERE fv.id = p.framework_version_id`)};
      END
      $$`);
    // One trigger function per table: take the old row away, add the new one.
    for (const [table, fn, columns] of [
      ['users', 'reporting_count_person', 'unit_id, province_id, target_group, organisation_id, birth_year, status'],
      ['completion_records', 'reporting_count_record', 'unit_id, province_id, target_group, organisation_id, framework_version_id, issued_at, revoked_at'],
      ['assessment_attempts', 'reporting_count_assessment', 'unit_id, province_id, target_group, organisation_id, framework_version_id, status, result, submitted_at'],
    ] as const) {
      await queryRunner.query(`
        CREATE FUNCTION ${fn}_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF TG_OP IN ('UPDATE', 'DELETE') THEN
            PERFORM ${fn}(OLD, -1);
          END IF;
          IF TG_OP IN ('INSERT', 'UPDATE') THEN
            PERFORM ${fn}(NEW, 1);
          END IF;
          RETURN NULL;
        END
        $$`);
      await queryRunner.query(`CREATE TRIGGER ${fn} AFTER INSERT OR DELETE OR UPDATE OF ${columns} ON ${table} FOR EACH ROW EXECUTE FUNCTION ${fn}_change()`);
    }
    // Figures for what existed before the roll-ups: the recount job's statements, once.
    await queryRunner.query(`UPDATE learning_events e SET age_band = age_band(u.birth_year, e.occurred_at) FROM users u WHERE u.id = e.user_id`);
    for (const [table, sql] of Object.entries(RAW_VIEWS)) {
      await queryRunner.query(`CREATE VIEW ${table}_raw AS ${sql}`);
      await queryRunner.query(`INSERT INTO ${table} SELECT * FROM ${table}_raw`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [table, fn] of [['users', 'reporting_count_person'], ['completion_records', 'reporting_count_record'], ['assessment_attempts', 'reporting_count_assessment']]) {
      await queryRunner.query(`DROP TRIGGER ${fn} ON ${table}`);
      await queryRunner.query(`DROP FUNCTION ${fn}_change()`);
    }
    for (const table of Object.keys(RAW_VIEWS)) await queryRunner.query(`DROP VIEW ${table}_raw`);
    await queryRunner.query('DROP FUNCTION reporting_count_assessment(assessment_attempts, integer)');
    await queryRunner.query('DROP FUNCTION reporting_count_record(completion_records, integer)');
    await queryRunner.query('DROP FUNCTION reporting_count_person(users, integer)');
    await queryRunner.query('DROP TRIGGER reporting_count_learning_events ON learning_events');
    await queryRunner.query('DROP FUNCTION reporting_count_learning_events()');
    await queryRunner.query(appendEvents('', ''));
    await queryRunner.query('DROP FUNCTION age_band(integer, timestamptz)');
    await queryRunner.query('DROP FUNCTION vn_month(timestamptz)');
    await queryRunner.query("ALTER TABLE \"learning_events\" DROP COLUMN \"age_band\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_scores_monthly_province\"");
    await queryRunner.query("DROP TABLE \"reporting_scores_monthly\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_records_monthly_province\"");
    await queryRunner.query("DROP TABLE \"reporting_records_monthly\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_active_monthly_province\"");
    await queryRunner.query("DROP TABLE \"reporting_active_monthly\"");
    await queryRunner.query("DROP TABLE \"reporting_active_learners\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_learning_monthly_province\"");
    await queryRunner.query("DROP TABLE \"reporting_learning_monthly\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_reporting_people_province\"");
    await queryRunner.query("DROP TABLE \"reporting_people\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_reporting_targets_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_reporting_targets_nation\"");
    await queryRunner.query("DROP TABLE \"reporting_targets\"");
    await queryRunner.query("DROP TABLE \"reporting_recounts\"");
  }
}
