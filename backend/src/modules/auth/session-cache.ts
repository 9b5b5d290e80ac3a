import { Injectable } from '@nestjs/common';
import { makeRoom } from '../../common/memory/make-room';
import { RecentForgets } from '../../common/memory/recent-forgets';
import { InvalidationBus } from '../../common/redis/invalidation-bus';
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
const TOPIC = 'sessions';

type Entry = LiveSession & { until: number };

/**
 * Sessions by token hash, kept a few seconds per process so a request need not read the session and
 * its user every time. Every revocation, disabling, deletion or role change of a person calls
 * `forget(userId)`, which drops their entries here and, through the invalidation bus, in every other
 * API process.
 */
@Injectable()
export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Token hashes by person, so forgetting someone does not walk every cached session. */
  private readonly byUser = new Map<string, Set<string>>();
  /**
   * People forgotten in the last TTL: their sessions are not cached again meanwhile. The change that
   * caused the forget may not be committed yet, so a read racing with it could still see the old rows.
   */
  private readonly quiet = new RecentForgets(TTL_MS);

  constructor(private readonly bus: InvalidationBus) {
    bus.on(TOPIC, (userId) => this.drop(userId));
  }

  get(tokenHash: string, now = Date.now()): LiveSession | null {
    const entry = this.entries.get(tokenHash);
    if (!entry) return null;
    if (entry.until > now) return entry;
    this.entries.delete(tokenHash);
    this.unindex(tokenHash, entry);
    return null;
  }

  set(tokenHash: string, session: LiveSession, now = Date.now()): void {
    if (this.quiet.get(session.principal.userId, now) !== undefined) return;
    makeRoom(this.entries, MAX_ENTRIES, (hash, entry) => this.unindex(hash, entry));
    const previous = this.entries.get(tokenHash);
    if (previous) this.unindex(tokenHash, previous);
    this.entries.set(tokenHash, { ...session, until: now + TTL_MS });
    const userId = session.principal.userId;
    const hashes = this.byUser.get(userId);
    if (hashes) hashes.add(tokenHash);
    else this.byUser.set(userId, new Set([tokenHash]));
  }

  /** Drops a person's sessions in every API process; call it with or after any change to them. */
  forget(userId: string): Promise<void> {
    return this.bus.publish(TOPIC, userId);
  }

  private drop(userId: string): void {
    for (const hash of this.byUser.get(userId) ?? []) this.entries.delete(hash);
    this.byUser.delete(userId);
    this.quiet.add(userId);
  }

  private unindex(tokenHash: string, entry: Entry): void {
    const hashes = this.byUser.get(entry.principal.userId);
    hashes?.delete(tokenHash);
    if (hashes?.size === 0) this.byUser.delete(entry.principal.userId);
  }
}
