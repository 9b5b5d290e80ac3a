import { Suppressor } from './suppression';

describe('Suppressor', () => {
  const s = new Suppressor(5);
  it('hides counts from 1 to 4 and keeps 0 and 5 and above', () => {
    expect([0, 1, 4, 5, 120].map((n) => s.count(n))).toEqual([0, null, null, 5, 120]);
  });
  it('shows a rate only when both of its counts are shown', () => {
    expect(s.rate(3, 100)).toBeNull(); // 3 of 100 would reveal the 3
    expect(s.rate(5, 3)).toBeNull();
    expect(s.rate(25, 100)).toBe(25);
    expect(s.rate(0, 100)).toBe(0);
    expect(s.rate(10, 0)).toBeNull();
  });
  it('shows a mean only over at least minCount scores', () => {
    expect(s.mean(300, 4)).toBeNull();
    expect(s.mean(301, 5)).toBe(60.2);
  });
});
