import type { MigrationInterface, QueryRunner } from 'typeorm';

const ARGS = 'p_users uuid[], p_courses uuid[], p_hashes varchar[], p_quizzes uuid[], p_draws jsonb[], p_ats timestamptz[], p_grace interval';

/**
 * Quiz attempt starts in batches, like lesson completions (CompleteLessonsInBatches): at an exam's
 * synchronized start thousands of learners start the same quiz in the same second, and one
 * transaction of six statements each made the start the slowest step of the exam. The API draws each
 * attempt from its content cache and sends the starts that arrive together as one call:
 *
 * - the enrolments are locked in (user, course) order, so a learner's concurrent starts (two tabs, two
 *   API processes, a resend) are serialized and the second sees the first's open attempt;
 * - one statement judges every start (content version, enrolment, open attempt, sequential lock,
 *   attempts left, cooldown) and inserts the new attempts with the draw the API made;
 * - one call appends their `quiz_started` events.
 *
 * `stale` tells the API its cached content is of another version (it reloads and draws again);
 * `expired` that the open attempt's time is over (the API grades it, which stays in TypeScript, and
 * starts again). The open attempt's draw and saved answers come back, never any key: the keys are not
 * in quiz_attempts. One start per person per batch: the API keeps to that, the function refuses otherwise.
 */
