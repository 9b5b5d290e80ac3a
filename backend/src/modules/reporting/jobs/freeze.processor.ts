import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { PeriodicReportsService } from '../periodic-reports.service';

/** How often each process looks for a period whose cut-off has passed (the job id keeps it to one freeze). */
const CHECK_EVERY_MS = 10 * 60_000;

@Injectable()
@JobHandler('reporting-freeze')
export class FreezeProcessor implements JobProcessor<'reporting-freeze'>, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('FreezeProcessor');
  private timer?: NodeJS.Timeout;

  constructor(private readonly reports: PeriodicReportsService) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.reports.freezeDue().catch((err: unknown) => this.logger.warn({ err }, 'Freeze check failed')), CHECK_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async process(job: JobContext<'reporting-freeze'>): Promise<void> {
    await this.reports.freeze(job.data.kind, job.data.period, (p) => job.updateProgress(p));
    this.logger.log({ queue: job.queue, jobId: job.id }, 'Reports frozen');
  }
}
