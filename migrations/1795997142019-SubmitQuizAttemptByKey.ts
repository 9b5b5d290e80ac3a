import type { MigrationInterface, QueryRunner } from 'typeorm';

const SIGNATURE = `submit_quiz_attempt(p_attempt uuid, p_answers jsonb, p_graded jsonb, p_score numeric, p_late boolean, p_passed boolean,
                                      p_at timestamptz, p_key varchar)`;

const TAIL = `
        PERFORM append_learning_event(v_user, 'quiz_submitted', v_course, NULL, p_attempt, round(p_score)::smallint, p_passed, p_key, p_at);
        IF p_passed THEN
          PERFORM 1 FROM enrolments WHERE user_id = v_user AND course_id = v_course FOR UPDATE;
          PERFORM complete_course_if_done(v_user, v_course, p_at);
        END IF;
        RETURN true;
      END`;

/**
 * submit_quiz_attempt finds the attempt by its primary key, then checks that it is still open under
 * the row lock. With `WHERE id = … AND status = 'in_progress'` the planner's generic plan walked the
 * partial index of open attempts (every dead entry of it) instead: 30 ms and 2,000 buffers a call once
 * many attempts had been handed in. Same behaviour: two submissions at once still grade once.
 */
export class SubmitQuizAttemptByKey1795997142019 implements MigrationInterface {
  name = 'SubmitQuizAttemptByKey1795997142019';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION ${SIGNATURE}
      RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        v_user uuid;
        v_course uuid;
        v_status varchar;
      BEGIN
        SELECT user_id, course_id, status INTO v_user, v_course, v_status FROM quiz_attempts WHERE id = p_attempt FOR UPDATE;
        IF v_status IS DISTINCT FROM 'in_progress' THEN
          RETURN false;
        END IF;
        UPDATE quiz_attempts SET status = 'submitted', answers = p_answers, graded = p_graded, score_percent = p_score, late = p_late,
                                 passed = p_passed, submitted_at = p_at
         WHERE id = p_attempt;${TAIL}
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION ${SIGNATURE}
      RETURNS boolean LANGUAGE plpgsql AS $$
      DECLARE
        v_user uuid;
        v_course uuid;
      BEGIN
        UPDATE quiz_attempts SET status = 'submitted', answers = p_answers, graded = p_graded, score_percent = p_score, late = p_late,
                                 passed = p_passed, submitted_at = p_at
         WHERE id = p_attempt AND status = 'in_progress'
        RETURNING user_id, course_id INTO v_user, v_course;
        IF NOT FOUND THEN
          RETURN false;
        END IF;${TAIL}
      $$`);
  }
}
