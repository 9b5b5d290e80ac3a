import { Module } from '@nestjs/common';
import { RecountProcessor } from './jobs/recount.processor';
import { RecountService } from './recount.service';

/** Cohort reporting: the roll-ups (kept by database triggers), their recount, the cohort figures and targets. */
@Module({
  providers: [RecountService, RecountProcessor],
  exports: [RecountService],
})
export class ReportingModule {}
