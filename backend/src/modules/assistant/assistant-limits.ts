import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { COUNTER_STORE, type CounterStore } from '../../common/security/counter-store';
import { AssistantErrors } from './assistant.errors';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Questions per person and per address in an hour, shared across processes through Redis. The address
 * allowance is much larger: a class behind one commune wifi shares an address (decision 0007).
 */
@Injectable()
export class AssistantLimits {
  constructor(
    @Inject(COUNTER_STORE) private readonly counters: CounterStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async take(userId: string, ip: string | null): Promise<void> {
    const { perPersonPerHour, perAddressPerHour } = this.config.assistant;
    const checks: [string, number][] = [[`assistant:person:${userId}`, perPersonPerHour]];
    if (ip) checks.push([`assistant:address:${ip}`, perAddressPerHour]);
    for (const [key, limit] of checks) {
      const count = await this.counters.increment(key, HOUR_MS);
      if (count > limit) throw AssistantErrors.tooMany(Math.ceil((await this.counters.ttlMs(key)) / 1000));
    }
  }
}