export class StartQuizAttemptsInBatches1796118000000 implements MigrationInterface {
  name = 'StartQuizAttemptsInBatches1796118000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION start_quiz_attempts(${ARGS})
      RETURNS TABLE (outcome text, attempt_id uuid, number int, questions jsonb, answers jsonb, started_at timestamptz,
                     deadline_at timestamptz, retry_at timestamptz, max_attempts int)
      LANGUAGE plpgsql SET plan_cache_mode = force_generic_plan AS $$
      #variable_conflict use_column
      DECLARE
        v_outcomes text[];
        v_ids uuid[];
        v_numbers int[];
        v_questions jsonb[];
        v_answers jsonb[];
        v_starts timestamptz[];
        v_deadlines timestamptz[];
        v_retries timestamptz[];
        v_maxes int[];
        v_users uuid[];
        v_courses uuid[];
        v_new uuid[];
        v_ats timestamptz[];
      BEGIN
        IF (SELECT count(DISTINCT u) FROM unnest(p_users) u) <> cardinality(p_users) THEN
          RAISE invalid_parameter_value USING MESSAGE = 'start_quiz_attempts takes at most one start per person';
        END IF;
        PERFORM 1 FROM enrolments e
          JOIN unnest(p_users, p_courses) AS i(user_id, course_id) ON e.user_id = i.user_id AND e.course_id = i.course_id
         ORDER BY e.user_id, e.course_id
           FOR UPDATE OF e;
        -- A new statement, a new snapshot: the attempts other requests committed while this one waited for the locks.
        WITH items AS (
          SELECT i.ord, i.user_id, i.course_id, i.quiz_id, i.draw, i.at, c.id IS NOT NULL AND q.id IS NOT NULL AS found,
                 c.content_hash = i.hash AS fresh, c.ordering, e.status, q.max_attempts, q.cooldown_seconds, q.time_limit_seconds,
                 o.id AS open_id, o.number AS open_number, o.questions AS open_questions, o.answers AS open_answers,
                 o.started_at AS open_started, o.deadline_at AS open_deadline, s.used, s.last_number, s.last_submitted
            FROM unnest(p_users, p_courses, p_hashes, p_quizzes, p_draws, p_ats) WITH ORDINALITY AS i(user_id, course_id, hash, quiz_id, draw, at, ord)
            LEFT JOIN courses c ON c.id = i.course_id AND c.archived_at IS NULL
            LEFT JOIN quizzes q ON q.id = i.quiz_id AND q.course_id = c.id AND q.archived_at IS NULL
            LEFT JOIN enrolments e ON e.user_id = i.user_id AND e.course_id = i.course_id
            LEFT JOIN quiz_attempts o ON o.user_id = i.user_id AND o.quiz_id = i.quiz_id AND o.status = 'in_progress'
            LEFT JOIN LATERAL (SELECT count(*)::int AS used, max(a.number) AS last_number, max(a.submitted_at) AS last_submitted
                                 FROM quiz_attempts a WHERE a.user_id = i.user_id AND a.quiz_id = i.quiz_id) s ON true
        ), verdicts AS (
          SELECT t.*, CASE
              WHEN NOT t.found THEN 'not_found'
              WHEN NOT t.fresh THEN 'stale'
              WHEN t.status IS NULL OR t.status = 'left' THEN 'not_enrolled'
              WHEN t.open_id IS NOT NULL AND (t.open_deadline IS NULL OR t.at <= t.open_deadline + p_grace) THEN 'open'
              WHEN t.open_id IS NOT NULL THEN 'expired'
              WHEN t.ordering = 'sequential' AND EXISTS (
                SELECT 1 FROM lessons l WHERE l.course_id = t.course_id AND l.archived_at IS NULL AND l.required
                   AND NOT EXISTS (SELECT 1 FROM lesson_completions d WHERE d.user_id = t.user_id AND d.lesson_id = l.id)) THEN 'locked'
              WHEN t.max_attempts IS NOT NULL AND t.used >= t.max_attempts THEN 'exhausted'
              WHEN t.cooldown_seconds > 0 AND t.last_submitted + t.cooldown_seconds * interval '1 second' > t.at THEN 'cooldown'
              ELSE 'created' END AS outcome
            FROM items t
        ), inserted AS (
          INSERT INTO quiz_attempts (user_id, quiz_id, course_id, number, status, questions, answers, started_at, deadline_at)
          SELECT v.user_id, v.quiz_id, v.course_id, coalesce(v.last_number, 0) + 1, 'in_progress', v.draw, '{}', v.at,
                 v.at + v.time_limit_seconds * interval '1 second'
            FROM verdicts v WHERE v.outcome = 'created'
          RETURNING id, user_id, number, deadline_at
        )
        SELECT array_agg(v.outcome ORDER BY v.ord), array_agg(coalesce(n.id, v.open_id) ORDER BY v.ord),
               array_agg(coalesce(n.number, v.open_number) ORDER BY v.ord), array_agg(v.open_questions ORDER BY v.ord),
               array_agg(v.open_answers ORDER BY v.ord), array_agg(CASE WHEN n.id IS NULL THEN v.open_started ELSE v.at END ORDER BY v.ord),
               array_agg(CASE WHEN n.id IS NULL THEN v.open_deadline ELSE n.deadline_at END ORDER BY v.ord),
               array_agg(v.last_submitted + v.cooldown_seconds * interval '1 second' ORDER BY v.ord), array_agg(v.max_attempts ORDER BY v.ord),
               array_agg(v.user_id) FILTER (WHERE n.id IS NOT NULL), array_agg(v.course_id) FILTER (WHERE n.id IS NOT NULL),
               array_agg(n.id) FILTER (WHERE n.id IS NOT NULL), array_agg(v.at) FILTER (WHERE n.id IS NOT NULL)
          INTO v_outcomes, v_ids, v_numbers, v_questions, v_answers, v_starts, v_deadlines, v_retries, v_maxes,
               v_users, v_courses, v_new, v_ats
          FROM verdicts v LEFT JOIN inserted n ON n.user_id = v.user_id;
        IF v_users IS NOT NULL THEN
          PERFORM append_learning_events(v_users, 'quiz_started', v_courses, NULL, v_new, NULL, NULL, NULL, v_ats);
        END IF;
        RETURN QUERY
          SELECT * FROM unnest(v_outcomes, v_ids, v_numbers, v_questions, v_answers, v_starts, v_deadlines, v_retries, v_maxes);
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION start_quiz_attempts(${ARGS})`);
  }
}
