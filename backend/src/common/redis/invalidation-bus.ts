import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { REDIS } from './redis';

type Drop = (key: string) => void;

/**
 * "Forget this key" for the per-process caches, in every API process: `publish` drops the key here at
 * once and sends it over Redis pub/sub to the others. Without Redis there is only this process. A
 * message lost while Redis is away is covered by each cache's short time to live.
 *
 * The keys published in one turn of the event loop go in one message (lines: topic, key, topic, key…),
 * so a busy process makes one Redis round trip per turn, not one per completed lesson.
 */
@Injectable()
export class InvalidationBus implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(InvalidationBus.name);
  private readonly drops = new Map<string, Drop>();
  private readonly channel: string | null;
  private subscriber: Redis | null = null;
  private batch: string[] = [];
  private sending: Promise<void> | null = null;

  constructor(
    @Inject(REDIS) private readonly redis: Redis | null,
    @Inject(APP_CONFIG) config: Pick<AppConfig, 'redis'>,
  ) {
    this.channel = config.redis ? `${config.redis.prefix}:cache-invalidations` : null;
  }

  /** What to drop when a key of `topic` is published, here or in another process. */
  on(topic: string, drop: Drop): void {
    this.drops.set(topic, drop);
  }

  onModuleInit(): void {
    if (!this.redis || !this.channel) return;
    this.subscriber = this.redis.duplicate();
    this.subscriber.on('message', (_channel: string, message: string) => {
      const lines = message.split('\n');
      for (let i = 0; i + 1 < lines.length; i += 2) this.drops.get(lines[i]!)?.(lines[i + 1]!);
    });
    // Not awaited: the API starts without Redis as before; until the subscription holds, the TTLs bound staleness.
    this.subscriber.subscribe(this.channel).catch((err: unknown) => this.logger.warn({ err }, 'Could not subscribe to cache invalidations'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscriber?.quit();
  }

  /** Drops `key` of `topic` in this process at once and in the others through Redis (settles once sent). */
  publish(topic: string, key: string): Promise<void> {
    this.drops.get(topic)?.(key);
    if (!this.redis || !this.channel) return Promise.resolve();
    this.batch.push(topic, key);
    this.sending ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.send());
    return this.sending;
  }

  private async send(): Promise<void> {
    const lines = this.batch;
    this.batch = [];
    this.sending = null;
    try {
      await this.redis!.publish(this.channel!, lines.join('\n'));
    } catch (err) {
      this.logger.warn({ err, keys: lines.length / 2 }, 'Could not broadcast cache invalidations');
    }
  }
}
