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
    // Without TRUST_PROXY a forwarded-for header is the client's word, not its address.
    await c.post('/api/auth/login', { login: '0900000200', password: 'guess-guess' }).set('X-Forwarded-For', '203.0.113.9').expect(429);
  });
});

describe('failed logins per address behind a proxy (TRUST_PROXY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ LOGIN_IP_MAX_FAILURES: '4', TRUST_PROXY: 'true' });
  });
  afterAll(() => t.close());

  it('counts each client address the proxy forwards, not the proxy’s own', async () => {
    const c = await t.client();
    const from = (address: string, login: string) => c.post('/api/auth/login', { login, password: 'guess-guess' }).set('X-Forwarded-For', `198.51.100.1, ${address}`);
    for (let i = 0; i < 4; i++) await from('203.0.113.7', `09000003${i}0`).expect(401);
    expect((await from('203.0.113.7', '0900000400').expect(429)).body.code).toBe('RATE_LIMITED');
    await from('203.0.113.8', '0900000400').expect(401);
  });
});
