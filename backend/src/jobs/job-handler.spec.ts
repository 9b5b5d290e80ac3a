import { JOB_ATTEMPTS, lastAttemptGivesUp } from './job-handler';

describe('lastAttemptGivesUp', () => {
  const boom = () => Promise.reject(new Error('renderer crashed'));

  it('leaves a failure before the last attempt to the retry, recording nothing', async () => {
    const gaveUp: unknown[] = [];
    await expect(lastAttemptGivesUp({ attempt: JOB_ATTEMPTS - 1 }, boom, async (err) => void gaveUp.push(err))).rejects.toThrow('renderer crashed');
    expect(gaveUp).toEqual([]);
  });

  it('records the failure of the last attempt, then still reports it to the runner', async () => {
    const gaveUp: unknown[] = [];
    await expect(lastAttemptGivesUp({ attempt: JOB_ATTEMPTS }, boom, async (err) => void gaveUp.push(err))).rejects.toThrow('renderer crashed');
    expect(gaveUp).toEqual([new Error('renderer crashed')]);
  });

  it('does not give up on work that succeeds', async () => {
    let gaveUp = false;
    await lastAttemptGivesUp({ attempt: JOB_ATTEMPTS }, async () => undefined, async () => void (gaveUp = true));
    expect(gaveUp).toBe(false);
  });
});
