import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CsrfTokens, setCsrfCookie } from '../../common/security/csrf';
import { AuthRateLimited } from '../../common/security/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Public } from '../auth/decorators';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { MeResponseDto } from '../users/dto/me-response.dto';
import { UsersService } from '../users/users.service';
import { AssistedSessionsService } from './assisted-sessions.service';
import { CommunityResidentsService, type ResidentRow } from './community-residents.service';
import { CommunityErrors } from './community.errors';
import {
  AssistDto, AssistedSessionDto, CardSignInDto, HouseholdVisitDto, HouseholdVisitViewDto, MembershipDto, RegisteredResidentDto, RegisterResidentDto, ResidentDto,
  SignInCardDto,
} from './dto/community.dto';
import type { HouseholdVisit } from './entities/household-visit.entity';
import { HouseholdVisitsService } from './household-visits.service';
import type { ActiveMember } from './community-team.service';
import { MemberSession, TeamMemberGuard, TeamMemberOf } from './member-session';

type Member = ActiveMember & { token: string };

const residentDto = (r: ResidentRow): ResidentDto => ({
  ...r, registeredAt: r.registeredAt?.toISOString() ?? null, lastAssistedAt: r.lastAssistedAt?.toISOString() ?? null,
});
const visitDto = (v: HouseholdVisit): HouseholdVisitViewDto => ({ id: v.id, visitedAt: v.visitedAt.toISOString(), peopleHelped: v.peopleHelped, residentIds: v.residentIds, note: v.note });

/**
 * The community digital technology team's work on a member's phone. Routes are @Public for the
 * global guard and find the member themselves (`MemberSession`): during an assisted session the
 * phone's session is the resident's, and the member's waits aside.
 */
@ApiTags('community')
@Public()
@Controller()
export class CommunityController {
  constructor(
    private readonly memberSession: MemberSession,
    private readonly residents: CommunityResidentsService,
    private readonly assisted: AssistedSessionsService,
    private readonly visits: HouseholdVisitsService,
    private readonly users: UsersService,
    private readonly csrf: CsrfTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('community/membership')
  @ApiOkResponse({ type: MembershipDto, description: '403 for anyone not on a team' })
  @UseGuards(TeamMemberGuard)
  membership(@TeamMemberOf() member: Member): MembershipDto {
    return { unitId: member.unitId };
  }

  @Post('community/residents')
  @ApiCreatedResponse({ type: RegisteredResidentDto })
  @UseGuards(TeamMemberGuard)
  async register(@TeamMemberOf() member: Member, @Body() dto: RegisterResidentDto, @ReqMeta() meta: RequestMeta): Promise<RegisteredResidentDto> {
    const { user, card } = await this.residents.register(member, dto, meta);
    const row = (await this.residents.list(member)).find((r) => r.id === user.id)!;
    return { resident: residentDto(row), card };
  }

  @Get('community/residents')
  @ApiOkResponse({ type: [ResidentDto] })
  @UseGuards(TeamMemberGuard)
  async list(@TeamMemberOf() member: Member): Promise<ResidentDto[]> {
    return (await this.residents.list(member)).map(residentDto);
  }

  @Post('community/residents/:id/card')
  @ApiCreatedResponse({ type: SignInCardDto, description: 'A new card; the earlier one stops working' })
  @UseGuards(TeamMemberGuard)
  reissueCard(@TeamMemberOf() member: Member, @Param('id', ParseUUIDPipe) id: string, @ReqMeta() meta: RequestMeta): Promise<SignInCardDto> {
    return this.residents.reissueCard(member, id, meta);
  }

  @Post('community/visits')
  @HttpCode(200)
  @ApiOkResponse({ type: HouseholdVisitViewDto, description: 'Stored once per id: sending it again answers the same' })
  @UseGuards(TeamMemberGuard)
  async logVisit(@TeamMemberOf() member: Member, @Body() dto: HouseholdVisitDto): Promise<HouseholdVisitViewDto> {
    return visitDto((await this.visits.log(member, dto)).visit);
  }

  @Get('community/visits')
  @ApiOkResponse({ type: [HouseholdVisitViewDto] })
  @UseGuards(TeamMemberGuard)
  async listVisits(@TeamMemberOf() member: Member): Promise<HouseholdVisitViewDto[]> {
    return (await this.visits.listOf(member)).map(visitDto);
  }

  /** The phone now holds the resident's session; the member's waits aside. Starting another switches residents. */
  @Post('community/assisted-sessions')
  @ApiCreatedResponse({ type: AssistedSessionDto })
  @UseGuards(TeamMemberGuard)
  async assist(
    @TeamMemberOf() member: Member, @Req() req: FastifyRequest, @Body() dto: AssistDto, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AssistedSessionDto> {
    const current = await this.memberSession.assisted(req);
    if (current) await this.assisted.end(member.userId, current.sessionId, current.userId);
    const { resident, token } = await this.assisted.start(member, dto.residentId, meta);
    MemberSession.setAside(res, member.token, this.config);
    this.startSession(res, token);
    return { residentId: resident.id, residentName: resident.fullName };
  }

  @Get('community/assisted-sessions/current')
  @ApiOkResponse({ type: AssistedSessionDto, description: '404 when the phone is not in an assisted session' })
  async current(@Req() req: FastifyRequest): Promise<AssistedSessionDto> {
    const current = await this.memberSession.assisted(req);
    if (!current) throw CommunityErrors.notAssisting();
    const me = await this.users.meOf(current.userId);
    return { residentId: me.id, residentName: me.fullName };
  }

  /** Closes the resident's session and gives the phone back to the member. */
  @Post('community/assisted-sessions/end')
  @HttpCode(204)
  @ApiNoContentResponse()
  async endAssist(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    const current = await this.memberSession.assisted(req);
    const found = await this.memberSession.principal(req);
    if (!current || !found) throw CommunityErrors.notAssisting();
    await this.assisted.end(found.principal.userId, current.sessionId, current.userId);
    MemberSession.clear(res, this.config);
    this.startSession(res, found.token);
  }

  /** The resident's card (QR code or typed code) signs them in on their own phone. */
  @AuthRateLimited()
  @Post('auth/card')
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponseDto })
  async cardSignIn(@Body() dto: CardSignInDto, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply): Promise<MeResponseDto> {
    const { user, token } = await this.residents.signInWithCard(dto.code, meta);
    MemberSession.clear(res, this.config);
    this.startSession(res, token);
    return this.users.meOf(user.id);
  }

  /** Session cookie and a CSRF token bound to it, as at every sign-in. */
  private startSession(res: FastifyReply, token: string): void {
    if (token) setSessionCookie(res, token, this.config);
    else clearSessionCookie(res, this.config);
    setCsrfCookie(res, this.csrf.issue(token), this.config.session.cookieSecure);
  }
}
