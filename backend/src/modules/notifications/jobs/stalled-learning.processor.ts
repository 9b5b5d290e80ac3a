import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { StalledLearningService } from '../stalled-learning.service';

/** How often each process puts the day's run on the queue (the day's job id keeps it to one run). */
const CHECK_EVERY_MS = 60 * 60_000;

@Injectable()
@JobHandler('stalled-learning')
export class StalledLearningProcessor implements JobProcessor<'stalled-learning'>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('StalledLearningProcessor');
  private timer?: NodeJS.Timeout;

  constructor(private readonly stalled: StalledLearningService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.stalled.enqueueToday().catch((err: unknown) => this.logger.warn({ err }, 'Stalled-learning check failed')), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async process(job: JobContext<'stalled-learning'>): Promise<void> {
    const stored = await this.stalled.run();
    this.logger.log({ queue: job.queue, jobId: job.id, stored }, 'Stalled-learning reminders stored');
  }
}
