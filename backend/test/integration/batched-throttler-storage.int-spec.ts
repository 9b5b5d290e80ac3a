import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';
import { createRedis } from '../../src/common/redis/redis';
import { BatchedThrottlerStorage } from '../../src/common/security/batched-throttler-storage';
import { TEST_REDIS_URL } from '../support/test-env';

const MINUTE = 60_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean | Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await sleep(10);
  expect(await check()).toBe(true);
};

/** One throttler hit as the guard makes it (block duration = window, as in the app). */
const hit = (storage: BatchedThrottlerStorage, key: string, limit: number, throttler = 'default', ttl = MINUTE) =>
  storage.increment(key, ttl, limit, ttl, throttler);

describe('BatchedThrottlerStorage: two API processes on one Redis', () => {
  let prefix: string;
  let connections: Redis[];
  let raw: Redis;
  const storages: BatchedThrottlerStorage[] = [];
  /** A storage on its own connection, like another API process; the timer only flushes when flushMs is short. */
  const process = (flushMs = MINUTE, maxKeys?: number) => {
    const redis = createRedis(TEST_REDIS_URL, `${prefix}:`);
    connections.push(redis);
    const storage = new BatchedThrottlerStorage(redis, { batched: ['default'], flushMs, maxKeys });
    storages.push(storage);
    return storage;
  };

  beforeEach(() => {
    prefix = `bdhvs-test-rl-${randomBytes(4).toString('hex')}`;
    connections = [];
    raw = new Redis(TEST_REDIS_URL);
  });
  afterEach(async () => {
    for (const storage of storages.splice(0)) {
      await storage.onModuleDestroy();
      storage.onApplicationShutdown();
    }
    const keys = await raw.keys(`${prefix}*`);
    if (keys.length > 0) await raw.del(...keys);
    await Promise.all([...connections, raw].map((c) => c.quit()));
  });

  it('keeps the default limit over both processes, exceeding it by at most one flush interval of hits', async () => {
    const [a, b] = [process(), process()];
    const limit = 20;
    const perProcessAndInterval = 3;
    let allowed = 0;
    for (let interval = 0; interval < 10; interval++) {
      for (let i = 0; i < perProcessAndInterval; i++) {
        for (const storage of [a, b]) if (!(await hit(storage, 'k', limit)).isBlocked) allowed += 1;
      }
      await Promise.all([a.flush(), b.flush()]);
    }
    // Counted apart, the two would let 40 through.
    expect(allowed).toBeGreaterThanOrEqual(limit);
    expect(allowed).toBeLessThanOrEqual(limit + 2 * perProcessAndInterval);
    for (const storage of [a, b]) expect(await hit(storage, 'k', limit)).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
  });

  it('shares hits on its timer, in the same counter and window as the exact storage', async () => {
    const [a, b] = [process(50), process(50)];
    for (let i = 0; i < 5; i++) expect(await hit(a, 'k', 5)).toMatchObject({ isBlocked: false, totalHits: i + 1 });
    const counter = `${prefix}:{k:default}:hits`;
    await until(async () => (await raw.get(counter)) === '5');
    expect((await hit(b, 'k', 5)).isBlocked).toBe(false); // b has not heard of a's hits yet
    await until(async () => (await raw.get(counter)) === '6');
    await sleep(50); // b's reply read back
    expect((await hit(b, 'k', 5)).isBlocked).toBe(true);
    const pttl = await raw.pttl(counter);
    expect(pttl).toBeGreaterThan(MINUTE - 5_000);
    expect(pttl).toBeLessThanOrEqual(MINUTE);
  });

  it('allows a key again once its window has ended', async () => {
    const [a, b] = [process(), process()];
    const window = 400;
    for (let i = 0; i < 3; i++) expect((await hit(a, 'k', 3, 'default', window)).isBlocked).toBe(false);
    expect(await hit(a, 'k', 3, 'default', window)).toMatchObject({ isBlocked: true, timeToBlockExpire: 1 });
    await a.flush();
    expect((await hit(b, 'k', 3, 'default', window)).isBlocked).toBe(false);
    await b.flush();
    expect((await hit(b, 'k', 3, 'default', window)).isBlocked).toBe(true);
    await sleep(window + 100);
    expect(await hit(a, 'k', 3, 'default', window)).toMatchObject({ isBlocked: false, totalHits: 1 });
    expect(await hit(b, 'k', 3, 'default', window)).toMatchObject({ isBlocked: false, totalHits: 1 });
    expect(await raw.pttl(`${prefix}:{k:default}:hits`)).toBe(-2); // the shared counter expired with the window
  });

  it('keeps the auth limit exact across processes: the sixth attempt of five is refused', async () => {
    const [a, b] = [process(), process()];
    for (let i = 0; i < 5; i++) {
      expect(await hit(i % 2 ? a : b, 'login', 5, 'auth')).toMatchObject({ isBlocked: false, totalHits: i + 1 });
    }
    expect((await hit(a, 'login', 5, 'auth')).isBlocked).toBe(true);
    expect((await hit(b, 'login', 5, 'auth')).isBlocked).toBe(true);
  });

  it('answers a blocked key without a Redis command', async () => {
    const a = process(20);
    // What the storage's own connection writes to Redis (MONITOR would slow the shared server for everyone).
    const written = () => connections[0]!.stream.bytesWritten;
    await connections[0]!.ping();
    for (let i = 0; i < 3; i++) expect((await hit(a, 'k', 3)).isBlocked).toBe(false);
    expect((await hit(a, 'k', 3)).isBlocked).toBe(true);
    const before = written();
    await until(async () => (await raw.get(`${prefix}:{k:default}:hits`)) === '4'); // the timer sent the hits, blocked one included
    expect(written()).toBeGreaterThan(before);
    await a.flush();
    const sent = written();
    for (let i = 0; i < 100; i++) expect((await hit(a, 'k', 3)).isBlocked).toBe(true);
    await sleep(100); // several timer periods
    await a.flush();
    expect(written()).toBe(sent);
  });

  it('bounds its memory: beyond maxKeys the oldest key is forgotten', async () => {
    const a = process(MINUTE, 3);
    expect((await hit(a, 'k0', 1)).isBlocked).toBe(false);
    expect((await hit(a, 'k0', 1)).isBlocked).toBe(true);
    for (let i = 1; i <= 3; i++) await hit(a, `k${i}`, 1);
    expect((await hit(a, 'k0', 1)).isBlocked).toBe(false);
  });

  it('shares what is left when the application shuts down', async () => {
    const a = process();
    await hit(a, 'k', 10);
    await hit(a, 'k', 10);
    await a.onModuleDestroy();
    expect(await raw.get(`${prefix}:{k:default}:hits`)).toBe('2');
  });
});

