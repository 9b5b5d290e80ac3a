import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { UnitsService } from '../units/units.service';
import { User } from '../users/entities/user.entity';
import { normalizeEmail, normalizePhone, parseLogin } from '../users/login-identifier';
import { hashPassword, verifyPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { AuthErrors, loginConflict } from './auth.errors';
import { CONSENT } from './consent';
import { LoginThrottle } from './login-throttle';
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { SessionsService } from './sessions.service';

/** A new account's fields, checked for shape already; `verified` when an identity provider vouches for the person. */
export type NewAccount = Omit<RegisterDto, 'phone' | 'email' | 'password' | 'consent'> & {
  phone: string | null;
  email: string | null;
  passwordHash: string | null;
  verified: { provider: string; citizenIdHash: Buffer; link: (em: EntityManager, userId: string) => Promise<void> } | null;
  /** The community team member who registered the person on their own phone. */
  registeredById?: string;
};

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly organisations: OrganisationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the account and its first session in one transaction: never half an account. */
  async register(dto: RegisterDto, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const phone = dto.phone ? normalizePhone(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    if (!phone && !email) throw AuthErrors.loginRequired();
    return this.createAccount({ ...dto, phone, email, passwordHash: await hashPassword(dto.password), verified: null }, meta);
  }

  /**
   * The rules every new account follows, whichever way it arrives (a form, an identity provider):
   * the current consent, an active commune, a free phone or email, and one transaction for the
   * person, their organisation, the identity link if any, the first session and the audit line.
   */
  async createAccount(input: NewAccount, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const { user, then: token } = await this.insertAccount(input, meta, async (em, created) => (await this.sessions.create(created.id, meta.userAgent, em)).token);
    return { user, token };
  }

  /** The account alone, then `then` in the same transaction (a first session, or whatever the caller records beside it). */
  async insertAccount<T>(input: NewAccount, meta: RequestMeta, then: (em: EntityManager, user: User) => Promise<T>): Promise<{ user: User; then: T }> {
    if (input.consentVersion !== CONSENT.version) throw AuthErrors.consentOutdated();
    if (Boolean(input.organisationName) !== Boolean(input.organisationKind)) throw AuthErrors.organisationIncomplete();
    const unit = await this.units.findActiveCommune(input.unitId);
    if (!unit?.parentId) throw AuthErrors.unitNotFound();
    for (const [field, value] of [['phone', input.phone], ['email', input.email]] as const) {
      if (value && (await this.users.findByLogin({ kind: field, value }))) throw AuthErrors.loginTaken(field);
    }
    try {
      return await this.dataSource.transaction(async (em) => {
        const organisation =
          input.organisationName && input.organisationKind
            ? await this.organisations.findOrCreate(em, unit.parentId!, input.organisationName, input.organisationKind)
            : null;
        const sealedPhone = this.users.seal(input.phone);
        const sealedEmail = this.users.seal(input.email);
        const now = new Date();
        const user = await em.getRepository(User).save(
          em.getRepository(User).create({
            phoneEnc: sealedPhone.enc,
            phoneHash: sealedPhone.hash,
            emailEnc: sealedEmail.enc,
            emailHash: sealedEmail.hash,
            passwordHash: input.passwordHash,
            passwordChangedAt: input.passwordHash ? now : null,
            fullName: input.fullName.trim().replace(/\s+/g, ' '),
            birthYear: input.birthYear,
            targetGroup: input.targetGroup,
            unitId: unit.id,
            provinceId: unit.parentId!,
            organisationId: organisation?.id ?? null,
            citizenIdHash: input.verified?.citizenIdHash ?? null,
            identityVerifiedAt: input.verified ? now : null,
            identityProvider: input.verified?.provider ?? null,
            consentVersion: CONSENT.version,
            consentAt: now,
          }),
        );
        await input.verified?.link(em, user.id);
        const result = await then(em, user);
        const details = { ...(input.verified ? { via: input.verified.provider } : {}), ...(input.registeredById ? { by: 'community_team' } : {}) };
        await this.audit.record('user.registered', { actorId: input.registeredById ?? user.id, subjectId: user.id, meta, details }, em);
        return { user, then: result };
      });
    } catch (err) {
      throw loginConflict(err) ?? err;
    }
  }

  /**
   * Checks a password behind the brakes of `LoginThrottle`: the same answers, in the same time,
   * whether or not the login has an account. A successful sign-in writes only its session (and
   * audit line); `deviceCookie` is what the browser should keep to be trusted next time.
   */
  async login(dto: LoginDto, meta: RequestMeta, deviceCookie?: string): Promise<{ user: User; token: string; deviceCookie: string }> {
    const attempt = this.throttle.attempt(dto.login, meta.ip, deviceCookie);
    const identifier = parseLogin(dto.login);
    const user = identifier ? await this.users.findByLogin(identifier) : null;
    const trusted = await this.throttle.trusts(attempt, user?.id);
    // Refusals are not audited one by one: the lock was, when it fell, and a write per refusal would let anyone fill the log.
    await this.throttle.refuseIfLocked(attempt, trusted);
    const ok = await verifyPassword(user?.status === 'deleted' ? null : (user?.passwordHash ?? null), dto.password);
    if (!user || !ok) {
      const locked = await this.throttle.recordFailure(attempt, trusted);
      await this.audit.record('auth.login_failed', { subjectId: user?.id ?? null, meta });
      if (!locked) throw AuthErrors.invalidCredentials();
      await this.audit.record('auth.lockout', { subjectId: user?.id ?? null, meta, details: { by: 'failures', minutes: this.config.login.lockMinutes } });
      throw AuthErrors.locked(this.config.login.lockMinutes * 60);
    }
    if (user.status !== 'active') throw AuthErrors.disabled();
    await this.throttle.recordSuccess(attempt);
    const { token } = await this.sessions.create(user.id, meta.userAgent);
    await this.audit.record('auth.login', { actorId: user.id, subjectId: user.id, meta });
    return { user, token, deviceCookie: this.throttle.deviceCookieFor(user.id, attempt.device) };
  }

  async logout(userId: string, sessionId: string, meta: RequestMeta): Promise<void> {
    await this.sessions.revoke(userId, sessionId, 'logout');
    await this.audit.record('auth.logout', { actorId: userId, subjectId: userId, meta });
  }

  /** A new password ends every other session, so a stolen one stops working. */
  async changePassword(userId: string, sessionId: string, current: string, next: string, meta: RequestMeta): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    if (!(await verifyPassword(user.passwordHash, current))) throw AuthErrors.wrongPassword();
    const passwordHash = await hashPassword(next);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update(userId, { passwordHash, passwordChangedAt: new Date() });
      await this.sessions.revokeAll(userId, 'password_changed', em, sessionId);
      await this.audit.record('auth.password_changed', { actorId: userId, subjectId: userId, meta }, em);
    });
  }
}
