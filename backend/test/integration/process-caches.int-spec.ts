import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { InvalidationBus } from '../../src/common/redis/invalidation-bus';
import { createRedis } from '../../src/common/redis/redis';
import type { AppConfig } from '../../src/config/config';
import type { Principal } from '../../src/modules/auth/decorators';
import { type LiveSession, SessionCache } from '../../src/modules/auth/session-cache';
import { LearnerStateCache, type LearnerState } from '../../src/modules/learning/learner-state-cache';
import { TEST_REDIS_URL } from '../support/test-env';

const principal = (userId: string): Principal => ({ userId, sessionId: `s-${userId}`, role: 'learner', scope: null });
const live = (userId: string): LiveSession => ({ principal: principal(userId), expiresAt: Date.now() + 3600_000, lastSeenAt: Date.now() });
const state = (done: string[] = []): LearnerState => ({ course_id: 'c1', content_hash: 'h1', ordering: 'sequential', status: 'active', last_lesson_id: null, done });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};
const localBus = () => new InvalidationBus(null, { redis: null });

/** Two "API processes": each with its own Redis connection and bus, as in production. */
async function twoProcesses<T>(make: (bus: InvalidationBus) => T, run: (one: T, other: T, resend: (send: () => Promise<void>, arrived: () => boolean) => Promise<void>) => Promise<void>) {
  const prefix = `bdhvs-test-cache-${randomBytes(4).toString('hex')}`;
  // With the key prefix, like the API's own connections: it must not change the channel.
  const connections: Redis[] = [createRedis(TEST_REDIS_URL, `${prefix}:`), createRedis(TEST_REDIS_URL, `${prefix}:`)];
  const buses = connections.map((redis) => new InvalidationBus(redis, { redis: { url: TEST_REDIS_URL, prefix } } as Pick<AppConfig, 'redis'>));
  const [one, other] = buses.map(make);
  try {
    buses.forEach((bus) => bus.onModuleInit());
    // The subscription is made in the background: resend until it has taken hold.
    await run(one!, other!, async (send, arrived) => {
      for (let i = 0; i < 10 && !arrived(); i++) {
        await send();
        await until(arrived);
      }
    });
  } finally {
    await Promise.all(buses.map((bus) => bus.onApplicationShutdown()));
    await Promise.all(connections.map((c) => c.quit()));
  }
}

describe('SessionCache', () => {
  it('without Redis: a forgotten person is dropped and not cached again for a while', async () => {
    const cache = new SessionCache(localBus());
    cache.set('a', live('u1'));
    cache.set('b', live('u2'));
    expect(cache.get('a')?.principal.userId).toBe('u1');
    await cache.forget('u1');
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')?.principal.userId).toBe('u2');
    cache.set('a', live('u1')); // a read that raced with the revocation
    expect(cache.get('a')).toBeNull();
  });

  it('drops every session of a forgotten person, on each device, and keeps the cache bounded', async () => {
    const cache = new SessionCache(localBus());
    cache.set('phone', live('u1'));
    cache.set('laptop', live('u1'));
    for (let i = 0; i < 60_000; i++) cache.set(`other-${i}`, live(`person-${i}`));
    cache.set('tablet', live('u1'));
    await cache.forget('u1');
    expect(['phone', 'laptop', 'tablet'].map((device) => cache.get(device))).toEqual([null, null, null]);
    expect(cache.get('other-59999')?.principal.userId).toBe('person-59999');
    expect(cache.get('other-0')).toBeNull(); // the oldest made room
    await cache.forget('person-0'); // forgetting someone no longer cached is harmless
    expect(cache.get('other-59998')?.principal.userId).toBe('person-59998');
  });

  it('expires entries after its time to live', () => {
    const cache = new SessionCache(localBus());
    const now = Date.now();
    cache.set('a', live('u1'), now);
    expect(cache.get('a', now + 9_000)).not.toBeNull();
    expect(cache.get('a', now + 10_001)).toBeNull();
  });

  it('with Redis: forgetting in one API process drops the person in the others', async () => {
    await twoProcesses((bus) => new SessionCache(bus), async (one, other, resend) => {
      other.set('b', live('u2'));
      await resend(async () => {
        other.set('a', live('u1'));
        await one.forget('u1');
      }, () => other.get('a') === null);
      expect(other.get('a')).toBeNull();
      expect(other.get('b')?.principal.userId).toBe('u2');
    });
  });
});

describe('LearnerStateCache', () => {
  it('keeps a state per person and course until its time to live', () => {
    const cache = new LearnerStateCache(localBus());
    const now = Date.now();
    cache.set('u1', 'course-a', state(['l1']), now - 5, now);
    expect(cache.get('u1', 'course-a', now + 9_000)?.done.has('l1')).toBe(true);
    expect(cache.get('u1', 'course-b', now)).toBeNull();
    expect(cache.get('u1', 'course-a', now + 10_001)).toBeNull();
  });

  it('does not keep a read that began before the person was forgotten (it may predate the change)', async () => {
    const cache = new LearnerStateCache(localBus());
    const readStartedAt = Date.now() - 50;
    await cache.forget('u1'); // a completion committed while the read was on its way
    cache.set('u1', 'course-a', state(), readStartedAt);
    expect(cache.get('u1', 'course-a')).toBeNull();
    await new Promise((r) => setTimeout(r, 5));
    cache.set('u1', 'course-a', state(['l1']), Date.now());
    expect(cache.get('u1', 'course-a')?.done.has('l1')).toBe(true);
  });

  it('with Redis: a completion in one API process drops the person’s states in the others', async () => {
    await twoProcesses((bus) => new LearnerStateCache(bus), async (one, other, resend) => {
      other.set('u2', 'course-a', state(), Date.now() - 1);
      await resend(async () => {
        other.set('u1', 'course-a', state(), Date.now() - 1);
        await one.forget('u1');
      }, () => other.get('u1', 'course-a') === null);
      expect(other.get('u1', 'course-a')).toBeNull();
      expect(other.get('u2', 'course-a')).not.toBeNull();
    });
  });

  it('with Redis: many completions in the same instant, sent together, drop every one of those people in the others', async () => {
    await twoProcesses((bus) => new LearnerStateCache(bus), async (one, other, resend) => {
      const people = Array.from({ length: 25 }, (_, i) => `u${i}`);
      other.set('bystander', 'course-a', state(), Date.now() - 1);
      await resend(async () => {
        for (const p of people) other.set(p, 'course-a', state(), Date.now() - 1);
        await Promise.all(people.map((p) => one.forget(p)));
      }, () => people.every((p) => other.get(p, 'course-a') === null));
      expect(people.filter((p) => other.get(p, 'course-a') !== null)).toEqual([]);
      expect(other.get('bystander', 'course-a')).not.toBeNull();
    });
  });
});
