import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { NotificationPurgeService } from '../notification-purge.service';

/** How often each process puts the day's purge on the queue (the day's job id keeps it to one run). */
const CHECK_EVERY_MS = 60 * 60_000;

@Injectable()
@JobHandler('notification-purge')
export class NotificationPurgeProcessor implements JobProcessor<'notification-purge'>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('NotificationPurgeProcessor');
  private timer?: NodeJS.Timeout;

  constructor(private readonly purge: NotificationPurgeService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.purge.enqueueToday().catch((err: unknown) => this.logger.warn({ err }, 'Notification purge check failed')), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async process(job: JobContext<'notification-purge'>): Promise<void> {
    const deleted = await this.purge.run();
    this.logger.log({ queue: job.queue, jobId: job.id, deleted }, 'Old notifications deleted');
  }
}
