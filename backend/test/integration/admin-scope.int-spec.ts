import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import type { User } from '../../src/modules/users/entities/user.entity';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

describe('administrator scope', () => {
  let t: TestApp;
  let hanoi: Awaited<ReturnType<typeof unitsOf>>;
  let hue: Awaited<ReturnType<typeof unitsOf>>;
  let learnerA: User & { phone: string }; // Hà Nội, commune A
  let learnerB: User & { phone: string }; // Hà Nội, commune B
  let learnerHue: User & { phone: string };
  let communeAdmin: User & { phone: string };
  let provinceAdmin: User & { phone: string };
  let nationAdmin: User & { phone: string };

  beforeAll(async () => {
    t = await startTestApp();
    hanoi = await unitsOf(t.dataSource, '01');
    hue = await unitsOf(t.dataSource, '04');
    const [a, b] = hanoi.communes as [typeof hanoi.communes[0], typeof hanoi.communes[0]];
    learnerA = await createUser(t, { commune: a, fullName: 'Người Học Xã A', targetGroup: 'citizen' });
    learnerB = await createUser(t, { commune: b, fullName: 'Người Học Xã B', targetGroup: 'student' });
    learnerHue = await createUser(t, { commune: hue.communes[0]!, fullName: 'Người Học Huế' });
    communeAdmin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } });
    provinceAdmin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } });
    nationAdmin = await createUser(t, { commune: hue.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } });
  });
  afterAll(() => t.close());

  const ids = (body: { items: { id: string }[] }) => body.items.map((i) => i.id);

  it('a commune administrator lists only people of their commune, whatever the filters say', async () => {
    const c = await loginAs(t, communeAdmin.phone);
    const all = (await c.get('/api/admin/users?pageSize=100').expect(200)).body;
    expect(ids(all)).toContain(learnerA.id);
    expect(ids(all)).not.toContain(learnerB.id);
    expect(ids(all)).not.toContain(learnerHue.id);
    const forced = (await c.get(`/api/admin/users?unitId=${hanoi.communes[1]!.id}`).expect(200)).body;
    expect(forced.total).toBe(0);
  });

  it('a commune administrator cannot read, reset or disable another commune’s learner by id', async () => {
    const c = await loginAs(t, communeAdmin.phone);
    expect((await c.get(`/api/admin/users/${learnerB.id}`).expect(404)).body.code).toBe('NOT_FOUND');
    await c.post(`/api/admin/users/${learnerB.id}/reset-code`).expect(404);
    await c.post(`/api/admin/users/${learnerB.id}/disable`).expect(404);
    const own = (await c.get(`/api/admin/users/${learnerA.id}`).expect(200)).body;
    expect(own).toMatchObject({ id: learnerA.id, phone: learnerA.phone, fullName: 'Người Học Xã A' });
  });

  it('a province administrator sees the whole province and nothing outside it', async () => {
    const c = await loginAs(t, provinceAdmin.phone);
    const list = (await c.get('/api/admin/users?pageSize=100').expect(200)).body;
    expect(ids(list)).toEqual(expect.arrayContaining([learnerA.id, learnerB.id]));
    expect(ids(list)).not.toContain(learnerHue.id);
    await c.get(`/api/admin/users/${learnerHue.id}`).expect(404);
    const students = (await c.get('/api/admin/users?targetGroup=student').expect(200)).body;
    expect(ids(students)).toEqual([learnerB.id]);
  });

  it('a national administrator sees everyone and can search by name or exact phone; lists mask contacts', async () => {
    const c = await loginAs(t, nationAdmin.phone);
    const list = (await c.get('/api/admin/users?pageSize=100').expect(200)).body;
    expect(ids(list)).toEqual(expect.arrayContaining([learnerA.id, learnerB.id, learnerHue.id]));
    const row = list.items.find((i: { id: string }) => i.id === learnerA.id);
    expect(row.phoneMasked).toMatch(/^\d{3}\*{5}\d{2}$/);
    expect(JSON.stringify(list)).not.toContain(learnerA.phone);
    expect(ids((await c.get(`/api/admin/users?q=${encodeURIComponent('Xã B')}`).expect(200)).body)).toEqual([learnerB.id]);
    expect(ids((await c.get(`/api/admin/users?q=${learnerHue.phone}`).expect(200)).body)).toEqual([learnerHue.id]);
  });

  it('reading a person’s record is audited', async () => {
    const c = await loginAs(t, provinceAdmin.phone);
    await c.get(`/api/admin/users/${learnerB.id}`).expect(200);
    const events = await t.dataSource.getRepository(AuditEvent).find({ where: { type: 'admin.user_viewed', subjectId: learnerB.id } });
    expect(events.map((e) => e.actorId)).toContain(provinceAdmin.id);
  });

  it('learners and teachers cannot reach the administrator routes', async () => {
    const c = await loginAs(t, learnerA.phone);
    expect((await c.get('/api/admin/users').expect(403)).body.code).toBe('FORBIDDEN');
  });

  it('role changes respect scope and are audited', async () => {
    const province = await loginAs(t, provinceAdmin.phone);
    // A province administrator may appoint a commune administrator inside the province…
    await province.put(`/api/admin/users/${learnerB.id}/role`, { role: 'admin', scopeLevel: 'commune', scopeUnitId: hanoi.communes[1]!.id }).expect(204);
    // …but not a national one, nor anyone outside the province.
    await province.put(`/api/admin/users/${learnerA.id}/role`, { role: 'admin', scopeLevel: 'nation' }).expect(403);
    await province.put(`/api/admin/users/${learnerHue.id}/role`, { role: 'teacher' }).expect(404);
    const bad = await province.put(`/api/admin/users/${learnerA.id}/role`, { role: 'admin', scopeLevel: 'commune' }).expect(400);
    expect(bad.body.details[0].field).toBe('scopeUnitId');
    const newAdmin = await loginAs(t, learnerB.phone);
    expect((await newAdmin.get('/api/auth/me').expect(200)).body.scope).toMatchObject({ level: 'commune', unitId: hanoi.communes[1]!.id });
    const events = await t.dataSource.getRepository(AuditEvent).find({ where: { type: 'user.role_changed', subjectId: learnerB.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.details).toMatchObject({ to: { role: 'admin', scopeLevel: 'commune' } });
  });

  it('disabling a person ends their sessions at once', async () => {
    const victim = await createUser(t, { commune: hanoi.communes[0]! });
    const session = await loginAs(t, victim.phone);
    const admin = await loginAs(t, communeAdmin.phone);
    await admin.post(`/api/admin/users/${victim.id}/disable`).expect(204);
    await session.get('/api/auth/me').expect(401);
    await admin.post(`/api/admin/users/${victim.id}/enable`).expect(204);
    await loginAs(t, victim.phone);
  });

  describe('rank: an administrator acts only on people of a strictly lower rank inside their scope', () => {
    // Living in commune A puts these administrators where the commune and province administrators can
    // reach by place; their authority is what must keep them out of reach.
    let nationInA: User & { phone: string };
    let provinceInA: User & { phone: string };
    let communeBAdmin: User & { phone: string };
    let otherCommuneAdmin: User & { phone: string };
    beforeAll(async () => {
      const a = hanoi.communes[0]!;
      nationInA = await createUser(t, { commune: a, role: 'admin', scope: { level: 'nation', unitId: null } });
      provinceInA = await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } });
      communeBAdmin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: hanoi.communes[2]!.id } });
      otherCommuneAdmin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: hue.communes[1]!.id } });
    });

    const everyAction = async (c: Awaited<ReturnType<typeof loginAs>>, id: string) => [
      (await c.get(`/api/admin/users/${id}`)).status,
      (await c.post(`/api/admin/users/${id}/reset-code`)).status,
      (await c.post(`/api/admin/users/${id}/disable`)).status,
      (await c.post(`/api/admin/users/${id}/enable`)).status,
      (await c.put(`/api/admin/users/${id}/role`, { role: 'learner' })).status,
    ];

    it('a commune administrator cannot read, reset, disable or demote the national administrator living in the commune', async () => {
      const c = await loginAs(t, communeAdmin.phone);
      expect(await everyAction(c, nationInA.id)).toEqual([404, 404, 404, 404, 404]);
      expect(await everyAction(c, provinceInA.id)).toEqual([404, 404, 404, 404, 404]);
      expect(await everyAction(c, communeBAdmin.id)).toEqual([404, 404, 404, 404, 404]);
      const listed = ids((await c.get('/api/admin/users?pageSize=100').expect(200)).body);
      expect(listed).toContain(learnerA.id);
      expect(listed).not.toEqual(expect.arrayContaining([nationInA.id]));
      expect(listed.filter((id) => [nationInA.id, provinceInA.id, communeBAdmin.id, communeAdmin.id].includes(id))).toEqual([]);
      // The national administrator's account is still theirs.
      await loginAs(t, nationInA.phone);
    });

    it('the reset code a commune administrator might have asked for is never issued, so the takeover fails', async () => {
      const c = await loginAs(t, communeAdmin.phone);
      const res = await c.post(`/api/admin/users/${nationInA.id}/reset-code`).expect(404);
      // The request id is random and may hold eight digits in a row; no other field may.
      expect(JSON.stringify({ ...res.body, requestId: undefined })).not.toMatch(/\d{8}/);
      const anon = await t.client();
      await anon.post('/api/auth/password-reset', { login: nationInA.phone, code: '00000000', newPassword: 'Mat-khau-moi-2026-rat-dai' }).expect(400);
    });

    it('a province administrator manages the commune administrators of its communes, not its peers nor the nation', async () => {
      const c = await loginAs(t, provinceAdmin.phone);
      expect(await everyAction(c, nationInA.id)).toEqual([404, 404, 404, 404, 404]);
      expect(await everyAction(c, provinceInA.id)).toEqual([404, 404, 404, 404, 404]);
      // A commune administrator of another province lives here, but their scope is not covered.
      expect((await c.get(`/api/admin/users/${otherCommuneAdmin.id}`)).status).toBe(404);
      const detail = (await c.get(`/api/admin/users/${communeBAdmin.id}`).expect(200)).body;
      expect(detail.phone).toBe(communeBAdmin.phone);
      expect((await c.post(`/api/admin/users/${communeBAdmin.id}/reset-code`).expect(200)).body.code).toMatch(/^\d{8}$/);
      await c.post(`/api/admin/users/${communeBAdmin.id}/disable`).expect(204);
      await c.post(`/api/admin/users/${communeBAdmin.id}/enable`).expect(204);
    });

    it('a national administrator manages province administrators but not another national administrator', async () => {
      const c = await loginAs(t, nationAdmin.phone);
      expect(await everyAction(c, nationInA.id)).toEqual([404, 404, 404, 404, 404]);
      await c.get(`/api/admin/users/${provinceInA.id}`).expect(200);
      await c.post(`/api/admin/users/${provinceInA.id}/disable`).expect(204);
      await c.post(`/api/admin/users/${provinceInA.id}/enable`).expect(204);
    });
  });
});
