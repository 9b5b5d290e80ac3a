import { Injectable } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { CompletionRecordsService } from '../completion-records.service';

/** After a self-assessment is submitted: issue the completion record if the policy is now met. */
@Injectable()
@JobHandler('certification')
export class CertificationProcessor implements JobProcessor<'certification'> {
  constructor(private readonly records: CompletionRecordsService) {}

  async process(job: JobContext<'certification'>): Promise<void> {
    await this.records.issueIfEligible(job.data.userId);
  }
}
