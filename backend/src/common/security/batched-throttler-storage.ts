import { Logger, type OnApplicationShutdown, type OnModuleDestroy } from '@nestjs/common';
import { type ThrottlerStorage, ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import type { Redis } from 'ioredis';

export type BatchedThrottlerStorageOptions = {
  /** Throttlers counted in the process and shared in batches; every other throttler stays exact in Redis. */
  batched: readonly string[];
  flushMs?: number;
  maxKeys?: number;
};

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

type Entry = {
  ttl: number;
  /** The total over all processes that Redis answered at this key's last flush. */
  shared: number;
  /** Hits here not yet sent, and those in the flush under way. */
  pending: number;
  inFlight: number;
  windowEnd: number;
  blockedUntil: number;
  /** The window restarted when a block ended: the next flush drops the old shared count first. */
  restart: boolean;
};

const WARN_EVERY_MS = 10_000;
const SWEEP_EVERY_MS = 1_000;
const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * Rate-limit counters without a Redis round trip per request.
 *
 * Batched throttlers (the general per-minute guard) count in the process; every `flushMs` one
 * pipeline sends `INCRBY` of the new hits (and the window as expiry) for each key that has them and
 * reads back the total of all processes. A request is judged on that total plus the hits not yet
 * sent, so the shared limit can be exceeded by at most the hits all processes take within one flush
 * interval. A blocked key is answered here without Redis. The other throttlers (sign-in, reset,
 * verification) go to Redis on every hit, exactly as before. If Redis fails, requests are judged on
 * this process's counts; without Redis at all it is the throttler's in-memory storage.
 */
export class BatchedThrottlerStorage implements ThrottlerStorage, OnModuleDestroy, OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly batched: ReadonlySet<string>;
  private readonly flushMs: number;
  private readonly maxKeys: number;
  private readonly entries = new Map<string, Entry>();
  private readonly dirty = new Set<string>();
  private readonly exact: ThrottlerStorage | null;
  private readonly local = new ThrottlerStorageService();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | undefined;
  private nextSweepAt = 0;
  private lastWarnAt = 0;
  private failures = 0;
  private closed = false;

  constructor(
    private readonly redis: Redis | null,
    options: BatchedThrottlerStorageOptions,
  ) {
    this.batched = new Set(options.batched);
    this.flushMs = options.flushMs ?? 200;
    this.maxKeys = options.maxKeys ?? 100_000;
    this.exact = redis ? new ThrottlerStorageRedisService(redis) : null;
  }

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    if (!this.exact) return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    if (this.batched.has(throttlerName)) {
      // The exact storage's counter key: both kinds of process can share a counter during a rollout.
      return this.countHere(`{${key}:${throttlerName}}:hits`, ttl, limit, blockDuration, Date.now());
    }
    try {
      return await this.exact.increment(key, ttl, limit, blockDuration, throttlerName);
    } catch (error) {
      this.warn(error);
      return this.local.increment(key, ttl, limit, blockDuration, throttlerName);
    }
  }

  private countHere(key: string, ttl: number, limit: number, blockDuration: number, now: number): ThrottlerStorageRecord {
    let entry = this.entries.get(key);
    if (entry && entry.blockedUntil > now) {
      return { totalHits: total(entry), timeToExpire: seconds(entry.windowEnd - now), isBlocked: true, timeToBlockExpire: seconds(entry.blockedUntil - now) };
    }
    if (!entry || entry.windowEnd <= now || entry.blockedUntil > 0) {
      // As the Redis script does: a block that ends before its window starts a new count.
      const restart = entry !== undefined && entry.blockedUntil > 0 && entry.windowEnd > now;
      entry = { ttl, shared: 0, pending: 0, inFlight: 0, windowEnd: now + ttl, blockedUntil: 0, restart };
      this.remember(key, entry, now);
    }
    entry.pending += 1;
    this.dirty.add(key);
    this.schedule();
    const totalHits = total(entry);
    if (totalHits > limit) {
      // No block duration: refuse until the window ends, as the in-memory storage does.
      entry.blockedUntil = blockDuration > 0 ? now + blockDuration : entry.windowEnd;
      return { totalHits, timeToExpire: seconds(entry.windowEnd - now), isBlocked: true, timeToBlockExpire: seconds(entry.blockedUntil - now) };
    }
    return { totalHits, timeToExpire: seconds(entry.windowEnd - now), isBlocked: false, timeToBlockExpire: 0 };
  }

  private remember(key: string, entry: Entry, now: number): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxKeys) this.sweep(now, true);
    // Still full: forget the oldest key (its client starts a fresh count, which errs on letting through).
    for (const oldest of this.entries.keys()) {
      if (this.entries.size < this.maxKeys) break;
      this.entries.delete(oldest);
      this.dirty.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  private sweep(now: number, force = false): void {
    if (!force && now < this.nextSweepAt) return;
    this.nextSweepAt = now + SWEEP_EVERY_MS;
    for (const [key, entry] of this.entries) {
      if (entry.windowEnd <= now && entry.blockedUntil <= now && entry.inFlight === 0) {
        this.entries.delete(key);
        this.dirty.delete(key);
      }
    }
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.sweep(Date.now());
      void this.flush().finally(() => {
        if (this.dirty.size > 0) this.schedule();
      });
    }, this.flushMs);
    this.timer.unref();
  }

  /** Sends the hits not yet shared, one pipeline for all keys; never rejects. */
  async flush(): Promise<void> {
    while (this.flushing) await this.flushing;
    this.flushing = this.send().finally(() => (this.flushing = undefined));
    return this.flushing;
  }

  private async send(): Promise<void> {
    if (!this.redis || this.dirty.size === 0) return;
    const pipeline = this.redis.pipeline();
    const sent: Array<{ key: string; entry: Entry; restart: boolean }> = [];
    for (const key of this.dirty) {
      const entry = this.entries.get(key);
      if (!entry || entry.pending === 0) continue;
      if (entry.restart) pipeline.del(key);
      pipeline.incrby(key, entry.pending).pexpire(key, entry.ttl, 'NX').pttl(key);
      sent.push({ key, entry, restart: entry.restart });
      entry.inFlight = entry.pending;
      entry.pending = 0;
      entry.restart = false;
    }
    this.dirty.clear();
    if (sent.length === 0) return;
    let results: Array<[Error | null, unknown]> = [];
    let failure: unknown;
    try {
      results = (await pipeline.exec()) ?? [];
    } catch (error) {
      failure = error;
    }
    const now = Date.now();
    let at = 0;
    for (const { key, entry, restart } of sent) {
      const replies = results.slice(at, (at += restart ? 4 : 3)).slice(restart ? 1 : 0);
      const error = replies.length < 3 ? (failure ?? new Error('no reply')) : replies.find(([e]) => e)?.[0];
      if (error) {
        // Kept here and sent again with the next hits; meanwhile the local count decides.
        failure ??= error;
        entry.pending += entry.inFlight;
        entry.restart ||= restart;
        if (this.entries.get(key) === entry) this.dirty.add(key);
      } else {
        entry.shared = Number(replies[0]![1]);
        const pttl = Number(replies[2]![1]);
        if (pttl > 0) entry.windowEnd = now + pttl;
      }
      entry.inFlight = 0;
    }
    if (failure) this.warn(failure);
  }

  private warn(error: unknown): void {
    this.failures += 1;
    const now = Date.now();
    if (now - this.lastWarnAt < WARN_EVERY_MS) return;
    this.logger.warn(
      `Redis failed ${this.failures} time(s); rate limits count in this process meanwhile: ${error instanceof Error ? error.message : String(error)}`,
    );
    this.lastWarnAt = now;
    this.failures = 0;
  }

  /** Before the Redis connection closes (on application shutdown): stop the timer and share what is left. */
  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  onApplicationShutdown(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.entries.clear();
    this.dirty.clear();
    this.local.onApplicationShutdown();
  }
}

const total = (entry: Entry) => entry.shared + entry.inFlight + entry.pending;
