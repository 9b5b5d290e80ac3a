import type { DataSource } from 'typeorm';
import { preparedQuery } from '../../database/prepared';

type Waiting<R, O> = { request: R; resolve: (outcome: O) => void; reject: (err: unknown) => void };

/** Arrays of this many writes are still small to send and quick to lock. */
const MAX_BATCH = 200;

/** One set-based database function that takes a batch as arrays and answers one row per item, in order. */
export type BatchStatement<R> = { name: string; sql: string; args: (batch: R[]) => unknown[] };

/**
 * Writes of many learners in batches, one call of a set-based database function each (group commit):
 * at most `concurrency` batches are in the database at a time, and whatever arrives meanwhile goes in
 * the next. So a lone write waits only for the end of its event-loop turn, and under load statements,
 * plans and commits are shared by many. Nothing is answered before its batch has committed.
 *
 * A person is in at most one batch at a time, once: their next write waits until the batch before has
 * committed, so it sees the first one done. A batch the database refuses is retried one write at a
 * time, so one bad write fails alone.
 */
export class PersonBatches<R extends { userId: string }, O> {
  private waiting: Waiting<R, O>[] = [];
  /** People with a write in a batch now in the database. */
  private readonly busy = new Set<string>();
  private inFlight = 0;
  private scheduled = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly statement: BatchStatement<R>,
    private readonly concurrency: number,
  ) {}

  submit(request: R): Promise<O> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
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
      for (const w of batch) this.busy.add(w.request.userId);
      void this.write(batch).finally(() => {
        for (const w of batch) this.busy.delete(w.request.userId);
        this.inFlight--;
        this.schedule();
      });
    }
  }

  /** The oldest waiting writes, one per person not busy, up to MAX_BATCH; the others keep their order. */
  private take(): Waiting<R, O>[] {
    const batch: Waiting<R, O>[] = [];
    const rest: Waiting<R, O>[] = [];
    const people = new Set<string>();
    for (const w of this.waiting) {
      const userId = w.request.userId;
      if (batch.length < MAX_BATCH && !people.has(userId) && !this.busy.has(userId)) {
        people.add(userId);
        batch.push(w);
      } else {
        rest.push(w);
      }
    }
    this.waiting = rest;
    return batch;
  }

  private async write(batch: Waiting<R, O>[]): Promise<void> {
    const { name, sql, args } = this.statement;
    try {
      const rows = await preparedQuery<O>(this.dataSource, name, sql, args(batch.map((w) => w.request)));
      batch.forEach((w, i) => w.resolve(rows[i]!));
    } catch (err) {
      if (batch.length === 1) return batch[0]!.reject(err);
      // A write the database refuses must not fail the others of its batch: each is tried alone.
      await Promise.all(batch.map((w) => this.write([w])));
    }
  }
}
