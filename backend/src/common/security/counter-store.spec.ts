import { MemoryCounterStore } from './counter-store';

describe('MemoryCounterStore (the counters without Redis)', () => {
  it('counts in a window, takes typos off without going below zero, and tells the time left', async () => {
    const store = new MemoryCounterStore();
    for (let i = 0; i < 3; i++) await store.increment('k', 60_000);
    expect(await store.get('k')).toBe(3);
    await store.decrement('k', 2);
    expect(await store.get('k')).toBe(1);
    await store.decrement('k', 5);
    expect(await store.get('k')).toBe(0);
    expect(await store.ttlMs('k')).toBeGreaterThan(59_000);
    expect(await store.ttlMs('none')).toBe(0);
  });

  it('brings nothing back once the window is over', async () => {
    const store = new MemoryCounterStore();
    await store.increment('k', 1);
    await new Promise((r) => setTimeout(r, 5));
    await store.decrement('k', 1);
    expect(await store.get('k')).toBe(0);
    expect(await store.increment('k', 60_000)).toBe(1);
  });
});
