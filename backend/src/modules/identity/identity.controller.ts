import { Body, Controller, Delete, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiFoundResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CsrfTokens, setCsrfCookie } from '../../common/security/csrf';
import { AuthRateLimited } from '../../common/security/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CurrentUser, type Principal, Public } from '../auth/decorators';
import { SESSION_COOKIE, setSessionCookie } from '../auth/session-cookie';
import { SessionsService } from '../auth/sessions.service';
import { MeResponseDto } from '../users/dto/me-response.dto';
import { mask } from '../users/personal-data.cipher';
import { UsersService } from '../users/users.service';
import {
  AuthorizationUrlDto, IdentityLinkDto, IdentityPasswordDto, IdentityPendingDto, IdentityProviderDto, IdentityRegisterDto, IdentityStartDto,
} from './dto/identity.dto';
import { IdentityProviders } from './identity-providers';
import { type CallbackParams, IdentitySignInService, newBrowserToken } from './identity-sign-in.service';
import { IdentityFailed } from './identity.errors';
import { IdentityUnlinkService } from './identity-unlink.service';

/** The httpOnly cookie that ties a round trip to the provider to the browser that started it. */
const BROWSER_COOKIE = 'idp';
const CALLBACK_PARAMS = ['code', 'state', 'error', 'error_description', 'iss', 'session_state'];

/** Where the web app takes over after the provider's answer. */
const LANDING = { signedIn: '/hoc-tap', register: '/dang-ky/dinh-danh', reset: '/quen-mat-khau/dinh-danh', linked: '/ho-so?dinh-danh=da-lien-ket' };

@ApiTags('identity')
@Controller()
export class IdentityController {
  constructor(
    private readonly signIn: IdentitySignInService,
    private readonly providers: IdentityProviders,
    private readonly unlinks: IdentityUnlinkService,
    private readonly sessions: SessionsService,
    private readonly users: UsersService,
    private readonly csrf: CsrfTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('auth/identity-providers')
  @ApiOkResponse({ type: [IdentityProviderDto] })
  list(): IdentityProviderDto[] {
    return this.providers.list().map((p) => ({ id: p.id, label: p.label }));
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/identity-providers/:provider/authorization')
  @ApiCreatedResponse({ type: AuthorizationUrlDto })
  async authorize(
    @Param('provider') provider: string, @Body() dto: IdentityStartDto, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuthorizationUrlDto> {
    return { url: await this.signIn.start(provider, dto.intent, null, this.browserToken(req, res)) };
  }

  @Post('me/identity-links/:provider/authorization')
  @ApiCreatedResponse({ type: AuthorizationUrlDto, description: 'Links the provider to the signed-in account once the person comes back' })
  async authorizeLink(
    @CurrentUser() p: Principal, @Param('provider') provider: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<AuthorizationUrlDto> {
    return { url: await this.signIn.start(provider, 'link', p.userId, this.browserToken(req, res)) };
  }

  @Get('me/identity-links')
  @ApiOkResponse({ type: [IdentityLinkDto] })
  async links(@CurrentUser() p: Principal): Promise<IdentityLinkDto[]> {
    return (await this.signIn.linksOf(p.userId)).map((l) => ({ provider: l.provider, providerLabel: this.providers.labelOf(l.provider)!, linkedAt: l.createdAt.toISOString() }));
  }

  @Delete('me/identity-links/:provider')
  @HttpCode(204)
  @ApiNoContentResponse({ description: '409 LAST_SIGN_IN_METHOD when the person would have no other way to sign in' })
  unlink(@CurrentUser() p: Principal, @Param('provider') provider: string, @ReqMeta() meta: RequestMeta): Promise<void> {
    return this.unlinks.unlink(p.userId, provider, meta);
  }

  /** The provider sends the browser back here; every outcome is a redirect into the web app. */
  @Public()
  @AuthRateLimited()
  @Get('auth/identity-providers/:provider/callback')
  @ApiFoundResponse({ description: 'Redirects into the web app; on failure with `?dinh-danh=<reason>`' })
  async callback(
    @Param('provider') provider: string, @Query() query: Record<string, unknown>, @Req() req: FastifyRequest, @ReqMeta() meta: RequestMeta, @Res() res: FastifyReply,
  ): Promise<void> {
    const params: CallbackParams = {};
    for (const name of CALLBACK_PARAMS) {
      const value = query[name];
      if (typeof value === 'string' && value.length <= 2000) params[name] = value;
    }
    const sid = req.cookies[SESSION_COOKIE];
    const current = sid ? await this.sessions.resolve(sid) : null;
    try {
      const done = await this.signIn.finish(provider, params, req.cookies[BROWSER_COOKIE], current?.userId ?? null, meta);
      if (done.kind === 'signed-in') this.startSession(res, done.token);
      await res.redirect(done.kind === 'signed-in' ? LANDING.signedIn : done.kind === 'linked' ? LANDING.linked : LANDING[done.pending], 302);
    } catch (err) {
      if (!(err instanceof IdentityFailed)) throw err;
      await res.redirect(`${current ? '/ho-so' : '/dang-nhap'}?dinh-danh=${err.reason}`, 302);
    }
  }

  @Public()
  @Get('auth/identity/registration')
  @ApiOkResponse({ type: IdentityPendingDto, description: '404 when no identity sign-in waits in this browser' })
  async pending(@Req() req: FastifyRequest): Promise<IdentityPendingDto> {
    const { provider, claims } = await this.signIn.pending(req.cookies[BROWSER_COOKIE], 'register');
    return {
      providerLabel: this.providers.labelOf(provider)!, fullName: claims.fullName, birthYear: claims.birthYear,
      phone: claims.phone ? mask.phone(claims.phone) : null,
    };
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/identity/registration')
  @ApiCreatedResponse({ type: MeResponseDto })
  async register(
    @Body() dto: IdentityRegisterDto, @Req() req: FastifyRequest, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeResponseDto> {
    const { user, token } = await this.signIn.register(req.cookies[BROWSER_COOKIE], dto, meta);
    this.startSession(res, token);
    return this.users.meOf(user.id);
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/identity/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponseDto, description: 'Sets the password of the person the provider has just authenticated, and signs them in' })
  async resetPassword(
    @Body() dto: IdentityPasswordDto, @Req() req: FastifyRequest, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeResponseDto> {
    const { user, token } = await this.signIn.resetPassword(req.cookies[BROWSER_COOKIE], dto.newPassword, meta);
    this.startSession(res, token);
    return this.users.meOf(user.id);
  }

  /** The session cookie, and a CSRF token bound to it, as every sign-in sets them. */
  private startSession(res: FastifyReply, token: string): void {
    setSessionCookie(res, token, this.config);
    setCsrfCookie(res, this.csrf.issue(token), this.config.session.cookieSecure);
  }

  private browserToken(req: FastifyRequest, res: FastifyReply): string {
    const existing = req.cookies[BROWSER_COOKIE];
    const token = existing && /^[\w-]{43}$/.test(existing) ? existing : newBrowserToken();
    res.setCookie(BROWSER_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure: this.config.session.cookieSecure, path: '/api', maxAge: 3600 });
    return token;
  }
}
