import type { MigrationInterface, QueryRunner } from 'typeorm';

const EVENTS_ARGS = 'p_users uuid[], p_type varchar, p_courses uuid[], p_lessons uuid[], p_attempts uuid[], p_scores smallint[], p_passed boolean[], p_keys varchar[], p_ats timestamptz[]';
/** append_learning_events as ReportingRollups wrote it, given the extra column and value (or none). */
const appendEvents = (column: string, value: string) => `
      CREATE OR REPLACE FUNCTION append_learning_events(${EVENTS_ARGS}) RETURNS void LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      BEGIN
        INSERT INTO learning_events (user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key,
          occurred_at, unit_id, province_id, organisation_id, target_group, framework_version, age_band${column})
        SELECT u.id, p_type, c.id, e.lesson_id, e.attempt_id, e.score, e.passed, e.key, e.at, u.unit_id, u.province_id, u.organisation_id,
               u.target_group, fv.version, age_band(u.birth_year, e.at)${value}
          FROM unnest(p_users, p_courses, p_lessons, p_attempts, p_scores, p_passed, p_keys, p_ats)
                 AS e(user_id, course_id, lesson_id, attempt_id, score, passed, key, at)
          JOIN users u ON u.id = e.user_id
          JOIN courses c ON c.id = e.course_id
          JOIN framework_versions fv ON fv.id = c.framework_version_id;
      END
      $$`;

/**
 * The authoring studio's drafts (studio_* tables), where a course comes from (`courses.source`), its
 * version (`courses.version`, raised by every import or publish that changes it) and the version each
 * learning event was made on: append_learning_events already reads the course row of every event,
 * so the version is one more column of that row, not one more query.
 */
