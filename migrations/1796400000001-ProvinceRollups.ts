import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_ORG = `'00000000-0000-0000-0000-000000000000'::uuid`;

/** The learning and active-learner roll-ups' trigger: each counts into the commune roll-up and, in the same statement, the province one. */
const countEvents = (province: boolean) => {
  const learning = `
          SELECT n.unit_id, vn_month(n.occurred_at) AS month, n.province_id, n.target_group, coalesce(n.organisation_id, ${NO_ORG}) AS organisation_id,
                 n.age_band, n.course_id, n.framework_version,
                 count(*) FILTER (WHERE n.type = 'enrolled')::int AS enrolments, count(*) FILTER (WHERE n.type = 'lesson_completed')::int AS lessons_completed,
                 count(*) FILTER (WHERE n.type = 'quiz_submitted')::int AS quizzes_passed, count(*) FILTER (WHERE n.type = 'course_completed')::int AS courses_completed
            FROM new_events n
           WHERE n.type IN ('lesson_completed', 'course_completed')
              OR (n.type = 'quiz_submitted' AND n.passed)
              OR (n.type = 'enrolled' AND NOT EXISTS (SELECT 1 FROM learning_events p WHERE p.user_id = n.user_id AND p.course_id = n.course_id
                                                                                          AND p.type = 'enrolled' AND p.id <> n.id))
           GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;
  const addLearning = (from: string) => `
        INSERT INTO reporting_learning_monthly AS r (unit_id, month, province_id, target_group, organisation_id, age_band, course_id, framework_version,
                                                     enrolments, lessons_completed, quizzes_passed, courses_completed)
        SELECT * FROM ${from} AS d ORDER BY 1, 2, 3, 4, 5, 6, 7, 8
        ON CONFLICT (unit_id, month, province_id, target_group, organisation_id, age_band, course_id, framework_version) DO UPDATE
          SET enrolments = r.enrolments + excluded.enrolments, lessons_completed = r.lessons_completed + excluded.lessons_completed,
              quizzes_passed = r.quizzes_passed + excluded.quizzes_passed, courses_completed = r.courses_completed + excluded.courses_completed`;
  const active = `
          SELECT a.unit_id, f.month, a.province_id, a.target_group, a.organisation_id, a.age_band, count(*)::int AS active
            FROM firsts f
            JOIN (SELECT DISTINCT ON (n.user_id, vn_month(n.occurred_at)) n.user_id, vn_month(n.occurred_at) AS month, n.unit_id, n.province_id,
                         n.target_group, coalesce(n.organisation_id, ${NO_ORG}) AS organisation_id, n.age_band
                    FROM new_events n WHERE n.type <> 'left' ORDER BY n.user_id, vn_month(n.occurred_at)) a ON a.user_id = f.user_id AND a.month = f.month
           GROUP BY 1, 2, 3, 4, 5, 6`;
  const addActive = (from: string) => `
        INSERT INTO reporting_active_monthly AS r (unit_id, month, province_id, target_group, organisation_id, age_band, active)
        SELECT * FROM ${from} AS d ORDER BY 1, 2, 3, 4, 5, 6
        ON CONFLICT (unit_id, month, province_id, target_group, organisation_id, age_band) DO UPDATE SET active = r.active + excluded.active`;
  const body = province
    ? `
        -- Coming back to a course after leaving it is not a new enrolment: only the first 'enrolled' event counts.
        -- One statement counts into the commune roll-up and the province one (the nation reads the latter).
        WITH d AS (${learning}),
        communes AS (${addLearning('d')})
        INSERT INTO reporting_learning_province_monthly AS r (month, province_id, target_group, organisation_id, age_band, course_id, framework_version,
                                                              enrolments, lessons_completed, quizzes_passed, courses_completed)
        SELECT month, province_id, target_group, organisation_id, age_band, course_id, framework_version,
               sum(enrolments)::int, sum(lessons_completed)::int, sum(quizzes_passed)::int, sum(courses_completed)::int
          FROM d GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7
        ON CONFLICT (month, province_id, target_group, organisation_id, age_band, course_id, framework_version) DO UPDATE
          SET enrolments = r.enrolments + excluded.enrolments, lessons_completed = r.lessons_completed + excluded.lessons_completed,
              quizzes_passed = r.quizzes_passed + excluded.quizzes_passed, courses_completed = r.courses_completed + excluded.courses_completed;
        -- Active learners: the first event of a person in a month counts them once, where they were then.
        WITH firsts AS (
          INSERT INTO reporting_active_learners (user_id, month)
          SELECT DISTINCT n.user_id, vn_month(n.occurred_at) FROM new_events n WHERE n.type <> 'left' ORDER BY 1, 2
          ON CONFLICT DO NOTHING
          RETURNING user_id, month
        ),
        d AS (${active}),
        communes AS (${addActive('d')})
        INSERT INTO reporting_active_province_monthly AS r (month, province_id, target_group, organisation_id, age_band, active)
        SELECT month, province_id, target_group, organisation_id, age_band, sum(active)::int FROM d GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5
        ON CONFLICT (month, province_id, target_group, organisation_id, age_band) DO UPDATE SET active = r.active + excluded.active;`
    : `
        -- Coming back to a course after leaving it is not a new enrolment: only the first 'enrolled' event counts.
        ${addLearning(`(${learning})`)};
        -- Active learners: the first event of a person in a month counts them once, where they were then.
        WITH firsts AS (
          INSERT INTO reporting_active_learners (user_id, month)
          SELECT DISTINCT n.user_id, vn_month(n.occurred_at) FROM new_events n WHERE n.type <> 'left' ORDER BY 1, 2
          ON CONFLICT DO NOTHING
          RETURNING user_id, month
        )
        ${addActive(`(${active})`)};`;
  return `
      CREATE OR REPLACE FUNCTION reporting_count_learning_events() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${body}
        RETURN NULL;
      END
      $$`;
};

/**
 * Province roll-ups of learning and active learners, without the commune: the nation's dashboard sums a
 * few thousand rows instead of every commune's (about 160 ms of database time at 200,000 learners, more as
 * the communes fill). The existing statement trigger writes them in the same statement as the commune
 * rows (an extra trigger cost 29 % of a write before); their raw views let the recount check them too.
 */
export class ProvinceRollups1796400000001 implements MigrationInterface {
  name = 'ProvinceRollups1796400000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "reporting_learning_province_monthly" ("month" date NOT NULL, "province_id" uuid NOT NULL, "target_group" character varying(20) NOT NULL, "organisation_id" uuid NOT NULL, "age_band" smallint NOT NULL, "course_id" uuid NOT NULL, "framework_version" character varying(40) NOT NULL, "enrolments" integer NOT NULL DEFAULT '0', "lessons_completed" integer NOT NULL DEFAULT '0', "quizzes_passed" integer NOT NULL DEFAULT '0', "courses_completed" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_4896a5d8f3be7ca3364f7bb3d53" PRIMARY KEY ("month", "province_id", "target_group", "organisation_id", "age_band", "course_id", "framework_version"))`);
    await queryRunner.query(`CREATE TABLE "reporting_active_province_monthly" ("month" date NOT NULL, "province_id" uuid NOT NULL, "target_group" character varying(20) NOT NULL, "organisation_id" uuid NOT NULL, "age_band" smallint NOT NULL, "active" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ff1476455a452d3eeee80f3c7a1" PRIMARY KEY ("month", "province_id", "target_group", "organisation_id", "age_band"))`);
    await queryRunner.query('ALTER TABLE reporting_learning_province_monthly SET (fillfactor = 70)');
    await queryRunner.query('ALTER TABLE reporting_active_province_monthly SET (fillfactor = 70)');
    await queryRunner.query(`
      CREATE VIEW reporting_learning_province_monthly_raw AS
        SELECT month, province_id, target_group, organisation_id, age_band, course_id, framework_version, sum(enrolments)::int AS enrolments,
               sum(lessons_completed)::int AS lessons_completed, sum(quizzes_passed)::int AS quizzes_passed, sum(courses_completed)::int AS courses_completed
          FROM reporting_learning_monthly_raw GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    await queryRunner.query(`
      CREATE VIEW reporting_active_province_monthly_raw AS
        SELECT month, province_id, target_group, organisation_id, age_band, sum(active)::int AS active
          FROM reporting_active_monthly_raw GROUP BY 1, 2, 3, 4, 5`);
    // Trigger first, then the fill, in this transaction: events written meanwhile wait for it, none is missed or counted twice.
    await queryRunner.query(countEvents(true));
    await queryRunner.query('LOCK TABLE reporting_learning_monthly, reporting_active_monthly IN SHARE MODE');
    await queryRunner.query(`
      INSERT INTO reporting_learning_province_monthly
      SELECT month, province_id, target_group, organisation_id, age_band, course_id, framework_version,
             sum(enrolments)::int, sum(lessons_completed)::int, sum(quizzes_passed)::int, sum(courses_completed)::int
        FROM reporting_learning_monthly GROUP BY 1, 2, 3, 4, 5, 6, 7`);
    await queryRunner.query(`
      INSERT INTO reporting_active_province_monthly
      SELECT month, province_id, target_group, organisation_id, age_band, sum(active)::int FROM reporting_active_monthly GROUP BY 1, 2, 3, 4, 5`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(countEvents(false));
    await queryRunner.query('DROP VIEW reporting_active_province_monthly_raw');
    await queryRunner.query('DROP VIEW reporting_learning_province_monthly_raw');
    await queryRunner.query('DROP TABLE "reporting_active_province_monthly"');
    await queryRunner.query('DROP TABLE "reporting_learning_province_monthly"');
  }
}
