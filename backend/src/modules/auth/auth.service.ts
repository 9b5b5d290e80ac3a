import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { COUNTER_STORE, type CounterStore } from '../../common/security/counter-store';
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
import type { LoginDto } from './dto/login.dto';
import type { RegisterDto } from './dto/register.dto';
import { SessionsService } from './sessions.service';

const ipKey = (ip: string | null) => `login-fail:ip:${ip ?? 'unknown'}`;

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly organisations: OrganisationsService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates the account and its first session in one transaction: never half an account. */
  async register(dto: RegisterDto, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const phone = dto.phone ? normalizePhone(dto.phone) : null;
    const email = dto.email ? normalizeEmail(dto.email) : null;
    if (!phone && !email) throw AuthErrors.loginRequired();
    if (dto.consentVersion !== CONSENT.version) throw AuthErrors.consentOutdated();
    if (Boolean(dto.organisationName) !== Boolean(dto.organisationKind)) throw AuthErrors.organisationIncomplete();
    const unit = await this.units.findActiveCommune(dto.unitId);
    if (!unit?.parentId) throw AuthErrors.unitNotFound();
    for (const [field, value] of [['phone', phone], ['email', email]] as const) {
      if (value && (await this.users.findByLogin({ kind: field, value }))) throw AuthErrors.loginTaken(field);
    }
    const passwordHash = await hashPassword(dto.password);
    try {
      return await this.dataSource.transaction(async (em) => {
        const organisation =
          dto.organisationName && dto.organisationKind
            ? await this.organisations.findOrCreate(em, unit.parentId!, dto.organisationName, dto.organisationKind)
            : null;
        const sealedPhone = this.users.seal(phone);
        const sealedEmail = this.users.seal(email);
        const now = new Date();
        const user = await em.getRepository(User).save(
          em.getRepository(User).create({
            phoneEnc: sealedPhone.enc,
            phoneHash: sealedPhone.hash,
            emailEnc: sealedEmail.enc,
            emailHash: sealedEmail.hash,
            passwordHash,
            passwordChangedAt: now,
            fullName: dto.fullName.trim().replace(/\s+/g, ' '),
            birthYear: dto.birthYear,
            targetGroup: dto.targetGroup,
            unitId: unit.id,
            provinceId: unit.parentId!,
            organisationId: organisation?.id ?? null,
            consentVersion: CONSENT.version,
            consentAt: now,
          }),
        );
        const { token } = await this.sessions.create(user.id, meta.userAgent, em);
        await this.audit.record('user.registered', { actorId: user.id, subjectId: user.id, meta }, em);
        return { user, token };
      });
    } catch (err) {
      throw loginConflict(err) ?? err;
    }
  }

  /**
   * Checks a password with two brakes: per address (shared through Redis across API processes) and
   * per account (a lock stored on the account, so it holds whichever process answers).
   */
  async login(dto: LoginDto, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const { ipMaxFailures, maxFailures, lockMinutes } = this.config.login;
    const windowMs = lockMinutes * 60_000;
    if ((await this.counters.get(ipKey(meta.ip))) >= ipMaxFailures) {
      await this.audit.record('auth.lockout', { meta, details: { by: 'ip' } });
      throw AuthErrors.ipBlocked();
    }
    const identifier = parseLogin(dto.login);
    const user = identifier ? await this.users.findByLogin(identifier) : null;
    if (user?.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw AuthErrors.locked(Math.ceil((user.lockedUntil.getTime() - Date.now()) / 1000));
    }
    const ok = await verifyPassword(user?.status === 'deleted' ? null : (user?.passwordHash ?? null), dto.password);
    if (!user || !ok) {
      await this.counters.increment(ipKey(meta.ip), windowMs);
      await this.audit.record('auth.login_failed', { subjectId: user?.id ?? null, meta });
      if (!user) throw AuthErrors.invalidCredentials();
      const result = await this.dataSource
        .createQueryBuilder()
        .update(User)
        .set({
          failedLoginCount: () => 'failed_login_count + 1',
          lockedUntil: () =>
            `CASE WHEN failed_login_count + 1 >= ${maxFailures} THEN now() + interval '${lockMinutes} minutes' ELSE locked_until END`,
        })
        .where('id = :id', { id: user.id })
        .returning('locked_until')
        .execute();
      const lockedUntil = (result.raw as { locked_until: Date | null }[])[0]?.locked_until;
      if (lockedUntil && new Date(lockedUntil).getTime() > Date.now()) {
        await this.dataSource.query(`UPDATE users SET failed_login_count = 0 WHERE id = $1`, [user.id]);
        await this.audit.record('auth.lockout', { subjectId: user.id, meta, details: { by: 'account', minutes: lockMinutes } });
        throw AuthErrors.locked(lockMinutes * 60);
      }
      throw AuthErrors.invalidCredentials();
    }
    if (user.status !== 'active') throw AuthErrors.disabled();
    await this.dataSource.getRepository(User).update(user.id, { failedLoginCount: 0, lockedUntil: null });
    const { token } = await this.sessions.create(user.id, meta.userAgent);
    await this.audit.record('auth.login', { actorId: user.id, subjectId: user.id, meta });
    return { user, token };
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
