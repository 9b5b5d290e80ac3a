import { Inject, Injectable } from '@nestjs/common';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { COUNTER_STORE, type CounterStore } from '../../common/security/counter-store';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { parseLogin } from '../users/login-identifier';
import { UsersService } from '../users/users.service';
import { AuthErrors } from './auth.errors';

/** A device that signed in keeps this cookie; it vouches for that device on that account only. */
export const DEVICE_COOKIE = 'device';

/** The counters one sign-in attempt reads and feeds. `loginKey` never names the person. */
export type Attempt = { loginKey: string; ip: string | null; device: { userId: string; id: string } | null };

/**
 * Sign-in brakes that answer the same whether an account exists and that a stranger cannot turn
 * against the owner. Every counter is keyed by the login as typed (its blind index, so an unknown
 * phone counts exactly like a known one), never by the account:
 * - per login and address: `maxFailures` failures lock that login for that address only;
 * - per login from everywhere: `accountMaxFailures` stop a spread-out guessing campaign;
 * - per address over every login: `ipMaxFailures` stop password spraying (failures of logins that
 *   then got in are forgiven, so a class behind one address is not stopped by its typos).
 * A device that signed in to the account before (the signed `device` cookie) is exempt from the
 * first two, so the owner keeps their way in while strangers are locked out; it has its own
 * counter, so a stolen cookie buys `maxFailures` guesses, not more.
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly users: UsersService,
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  attempt(login: string, ip: string | null, deviceCookie: string | undefined): Attempt {
    const parsed = parseLogin(login);
    const normalised = parsed?.value ?? `raw:${login.trim().toLowerCase()}`;
    return { loginKey: this.users.cipher.blindIndex(normalised).toString('base64url'), ip, device: this.readDevice(deviceCookie) };
  }

  /** Whether the attempt comes from a device that signed in to this very account and has not been abused since. */
  async trusts(attempt: Attempt, userId: string | undefined): Promise<boolean> {
    if (!attempt.device || !userId || attempt.device.userId !== userId) return false;
    return (await this.counters.get(keys.device(attempt.device.id))) < this.config.login.maxFailures;
  }

  /** Throws the answer for an attempt that must not be checked at all. */
  async refuseIfLocked(attempt: Attempt, trusted: boolean): Promise<void> {
    const { ipMaxFailures, maxFailures, accountMaxFailures } = this.config.login;
    if (trusted) return;
    if ((await this.counters.get(keys.ip(attempt.ip))) >= ipMaxFailures) throw AuthErrors.ipBlocked();
    for (const [key, max] of [[keys.pair(attempt.loginKey, attempt.ip), maxFailures], [keys.login(attempt.loginKey), accountMaxFailures]] as const) {
      if ((await this.counters.get(key)) >= max) throw AuthErrors.locked(await this.secondsLeft(key));
    }
  }

  /** Counts a failure; true when this very failure locked the login for this address (or everywhere). */
  async recordFailure(attempt: Attempt, trusted: boolean): Promise<boolean> {
    const { maxFailures, accountMaxFailures } = this.config.login;
    const windowMs = this.config.login.lockMinutes * 60_000;
    if (trusted) {
      await this.counters.increment(keys.device(attempt.device!.id), windowMs);
      return false;
    }
    const [, pair, everywhere] = await Promise.all([
      this.counters.increment(keys.ip(attempt.ip), windowMs),
      this.counters.increment(keys.pair(attempt.loginKey, attempt.ip), windowMs),
      this.counters.increment(keys.login(attempt.loginKey), windowMs),
    ]);
    return pair >= maxFailures || everywhere >= accountMaxFailures;
  }

  /**
   * After a right password: this address starts afresh for this login, and the person's own typos
   * are taken off the address's and the login's counts. What is left on an address are failures on
   * logins that never got in from it, the mark of password spraying, not of a class whose members
   * mistype before they sign in.
   */
  async recordSuccess(attempt: Attempt): Promise<void> {
    const pairKey = keys.pair(attempt.loginKey, attempt.ip);
    const typos = await this.counters.get(pairKey);
    if (typos === 0) return;
    await Promise.all([
      this.counters.decrement(keys.ip(attempt.ip), typos),
      this.counters.decrement(keys.login(attempt.loginKey), typos),
      this.counters.reset(pairKey),
    ]);
  }

  /** When the login is locked from everywhere (what an administrator can see and lift), else null. */
  async lockedUntil(loginHashes: (Buffer | null)[]): Promise<Date | null> {
    let until = 0;
    for (const hash of loginHashes) {
      if (!hash) continue;
      const key = keys.login(hash.toString('base64url'));
      if ((await this.counters.get(key)) >= this.config.login.accountMaxFailures) until = Math.max(until, Date.now() + (await this.counters.ttlMs(key)));
    }
    return until ? new Date(until) : null;
  }

  /**
   * Lifts the lock from everywhere on these logins (an administrator's "enable", a password reset),
   * and from `ip` where given: the address the owner reset their password from.
   */
  async release(loginHashes: (Buffer | null)[], ip?: string | null): Promise<void> {
    for (const hash of loginHashes) {
      if (!hash) continue;
      const loginKey = hash.toString('base64url');
      await this.counters.reset(keys.login(loginKey));
      if (ip !== undefined) await this.counters.reset(keys.pair(loginKey, ip));
    }
  }

  /** A new device cookie for a person who just signed in. */
  deviceCookieFor(userId: string, current: Attempt['device']): string {
    const id = current?.userId === userId ? current.id : randomBytes(12).toString('base64url');
    return `${userId}.${id}.${this.sign(userId, id)}`;
  }

  private readDevice(cookie: string | undefined): Attempt['device'] {
    const [userId, id, signature, extra] = (cookie ?? '').split('.');
    if (!userId || !id || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(userId, id));
    const given = Buffer.from(signature);
    return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, id } : null;
  }

  private sign(userId: string, id: string): string {
    return createHmac('sha256', this.config.sessionSecret).update(`device:${userId}:${id}`).digest('base64url');
  }

  private async secondsLeft(key: string): Promise<number> {
    return Math.max(1, Math.ceil((await this.counters.ttlMs(key)) / 1000));
  }
}

const keys = {
  ip: (ip: string | null) => `login-fail:ip:${ip ?? 'unknown'}`,
  pair: (loginKey: string, ip: string | null) => `login-fail:pair:${loginKey}:${ip ?? 'unknown'}`,
  login: (loginKey: string) => `login-fail:login:${loginKey}`,
  device: (id: string) => `login-fail:device:${id}`,
};