export class StudioDrafts1796200000000 implements MigrationInterface {
  name = 'StudioDrafts1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"studio_courses\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"slug\" character varying(120) NOT NULL, \"title\" character varying(300) NOT NULL, \"summary\" text NOT NULL DEFAULT '', \"cover_image\" character varying(130), \"target_groups\" text array NOT NULL DEFAULT '{}', \"competencies\" jsonb NOT NULL DEFAULT '[]', \"estimated_minutes\" integer NOT NULL DEFAULT '30', \"ordering\" character varying(12) NOT NULL DEFAULT 'sequential', \"question_defaults\" jsonb, \"status\" character varying(16) NOT NULL DEFAULT 'draft', \"version\" integer NOT NULL DEFAULT '1', \"unit_id\" uuid NOT NULL, \"province_id\" uuid NOT NULL, \"created_by_id\" uuid NOT NULL, \"idempotency_key\" character varying(64), \"published_course_id\" uuid, \"edited_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"submitted_at\" TIMESTAMP WITH TIME ZONE, \"published_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_studio_courses_ordering\" CHECK (\"ordering\" IN ('sequential', 'free')), CONSTRAINT \"ck_studio_courses_status\" CHECK (\"status\" IN ('draft', 'in_review', 'published', 'archived')), CONSTRAINT \"PK_a7bda0f3957cfc1f6ead4a9c991\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_studio_courses_province\" ON \"studio_courses\"  (\"province_id\") ");
    await queryRunner.query("CREATE INDEX \"ix_studio_courses_unit\" ON \"studio_courses\"  (\"unit_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_courses_creation\" ON \"studio_courses\"  (\"created_by_id\", \"idempotency_key\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_courses_slug\" ON \"studio_courses\"  (\"slug\") WHERE \"status\" <> 'archived'");
    await queryRunner.query("CREATE TABLE \"studio_authors\" (\"course_id\" uuid NOT NULL, \"user_id\" uuid NOT NULL, \"role\" character varying(12) NOT NULL, \"added_by_id\" uuid, \"added_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_studio_authors_role\" CHECK (\"role\" IN ('owner', 'coauthor')), CONSTRAINT \"PK_4ab86fb87f163723b91388fbd0a\" PRIMARY KEY (\"course_id\", \"user_id\"))");
    await queryRunner.query("CREATE INDEX \"ix_studio_authors_user\" ON \"studio_authors\"  (\"user_id\") ");
    await queryRunner.query("CREATE TABLE \"studio_comments\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"lesson_id\" uuid, \"author_id\" uuid NOT NULL, \"text\" text NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"resolved_by_id\" uuid, CONSTRAINT \"PK_024c7e439da178e2a001b8ce7b8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"ix_studio_comments_course\" ON \"studio_comments\"  (\"course_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"studio_reviewers\" (\"user_id\" uuid NOT NULL, \"scope_level\" character varying(12) NOT NULL, \"scope_unit_id\" uuid, \"granted_by_id\" uuid NOT NULL, \"granted_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"ck_studio_reviewers_scope\" CHECK (\"scope_level\" IN ('nation', 'province', 'commune') AND ((\"scope_level\" = 'nation') = (\"scope_unit_id\" IS NULL))), CONSTRAINT \"PK_4f2c56ab271ca0a69d6bb41c028\" PRIMARY KEY (\"user_id\"))");
    await queryRunner.query("CREATE TABLE \"studio_lessons\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"slug\" character varying(120) NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"body\" text NOT NULL DEFAULT '', \"competencies\" text array NOT NULL DEFAULT '{}', \"estimated_minutes\" integer NOT NULL DEFAULT '5', \"required\" boolean NOT NULL DEFAULT true, \"video\" jsonb, \"version\" integer NOT NULL DEFAULT '1', \"updated_by_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_0498b07859b1ef68b27aefaa584\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_lessons_course_slug\" ON \"studio_lessons\"  (\"course_id\", \"slug\") ");
    await queryRunner.query("CREATE TABLE \"studio_questions\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"external_id\" character varying(120) NOT NULL, \"bank\" character varying(200) NOT NULL, \"position\" integer NOT NULL, \"type\" character varying(16) NOT NULL, \"competency\" character varying(8) NOT NULL, \"level\" smallint NOT NULL, \"prompt\" text NOT NULL, \"explanation\" text NOT NULL DEFAULT '', \"payload\" jsonb NOT NULL DEFAULT '{}', \"version\" integer NOT NULL DEFAULT '1', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_83732491b5239c85522fb643ca1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_questions_course_external\" ON \"studio_questions\"  (\"course_id\", \"external_id\") ");
    await queryRunner.query("CREATE TABLE \"studio_quizzes\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"slug\" character varying(120) NOT NULL, \"position\" integer NOT NULL, \"title\" character varying(300) NOT NULL, \"banks\" text array NOT NULL DEFAULT '{}', \"question_count\" integer, \"draw\" jsonb NOT NULL DEFAULT '[]', \"pass_percent\" smallint NOT NULL DEFAULT '70', \"required\" boolean NOT NULL DEFAULT true, \"max_attempts\" integer, \"cooldown_seconds\" integer NOT NULL DEFAULT '0', \"time_limit_seconds\" integer, \"show_answers\" character varying(20) NOT NULL DEFAULT 'after_passing', \"version\" integer NOT NULL DEFAULT '1', \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"archived_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"PK_c7c082a9642028e0e377210ba20\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_quizzes_course_slug\" ON \"studio_quizzes\"  (\"course_id\", \"slug\") ");
    await queryRunner.query("CREATE TABLE \"studio_media\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"course_id\" uuid NOT NULL, \"name\" character varying(130) NOT NULL, \"kind\" character varying(12) NOT NULL, \"mime\" character varying(60) NOT NULL, \"size\" integer NOT NULL, \"digest\" character varying(64) NOT NULL, \"alt\" text, \"bytes\" bytea NOT NULL, \"uploaded_by_id\" uuid NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_c02a610f69635ada814f064e76b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_studio_media_course_name\" ON \"studio_media\"  (\"course_id\", \"name\") ");
    await queryRunner.query("ALTER TABLE \"courses\" ADD \"source\" character varying(8) NOT NULL DEFAULT 'files'");
    await queryRunner.query("ALTER TABLE \"courses\" ADD \"version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"courses\" ADD \"cover_image\" character varying(140)");
    await queryRunner.query("ALTER TABLE \"learning_events\" ADD \"course_version\" integer NOT NULL DEFAULT '1'");
    await queryRunner.query("ALTER TABLE \"courses\" ADD CONSTRAINT \"ck_courses_source\" CHECK (\"source\" IN ('files', 'studio'))");
    await queryRunner.query(appendEvents(', course_version', ', c.version'));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(appendEvents('', ''));
    await queryRunner.query("ALTER TABLE \"courses\" DROP CONSTRAINT \"ck_courses_source\"");
    await queryRunner.query("ALTER TABLE \"learning_events\" DROP COLUMN \"course_version\"");
    await queryRunner.query("ALTER TABLE \"courses\" DROP COLUMN \"cover_image\"");
    await queryRunner.query("ALTER TABLE \"courses\" DROP COLUMN \"version\"");
    await queryRunner.query("ALTER TABLE \"courses\" DROP COLUMN \"source\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_media_course_name\"");
    await queryRunner.query("DROP TABLE \"studio_media\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_quizzes_course_slug\"");
    await queryRunner.query("DROP TABLE \"studio_quizzes\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_questions_course_external\"");
    await queryRunner.query("DROP TABLE \"studio_questions\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_lessons_course_slug\"");
    await queryRunner.query("DROP TABLE \"studio_lessons\"");
    await queryRunner.query("DROP TABLE \"studio_reviewers\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_studio_comments_course\"");
    await queryRunner.query("DROP TABLE \"studio_comments\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_studio_authors_user\"");
    await queryRunner.query("DROP TABLE \"studio_authors\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_courses_slug\"");
    await queryRunner.query("DROP INDEX \"public\".\"uq_studio_courses_creation\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_studio_courses_unit\"");
    await queryRunner.query("DROP INDEX \"public\".\"ix_studio_courses_province\"");
    await queryRunner.query("DROP TABLE \"studio_courses\"");
  }
}
