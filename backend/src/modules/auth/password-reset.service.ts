import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { DataSource, type EntityManager, IsNull, MoreThan } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { Mailer } from '../../common/mail/mailer';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { User } from '../users/entities/user.entity';
import { normalizeEmail, parseLogin } from '../users/login-identifier';
import { hashPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';
import { PasswordResetCode } from './entities/password-reset-code.entity';
import { LoginThrottle } from './login-throttle';
import { SessionsService } from './sessions.service';

/** A code survives this many wrong tries before it is burnt. */
const MAX_CODE_ATTEMPTS = 5;

/**
 * Most citizens have no email, so the usual reset is an 8-digit code that an administrator whose
 * scope covers the person hands over in person; email is the second channel where it exists.
 */
@Injectable()
export class PasswordResetService {
  private readonly logger = new Logger('PasswordReset');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    private readonly mailer: Mailer,
    private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Issues a new code (earlier unused ones stop working). The caller has checked the admin's scope. */
  async issueByAdmin(userId: string, adminId: string, meta: RequestMeta): Promise<{ code: string; expiresAt: Date }> {
    return this.dataSource.transaction(async (em) => {
      const issued = await this.issue(userId, 'admin', adminId, em);
      await this.audit.record('auth.reset_code_issued', { actorId: adminId, subjectId: userId, meta, details: { channel: 'admin' } }, em);
      return issued;
    });
  }

  /** Always answers the same way, so the endpoint does not reveal which emails have accounts. */
  async requestByEmail(emailInput: string, meta: RequestMeta): Promise<void> {
    const email = normalizeEmail(emailInput);
    if (!email || !this.mailer.enabled) return;
    const user = await this.users.findByLogin({ kind: 'email', value: email });
    if (!user || user.status !== 'active') return;
    const { code } = await this.dataSource.transaction(async (em) => {
      const issued = await this.issue(user.id, 'email', null, em);
      await this.audit.record('auth.reset_code_issued', { subjectId: user.id, meta, details: { channel: 'email' } }, em);
      return issued;
    });
    try {
      await this.mailer.send(
        email,
        'Mã đặt lại mật khẩu - Bình dân học vụ số',
        `Mã đặt lại mật khẩu của bạn là: ${code}\n\nMã có hiệu lực trong ${Math.round(this.config.resetCodeTtlMinutes / 60)} giờ và chỉ dùng được một lần. Nếu bạn không yêu cầu, hãy bỏ qua thư này.`,
      );
    } catch (err) {
      this.logger.error({ err }, 'Reset mail failed');
    }
  }

  /** Sets the new password, burns the code, ends every session and lifts any lockout. */
  async reset(login: string, code: string, newPassword: string, meta: RequestMeta): Promise<void> {
    // Hashed first, whoever asks: a reply that came sooner for unknown logins would tell which exist.
    const passwordHash = await hashPassword(newPassword);
    const identifier = parseLogin(login);
    const user = identifier ? await this.users.findByLogin(identifier) : null;
    if (!user || user.status === 'deleted') throw AuthErrors.invalidResetCode();
    const ok = await this.dataSource.transaction(async (em) => {
      const codes = em.getRepository(PasswordResetCode);
      const live = await codes.findOne({
        where: { userId: user.id, usedAt: IsNull(), expiresAt: MoreThan(new Date()) },
        order: { createdAt: 'DESC' },
        lock: { mode: 'pessimistic_write' },
      });
      if (!live || live.failedAttempts >= MAX_CODE_ATTEMPTS) return false;
      if (!this.matches(live.codeHash, code)) {
        await codes.increment({ id: live.id }, 'failedAttempts', 1);
        return false;
      }
      await codes.update(live.id, { usedAt: new Date() });
      await em.getRepository(User).update(user.id, {
        passwordHash,
        passwordChangedAt: new Date(),
      });
      await this.sessions.revokeAll(user.id, 'password_reset', em);
      await this.audit.record('auth.password_reset', { actorId: user.id, subjectId: user.id, meta, details: { channel: live.channel } }, em);
      return true;
    });
    if (!ok) throw AuthErrors.invalidResetCode();
    await this.throttle.release([user.phoneHash, user.emailHash], meta.ip);
  }

  private async issue(
    userId: string,
    channel: 'admin' | 'email',
    issuedById: string | null,
    em: EntityManager,
  ): Promise<{ code: string; expiresAt: Date }> {
    const code = String(randomInt(0, 100_000_000)).padStart(8, '0');
    const expiresAt = new Date(Date.now() + this.config.resetCodeTtlMinutes * 60_000);
    const codes = em.getRepository(PasswordResetCode);
    await codes.update({ userId, usedAt: IsNull() }, { usedAt: new Date() });
    await codes.insert({ userId, channel, issuedById, codeHash: this.hash(code), expiresAt });
    return { code, expiresAt };
  }

  private hash(code: string): Buffer {
    return createHmac('sha256', this.config.sessionSecret).update(`reset:${code}`).digest();
  }

  private matches(stored: Buffer, code: string): boolean {
    const given = this.hash(code);
    return stored.length === given.length && timingSafeEqual(stored, given);
  }
}
