import type { Redis } from 'ioredis';

/** Counts events per key in a fixed window: shared through Redis across API processes, else in memory. */
export interface CounterStore {
  increment(key: string, windowMs: number): Promise<number>;
  get(key: string): Promise<number>;
  /** Takes `by` off a count still in its window (never below zero); nothing when the window is over. */
  decrement(key: string, by: number): Promise<void>;
  /** Milliseconds until the key's window ends; 0 when it holds no count. */
  ttlMs(key: string): Promise<number>;
  reset(key: string): Promise<void>;
}

export class RedisCounterStore implements CounterStore {
  constructor(private readonly redis: Redis) {}

  async increment(key: string, windowMs: number): Promise<number> {
    const [[, count]] = (await this.redis.multi().incr(key).pexpire(key, windowMs, 'NX').exec()) as [
      [Error | null, number],
    ];
    return count;
  }

  async get(key: string): Promise<number> {
    return Number((await this.redis.get(key)) ?? 0);
  }

  async ttlMs(key: string): Promise<number> {
    return Math.max(0, await this.redis.pttl(key));
  }

  async decrement(key: string, by: number): Promise<void> {
    // One script, so a concurrent increment is never lost and an expired key is not brought back.
    await this.redis.eval(
      `local n = redis.call('GET', KEYS[1]) if n then redis.call('SET', KEYS[1], math.max(0, tonumber(n) - tonumber(ARGV[1])), 'KEEPTTL') end`,
      1,
      key,
      by,
    );
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(key);
  }
}

export class MemoryCounterStore implements CounterStore {
  private readonly counts = new Map<string, { count: number; expiresAt: number }>();

  async increment(key: string, windowMs: number): Promise<number> {
    const now = Date.now();
    const entry = this.counts.get(key);
    if (!entry || entry.expiresAt <= now) {
      this.counts.set(key, { count: 1, expiresAt: now + windowMs });
      return 1;
    }
    entry.count += 1;
    return entry.count;
  }

  async get(key: string): Promise<number> {
    const entry = this.counts.get(key);
    return entry && entry.expiresAt > Date.now() ? entry.count : 0;
  }

  async decrement(key: string, by: number): Promise<void> {
    const entry = this.counts.get(key);
    if (entry && entry.expiresAt > Date.now()) entry.count = Math.max(0, entry.count - by);
  }

  async ttlMs(key: string): Promise<number> {
    const entry = this.counts.get(key);
    return entry ? Math.max(0, entry.expiresAt - Date.now()) : 0;
  }

  async reset(key: string): Promise<void> {
    this.counts.delete(key);
  }
}

export const COUNTER_STORE = Symbol('COUNTER_STORE');
