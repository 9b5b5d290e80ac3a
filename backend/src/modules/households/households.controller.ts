import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Put } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { UuidParam } from '../../common/http/uuid-param';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CurrentUser, type Principal } from '../auth/decorators';
import { ProgressSummaryDto } from '../learning/dto/progress-summary.dto';
import {
  AcceptInvitationDto, CreateHouseholdDto, HouseholdPreviewDto, InvitedDto, InviteDto, JoinHouseholdDto, MyHouseholdDto,
} from './dto/household.dto';
import { HouseholdsService } from './households.service';

/** A person's household: forming one, joining by code or invitation, leaving; the owner invites, removes and renews the code. */
@ApiTags('households')
@Controller()
export class HouseholdsController {
  constructor(
    private readonly households: HouseholdsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('me/household')
  @ApiOkResponse({ type: MyHouseholdDto })
  async mine(@CurrentUser() p: Principal): Promise<MyHouseholdDto> {
    const { household: h, invitations } = await this.households.mine(p.userId);
    return {
      household: h && {
        ...h, createdAt: h.createdAt.toISOString(), inviteUrl: `${this.config.publicUrl}/gia-dinh-so?ma=${h.inviteCode}`,
        members: h.members.map((m) => ({
          ...ProgressSummaryDto.from(m), userId: m.userId, fullName: m.fullName, adult: m.adult, isOwner: m.isOwner, acceptedAt: new Date(m.acceptedAt).toISOString(),
        })),
        pendingInvitations: h.pendingInvitations.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
      },
      invitations: invitations.map((i) => ({ ...i, createdAt: new Date(i.createdAt).toISOString() })),
    };
  }

  @Post('households')
  @ApiCreatedResponse({ type: MyHouseholdDto, description: '409 ALREADY_IN_HOUSEHOLD for a person in one' })
  async create(@CurrentUser() p: Principal, @Body() dto: CreateHouseholdDto, @ReqMeta() meta: RequestMeta): Promise<MyHouseholdDto> {
    await this.households.create(p.userId, dto.name, meta);
    return this.mine(p);
  }

  @Put('me/household')
  @ApiOkResponse({ type: MyHouseholdDto, description: 'Joins the household of the code, sharing your progress with its members' })
  async join(@CurrentUser() p: Principal, @Body() dto: JoinHouseholdDto, @ReqMeta() meta: RequestMeta): Promise<MyHouseholdDto> {
    await this.households.joinByCode(p.userId, dto.code, meta);
    return this.mine(p);
  }

  @Delete('me/household')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Leaves: the members see nothing of you from now on' })
  leave(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.households.leave(p.userId, meta);
  }

  @Get('household-invitations/:code')
  @ApiOkResponse({ type: HouseholdPreviewDto, description: 'Whose household a code opens, before agreeing to share progress' })
  preview(@Param('code') code: string): Promise<HouseholdPreviewDto> {
    return this.households.preview(code);
  }

  @Post('me/household-invitations/:id/acceptance')
  @ApiCreatedResponse({ type: MyHouseholdDto })
  async accept(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() _dto: AcceptInvitationDto, @ReqMeta() meta: RequestMeta): Promise<MyHouseholdDto> {
    await this.households.accept(p.userId, id, meta);
    return this.mine(p);
  }

  @Delete('me/household-invitations/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  decline(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.households.decline(p.userId, id);
  }

  @Post('households/:id/invitations')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: InvitedDto, description: 'The same answer whether or not the login has an account; an account holder is notified' })
  invite(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Body() dto: InviteDto): Promise<InvitedDto> {
    return this.households.invite(p.userId, id, dto.login);
  }

  @Delete('households/:id/invitations/:invitationId')
  @HttpCode(204)
  @ApiNoContentResponse()
  cancelInvitation(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('invitationId') invitationId: string): Promise<void> {
    return this.households.cancelInvitation(p.userId, id, invitationId);
  }

  @Delete('households/:id/members/:userId')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The owner removes a member (who may come back only by a new invitation)' })
  remove(@CurrentUser() p: Principal, @UuidParam('id') id: string, @UuidParam('userId') userId: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.households.remove(p.userId, id, userId, meta);
  }

  @Post('households/:id/code')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'A new code; the old one stops working' })
  renewCode(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<void> {
    return this.households.renewCode(p.userId, id);
  }
}
