import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared';

export type CompletionRequest = { userId: string; courseSlug: string; lessonSlug: string; at: Date; idempotencyKey: string | null };
export type CompletionOutcome = { outcome: 'not_found' | 'not_enrolled' | 'locked' | 'done'; first_time: boolean; course_completed: boolean };

type Waiting = CompletionRequest & { resolve: (outcome: CompletionOutcome) => void; reject: (err: unknown) => void };

/** Arrays of this many completions are still small to send and quick to lock. */
const MAX_BATCH = 200;
const BATCH_SQL = `SELECT outcome, first_time, course_completed
  FROM complete_lessons($1::text[]::uuid[], $2::text[]::varchar[], $3::text[]::varchar[], $4::text[]::timestamptz[], $5::text[]::varchar[])`;

/**
 * Lesson completions are written in batches, one call of the database function complete_lessons
 * each (group commit): at most `concurrency` batches are in the database at a time, and whatever
 * arrives meanwhile goes in the next. So a lone completion waits only for the end of its event-loop
 * turn, and under load statements, plans and commits are shared by many (see the migration
 * CompleteLessonsInBatches). Nothing is answered before its batch has committed.
 *
 * A person is in at most one batch at a time, once: their next completion (a replay of lesson 2 right
 * after lesson 1) waits until the batch before has committed, so it sees lesson 1 done.
 */
export class CompletionBatches {
  private waiting: Waiting[] = [];
  /** People with a completion in a batch now in the database. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly concurrency: number,
  ) {}

  complete(request: CompletionRequest): Promise<CompletionOutcome> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ ...request, resolve, reject });
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      this.send();
    });
  }

  private send(): void {
    while (this.inFlight < this.concurrency) {
      const batch = this.take();
      if (batch.length === 0) return;
      this.inFlight++;
      for (const w of batch) this.busy.add(w.userId);
      void this.write(batch).finally(() => {
        for (const w of batch) this.busy.delete(w.userId);
        this.inFlight--;
        this.schedule();
      });
    }
  }

  /** The oldest waiting completions, one per person not busy, up to MAX_BATCH; the others keep their order. */
  private take(): Waiting[] {
    const batch: Waiting[] = [];
    const rest: Waiting[] = [];
    const people = new Set<string>();
    for (const w of this.waiting) {
      if (batch.length < MAX_BATCH && !people.has(w.userId) && !this.busy.has(w.userId)) {
        people.add(w.userId);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.waiting = rest;
    return batch;
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const rows = await preparedQuery<CompletionOutcome>(this.dataSource, 'complete_lessons', BATCH_SQL, [
        batch.map((w) => w.userId), batch.map((w) => w.courseSlug), batch.map((w) => w.lessonSlug),
        batch.map((w) => w.at.toISOString()), batch.map((w) => w.idempotencyKey),
      ]);
      batch.forEach((w, i) => w.resolve(rows[i]!));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      // A completion the database refuses must not fail the others of its batch: each is tried alone.
      await Promise.all(batch.map((w) => this.write([w])));
    }
  }
}
