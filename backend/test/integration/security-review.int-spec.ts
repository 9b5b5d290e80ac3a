import { CookieAccessInfo } from 'cookiejar';
import request from 'supertest';
import { DataExport } from '../../src/modules/profile/entities/data-export.entity';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** The findings of the outside review (issue 13), each as it was reproduced. Rank is in admin-scope, the draw in quiz-draw.spec. */
describe('security review findings', () => {
  let t: TestApp;
  let commune: Awaited<ReturnType<typeof unitsOf>>['communes'][number];

  beforeAll(async () => {
    t = await startTestApp({ TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3', LOGIN_ACCOUNT_MAX_FAILURES: '6', LOGIN_IP_MAX_FAILURES: '1000' });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(() => t.close());

  const cookie = (c: TestClient, name: string) => c.agent.jar.getCookie(name, CookieAccessInfo.All)?.value ?? '';

  describe('CSRF', () => {
    it('checks writes whose path is percent-encoded, as the router decodes it', async () => {
      const user = await createUser(t, { commune, fullName: 'Trần Thị Lành' });
      const c = await loginAs(t, user.phone);
      for (const [method, url] of [['patch', '/%61pi/me'], ['patch', '/ap%69/me'], ['post', '/%61pi/auth/logout'], ['post', '/%61PI/auth/logout']] as const) {
        const res = await c.agent[method](url).send({ fullName: 'Kẻ Gian' });
        expect([url, res.status, res.body.code]).toEqual([url, 403, 'CSRF_INVALID']);
      }
      expect((await c.get('/api/me').expect(200)).body.fullName).toBe('Trần Thị Lành');
    });

    it('refuses a token issued to another client, to another session, or before signing in', async () => {
      const user = await createUser(t, { commune });
      const other = await createUser(t, { commune });
      const anonymous = await t.client();
      const beforeSignIn = await t.client();
      const tokenBeforeSignIn = beforeSignIn.csrf;
      await beforeSignIn.post('/api/auth/login', { login: user.phone, password: PASSWORD }).expect(200);
      const sid = cookie(beforeSignIn, 'sid');
      const otherSession = await loginAs(t, other.phone);
      const withToken = (token: string) =>
        request(t.app.getHttpServer()).patch('/api/me').set('Cookie', `sid=${sid}; csrf_token=${token}`).set('x-csrf-token', token).send({ birthYear: 1960 });
      for (const foreign of [anonymous.csrf, otherSession.csrf, tokenBeforeSignIn]) {
        expect((await withToken(foreign)).body.code).toBe('CSRF_INVALID');
      }
      // The token the sign-in answer set is the one that works.
      expect(beforeSignIn.csrf).not.toBe(tokenBeforeSignIn);
      expect((await withToken(beforeSignIn.csrf)).status).toBe(200);
    });
  });

  describe('sign-in failures', () => {
    const from = (c: TestClient, address: string, login: string, password: string) =>
      c.agent.post('/api/auth/login').set('x-csrf-token', c.csrf).set('X-Forwarded-For', address).send({ login, password });

    it('answer the same whether or not the account exists, and lock only the address that failed', async () => {
      const owner = await createUser(t, { commune });
      const stranger = await t.client();
      const answers = async (login: string) => {
        const out: [number, string][] = [];
        for (let i = 0; i < 4; i++) {
          const res = await from(stranger, '203.0.113.10', login, `sai-mat-khau-${i}`);
          out.push([res.status, res.body.code]);
        }
        return out;
      };
      const existing = await answers(owner.phone);
      const missing = await answers('0999000111');
      expect(existing).toEqual([[401, 'INVALID_CREDENTIALS'], [401, 'INVALID_CREDENTIALS'], [423, 'ACCOUNT_LOCKED'], [423, 'ACCOUNT_LOCKED']]);
      expect(missing).toEqual(existing);
      // The owner, from their own address, is not locked out by the stranger.
      const ownerClient = await t.client();
      await from(ownerClient, '198.51.100.20', owner.phone, PASSWORD).expect(200);
    });

    it('a campaign from many addresses locks new devices, but a device that signed in before keeps its way in', async () => {
      const owner = await createUser(t, { commune, email: 'chu.tai.khoan@example.vn' });
      const ownPhone = await t.client();
      await from(ownPhone, '198.51.100.30', owner.phone, PASSWORD).expect(200);
      expect(cookie(ownPhone, 'device')).not.toBe('');
      const attackers = await t.client();
      for (let i = 0; i < 6; i++) await from(attackers, `203.0.113.${50 + (i % 3)}`, owner.phone, `doan-mo-${i}`);
      const newDevice = await t.client();
      expect((await from(newDevice, '198.51.100.31', owner.phone, PASSWORD)).status).toBe(423);
      await from(ownPhone, '198.51.100.31', owner.phone, PASSWORD).expect(200);
      // The lock is the login's, not the person's: the email still signs in from a new device.
      await from(newDevice, '198.51.100.31', 'chu.tai.khoan@example.vn', PASSWORD).expect(200);
      // An administrator sees the lock and lifts it.
      const admin = await createUser(t, { commune, role: 'admin', scope: { level: 'commune', unitId: commune.id } });
      const adminClient = await loginAs(t, admin.phone);
      expect((await adminClient.get(`/api/admin/users/${owner.id}`).expect(200)).body.lockedUntil).toEqual(expect.any(String));
      await adminClient.post(`/api/admin/users/${owner.id}/enable`).expect(204);
      expect((await adminClient.get(`/api/admin/users/${owner.id}`).expect(200)).body.lockedUntil).toBeNull();
      await from(await t.client(), '198.51.100.32', owner.phone, PASSWORD).expect(200);
    });

    it('a signed-in success writes nothing to the account row', async () => {
      const owner = await createUser(t, { commune });
      const [{ updated_at: before }] = await t.dataSource.query(`SELECT updated_at FROM users WHERE id = $1`, [owner.id]);
      await loginAs(t, owner.phone);
      const [{ updated_at: after }] = await t.dataSource.query(`SELECT updated_at FROM users WHERE id = $1`, [owner.id]);
      expect(after).toEqual(before);
    });
  });

  it('refuses JSON nested deeper than a few levels with 400, on every kind of route', async () => {
    const c = await t.client();
    const deep = '['.repeat(2000) + ']'.repeat(2000);
    for (const url of ['/api/auth/login', '/api/auth/register', '/api/auth/password-reset', '/api/verify/credential']) {
      const res = await c.agent.post(url).set('x-csrf-token', c.csrf).set('content-type', 'application/json').send(deep);
      expect([url, res.status, res.body.code]).toEqual([url, 400, 'JSON_TOO_DEEP']);
    }
    const shallow = await c.agent.post('/api/auth/login').set('x-csrf-token', c.csrf).set('content-type', 'application/json').send('{"login":"0900000000","password":"x","a":[[[1]]]}');
    expect(shallow.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a NUL character with 400 naming where it was', async () => {
    const user = await createUser(t, { commune });
    const c = await loginAs(t, user.phone);
    expect((await c.get('/api/courses?q=%00').expect(400)).body).toMatchObject({ code: 'INVALID_CHARACTER', details: [{ field: 'q' }] });
    expect((await c.get('/api/courses/%00').expect(400)).body.details[0].field).toBe('path');
    expect((await c.get('/api/courses/%00/progress').expect(400)).body.code).toBe('INVALID_CHARACTER');
    expect((await c.patch('/api/me', { fullName: 'An\u0000' }).expect(400)).body.details[0].field).toBe('fullName');
  });

  it('refuses null where a field may only be left out, and keeps the birth year', async () => {
    const user = await createUser(t, { commune });
    const c = await loginAs(t, user.phone);
    for (const field of ['fullName', 'targetGroup', 'unitId', 'birthYear']) {
      const res = await c.patch('/api/me', { [field]: null });
      expect([field, res.status, res.body.details?.[0]?.field]).toEqual([field, 400, field]);
    }
    expect((await c.get('/api/me').expect(200)).body.birthYear).toBe(1970);
  });

  it('takes as long to refuse a reset code for an unknown login as for a real one', async () => {
    const user = await createUser(t, { commune });
    const c = await t.client();
    const timed = async (login: string) => {
      const started = process.hrtime.bigint();
      await c.post('/api/auth/password-reset', { login, code: '12345678', newPassword: 'Mat-khau-moi-rat-dai-1' }).expect(400);
      return Number(process.hrtime.bigint() - started) / 1e6;
    };
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 5; i++) {
      known.push(await timed(user.phone));
      unknown.push(await timed('0999888777'));
    }
    // Both pay for hashing the new password (tens of milliseconds); before, the unknown login answered in a few.
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
  });

  it('keeps a data export sealed at rest, and gives it whole to its owner', async () => {
    const user = await createUser(t, { commune });
    const c = await loginAs(t, user.phone);
    const { id } = (await c.post('/api/me/exports').expect(202)).body as { id: string };
    let status = '';
    for (let i = 0; i < 100 && status !== 'done'; i++) {
      status = (await c.get(`/api/me/exports/${id}`).expect(200)).body.status;
      if (status !== 'done') await new Promise((r) => setTimeout(r, 50));
    }
    const stored = await t.dataSource.getRepository(DataExport).findOneByOrFail({ id });
    expect(stored.payloadEnc!.toString('latin1')).not.toContain(user.phone);
    const [{ row }] = await t.dataSource.query(`SELECT to_jsonb(d)::text AS row FROM data_exports d WHERE id = $1`, [id]);
    expect(row).not.toContain(user.phone);
    const downloaded = await c.get(`/api/me/exports/${id}/download`).expect(200);
    expect(JSON.parse(downloaded.text).profile.phone).toBe(user.phone);
  });

  it('validates an organisation name like a name', async () => {
    const user = await createUser(t, { commune });
    const c = await loginAs(t, user.phone);
    const res = await c.patch('/api/me', { organisationName: '<img src=x onerror=alert(1)><script>', organisationKind: 'enterprise' }).expect(400);
    expect(res.body.details[0].field).toBe('organisationName');
    await c.patch('/api/me', { organisationName: 'Công ty TNHH Hòa Bình (chi nhánh số 2)', organisationKind: 'enterprise' }).expect(200);
  });
});

describe('API documentation', () => {
  it('is not served in production unless asked for', async () => {
    const production = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false' });
    try {
      const c = await production.client();
      await c.get('/api/docs').expect(404);
      await c.get('/api/docs/openapi.json').expect(404);
    } finally {
      await production.close();
    }
    const asked = await startTestApp({ NODE_ENV: 'production', COOKIE_SECURE: 'false', API_DOCS: 'true' });
    try {
      await (await asked.client()).get('/api/docs/openapi.json').expect(200);
    } finally {
      await asked.close();
    }
  });
});
