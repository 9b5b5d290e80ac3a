import { startTestApp, type TestApp } from '../support/test-app';

// Its own file: the limit is per address, and every test here calls from 127.0.0.1.
describe('failed logins per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_IP_MAX_FAILURES: '4' });
  });
  afterAll(() => t.close());

  it('blocks an address that keeps failing across many accounts', async () => {
    const c = await t.client();
    for (let i = 0; i < 4; i++) await c.post('/api/auth/login', { login: `09000001${i}0`, password: 'guess-guess' }).expect(401);
    const blocked = await c.post('/api/auth/login', { login: '0900000200', password: 'guess-guess' }).expect(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
  });
});
