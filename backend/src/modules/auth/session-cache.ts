import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { REDIS } from '../../common/redis/redis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import type { Principal } from './decorators';

/** A live session as the last database read saw it; the expiry checks still run on every request. */
export type LiveSession = { principal: Principal; expiresAt: number; lastSeenAt: number };

/**
 * How long a process trusts what it read: the bound on staleness for changes made outside this API
 * (a CLI, a manual edit, a broadcast lost while Redis was away). Changes made through the API are
 * broadcast and seen at once.
 */
const TTL_MS = 10_000;
const MAX_ENTRIES = 50_000;

type Entry = LiveSession & { until: number };

/**
 * Sessions by token hash, kept a few seconds per process so a request need not read the session and
 * its user every time. Every revocation, disabling, deletion or role change of a person calls
 * `forget(userId)`, which drops their entries here and, through Redis pub/sub, in every other API
 * process. Without Redis there is only this process, so the local drop is the whole story.
 */
@Injectable()
export class SessionCache implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(SessionCache.name);
  private readonly entries = new Map<string, Entry>();
  /**
   * People forgotten in the last TTL: their sessions are not cached again meanwhile. The change that
   * caused the forget may not be committed yet, so a read racing with it could still see the old rows.
   */
  private readonly quiet = new Map<string, number>();
  private readonly channel: string | null;
  private subscriber: Redis | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.channel = config.redis ? `${config.redis.prefix}:sessions-forgotten` : null;
  }

  onModuleInit(): void {
    if (!this.redis || !this.channel) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, userId: string) => this.drop(userId));
    // Not awaited: the API starts without Redis as before; until the subscription holds, the TTL bounds staleness.
    this.subscriber.subscribe(this.channel).catch((err: unknown) => this.logger.warn({ err }, 'Could not subscribe to session revocations'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit();
  }

  get(tokenHash: string, now = Date.now()): LiveSession | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until > now) return entry;
    this.entries.delete(tokenHash);
    return null;
  }

  set(tokenHash: string, session: LiveSession, now = Date.now()): void {
    const quietUntil = this.quiet.get(session.principal.userId);
    if (quietUntil !== undefined && quietUntil > now) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(tokenHash, { ...session, until: now + TTL_MS });
  }

  /** Drops a person's sessions in every API process; call it with or after any change to them. */
  async forget(userId: string): Promise<void> {
    this.drop(userId);
    if (!this.redis || !this.channel) return;
    try {
      await this.redis.publish(this.channel, userId);
    } catch (err) {
      // The TTL still bounds how long the other processes keep the session.
      this.logger.warn({ err }, 'Could not broadcast a session revocation');
    }
  }

  private drop(userId: string): void {
    const now = Date.now();
    for (const [hash, entry] of this.entries) {
      if (entry.principal.userId === userId) this.entries.delete(hash);
    }
    // Kept in time order (re-inserted on every forget), so the expired ones are at the front.
    for (const [id, until] of this.quiet) {
      if (until > now) break;
      this.quiet.delete(id);
    }
    this.quiet.delete(userId);
    this.quiet.set(userId, now + TTL_MS);
  }
}
