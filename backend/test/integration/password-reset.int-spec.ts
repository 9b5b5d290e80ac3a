import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('password reset by a one-time code from the commune administrator', () => {
  let t: TestApp;
  let hanoi: Awaited<ReturnType<typeof unitsOf>>;

  beforeAll(async () => {
    t = await startTestApp();
    hanoi = await unitsOf(t.dataSource, '01');
  });
  afterAll(() => t.close());

  const setup = async () => {
    const [a, b] = hanoi.communes as [typeof hanoi.communes[0], typeof hanoi.communes[0]];
    const learner = await createUser(t, { commune: a });
    const admin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } });
    const otherAdmin = await createUser(t, { commune: b, role: 'admin', scope: { level: 'commune', unitId: b.id } });
    return { learner, admin, otherAdmin };
  };

  it('lets the learner set a new password with the code, once, and ends their old sessions', async () => {
    const { learner, admin } = await setup();
    const oldSession = await loginAs(t, learner.phone);
    const adminClient = await loginAs(t, admin.phone);
    const issued = (await adminClient.post(`/api/admin/users/${learner.id}/reset-code`).expect(200)).body;
    expect(issued.code).toMatch(/^\d{8}$/);
    const anon = await t.client();
    await anon.post('/api/auth/password-reset', { login: learner.phone, code: issued.code, newPassword: 'Mat-khau-moi-2026' }).expect(204);
    await oldSession.get('/api/auth/me').expect(401);
    await loginAs(t, learner.phone, 'Mat-khau-moi-2026');
    const reuse = await anon.post('/api/auth/password-reset', { login: learner.phone, code: issued.code, newPassword: 'Lai-mot-lan-nua-1' }).expect(400);
    expect(reuse.body).toMatchObject({ code: 'INVALID_RESET_CODE', details: [{ field: 'code' }] });
    const types = (await t.dataSource.getRepository(AuditEvent).find({ where: { subjectId: learner.id } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['auth.reset_code_issued', 'auth.password_reset']));
  });

  it('burns a code after five wrong tries and keeps only the newest code valid', async () => {
    const { learner, admin } = await setup();
    const adminClient = await loginAs(t, admin.phone);
    const first = (await adminClient.post(`/api/admin/users/${learner.id}/reset-code`).expect(200)).body.code as string;
    const second = (await adminClient.post(`/api/admin/users/${learner.id}/reset-code`).expect(200)).body.code as string;
    const anon = await t.client();
    if (first !== second) {
      await anon.post('/api/auth/password-reset', { login: learner.phone, code: first, newPassword: 'Khong-duoc-dau-1' }).expect(400);
    }
    const wrong = second === '00000000' ? '11111111' : '00000000';
    for (let i = 0; i < 5; i++) {
      await anon.post('/api/auth/password-reset', { login: learner.phone, code: wrong, newPassword: 'Khong-duoc-dau-1' }).expect(400);
    }
    await anon.post('/api/auth/password-reset', { login: learner.phone, code: second, newPassword: 'Khong-duoc-dau-1' }).expect(400);
  });

  it('lifts a lockout when the password is reset', async () => {
    const { learner, admin } = await setup();
    const owner = await t.client();
    for (let i = 0; i < 5; i++) await owner.post('/api/auth/login', { login: learner.phone, password: 'quen-mat-roi' });
    expect((await owner.post('/api/auth/login', { login: learner.phone, password: PASSWORD })).status).toBe(423);
    const code = (await (await loginAs(t, admin.phone)).post(`/api/admin/users/${learner.id}/reset-code`).expect(200)).body.code;
    await owner.post('/api/auth/password-reset', { login: learner.phone, code, newPassword: 'Mo-khoa-roi-2026' }).expect(204);
    await loginAs(t, learner.phone, 'Mo-khoa-roi-2026');
  });

  it('an administrator of another commune cannot issue a code', async () => {
    const { learner, otherAdmin } = await setup();
    await (await loginAs(t, otherAdmin.phone)).post(`/api/admin/users/${learner.id}/reset-code`).expect(404);
  });

  it('validates the new password and the code format', async () => {
    const { learner } = await setup();
    const res = await (await t.client()).post('/api/auth/password-reset', { login: learner.phone, code: '12', newPassword: 'matkhau' }).expect(400);
    expect(res.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['code', 'newPassword']);
  });
});
