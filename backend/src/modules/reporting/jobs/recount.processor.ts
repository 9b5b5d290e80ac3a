import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { ReportingRecount } from '../entities/reporting-recount.entity';
import { RecountService } from '../recount.service';

/** Runs an administrator's recount and stores what differed; a retried recount simply compares again. */
@Injectable()
@JobHandler('reporting-recount')
export class RecountProcessor implements JobProcessor<'reporting-recount'> {
  private readonly logger = new Logger('RecountProcessor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly recounts: RecountService,
  ) {}

  async process(job: JobContext<'reporting-recount'>): Promise<void> {
    const repo = this.dataSource.getRepository(ReportingRecount);
    const recount = await repo.findOneBy({ id: job.data.recountId });
    if (!recount || recount.status === 'done' || recount.status === 'failed') return;
    await lastAttemptGivesUp(
      job,
      async () => {
        await repo.update(recount.id, { status: 'running', progress: 0 });
        const outcome = await this.recounts.recount(async (progress) => {
          await repo.update(recount.id, { progress });
          await job.updateProgress(progress);
        });
        await repo.save({ ...recount, status: 'done', progress: 100, ...outcome, finishedAt: new Date() });
        this.logger.log({ queue: job.queue, jobId: job.id, differences: outcome.differenceCount }, 'Recount done');
      },
      async () => {
        await repo.update(recount.id, { status: 'failed', finishedAt: new Date() });
      },
    );
  }
}
