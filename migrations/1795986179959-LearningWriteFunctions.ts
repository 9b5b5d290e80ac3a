import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The learning writes as database functions, so a lesson completion is one statement (one round trip
 * instead of eight) and the rules live in one place for every caller:
 * - append_learning_event: the event row with the person's unit, province, organisation and group and
 *   the course's framework version copied in, so the row describes the moment it records;
 * - complete_course_if_done: the completion rule (every required lesson done, every required quiz
 *   passed); the caller holds the enrolment row lock;
 * - complete_lesson: the sequential lock check, the completion row, its event and the completion rule;
 * - submit_quiz_attempt: stores a grading made by the API if the attempt is still open, with its event
 *   and, when passed, the completion rule.
 * Each statement in a PL/pgSQL function takes a fresh snapshot, so once the enrolment lock is held the
 * rule sees a completion another request committed while this one waited.
 */
export class LearningWriteFunctions1795986179959 implements MigrationInterface {
  name = 'LearningWriteFunctions1795986179959';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION append_learning_event(p_user uuid, p_type varchar, p_course uuid, p_lesson uuid, p_attempt uuid,
                                            p_score smallint, p_passed boolean, p_key varchar, p_at timestamptz)
      RETURNS void LANGUAGE sql AS $$
        INSERT INTO learning_events (user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key,
          occurred_at, unit_id, province_id, organisation_id, target_group, framework_version)
        SELECT u.id, p_type, c.id, p_lesson, p_attempt, p_score, p_passed, p_key, p_at, u.unit_id, u.province_id, u.organisation_id,
               u.target_group, fv.version
          FROM users u, courses c JOIN framework_versions fv ON fv.id = c.framework_version_id
         WHERE u.id = p_user AND c.id = p_course
        ON CONFLICT (user_id, idempotency_key) DO NOTHING
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION complete_course_if_done(p_user uuid, p_course uuid, p_at timestamptz)
      RETURNS boolean LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM lessons l WHERE l.course_id = p_course AND l.archived_at IS NULL AND l.required
                      AND NOT EXISTS (SELECT 1 FROM lesson_completions c WHERE c.user_id = p_user AND c.lesson_id = l.id))
           OR EXISTS (SELECT 1 FROM quizzes q WHERE q.course_id = p_course AND q.archived_at IS NULL AND q.required
                         AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.user_id = p_user AND a.quiz_id = q.id AND a.passed)) THEN
          RETURN false;
        END IF;
        UPDATE enrolments SET status = 'completed', completed_at = p_at WHERE user_id = p_user AND course_id = p_course AND completed_at IS NULL;
        IF NOT FOUND THEN
          RETURN false;
        END IF;
        PERFORM append_learning_event(p_user, 'course_completed', p_course, NULL, NULL, NULL, NULL, NULL, p_at);
        RETURN true;
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION complete_lesson(p_user uuid, p_course_slug varchar, p_lesson_slug varchar, p_at timestamptz, p_key varchar,
                                      OUT outcome text, OUT first_time boolean, OUT course_completed boolean)
      LANGUAGE plpgsql AS $$
      DECLARE
        v_course courses%ROWTYPE;
        v_lesson lessons%ROWTYPE;
        v_status varchar;
      BEGIN
        first_time := false;
        course_completed := false;
        SELECT * INTO v_course FROM courses WHERE slug = p_course_slug AND archived_at IS NULL;
        IF FOUND THEN
          SELECT * INTO v_lesson FROM lessons WHERE course_id = v_course.id AND slug = p_lesson_slug AND archived_at IS NULL;
        END IF;
        IF v_lesson.id IS NULL THEN
          outcome := 'not_found';
          RETURN;
        END IF;
        SELECT status INTO v_status FROM enrolments WHERE user_id = p_user AND course_id = v_course.id FOR UPDATE;
        IF v_status IS NULL OR v_status = 'left' THEN
          outcome := 'not_enrolled';
          RETURN;
        END IF;
        IF v_course.ordering = 'sequential' AND EXISTS (
             SELECT 1 FROM lessons p WHERE p.course_id = v_course.id AND p.archived_at IS NULL AND p.position < v_lesson.position
                AND NOT EXISTS (SELECT 1 FROM lesson_completions d WHERE d.user_id = p_user AND d.lesson_id = p.id)) THEN
          outcome := 'locked';
          RETURN;
        END IF;
        outcome := 'done';
        INSERT INTO lesson_completions (user_id, lesson_id, course_id, completed_at) VALUES (p_user, v_lesson.id, v_course.id, p_at)
          ON CONFLICT DO NOTHING;
        IF NOT FOUND THEN
          RETURN;
        END IF;
        first_time := true;
        PERFORM append_learning_event(p_user, 'lesson_completed', v_course.id, v_lesson.id, NULL, NULL, NULL, p_key, p_at);
        course_completed := complete_course_if_done(p_user, v_course.id, p_at);
      END
      $$`);
    await queryRunner.query(`
      CREATE FUNCTION submit_quiz_attempt(p_attempt uuid, p_answers jsonb, p_graded jsonb, p_score numeric, p_late boolean, p_passed boolean,
                                          p_at timestamptz, p_key varchar)
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
        END IF;
        PERFORM append_learning_event(v_user, 'quiz_submitted', v_course, NULL, p_attempt, round(p_score)::smallint, p_passed, p_key, p_at);
        IF p_passed THEN
          PERFORM 1 FROM enrolments WHERE user_id = v_user AND course_id = v_course FOR UPDATE;
          PERFORM complete_course_if_done(v_user, v_course, p_at);
        END IF;
        RETURN true;
      END
      $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP FUNCTION submit_quiz_attempt(uuid, jsonb, jsonb, numeric, boolean, boolean, timestamptz, varchar)');
    await queryRunner.query('DROP FUNCTION complete_lesson(uuid, varchar, varchar, timestamptz, varchar)');
    await queryRunner.query('DROP FUNCTION complete_course_if_done(uuid, uuid, timestamptz)');
    await queryRunner.query('DROP FUNCTION append_learning_event(uuid, varchar, uuid, uuid, uuid, smallint, boolean, varchar, timestamptz)');
  }
}
