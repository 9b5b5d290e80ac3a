import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager, IsNull, Not, type Repository } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { User } from '../users/entities/user.entity';
import { Session } from './entities/session.entity';

const HOUR = 3600_000;
/** How stale last_seen_at may get before a request refreshes it (saves a write per request). */
const TOUCH_EVERY_MS = 5 * 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest();

export type RevokeReason = 'logout' | 'password_changed' | 'password_reset' | 'disabled' | 'deleted' | 'role_changed';

@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Creates a session and returns the secret token for the cookie. */
  async create(userId: string, userAgent: string | null, em?: EntityManager): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = new Date();
    const repo = em ? em.getRepository(Session) : this.sessions;
    const session = await repo.save(
      repo.create({
        tokenHash: hashToken(token),
        userId,
        userAgent,
        lastSeenAt: now,
        expiresAt: new Date(now.getTime() + this.config.session.ttlHours * HOUR),
      }),
    );
    return { token, session };
  }

  /** The live session and its active user for a cookie token, or null. */
  async resolve(token: string): Promise<{ session: Session; user: User } | null> {
    // One joined query: findOne with a relation would first run a DISTINCT query to apply its limit.
    const session = await this.sessions.createQueryBuilder('s').innerJoinAndSelect('s.user', 'u').where('s.token_hash = :hash', { hash: hashToken(token) }).getOne();
    const now = Date.now();
    if (
      !session?.user ||
      session.revokedAt ||
      session.expiresAt.getTime() <= now ||
      session.lastSeenAt.getTime() + this.config.session.idleHours * HOUR <= now ||
      session.user.status !== 'active'
    ) {
      return null;
    }
    if (now - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      await this.sessions.update(session.id, { lastSeenAt: new Date(now) });
    }
    return { session, user: session.user };
  }

  async revoke(sessionId: string, reason: RevokeReason): Promise<void> {
    await this.sessions.update({ id: sessionId, revokedAt: IsNull() }, { revokedAt: new Date(), revokeReason: reason });
  }

  /** Ends every session of a person, except optionally the one making the request. */
  async revokeAll(userId: string, reason: RevokeReason, em?: EntityManager, exceptSessionId?: string): Promise<void> {
    const repo = em ? em.getRepository(Session) : this.sessions;
    await repo.update(
      { userId, revokedAt: IsNull(), ...(exceptSessionId ? { id: Not(exceptSessionId) } : {}) },
      { revokedAt: new Date(), revokeReason: reason },
    );
  }

  listForUser(userId: string): Promise<Session[]> {
    return this.sessions.find({ where: { userId }, order: { createdAt: 'DESC' }, take: 100 });
  }
}
