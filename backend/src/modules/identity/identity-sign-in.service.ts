import { Injectable, Logger } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { errors, generators, type TokenSet } from 'openid-client';
import { DataSource, type EntityManager } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { LoginThrottle } from '../auth/login-throttle';
import { SessionsService } from '../auth/sessions.service';
import { User } from '../users/entities/user.entity';
import { hashPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import type { IdentityRegisterDto } from './dto/identity.dto';
import { IdentityLink } from './entities/identity-link.entity';
import { type IdentityIntent, IdentityLogin, type PendingKind } from './entities/identity-login.entity';
import { type IdentityClaims, readClaims } from './identity-claims';
import { IdentityProviders } from './identity-providers';
import { IdentityErrors, IdentityFailed, type IdentityFailure } from './identity.errors';

/** A round trip to the provider must come back within this. */
const ROUND_TRIP_MS = 10 * 60_000;
/** The step after it (registering, choosing a new password) must be done within this. */
const PENDING_MS = 15 * 60_000;
/** A password reset needs an authentication at the provider at most this old (OIDC `max_age`). */
const RESET_MAX_AGE_S = 300;

const sha256 = (v: string) => createHash('sha256').update(v).digest();

export type CallbackParams = Record<string, string>;
export type Finished =
  | { kind: 'signed-in'; userId: string; token: string }
  | { kind: 'pending'; pending: PendingKind }
  | { kind: 'linked' };

/**
 * Sign-in, sign-up, linking and password reset through OpenID Connect providers (authorization
 * code with PKCE). The citizen identity number is kept only as a keyed hash; a provider account
 * that comes back with another number than before is refused.
 */
@Injectable()
export class IdentitySignInService {
  private readonly logger = new Logger('IdentitySignIn');

  constructor(
    private readonly dataSource: DataSource,
    private readonly providers: IdentityProviders,
    private readonly users: UsersService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  /** The provider's authorization URL; the round trip is bound to `browserToken` (an httpOnly cookie). */
  async start(providerId: string, intent: IdentityIntent, userId: string | null, browserToken: string): Promise<string> {
    const provider = this.providers.get(providerId);
    const client = await this.providers.client(providerId);
    const state = generators.state();
    const nonce = generators.nonce();
    const codeVerifier = generators.codeVerifier();
    const logins = this.dataSource.getRepository(IdentityLogin);
    // Old round trips are of no use to anyone: each start sweeps those of yesterday.
    await logins.createQueryBuilder().delete().where(`created_at < now() - interval '1 day'`).execute();
    await logins.insert({
      stateHash: sha256(state), browserHash: sha256(browserToken), provider: providerId, intent, userId,
      nonce, codeVerifier, expiresAt: new Date(Date.now() + ROUND_TRIP_MS),
    });
    return client.authorizationUrl({
      scope: provider.scopes, state, nonce, code_challenge: generators.codeChallenge(codeVerifier), code_challenge_method: 'S256',
      ...(intent === 'reset' ? { max_age: RESET_MAX_AGE_S, prompt: 'login' } : {}),
    });
  }

  /**
   * The provider's answer. The round trip is consumed first (so a replay finds nothing), then must
   * belong to this browser, this provider and, for a link, to the person still signed in.
   */
  async finish(providerId: string, params: CallbackParams, browserToken: string | undefined, sessionUserId: string | null, meta: RequestMeta): Promise<Finished> {
    this.providers.get(providerId);
    const login = await this.consume(params.state);
    if (!login || !browserToken || !sha256(browserToken).equals(login.browserHash) || login.provider !== providerId) throw await this.refuse('state', null, meta);
    if (login.expiresAt.getTime() <= Date.now()) throw await this.refuse('expired', login.userId, meta);
    if (params.error) throw await this.refuse('provider_error', login.userId, meta, { error: params.error.slice(0, 60) });
    if (login.intent === 'link' && login.userId !== sessionUserId) throw await this.refuse('state', sessionUserId, meta);
    const claims = await this.claimsOf(providerId, login, params, meta);
    switch (login.intent) {
      case 'link':
        await this.link(login.userId!, providerId, claims, meta);
        return { kind: 'linked' };
      case 'reset':
        return this.prepareReset(login, claims, meta);
      case 'signin':
        return this.signIn(login, claims, meta);
    }
  }

  /** What the provider said about the person, for the page that finishes registering. */
  async pending(browserToken: string | undefined, kind: PendingKind): Promise<{ provider: string; claims: IdentityClaims }> {
    const login = await this.pendingLogin(this.dataSource.manager, browserToken, kind, false);
    return { provider: login.provider, claims: this.unseal(login) };
  }

  /** Creates the account from the provider's claims, with the usual consent and the place the person chooses. */
  async register(browserToken: string | undefined, dto: IdentityRegisterDto, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const login = await this.pendingLogin(this.dataSource.manager, browserToken, 'register', false);
    const claims = this.unseal(login);
    const fullName = claims.fullName ?? dto.fullName;
    const birthYear = claims.birthYear ?? dto.birthYear;
    if (!fullName) throw IdentityErrors.fieldMissing('fullName');
    if (!birthYear) throw IdentityErrors.fieldMissing('birthYear');
    const phone = claims.phone && !(await this.users.findByLogin({ kind: 'phone', value: claims.phone })) ? claims.phone : null;
    try {
      return await this.auth.createAccount(
        {
          phone, email: null, passwordHash: null, fullName, birthYear, targetGroup: dto.targetGroup, unitId: dto.unitId,
          organisationName: dto.organisationName, organisationKind: dto.organisationKind, consentVersion: dto.consentVersion,
          verified: {
            provider: login.provider,
            citizenIdHash: this.citizenHash(claims.citizenId!),
            link: async (em, userId) => {
              // Only the browser's own pending sign-in, once: a second submission finds it completed.
              await this.pendingLogin(em, browserToken, 'register', true);
              await em.getRepository(IdentityLink).insert({ userId, provider: login.provider, subject: claims.subject, lastUsedAt: new Date() });
              await em.getRepository(IdentityLogin).update(login.id, { completedAt: new Date(), claimsEnc: null });
            },
          },
        },
        meta,
      );
    } catch (err) {
      throw identityConflict(err) ?? err;
    }
  }

  /** A new password for the person the provider has just authenticated: ends every session and lifts sign-in locks. */
  async resetPassword(browserToken: string | undefined, newPassword: string, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const passwordHash = await hashPassword(newPassword);
    const { user, token } = await this.dataSource.transaction(async (em) => {
      const login = await this.pendingLogin(em, browserToken, 'reset', true);
      const user = await em.getRepository(User).findOneByOrFail({ id: login.userId! });
      if (user.status !== 'active') throw IdentityErrors.noPending();
      await em.getRepository(User).update(user.id, { passwordHash, passwordChangedAt: new Date() });
      await em.getRepository(IdentityLogin).update(login.id, { completedAt: new Date(), claimsEnc: null });
      await this.sessions.revokeAll(user.id, 'password_reset', em);
      const { token } = await this.sessions.create(user.id, meta.userAgent, em);
      await this.audit.record('auth.password_reset', { actorId: user.id, subjectId: user.id, meta, details: { channel: 'identity', provider: login.provider } }, em);
      return { user, token };
    });
    await this.throttle.release([user.phoneHash, user.emailHash], meta.ip);
    return { user, token };
  }

  linksOf(userId: string): Promise<IdentityLink[]> {
    return this.dataSource.getRepository(IdentityLink).find({ where: { userId }, order: { createdAt: 'ASC' } });
  }

  private async consume(state: string | undefined): Promise<IdentityLogin | null> {
    if (!state || state.length > 200) return null;
    const rows = (await this.dataSource.query(
      `UPDATE identity_logins SET consumed_at = now() WHERE state_hash = $1 AND consumed_at IS NULL RETURNING id`,
      [sha256(state)],
    )) as [{ id: string }[], number];
    const id = rows[0]?.[0]?.id;
    return id ? this.dataSource.getRepository(IdentityLogin).findOneBy({ id }) : null;
  }

  /** Exchanges the code (PKCE verifier, nonce and, for a reset, the authentication's age checked by openid-client). */
  private async claimsOf(providerId: string, login: IdentityLogin, params: CallbackParams, meta: RequestMeta): Promise<IdentityClaims> {
    const provider = this.providers.get(providerId);
    const client = await this.providers.client(providerId);
    let tokens: TokenSet;
    try {
      tokens = await client.callback(this.providers.redirectUri(providerId), params, {
        state: params.state, nonce: login.nonce, code_verifier: login.codeVerifier, response_type: 'code',
        ...(login.intent === 'reset' ? { max_age: RESET_MAX_AGE_S } : {}),
      });
    } catch (err) {
      const reason: IdentityFailure = err instanceof errors.OPError || err instanceof errors.RPError ? 'token' : 'unavailable';
      this.logger.warn({ provider: providerId, reason, error: (err as Error).message }, 'Identity provider answer refused');
      throw await this.refuse(reason, login.userId, meta);
    }
    let raw: Record<string, unknown> = tokens.claims();
    const names = Object.values(provider.claims);
    if (tokens.access_token && names.some((n) => raw[n] === undefined)) {
      // Some providers give the person's details only at the userinfo endpoint (its `sub` is checked against the ID token's).
      try {
        raw = { ...(await client.userinfo(tokens)), ...raw };
      } catch (err) {
        this.logger.warn({ provider: providerId, error: (err as Error).message }, 'Userinfo refused');
      }
    }
    const claims = readClaims(raw, provider.claims);
    if (!claims.citizenId) throw await this.refuse('claims_missing', login.userId, meta);
    return claims;
  }

  private async signIn(login: IdentityLogin, claims: IdentityClaims, meta: RequestMeta): Promise<Finished> {
    const link = await this.dataSource.getRepository(IdentityLink).findOneBy({ provider: login.provider, subject: claims.subject });
    if (!link) {
      const holder = await this.dataSource.getRepository(User).findOneBy({ citizenIdHash: this.citizenHash(claims.citizenId!) });
      if (holder) throw await this.refuse('identity_taken', null, meta);
      await this.keepPending(login, 'register', null, claims);
      return { kind: 'pending', pending: 'register' };
    }
    const user = await this.linkedUser(link, claims, meta);
    const { token } = await this.sessions.create(user.id, meta.userAgent);
    await this.dataSource.getRepository(IdentityLink).update(link.id, { lastUsedAt: new Date() });
    await this.audit.record('auth.login', { actorId: user.id, subjectId: user.id, meta, details: { via: login.provider } });
    return { kind: 'signed-in', userId: user.id, token };
  }

  private async prepareReset(login: IdentityLogin, claims: IdentityClaims, meta: RequestMeta): Promise<Finished> {
    const link = await this.dataSource.getRepository(IdentityLink).findOneBy({ provider: login.provider, subject: claims.subject });
    if (!link) throw await this.refuse('not_linked', null, meta);
    const user = await this.linkedUser(link, claims, meta);
    await this.keepPending(login, 'reset', user.id, null);
    return { kind: 'pending', pending: 'reset' };
  }

  /** The linked person, if still the same citizen and allowed in. */
  private async linkedUser(link: IdentityLink, claims: IdentityClaims, meta: RequestMeta): Promise<User> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: link.userId });
    if (!user.citizenIdHash?.equals(this.citizenHash(claims.citizenId!))) throw await this.refuse('identity_changed', user.id, meta);
    if (user.status !== 'active') throw await this.refuse('disabled', user.id, meta);
    return user;
  }

  /** Links the provider account to the signed-in person; their first verified identity number stays theirs for good. */
  private async link(userId: string, providerId: string, claims: IdentityClaims, meta: RequestMeta): Promise<void> {
    const hash = this.citizenHash(claims.citizenId!);
    const outcome = await this.dataSource.transaction(async (em): Promise<IdentityFailure | null> => {
      const user = await em.getRepository(User).findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.status !== 'active') return 'state';
      if (user.citizenIdHash && !user.citizenIdHash.equals(hash)) return 'identity_changed';
      const other = await em.getRepository(IdentityLink).findOneBy({ provider: providerId, subject: claims.subject });
      if (other && other.userId !== userId) return 'identity_taken';
      if (other) return null;
      try {
        await em.query('SAVEPOINT identity_link');
        await em.getRepository(IdentityLink).insert({ userId, provider: providerId, subject: claims.subject, lastUsedAt: new Date() });
        if (!user.citizenIdHash) await em.getRepository(User).update(userId, { citizenIdHash: hash, identityVerifiedAt: new Date(), identityProvider: providerId });
      } catch (err) {
        if (!identityConflict(err)) throw err;
        await em.query('ROLLBACK TO SAVEPOINT identity_link');
        return 'identity_taken';
      }
      await this.audit.record('identity.linked', { actorId: userId, subjectId: userId, meta, details: { provider: providerId } }, em);
      return null;
    });
    if (outcome) throw await this.refuse(outcome, userId, meta);
  }

  private async keepPending(login: IdentityLogin, kind: PendingKind, userId: string | null, claims: IdentityClaims | null): Promise<void> {
    await this.dataSource.getRepository(IdentityLogin).update(login.id, {
      pendingKind: kind, userId: userId ?? login.userId, pendingExpiresAt: new Date(Date.now() + PENDING_MS),
      claimsEnc: claims ? this.users.cipher.encrypt(JSON.stringify(claims)) : null,
    });
  }

  private async pendingLogin(em: EntityManager, browserToken: string | undefined, kind: PendingKind, lock: boolean): Promise<IdentityLogin> {
    if (!browserToken) throw IdentityErrors.noPending();
    const login = await em.getRepository(IdentityLogin)
      .createQueryBuilder('l')
      .where('l.browser_hash = :hash AND l.pending_kind = :kind AND l.completed_at IS NULL AND l.pending_expires_at > now()', { hash: sha256(browserToken), kind })
      .orderBy('l.created_at', 'DESC')
      .setLock(lock ? 'pessimistic_write' : undefined as never)
      .getOne();
    if (!login) throw IdentityErrors.noPending();
    return login;
  }

  private unseal(login: IdentityLogin): IdentityClaims {
    if (!login.claimsEnc) throw IdentityErrors.noPending();
    return JSON.parse(this.users.cipher.decrypt(login.claimsEnc)) as IdentityClaims;
  }

  /** The same keyed hash as the contacts' blind index, under its own label so it never equals a phone's. */
  private citizenHash(citizenId: string): Buffer {
    return this.users.cipher.blindIndex(`citizen-id:${citizenId}`);
  }

  private async refuse(reason: IdentityFailure, userId: string | null, meta: RequestMeta, details: Record<string, unknown> = {}): Promise<IdentityFailed> {
    await this.audit.record('identity.refused', { subjectId: userId, meta, details: { reason, ...details } });
    return new IdentityFailed(reason);
  }
}

/** A unique violation on the identity number or the provider account: someone else holds it. */
function identityConflict(err: unknown): Error | null {
  const e = err as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const constraint = e.driverError?.constraint ?? e.constraint ?? '';
  return (e.driverError?.code ?? e.code) === '23505' && /citizen_id|identity_links/.test(constraint) ? IdentityErrors.identityTaken() : null;
}

/** A random value for the browser cookie that binds a round trip to the browser that started it. */
export const newBrowserToken = () => randomBytes(32).toString('base64url');
