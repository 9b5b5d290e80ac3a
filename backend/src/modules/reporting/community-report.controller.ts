import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { CommunityReportService } from './community-report.service';
import { CohortQueryDto } from './dto/cohort.dto';
import { CommunityReportDto } from './dto/community-report.dto';

@ApiTags('reporting')
@Roles('admin')
@Controller('admin/reporting')
export class CommunityReportController {
  constructor(private readonly community: CommunityReportService) {}

  /** Teams, visits, ambassadors and mentees, households, verified identities: the cohort's whole and its child units. */
  @Get('community')
  @ApiOkResponse({ type: CommunityReportDto })
  report(@CurrentUser() p: Principal, @Query() q: CohortQueryDto): Promise<CommunityReportDto> {
    return this.community.report(p, q);
  }
}
