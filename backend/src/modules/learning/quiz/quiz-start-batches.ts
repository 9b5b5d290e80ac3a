import type { DataSource } from 'typeorm';
import type { AnswerValue, DrawnQuestion } from '../entities/quiz-attempt.entity';
import { PersonBatches } from '../person-batches';
import { LATE_GRACE_MS } from './quiz-attempts.service';

export type StartRequest = { userId: string; courseId: string; hash: string; quizId: string; draw: DrawnQuestion[]; at: Date };
/** One row of start_quiz_attempts (migration StartQuizAttemptsInBatches): the verdict and the attempt created or found open. */
export type StartRow = {
  outcome: 'created' | 'open' | 'expired' | 'stale' | 'not_found' | 'not_enrolled' | 'locked' | 'exhausted' | 'cooldown';
  attempt_id: string | null; number: number | null;
  /** The open attempt's draw and saved answers (null for a created one: the API made its draw). */
  questions: DrawnQuestion[] | null; answers: Record<string, AnswerValue> | null;
  started_at: Date | null; deadline_at: Date | null; retry_at: Date | null; max_attempts: number | null;
};

/**
 * Quiz attempt starts in batches, one call of start_quiz_attempts each: at an exam's synchronized
 * start the statements, plans and commits are shared by everyone starting in the same moment. A
 * learner's second start (double click, resend) waits for the first's batch and finds its attempt open.
 */
export class QuizStartBatches extends PersonBatches<StartRequest, StartRow> {
  constructor(dataSource: DataSource, concurrency: number) {
    super(dataSource, {
      name: 'start_quiz_attempts',
      // The draws go as one JSON array, not as an array of JSON texts: pg escapes every quote of an array's
      // texts one by one in JavaScript, which cost more than the rest of the batch's parameters together.
      sql: `SELECT * FROM start_quiz_attempts($1::text[]::uuid[], $2::text[]::uuid[], $3::text[]::varchar[], $4::text[]::uuid[],
        ARRAY(SELECT d FROM jsonb_array_elements($5::jsonb) WITH ORDINALITY AS x(d, n) ORDER BY n), $6::text[]::timestamptz[], $7::interval)`,
      args: (batch) => [
        batch.map((s) => s.userId), batch.map((s) => s.courseId), batch.map((s) => s.hash), batch.map((s) => s.quizId),
        JSON.stringify(batch.map((s) => s.draw)), batch.map((s) => s.at.toISOString()), `${LATE_GRACE_MS} milliseconds`,
      ],
    }, concurrency);
  }
}
