import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobQueue } from '../../jobs/job-queue';
import { vietnamDay } from '../../common/time/vietnam-day';

const DAY_MS = 86_400_000;
/** Unread notifications go too after this long: nobody is coming back for them. */
const UNREAD_DAYS = 365;
const BATCH = 1000;

/**
 * Keeps the notifications table small: read notifications older than NOTIFICATION_RETENTION_DAYS and any
 * older than a year are deleted, a batch at a time (short transactions, no long lock). Deleting by age is
 * idempotent, so a retried job or two workers at once do no harm.
 */
@Injectable()
export class NotificationPurgeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Puts today's purge on the queue (the day in the job id keeps it to one a day). */
  async enqueueToday(now = new Date()): Promise<void> {
    const day = vietnamDay(now);
    await this.queue.enqueue('notification-purge', { day }, `notification-purge-${day}`);
  }

  /** Returns how many notifications it deleted. */
  async run(now = new Date()): Promise<number> {
    const readBefore = new Date(now.getTime() - this.config.reminders.retentionDays * DAY_MS);
    const anyBefore = new Date(now.getTime() - UNREAD_DAYS * DAY_MS);
    let deleted = 0;
    for (;;) {
      // The oldest first, through ix_notifications_created; a cut-off no later than both keeps the scan short.
      const [, count] = (await this.dataSource.query(
        `DELETE FROM notifications WHERE id IN (
           SELECT id FROM notifications
            WHERE created_at < GREATEST($1::timestamptz, $2::timestamptz) AND (created_at < $2 OR read_at IS NOT NULL AND created_at < $1)
            ORDER BY created_at LIMIT ${BATCH})`,
        [readBefore, anyBefore],
      )) as [unknown, number];
      deleted += count;
      if (count < BATCH) return deleted;
    }
  }
}
