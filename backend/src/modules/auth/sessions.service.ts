import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, Not, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { preparedQuery } from '../../database/prepared';
import type { Principal } from './decorators';
import { Session } from './entities/session.entity';
import { type LiveSession, SessionCache } from './session-cache';
import { SessionLookups } from './session-lookups';

const HOUR = 3600_000;
/** How stale last_seen_at may get before a request refreshes it (saves a write per request). */
const TOUCH_EVERY_MS = 5 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest();


export type RevokeReason = 'logout' | 'password_changed' | 'password_reset' | 'disabled' | 'deleted' | 'role_changed' | 'assist_ended';

@Injectable()
export class SessionsService {
  /** Cache misses of one event-loop turn, looked up together. */
  private readonly lookups: SessionLookups;

  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: SessionCache,
  ) {
    this.lookups = new SessionLookups(sessions.manager.connection);
  }

  /** Creates a session and returns the secret token for the cookie. */
  async create(
    userId: string, userAgent: string | null, em?: EntityManager, assisted?: { byId: string; ttlHours: number },
  ): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const repo = em ? em.getRepository(Session) : this.sessions;
    const session = await repo.save(
      repo.create({
        tokenHash: hashToken(token),
        userId,
        userAgent,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + (assisted?.ttlHours ?? this.config.session.ttlHours) * HOUR),
        assistedById: assisted?.byId ?? null,
      }),
    );
    return { token, session };
  }

  /** The signed-in person for a cookie token, or null if the session is not live or the user not active. */
  async resolve(token: string): Promise<Principal | null> {
    const hash = hashToken(token);
    const key = hash.toString('hex');
    const now = Date.now();
    const live = this.cache.get(key, now) ?? (await this.load(hash, key, now));
    if (!live || live.expiresAt <= now || live.lastSeenAt + this.config.session.idleHours * HOUR <= now) return null;
    if (now - live.lastSeenAt > TOUCH_EVERY_MS) {
      live.lastSeenAt = now;
      await preparedQuery(this.sessions.manager.connection, 'session_touch', 'UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [live.principal.sessionId, new Date(now)]);
    }
    return live.principal;
  }

  private async load(hash: Buffer, key: string, now: number): Promise<LiveSession | null> {
    const row = await this.lookups.find(hash);
    if (!row || row.revoked_at || row.status !== 'active') return null;
    const live: LiveSession = {
      principal: {
        userId: row.user_id,
        sessionId: row.id,
        role: row.role,
        scope: row.role === 'admin' && row.scope_level ? { level: row.scope_level, unitId: row.scope_unit_id } : null,
      },
      expiresAt: row.expires_at.getTime(),
      lastSeenAt: row.last_seen_at.getTime(),
    };
    this.cache.set(key, live, now);
    return live;
  }

  async revoke(userId: string, sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
    await this.cache.forget(userId);
  }

  /** Ends every session of a person, except optionally the one making the request. */
  async revokeAll(userId: string, reason: RevokeReason, em?: EntityManager, exceptSessionId?: string): Promise<void> {
    const repo = em ? em.getRepository(Session) : this.sessions;
    await repo.update(
      { userId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { revokedAt: new Date(), revokeReason: reason },
    );
    await this.cache.forget(userId);
  }

  /** Deletes every session of a person (account deletion). */
  async deleteAll(userId: string, em: EntityManager): Promise<void> {
    await em.getRepository(Session).delete({ userId });
    await this.cache.forget(userId);
  }

  /** Makes every API process read the person's sessions again, e.g. after their role changed. */
  forget(userId: string): Promise<void> {
    return this.cache.forget(userId);
  }

  listForUser(userId: string): Promise<Session[]> {
    return this.sessions.find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
