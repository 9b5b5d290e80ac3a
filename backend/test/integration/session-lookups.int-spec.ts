import { createHash } from 'node:crypto';
import { SessionLookups } from '../../src/modules/auth/session-lookups';
import { SessionsService } from '../../src/modules/auth/sessions.service';
import { createUser, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const hashOf = (token: string) => createHash('sha256').update(token).digest();

describe('session lookups of one event-loop turn', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('answers each request with its own session, whether asked alone or together with others', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const people = await Promise.all([0, 1, 2].map(() => createUser(t, { commune: communes[0]! })));
    const tokens = await Promise.all(people.map(async (p) => (await t.app.get(SessionsService).create(p.id, null)).token));
    const lookups = new SessionLookups(t.dataSource);
    const find = (token: string) => lookups.find(hashOf(token));

    // Asked in the same turn: the three people, one of them twice, and a token nobody holds.
    const together = await Promise.all([...tokens, tokens[1]!, 'nobody-has-this-token'].map(find));
    expect(together.map((row) => row?.user_id)).toEqual([people[0]!.id, people[1]!.id, people[2]!.id, people[1]!.id, undefined]);
    expect(together[0]).toMatchObject({ role: 'learner', status: 'active', revoked_at: null });

    // Asked alone.
    expect((await find(tokens[2]!))?.user_id).toBe(people[2]!.id);
    expect(await find('nobody-has-this-token')).toBeUndefined();
  });

  it('fails every request of a turn whose query fails, and the next turn works again', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const person = await createUser(t, { commune: communes[0]! });
    const { token } = await t.app.get(SessionsService).create(person.id, null);
    const broken = new SessionLookups({ query: () => Promise.reject(new Error('database went away')), options: { driver: {} } } as never);
    const outcomes = await Promise.allSettled([broken.find(hashOf(token)), broken.find(hashOf('x'))]);
    expect(outcomes.map((o) => (o.status === 'rejected' ? (o.reason as Error).message : 'answered'))).toEqual(['database went away', 'database went away']);
    const lookups = new SessionLookups(t.dataSource);
    expect((await lookups.find(hashOf(token)))?.user_id).toBe(person.id);
  });
});
