import { Module } from '@nestjs/common';
import { CohortReportService } from './cohort-report.service';
import { ExportsService } from './exports.service';
import { ExportProcessor } from './jobs/export.processor';
import { FreezeProcessor } from './jobs/freeze.processor';
import { RecountProcessor } from './jobs/recount.processor';
import { PeriodicReportsService } from './periodic-reports.service';
import { RecountRequestsService } from './recount-requests.service';
import { RecountService } from './recount.service';
import { ReportingController } from './reporting.controller';
import { TargetsService } from './targets.service';

/** Cohort reporting: the roll-ups (kept by database triggers), their recount, cohort figures and targets. */
@Module({
  controllers: [ReportingController],
  providers: [RecountService, RecountProcessor, RecountRequestsService, CohortReportService, TargetsService, PeriodicReportsService, FreezeProcessor, ExportsService, ExportProcessor],
})
export class ReportingModule {}
