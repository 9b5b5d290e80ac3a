import { Global, Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Mailer } from './common/mail/mailer';
import { InvalidationBus } from './common/redis/invalidation-bus';
import { createRedis, REDIS } from './common/redis/redis';
import { COUNTER_STORE, MemoryCounterStore, RedisCounterStore } from './common/security/counter-store';
import { CsrfTokens } from './common/security/csrf';
import { APP_CONFIG, type AppConfig } from './config/config';

/** Process-wide infrastructure: configuration, the Redis connection, counters, CSRF tokens, mail, cache invalidation. */
@Global()
@Module({})
export class CoreModule implements OnApplicationShutdown {
  constructor(@Inject(REDIS) private readonly redis: Redis | null) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: REDIS, useFactory: () => (config.redis ? createRedis(config.redis.url, `${config.redis.prefix}:`) : null) },
        {
          provide: COUNTER_STORE,
          inject: [REDIS],
          useFactory: (redis: Redis | null) => (redis ? new RedisCounterStore(redis) : new MemoryCounterStore()),
        },
        { provide: CsrfTokens, useFactory: () => new CsrfTokens(config.sessionSecret) },
        Mailer,
        InvalidationBus,
      ],
      exports: [APP_CONFIG, REDIS, COUNTER_STORE, CsrfTokens, Mailer, InvalidationBus],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.quit();
  }
}
