import type { DataSource } from 'typeorm';
import { PersonBatches } from './person-batches';

export type CompletionRequest = { userId: string; courseSlug: string; lessonSlug: string; at: Date; idempotencyKey: string | null };
export type CompletionOutcome = { outcome: 'not_found' | 'not_enrolled' | 'locked' | 'done'; first_time: boolean; course_completed: boolean };

/**
 * Lesson completions in batches, one call of complete_lessons each (see the migration
 * CompleteLessonsInBatches). A person's replay of lesson 2 right after lesson 1 waits for lesson 1's
 * batch to commit, so it sees lesson 1 done.
 */
export class CompletionBatches extends PersonBatches<CompletionRequest, CompletionOutcome> {
  constructor(dataSource: DataSource, concurrency: number) {
    super(dataSource, {
      name: 'complete_lessons',
      sql: `SELECT outcome, first_time, course_completed
        FROM complete_lessons($1::text[]::uuid[], $2::text[]::varchar[], $3::text[]::varchar[], $4::text[]::timestamptz[], $5::text[]::varchar[])`,
      args: (batch) => [
        batch.map((w) => w.userId), batch.map((w) => w.courseSlug), batch.map((w) => w.lessonSlug),
        batch.map((w) => w.at.toISOString()), batch.map((w) => w.idempotencyKey),
      ],
    }, concurrency);
  }

  complete(request: CompletionRequest): Promise<CompletionOutcome> {
    return this.submit(request);
  }
}
