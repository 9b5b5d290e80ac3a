import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { REDIS } from '../../common/redis/redis';
import { APP_CONFIG, type AppConfig } from '../../config/config';

/** How long one process computes an answer before others stop waiting for it and compute their own. */
const LOCK_MS = 10_000;
const POLL_MS = 25;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

/**
 * Answers kept for `REPORTING_CACHE_SECONDS` (0 = off), in Redis so every API process shares them, with
 * one computation per key at a time: callers in this process share its promise, other processes wait for
 * the holder of a Redis lock and read its answer. The key names everything the answer depends on (the
 * caller makes it: the viewer's scope and the normalised query). Without Redis, or when it fails, the
 * answer is computed here (and kept in this process when Redis is not configured).
 */
@Injectable()
export class ReportCache {
  private readonly logger = new Logger(ReportCache.name);
  private readonly inFlight = new Map<string, Promise<unknown>>();
  private readonly local = new Map<string, { until: number; value: unknown }>();

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'reportingCacheSeconds'>,
  ) {}

  get<T>(name: string, parts: unknown, compute: () => Promise<T>): Promise<T> {
    const ttl = this.config.reportingCacheSeconds;
    if (ttl === 0) return compute();
    const key = `reporting-cache:${name}:${createHash('sha256').update(JSON.stringify(parts)).digest('base64url')}`;
    const running = this.inFlight.get(key);
    if (running) return running as Promise<T>;
    const loading = (this.redis ? this.viaRedis(this.redis, key, ttl, compute) : this.inProcess(key, ttl, compute)).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, loading);
    return loading;
  }

  private async inProcess<T>(key: string, ttl: number, compute: () => Promise<T>): Promise<T> {
    const now = Date.now();
    const hit = this.local.get(key);
    if (hit && hit.until > now) return hit.value as T;
    for (const [k, v] of this.local) if (v.until <= now) this.local.delete(k);
    const value = await compute();
    this.local.set(key, { until: Date.now() + ttl * 1000, value });
    return value;
  }

  private async viaRedis<T>(redis: Redis, key: string, ttl: number, compute: () => Promise<T>): Promise<T> {
    const lock = `${key}:lock`;
    const token = randomUUID();
    let mine: boolean;
    try {
      const hit = await redis.get(key);
      if (hit !== null) return JSON.parse(hit) as T;
      mine = (await redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === 'OK';
      // Another process is computing this answer: wait for it rather than compute it again.
      for (const until = Date.now() + LOCK_MS; !mine && Date.now() < until;) {
        await sleep(POLL_MS);
        const [[, value], [, locked]] = (await redis.multi().get(key).exists(lock).exec()) as [[null, string | null], [null, number]];
        if (value !== null) return JSON.parse(value) as T;
        if (!locked) mine = (await redis.set(lock, token, 'PX', LOCK_MS, 'NX')) === 'OK';
      }
    } catch (err) {
      this.logger.warn({ err }, 'Report cache unavailable; computing the answer');
      return compute();
    }
    try {
      const value = await compute();
      await redis.set(key, JSON.stringify(value), 'EX', ttl).catch((err: unknown) => this.logger.warn({ err }, 'Could not cache a report'));
      return value;
    } finally {
      if (mine) await redis.eval(RELEASE, 1, lock, token).catch(() => undefined);
    }
  }
}
