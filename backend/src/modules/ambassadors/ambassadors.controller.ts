import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { CurrentUser, type Principal } from '../auth/decorators';
import { ProgressSummaryDto } from '../learning/dto/progress-summary.dto';
import { AmbassadorsService, type AmbassadorStatus } from './ambassadors.service';
import { AmbassadorStatusDto, InvitationPreviewDto, JoinAmbassadorDto, MenteeDto, MentorshipDto, ReminderResultDto } from './dto/ambassador.dto';

const statusDto = (s: AmbassadorStatus): AmbassadorStatusDto => ({
  eligible: s.eligible, ambassador: s.ambassador && { ...s.ambassador, since: s.ambassador.since.toISOString() },
});

/** Both sides of a digital ambassador's work: the ambassador (`me/ambassador`) and the mentee (`me/mentorship`). */
@ApiTags('ambassadors')
@Controller()
export class AmbassadorsController {
  constructor(private readonly ambassadors: AmbassadorsService) {}

  @Get('me/ambassador')
  @ApiOkResponse({ type: AmbassadorStatusDto })
  async status(@CurrentUser() p: Principal): Promise<AmbassadorStatusDto> {
    return statusDto(await this.ambassadors.status(p.userId));
  }

  @Put('me/ambassador')
  @ApiOkResponse({ type: AmbassadorStatusDto, description: '409 RECORD_REQUIRED without a valid completion record' })
  async become(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<AmbassadorStatusDto> {
    await this.ambassadors.become(p.userId, meta);
    return statusDto(await this.ambassadors.status(p.userId));
  }

  @Delete('me/ambassador')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Steps down; every mentee stops sharing with you' })
  stepDown(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.ambassadors.stepDown(p.userId, meta);
  }

  @Get('me/ambassador/mentees')
  @ApiOkResponse({ type: [MenteeDto], description: 'Only mentees who share their progress with you now' })
  async mentees(@CurrentUser() p: Principal): Promise<MenteeDto[]> {
    return (await this.ambassadors.mentees(p.userId)).map((m) => ({
      ...ProgressSummaryDto.from(m), menteeId: m.menteeId, fullName: m.fullName,
      consentedAt: new Date(m.consentedAt).toISOString(), lastReminderAt: m.lastReminderAt ? new Date(m.lastReminderAt).toISOString() : null,
    }));
  }

  @Post('me/ambassador/mentees/:id/reminders')
  @HttpCode(200)
  @ApiOkResponse({ type: ReminderResultDto, description: 'Once a day per mentee; 429 REMINDER_LIMIT past the daily allowance' })
  async remind(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<ReminderResultDto> {
    return { outcome: await this.ambassadors.remind(p.userId, id) };
  }

  @Get('ambassador-invitations/:code')
  @ApiOkResponse({ type: InvitationPreviewDto, description: 'Whose code it is, before agreeing to share progress' })
  preview(@Param('code') code: string): Promise<InvitationPreviewDto> {
    return this.ambassadors.preview(code);
  }

  @Get('me/mentorship')
  @ApiOkResponse({ type: MentorshipDto })
  async mentorship(@CurrentUser() p: Principal): Promise<MentorshipDto> {
    const m = await this.ambassadors.mentorshipOf(p.userId);
    return { ambassadorName: m?.ambassadorName ?? null, since: m ? new Date(m.since).toISOString() : null };
  }

  @Put('me/mentorship')
  @ApiOkResponse({ type: MentorshipDto, description: 'Joins the code’s ambassador, sharing your progress with them (ends a current mentorship)' })
  async join(@CurrentUser() p: Principal, @Body() dto: JoinAmbassadorDto, @ReqMeta() meta: RequestMeta): Promise<MentorshipDto> {
    await this.ambassadors.join(p.userId, dto.code, meta);
    return this.mentorship(p);
  }

  @Delete('me/mentorship')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Withdraws consent: the ambassador sees nothing of you from now on' })
  withdraw(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.ambassadors.withdraw(p.userId, meta);
  }
}
