import { type CanActivate, createParamDecorator, type ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppException } from '../../common/errors/app-exception';
import type { AppConfig } from '../../config/config';
import type { Principal } from '../auth/decorators';
import { SESSION_COOKIE } from '../auth/session-cookie';
import { SessionsService } from '../auth/sessions.service';
import { type ActiveMember, CommunityTeamService } from './community-team.service';

/** While a resident learns on the member's phone, the member's own session token waits here (httpOnly). */
export const MEMBER_COOKIE = 'sid_member';
/** Readable by the page, only to show the "assisted session" bar; it grants nothing. */
export const ASSISTING_COOKIE = 'assisting';

/**
 * The team member holding the phone: the session set aside during an assisted session, else the
 * phone's own session. Team routes use this instead of the global guard's principal, so the member
 * can switch residents without signing in again.
 */
@Injectable()
export class MemberSession {
  constructor(
    private readonly sessions: SessionsService,
    private readonly team: CommunityTeamService,
  ) {}

  async principal(req: FastifyRequest): Promise<{ principal: Principal; token: string } | null> {
    for (const name of [MEMBER_COOKIE, SESSION_COOKIE]) {
      const token = req.cookies[name];
      const principal = token ? await this.sessions.resolve(token) : null;
      if (principal && token) return { principal, token };
    }
    return null;
  }

  async member(req: FastifyRequest): Promise<ActiveMember & { token: string }> {
    const found = await this.principal(req);
    if (!found) throw new AppException(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', 'Sign in first');
    return { ...(await this.team.memberOf(found.principal.userId)), token: found.token };
  }

  /** The resident session the phone holds during an assisted session, if any. */
  async assisted(req: FastifyRequest): Promise<Principal | null> {
    const sid = req.cookies[SESSION_COOKIE];
    return req.cookies[MEMBER_COOKIE] && sid ? this.sessions.resolve(sid) : null;
  }

  static setAside(res: FastifyReply, memberToken: string, config: AppConfig): void {
    res.setCookie(MEMBER_COOKIE, memberToken, { httpOnly: true, sameSite: 'lax', secure: config.session.cookieSecure, path: '/api', maxAge: config.session.ttlHours * 3600 });
    res.setCookie(ASSISTING_COOKIE, '1', { httpOnly: false, sameSite: 'lax', secure: config.session.cookieSecure, path: '/' });
  }

  static clear(res: FastifyReply, config: AppConfig): void {
    res.clearCookie(MEMBER_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.session.cookieSecure, path: '/api' });
    res.clearCookie(ASSISTING_COOKIE, { httpOnly: false, sameSite: 'lax', secure: config.session.cookieSecure, path: '/' });
  }
}

/** Lets through only a team member (the one holding the phone, see `MemberSession`), before the body is even read. */
@Injectable()
export class TeamMemberGuard implements CanActivate {
  constructor(private readonly memberSession: MemberSession) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<FastifyRequest & { teamMember?: ActiveMember & { token: string } }>();
    req.teamMember = await this.memberSession.member(req);
    return true;
  }
}

/** The member `TeamMemberGuard` found. */
export const TeamMemberOf = createParamDecorator(
  (_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<FastifyRequest & { teamMember: ActiveMember & { token: string } }>().teamMember,
);
