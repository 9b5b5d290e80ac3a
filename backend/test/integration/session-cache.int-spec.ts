import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { createRedis } from '../../src/common/redis/redis';
import type { AppConfig } from '../../src/config/config';
import type { Principal } from '../../src/modules/auth/decorators';
import { type LiveSession, SessionCache } from '../../src/modules/auth/session-cache';
import { TEST_REDIS_URL } from '../support/test-env';

const principal = (userId: string): Principal => ({ userId, sessionId: `s-${userId}`, role: 'learner', scope: null });
const live = (userId: string): LiveSession => ({ principal: principal(userId), expiresAt: Date.now() + 3600_000, lastSeenAt: Date.now() });
const until = async (check: () => boolean) => {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((r) => setTimeout(r, 20));
};

describe('SessionCache', () => {
  it('without Redis: a forgotten person is dropped and not cached again for a while', async () => {
    const cache = new SessionCache(null, { redis: null } as AppConfig);
    cache.set('a', live('u1'));
    cache.set('b', live('u2'));
    expect(cache.get('a')?.principal.userId).toBe('u1');
    await cache.forget('u1');
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')?.principal.userId).toBe('u2');
    cache.set('a', live('u1')); // a read that raced with the revocation
    expect(cache.get('a')).toBeNull();
  });

  it('expires entries after its time to live', () => {
    const cache = new SessionCache(null, { redis: null } as AppConfig);
    const now = Date.now();
    cache.set('a', live('u1'), now);
    expect(cache.get('a', now + 9_000)).not.toBeNull();
    expect(cache.get('a', now + 10_001)).toBeNull();
  });

  it('with Redis: forgetting in one API process drops the person in the others', async () => {
    const prefix = `bdhvs-test-cache-${randomBytes(4).toString('hex')}`;
    const config = { redis: { url: TEST_REDIS_URL, prefix } } as AppConfig;
    // Like the API's own connections: with the key prefix, which must not change the channel.
    const connections: Redis[] = [createRedis(TEST_REDIS_URL, `${prefix}:`), createRedis(TEST_REDIS_URL, `${prefix}:`)];
    const [one, other] = connections.map((redis) => new SessionCache(redis, config));
    try {
      one!.onModuleInit();
      other!.onModuleInit();
      other!.set('a', live('u1'));
      other!.set('b', live('u2'));
      // The subscription is made in the background: resend until it has taken hold.
      for (let i = 0; i < 10 && other!.get('a') !== null; i++) {
        other!.set('a', live('u1'));
        await one!.forget('u1');
        await until(() => other!.get('a') === null);
      }
      expect(other!.get('a')).toBeNull();
      expect(other!.get('b')?.principal.userId).toBe('u2');
    } finally {
      await Promise.all([one!.onApplicationShutdown(), other!.onApplicationShutdown()]);
      await Promise.all(connections.map((c) => c.quit()));
    }
  });
});
