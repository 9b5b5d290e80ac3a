import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = `p_attempt uuid, p_answers jsonb, p_graded jsonb, p_score numeric, p_late boolean, p_passed boolean, p_at timestamptz, p_key varchar`;

/** The body, given what it returns when the attempt was not open, what it does on a pass, and what it returns at the end. */
const body = (closed: string, onPass: string, done: string) => `
      DECLARE
        v_user uuid;
        v_course uuid;
        v_status varchar;
      BEGIN
        SELECT user_id, course_id, status INTO v_user, v_course, v_status FROM quiz_attempts WHERE id = p_attempt FOR UPDATE;
        IF v_status IS DISTINCT FROM 'in_progress' THEN
          ${closed}
        END IF;
        UPDATE quiz_attempts SET status = 'submitted', answers = p_answers, graded = p_graded, score_percent = p_score, late = p_late,
                                 passed = p_passed, submitted_at = p_at
         WHERE id = p_attempt;
        PERFORM append_learning_event(v_user, 'quiz_submitted', v_course, NULL, p_attempt, round(p_score)::smallint, p_passed, p_key, p_at);
        IF p_passed THEN
          PERFORM 1 FROM enrolments WHERE user_id = v_user AND course_id = v_course FOR UPDATE;
          ${onPass}
        END IF;
        ${done}
      END`;

/**
 * submit_quiz_attempt also says whether this submission completed the course, so the API starts the
 * certification job only then (as a lesson completion does), not for every passed quiz: a pass that
 * completes nothing has nothing to certify. Returns (ok, course_completed) instead of a boolean.
 */
export class SubmitQuizAttemptTellsCourseCompleted1796005012358 implements MigrationInterface {
  name = 'SubmitQuizAttemptTellsCourseCompleted1796005012358';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION submit_quiz_attempt(${ARGS})`);
    await queryRunner.query(`
      CREATE FUNCTION submit_quiz_attempt(${ARGS}, OUT ok boolean, OUT course_completed boolean)
      LANGUAGE plpgsql AS $$${body(
        'ok := false;\n          course_completed := false;\n          RETURN;',
        'course_completed := complete_course_if_done(v_user, v_course, p_at);',
        'ok := true;\n        course_completed := coalesce(course_completed, false);',
      )}
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION submit_quiz_attempt(${ARGS})`);
    await queryRunner.query(`
      CREATE FUNCTION submit_quiz_attempt(${ARGS})
      RETURNS boolean LANGUAGE plpgsql AS $$${body('RETURN false;', 'PERFORM complete_course_if_done(v_user, v_course, p_at);', 'RETURN true;')}
      $$`);
  }
}
