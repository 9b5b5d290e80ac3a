import { pendingSchemaChanges } from '../../src/database/schema-diff';
import { startTestApp, type TestApp } from '../support/test-app';

describe('platform ground', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ RATE_LIMIT_PER_MINUTE: '25' });
  });
  afterAll(() => t.close());

  it('reports liveness and readiness of the database and Redis', async () => {
    const c = await t.client();
    expect((await c.get('/api/health').expect(200)).body).toEqual({ status: 'ok' });
    expect((await c.get('/api/ready').expect(200)).body).toEqual({ status: 'ok', checks: { database: 'ok', redis: 'ok' } });
  });

  it('sends security headers and echoes a request id', async () => {
    const c = await t.client();
    const res = await c.agent.get('/api/consent').set('x-request-id', 'trace-abc-12345').expect(200);
    expect(res.headers['x-request-id']).toBe('trace-abc-12345');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.body.text).toContain('dữ liệu cá nhân');
  });

  it('answers unknown routes and bad ids in the common error format', async () => {
    const c = await t.client();
    const missing = await c.get('/api/nothing-here').expect(404);
    expect(missing.body).toEqual({ code: 'NOT_FOUND', message: expect.any(String), requestId: expect.any(String) });
    const badId = await c.get('/api/units/provinces/not-a-uuid/communes').expect(400);
    expect(badId.body).toMatchObject({ code: 'VALIDATION_FAILED', details: [{ field: 'id' }] });
  });

  it('serves the OpenAPI document', async () => {
    const doc = (await (await t.client()).get('/api/docs/openapi.json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/admin/users']));
  });

  it('limits requests per minute through Redis', async () => {
    const c = await t.client();
    const first = await c.get('/api/consent').expect(200);
    // Answers that pass carry no rate-limit headers (bytes on every answer a phone downloads).
    expect(Object.keys(first.headers).filter((h) => h.startsWith('x-ratelimit') || h === 'retry-after')).toEqual([]);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await c.get('/api/consent')).status);
    expect(statuses).toContain(429);
    const limited = await c.get('/api/consent').expect(429);
    expect(limited.body.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('has a schema that matches the entities exactly (no migration missing)', async () => {
    expect((await pendingSchemaChanges(t.dataSource)).up).toEqual([]);
  });
});
