import { RecentForgets } from './recent-forgets';

describe('RecentForgets', () => {
  it('tells when someone was forgotten, for one TTL', () => {
    const forgets = new RecentForgets(10_000);
    forgets.add('a', 1_000);
    expect(forgets.get('a', 5_000)).toBe(1_000);
    expect(forgets.get('a', 10_999)).toBe(1_000);
    expect(forgets.get('a', 11_000)).toBeUndefined();
    expect(forgets.get('b', 5_000)).toBeUndefined();
  });

  it('keeps the latest time when someone is forgotten again', () => {
    const forgets = new RecentForgets(10_000);
    forgets.add('a', 1_000);
    forgets.add('b', 2_000);
    forgets.add('a', 8_000);
    expect(forgets.get('a', 15_000)).toBe(8_000);
    expect(forgets.get('b', 15_000)).toBeUndefined();
  });

  it('lets go of expired people, so memory follows the rate of forgets, not their total', () => {
    const forgets = new RecentForgets(10_000);
    for (let t = 0; t < 100_000; t += 10) forgets.add(`person-${t}`, t);
    // 10 s of forgets at one per 10 ms, plus at most the second between prunes.
    expect(forgets.size).toBeLessThanOrEqual(1_100);
    expect(forgets.get('person-99990', 100_000)).toBe(99_990);
  });
});
