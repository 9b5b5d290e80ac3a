import { Injectable, Logger } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { ExportsService } from '../exports.service';

@Injectable()
@JobHandler('reporting-export')
export class ExportProcessor implements JobProcessor<'reporting-export'> {
  private readonly logger = new Logger('ExportProcessor');

  constructor(private readonly exports: ExportsService) {}

  async process(job: JobContext<'reporting-export'>): Promise<void> {
    await lastAttemptGivesUp(job, () => this.exports.build(job.data.exportId, (p) => job.updateProgress(p)), () => this.exports.fail(job.data.exportId));
    this.logger.log({ queue: job.queue, jobId: job.id }, 'Export built');
  }
}
