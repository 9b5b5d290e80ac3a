import { TurnBatch } from './turn-batch';

describe('TurnBatch', () => {
  it('sends the calls of one turn together and answers each in order; a later call starts a new batch', async () => {
    const sent: number[][] = [];
    const batch = new TurnBatch<number, number>(async (xs) => {
      sent.push(xs);
      return xs.map((x) => x * 10);
    });
    expect(await Promise.all([batch.run(1), batch.run(2), batch.run(3)])).toEqual([10, 20, 30]);
    expect(await batch.run(4)).toBe(40);
    expect(sent).toEqual([[1, 2, 3], [4]]);
  });

  it('fails every call of a batch whose flush fails, and recovers for the next', async () => {
    let fail = true;
    const batch = new TurnBatch<string, string>(async (xs) => {
      if (fail) throw new Error('database away');
      return xs;
    });
    await expect(Promise.all([batch.run('a'), batch.run('b')])).rejects.toThrow('database away');
    fail = false;
    expect(await batch.run('c')).toBe('c');
  });
});
