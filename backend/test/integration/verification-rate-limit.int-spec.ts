import { startTestApp, type TestApp } from '../support/test-app';

// Its own file: the limit is per address, and every test calls from 127.0.0.1.
describe('public verification rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  it('stops an address that guesses codes, while the key set stays open', async () => {
    const c = await t.client();
    for (let i = 0; i < 5; i++) await c.get(`/api/verify/0000-0000-000${i}`).expect(404);
    const blocked = await c.get('/api/verify/0000-0000-0009').expect(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
    // Checking presented credentials is limited the same way (counted per route).
    const forged = { credential: 'aaaaaaaaaa.bbbbbbbbbb.cccccccccc' };
    for (let i = 0; i < 5; i++) expect((await c.post('/api/verify/credential', forged).expect(200)).body.reason).toBe('SIGNATURE_INVALID');
    await c.post('/api/verify/credential', forged).expect(429);
    await c.get('/.well-known/jwks.json').expect(200);
  });
});
