import type { MigrationInterface, QueryRunner } from 'typeorm';

const NO_ORG = `'00000000-0000-0000-0000-000000000000'::uuid`;
/**
 * The raw view the recount compares the learning roll-up with, given how it picks a person's first
 * enrolment in a course. Unparenthesised, `… UNION ALL SELECT DISTINCT ON … ORDER BY …` orders the whole
 * union, so DISTINCT ON kept any of the person's enrolments, not the first: a re-enrolment after a move
 * was then expected in the new commune while the roll-up (rightly) counted the old one.
 */
const learningMonthlyRaw = (firstEnrolment: string) => `
  CREATE OR REPLACE VIEW reporting_learning_monthly_raw AS
    SELECT e.unit_id, vn_month(e.occurred_at) AS month, e.province_id, e.target_group, coalesce(e.organisation_id, ${NO_ORG}) AS organisation_id,
           e.age_band, e.course_id, e.framework_version,
           count(*) FILTER (WHERE e.type = 'enrolled')::int AS enrolments, count(*) FILTER (WHERE e.type = 'lesson_completed')::int AS lessons_completed,
           count(*) FILTER (WHERE e.type = 'quiz_submitted')::int AS quizzes_passed, count(*) FILTER (WHERE e.type = 'course_completed')::int AS courses_completed
      FROM (SELECT id, user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key, occurred_at, recorded_at, unit_id,
                   province_id, organisation_id, target_group, framework_version, age_band
              FROM learning_events WHERE type IN ('lesson_completed', 'course_completed') OR (type = 'quiz_submitted' AND passed)
            UNION ALL
            ${firstEnrolment}) e
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

const ENROLMENTS = `SELECT DISTINCT ON (user_id, course_id) id, user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key,
                   occurred_at, recorded_at, unit_id, province_id, organisation_id, target_group, framework_version, age_band
              FROM learning_events WHERE type = 'enrolled' ORDER BY user_id, course_id, recorded_at, id`;

export class FirstEnrolmentInRawView1796330000000 implements MigrationInterface {
  name = 'FirstEnrolmentInRawView1796330000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(learningMonthlyRaw(`(${ENROLMENTS})`));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(learningMonthlyRaw(ENROLMENTS));
  }
}