describe('BatchedThrottlerStorage without Redis', () => {
  it('counts in memory, like the throttler storage it replaces', async () => {
    const storage = new BatchedThrottlerStorage(null, { batched: ['default'] });
    for (const throttler of ['default', 'auth']) {
      for (let i = 0; i < 2; i++) expect((await hit(storage, `k-${throttler}`, 2, throttler)).isBlocked).toBe(false);
      expect(await hit(storage, `k-${throttler}`, 2, throttler)).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    }
    storage.onApplicationShutdown();
  });

  it('answers from local counts when Redis does not answer, and warns once', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const redis = createRedis(`redis://127.0.0.1:${port}`, 'bdhvs-test-down:');
    redis.on('error', () => undefined);
    const storage = new BatchedThrottlerStorage(redis, { batched: ['default'], flushMs: 20 });
    try {
      for (let i = 0; i < 3; i++) expect((await hit(storage, 'k', 3)).isBlocked).toBe(false);
      await storage.flush();
      expect((await hit(storage, 'k', 3)).isBlocked).toBe(true);
      for (let i = 0; i < 2; i++) expect((await hit(storage, 'login', 2, 'auth')).isBlocked).toBe(false);
      expect((await hit(storage, 'login', 2, 'auth')).isBlocked).toBe(true);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain('rate limits count in this process');
    } finally {
      await storage.onModuleDestroy();
      storage.onApplicationShutdown();
      redis.disconnect();
      warn.mockRestore();
    }
  });
});
