import { Module } from '@nestjs/common';
import { HouseholdsModule } from '../households/households.module';
import { CohortReportService } from './cohort-report.service';
import { CommunityReportController } from './community-report.controller';
import { CommunityReportService } from './community-report.service';
import { ExportsService } from './exports.service';
import { ExportProcessor } from './jobs/export.processor';
import { FreezeProcessor } from './jobs/freeze.processor';
import { RecountProcessor } from './jobs/recount.processor';
import { PeriodicReportsService } from './periodic-reports.service';
import { RecountRequestsService } from './recount-requests.service';
import { RecountService } from './recount.service';
import { ReportCache } from './report-cache';
import { ReportingController } from './reporting.controller';
import { TargetsService } from './targets.service';

/** Cohort reporting: the roll-ups (kept by database triggers), their recount, cohort figures and targets. */
@Module({
  imports: [HouseholdsModule],
  controllers: [ReportingController, CommunityReportController],
  providers: [CommunityReportService, RecountService, RecountProcessor, RecountRequestsService, CohortReportService, TargetsService, PeriodicReportsService, FreezeProcessor, ExportsService, ExportProcessor, ReportCache],
})
export class ReportingModule {}
