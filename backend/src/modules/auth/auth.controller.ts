import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CsrfTokens, setCsrfCookie } from '../../common/security/csrf';
import { AuthRateLimited } from '../../common/security/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { MeResponseDto } from '../users/dto/me-response.dto';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import { CONSENT } from './consent';
import { CurrentUser, type Principal, Public } from './decorators';
import {
  ChangePasswordDto, ConsentResponseDto, CsrfResponseDto, EmailResetDto, LoginDto, ResetPasswordDto,
} from './dto/login.dto';
import { RegisterDto } from './dto/register.dto';
import { PasswordResetService } from './password-reset.service';
import { DEVICE_COOKIE } from './login-throttle';
import { clearSessionCookie, SESSION_COOKIE, setDeviceCookie, setSessionCookie } from './session-cookie';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetService,
    private readonly users: UsersService,
    private readonly csrf: CsrfTokens,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Gives the page a CSRF token (also set as the `csrf_token` cookie) to echo in `x-csrf-token`. */
  @Public()
  @Get('auth/csrf')
  @ApiOkResponse({ type: CsrfResponseDto })
  issueCsrf(@Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply): CsrfResponseDto {
    return { csrfToken: this.renewCsrf(res, req.cookies[SESSION_COOKIE] ?? '') };
  }

  @Public()
  @Get('consent')
  @ApiOkResponse({ type: ConsentResponseDto })
  consent(): ConsentResponseDto {
    return { version: CONSENT.version, text: CONSENT.text };
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/register')
  @ApiCreatedResponse({ type: MeResponseDto })
  async register(
    @Body() dto: RegisterDto,
    @ReqMeta() meta: RequestMeta,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeResponseDto> {
    const { user, token } = await this.auth.register(dto, meta);
    setSessionCookie(res, token, this.config);
    this.renewCsrf(res, token);
    return this.users.meOf(user.id);
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: MeResponseDto })
  async login(
    @Body() dto: LoginDto,
    @ReqMeta() meta: RequestMeta,
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) res: FastifyReply,
  ): Promise<MeResponseDto> {
    const { user, token, deviceCookie } = await this.auth.login(dto, meta, req.cookies[DEVICE_COOKIE]);
    setSessionCookie(res, token, this.config);
    setDeviceCookie(res, deviceCookie, this.config);
    this.renewCsrf(res, token);
    return this.users.meOf(user.id);
  }

  @Post('auth/logout')
  @HttpCode(204)
  @ApiNoContentResponse()
  async logout(@CurrentUser() p: Principal, @ReqMeta() meta: RequestMeta, @Res({ passthrough: true }) res: FastifyReply): Promise<void> {
    await this.auth.logout(p.userId, p.sessionId, meta);
    clearSessionCookie(res, this.config);
    this.renewCsrf(res, '');
  }

  @Get('auth/me')
  @ApiOkResponse({ type: MeResponseDto })
  current(@CurrentUser() p: Principal): Promise<MeResponseDto> {
    return this.users.meOf(p.userId);
  }

  @AuthRateLimited()
  @Post('auth/password')
  @HttpCode(204)
  @ApiNoContentResponse()
  async changePassword(@CurrentUser() p: Principal, @Body() dto: ChangePasswordDto, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.auth.changePassword(p.userId, p.sessionId, dto.currentPassword, dto.newPassword, meta);
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/password-reset')
  @HttpCode(204)
  @ApiNoContentResponse()
  async resetPassword(@Body() dto: ResetPasswordDto, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.resets.reset(dto.login, dto.code, dto.newPassword, meta);
  }

  @Public()
  @AuthRateLimited()
  @Post('auth/password-reset/email')
  @HttpCode(202)
  @ApiOkResponse({ description: 'Accepted; a code is mailed if the email has an account and mail is configured' })
  async emailReset(@Body() dto: EmailResetDto, @ReqMeta() meta: RequestMeta): Promise<void> {
    await this.resets.requestByEmail(dto.email, meta);
  }

  /** A CSRF token bound to the session cookie the client holds from now on (see `CsrfTokens`). */
  private renewCsrf(res: FastifyReply, sessionToken: string): string {
    const csrfToken = this.csrf.issue(sessionToken);
    setCsrfCookie(res, csrfToken, this.config.session.cookieSecure);
    return csrfToken;
  }
}
