import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mailer } from '../../common/mail/mailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { JobQueue } from '../../jobs/job-queue';
import { NotificationsService } from './notifications.service';
import { vietnamDay } from '../../common/time/vietnam-day';

const DAY_MS = 86_400_000;
const BATCH = 1000;

/**
 * Reminders for learning that stalled: an active enrolment in a live course, older than N days, with no
 * learning event for it in the last N days, gets one reminder, then none for N days. Each reminder is
 * stored with a key naming the person, the course and the N-day period, by one INSERT … ON CONFLICT DO
 * NOTHING, so a retried job or a second worker running at the same time stores (and mails) nothing twice.
 */
@Injectable()
export class StalledLearningService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly notifications: NotificationsService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Puts today's run on the queue (the day in the job id keeps it to one per day while BullMQ remembers it). */
  async enqueueToday(now = new Date()): Promise<void> {
    const day = vietnamDay(now);
    await this.queue.enqueue('stalled-learning', { day }, `stalled-learning-${day}`);
  }

  /** One pass over the active enrolments, a batch at a time; returns how many reminders it stored. */
  async run(now = new Date()): Promise<number> {
    const days = this.config.reminders.stalledDays;
    const since = new Date(now.getTime() - days * DAY_MS);
    const period = String(Math.floor(now.getTime() / (days * DAY_MS)));
    let after = '00000000-0000-0000-0000-000000000000';
    let stored = 0;
    for (;;) {
      const batch = (await this.dataSource.query(
        `SELECT id FROM enrolments WHERE status = 'active' AND id > $1 ORDER BY id LIMIT ${BATCH}`, [after],
      )) as { id: string }[];
      if (batch.length === 0) return stored;
      after = batch[batch.length - 1]!.id;
      const rows = (await this.dataSource.query(
        `INSERT INTO notifications (user_id, kind, params, link, subject_id, dedupe_key, shown, email_status)
         SELECT e.user_id, 'stalled_learning', jsonb_build_object('courseTitle', c.title, 'days', $2::int), '/khoa-hoc/' || c.slug, e.course_id,
                'stalled:' || e.user_id || ':' || e.course_id || ':' || $3, COALESCE(s.in_app, true),
                CASE WHEN $4::boolean AND COALESCE(s.email, true) AND u.email_hash IS NOT NULL THEN 'queued' END
           FROM enrolments e
           JOIN courses c ON c.id = e.course_id AND c.archived_at IS NULL
           JOIN users u ON u.id = e.user_id AND u.status = 'active'
           LEFT JOIN notification_settings s ON s.user_id = e.user_id AND s.kind = 'stalled_learning'
          WHERE e.id = ANY($1::uuid[]) AND e.status = 'active' AND e.enrolled_at < $5
            AND (COALESCE(s.in_app, true) OR ($4::boolean AND COALESCE(s.email, true) AND u.email_hash IS NOT NULL))
            AND NOT EXISTS (SELECT 1 FROM learning_events le WHERE le.user_id = e.user_id AND le.course_id = e.course_id AND le.occurred_at >= $5)
            AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.kind = 'stalled_learning' AND n.subject_id = e.course_id AND n.user_id = e.user_id AND n.created_at >= $5)
         ON CONFLICT (dedupe_key) DO NOTHING
         RETURNING id, email_status`,
        [batch.map((b) => b.id), days, period, this.mailer.enabled, since],
      )) as { id: string; email_status: string | null }[];
      stored += rows.length;
      await this.notifications.queueEmails(rows.filter((r) => r.email_status === 'queued').map((r) => r.id));
    }
  }
}
