import { makeRoom } from './make-room';

describe('makeRoom', () => {
  const filled = (n: number) => new Map(Array.from({ length: n }, (_, i) => [i, `v${i}`] as const));

  it('leaves a map under its bound alone', () => {
    const map = filled(31);
    makeRoom(map, 32);
    expect([...map.keys()]).toEqual(Array.from({ length: 31 }, (_, i) => i));
  });

  it('drops the oldest sixteenth of a full map and keeps the newest entries in order', () => {
    const map = filled(32);
    makeRoom(map, 32);
    expect([...map.keys()]).toEqual(Array.from({ length: 30 }, (_, i) => i + 2));
  });

  it('tells which entries it dropped', () => {
    const map = filled(32);
    const dropped: [number, string][] = [];
    makeRoom(map, 32, (key, value) => dropped.push([key, value]));
    expect(dropped).toEqual([[0, 'v0'], [1, 'v1']]);
  });

  it('brings a map that outgrew its bound back under it', () => {
    const map = filled(40);
    makeRoom(map, 32);
    expect(map.size).toBe(30);
    expect(map.has(39)).toBe(true);
    expect(map.has(9)).toBe(false);
  });

  it('stays bounded and keeps the latest entries over many inserts', () => {
    const map = new Map<number, number>();
    for (let i = 0; i < 10_000; i++) {
      makeRoom(map, 1_000);
      map.set(i, i);
    }
    expect(map.size).toBeLessThanOrEqual(1_000);
    expect(map.get(9_999)).toBe(9_999);
    expect(map.has(8_000)).toBe(false);
  });
});
