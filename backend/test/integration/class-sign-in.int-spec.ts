import { createUser, PASSWORD, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * A class behind one address (a commune hall's wifi) signs in together under the shipped limits,
 * while spraying and brute force from one address are still stopped.
 */
describe('sign-in limits keyed on the person, not the building', () => {
  let t: TestApp;
  let commune: Awaited<ReturnType<typeof unitsOf>>['communes'][number];

  beforeAll(async () => {
    // The defaults, spelled out: the test app otherwise raises them for the other suites.
    t = await startTestApp({
      TRUST_PROXY: 'true',
      RATE_LIMIT_PER_MINUTE: '600',
      AUTH_RATE_LIMIT_PER_MINUTE: '30',
      LOGIN_MAX_FAILURES: '5',
      LOGIN_ACCOUNT_MAX_FAILURES: '20',
      LOGIN_IP_MAX_FAILURES: '50',
    });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(() => t.close());

  const signIn = (c: TestClient, address: string, login: string, password: string) =>
    c.agent.post('/api/auth/login').set('x-csrf-token', c.csrf).set('X-Forwarded-For', address).send({ login, password });

  it('lets 40 people of one class behind one address all in, each after mistyping twice, and serves their pages', async () => {
    const hall = '203.0.113.1';
    const students = await Promise.all(Array.from({ length: 40 }, (_, i) => createUser(t, { commune, fullName: `Học Viên ${String.fromCharCode(65 + (i % 26))}` })));
    const statuses: number[] = [];
    const clients: TestClient[] = [];
    for (const student of students) {
      const c = await t.client();
      statuses.push((await signIn(c, hall, student.phone, 'go-nham-lan-1')).status, (await signIn(c, hall, student.phone, 'go-nham-lan-2')).status);
      statuses.push((await signIn(c, hall, student.phone, PASSWORD)).status);
      clients.push(c);
    }
    // 120 sign-in requests and 80 failures from one address within the minute: both over the old per-address limits.
    expect(statuses.filter((s) => s === 200)).toHaveLength(40);
    expect(statuses.filter((s) => s !== 200 && s !== 401)).toEqual([]);
    const pages = await Promise.all(clients.flatMap((c) => Array.from({ length: 20 }, () => c.get('/api/auth/me').set('X-Forwarded-For', hall))));
    expect(pages.filter((p) => p.status !== 200)).toEqual([]);
  });

  it('stops a password spray across many accounts from one address', async () => {
    const sprayer = await t.client();
    const victims = await Promise.all(Array.from({ length: 10 }, () => createUser(t, { commune })));
    const logins = [...victims.map((v) => v.phone), ...Array.from({ length: 50 }, (_, i) => `0977${String(i).padStart(6, '0')}`)];
    const statuses: number[] = [];
    for (const login of logins) statuses.push((await signIn(sprayer, '203.0.113.66', login, 'MatKhau@123')).status);
    expect(statuses.slice(0, 50).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(50).every((s) => s === 429)).toBe(true);
    // The owners themselves, elsewhere, are untouched.
    await signIn(await t.client(), '198.51.100.5', victims[0]!.phone, PASSWORD).expect(200);
  });

  it('stops a brute force on one account, from one address and from many', async () => {
    const target = await createUser(t, { commune });
    const attacker = await t.client();
    const fromOne: number[] = [];
    for (let i = 0; i < 8; i++) fromOne.push((await signIn(attacker, '203.0.113.77', target.phone, `doan-${i}`)).status);
    expect(fromOne).toEqual([401, 401, 401, 401, 423, 423, 423, 423]);
    const fromMany: number[] = [];
    for (let i = 0; i < 20; i++) fromMany.push((await signIn(attacker, `198.18.0.${i + 1}`, target.phone, `doan-nua-${i}`)).status);
    // 5 failures from the first address count too: the login is closed to new devices after 20 in all.
    expect(fromMany.slice(0, 14).every((s) => s === 401)).toBe(true);
    expect(fromMany.slice(15).every((s) => s === 423)).toBe(true);
    expect((await signIn(await t.client(), '198.51.100.9', target.phone, PASSWORD)).status).toBe(423);
  });
});
