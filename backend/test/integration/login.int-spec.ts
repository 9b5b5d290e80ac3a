import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('login, lockout and session revocation', () => {
  let t: TestApp;
  let commune: Awaited<ReturnType<typeof unitsOf>>['communes'][number];

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', LOGIN_IP_MAX_FAILURES: '8' });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(() => t.close());

  const auditTypes = async (subjectId: string) =>
    (await t.dataSource.getRepository(AuditEvent).find({ where: { subjectId }, order: { occurredAt: 'ASC' } })).map((e) => e.type);

  it('signs in by phone or by email and records the login', async () => {
    const user = await createUser(t, { commune, email: 'lan@example.vn' });
    const byPhone = await loginAs(t, user.phone);
    expect((await byPhone.get('/api/auth/me').expect(200)).body.id).toBe(user.id);
    await loginAs(t, 'LAN@example.vn');
    expect(await auditTypes(user.id)).toEqual(['auth.login', 'auth.login']);
  });

  it('answers a wrong password and an unknown login the same way', async () => {
    const user = await createUser(t, { commune });
    const c = await t.client();
    const wrong = await c.post('/api/auth/login', { login: user.phone, password: 'not-the-password' }).expect(401);
    const unknown = await c.post('/api/auth/login', { login: '0999999999', password: 'not-the-password' }).expect(401);
    expect(wrong.body.code).toBe('INVALID_CREDENTIALS');
    expect(unknown.body.code).toBe('INVALID_CREDENTIALS');
  });

  it('locks the account after repeated failures, even against the right password, and audits it', async () => {
    const user = await createUser(t, { commune });
    const c = await t.client();
    await c.post('/api/auth/login', { login: user.phone, password: 'wrong-1' }).expect(401);
    await c.post('/api/auth/login', { login: user.phone, password: 'wrong-2' }).expect(401);
    const third = await c.post('/api/auth/login', { login: user.phone, password: 'wrong-3' }).expect(423);
    expect(third.body).toMatchObject({ code: 'ACCOUNT_LOCKED', details: { retryAfterSeconds: 900 } });
    const right = await c.post('/api/auth/login', { login: user.phone, password: PASSWORD }).expect(423);
    expect(right.body.details.retryAfterSeconds).toBeGreaterThan(800);
    expect(await auditTypes(user.id)).toEqual(['auth.login_failed', 'auth.login_failed', 'auth.login_failed', 'auth.lockout']);
  });

  it('logout revokes the session: the old cookie no longer works', async () => {
    const user = await createUser(t, { commune });
    const c = await loginAs(t, user.phone);
    const cookie = (await c.get('/api/auth/me').expect(200)).request.cookies;
    await c.post('/api/auth/logout').expect(204);
    await c.get('/api/auth/me').expect(401);
    // Replaying the captured cookie by hand is refused too: the session is revoked server-side.
    const replay = await t.client();
    await replay.agent.get('/api/auth/me').set('Cookie', cookie).expect(401);
  });

  it('a password change ends every other session but keeps the current one', async () => {
    const user = await createUser(t, { commune });
    const phone = await loginAs(t, user.phone);
    const laptop = await loginAs(t, user.phone);
    await phone.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'Mot-mat-khau-moi-9' }).expect(204);
    await phone.get('/api/auth/me').expect(200);
    await laptop.get('/api/auth/me').expect(401);
    const wrong = await phone.post('/api/auth/password', { currentPassword: 'nope-nope', newPassword: 'Mot-mat-khau-moi-10' }).expect(400);
    expect(wrong.body.details[0].field).toBe('currentPassword');
    await loginAs(t, user.phone, 'Mot-mat-khau-moi-9');
  });

  it('refuses a disabled account', async () => {
    const user = await createUser(t, { commune });
    await t.dataSource.query(`UPDATE users SET status = 'disabled' WHERE id = $1`, [user.id]);
    const res = await (await t.client()).post('/api/auth/login', { login: user.phone, password: PASSWORD }).expect(403);
    expect(res.body.code).toBe('ACCOUNT_DISABLED');
  });

  it('needs a session for private routes', async () => {
    const res = await (await t.client()).get('/api/me').expect(401);
    expect(res.body.code).toBe('UNAUTHENTICATED');
  });
});
