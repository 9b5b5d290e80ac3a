import { Redis } from 'ioredis';

/** A connection for commands (rate limits, counters); BullMQ makes its own. */
export function createRedis(url: string, keyPrefix: string): Redis {
  return new Redis(url, { keyPrefix, maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: false });
}

export const REDIS = Symbol('REDIS');
