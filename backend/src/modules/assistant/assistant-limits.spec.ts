import { MemoryCounterStore } from '../../common/security/counter-store';
import { loadConfig } from '../../config/config';
import { AssistantLimits } from './assistant-limits';

describe('AssistantLimits', () => {
  const config = loadConfig({ NODE_ENV: 'test', SESSION_SECRET: 'x'.repeat(32), DATA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), ASSISTANT_PER_PERSON_PER_HOUR: '3', ASSISTANT_PER_ADDRESS_PER_HOUR: '5' });
  const refused = (p: Promise<void>) => p.then(() => null, (err: { code?: string; details?: { retryAfterSeconds: number } }) => err);

  it('refuses a person past their hourly allowance, saying when to come back', async () => {
    const limits = new AssistantLimits(new MemoryCounterStore(), config);
    for (let i = 0; i < 3; i++) await limits.take('anh', '10.0.0.1');
    const err = await refused(limits.take('anh', '10.0.0.1'));
    expect(err?.code).toBe('ASSISTANT_TOO_MANY_QUESTIONS');
    expect(err?.details?.retryAfterSeconds).toBeGreaterThan(3500);
  });

  it('refuses an address past its allowance whoever asks, and not another address', async () => {
    const limits = new AssistantLimits(new MemoryCounterStore(), config);
    for (const person of ['a', 'b', 'c', 'd', 'e']) await limits.take(person, '10.0.0.2');
    expect((await refused(limits.take('f', '10.0.0.2')))?.code).toBe('ASSISTANT_TOO_MANY_QUESTIONS');
    expect(await refused(limits.take('f', '10.0.0.3'))).toBeNull();
  });
});
