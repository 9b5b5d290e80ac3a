import { randomUUID } from 'node:crypto';
import { CONSENT } from '../../src/modules/auth/consent';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import type { User } from '../../src/modules/users/entities/user.entity';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const COURSE = 'dien-thoai-thong-minh-lan-dau';
type Card = { code: string; url: string; qrSvg: string };
type Registered = { resident: { id: string; fullName: string; registeredByMe: boolean }; card: Card };

/**
 * Community digital technology teams: appointment in scope, residents registered on a member's phone
 * with consent, sign-in cards, assisted sessions recorded to the resident only, household visits
 * stored once, and a member who sees only the residents of their commune they registered or helped.
 */
describe('community digital technology teams', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let adminA: TestClient;
  let memberA: User & { phone: string };
  let asMemberA: TestClient;
  let asMemberA2: TestClient;
  let asMemberB: TestClient;

  beforeAll(async () => {
    t = await startTestApp();
    [a, b] = (await unitsOf(t.dataSource, '01')).communes as [AdminUnit, AdminUnit];
    adminA = await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } })).phone);
    const adminB = await loginAs(t, (await createUser(t, { commune: b, role: 'admin', scope: { level: 'commune', unitId: b.id } })).phone);
    memberA = await createUser(t, { commune: a, fullName: 'Đỗ Minh Tổ Viên' });
    const memberA2 = await createUser(t, { commune: a });
    const memberB = await createUser(t, { commune: b });
    await adminA.put(`/api/admin/community-team/${memberA.id}`).expect(204);
    await adminA.put(`/api/admin/community-team/${memberA.id}`).expect(204);
    await adminA.put(`/api/admin/community-team/${memberA2.id}`).expect(204);
    await adminB.put(`/api/admin/community-team/${memberB.id}`).expect(204);
    [asMemberA, asMemberA2, asMemberB] = (await Promise.all([memberA, memberA2, memberB].map((m) => loginAs(t, m.phone)))) as [TestClient, TestClient, TestClient];
  });
  afterAll(() => t.close());

  const register = (c: TestClient, fullName = 'Nguyễn Thị Lan', body: object = {}) =>
    c.post('/api/community/residents', { fullName, birthYear: 1950, targetGroup: 'citizen', consent: true, consentVersion: CONSENT.version, consentMethod: 'spoken', ...body });

  it('is appointed by an administrator whose scope holds the person, and only then reaches the team pages', async () => {
    const outsider = await createUser(t, { commune: b });
    await adminA.put(`/api/admin/community-team/${outsider.id}`).expect(404);
    const admin = await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } });
    await (await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: a.parentId! } })).phone))
      .put(`/api/admin/community-team/${admin.id}`).expect(409);
    const team = (await adminA.get('/api/admin/community-team').expect(200)).body as { userId: string }[];
    expect(team.map((m) => m.userId)).toContain(memberA.id);
    expect(team).toHaveLength(2); // commune B's member is not in A's list

    const learner = await loginAs(t, (await createUser(t, { commune: a })).phone);
    expect((await learner.get('/api/community/residents').expect(403)).body.code).toBe('FORBIDDEN');
    await (await t.client()).get('/api/community/residents').expect(401);
    expect((await asMemberA.get('/api/community/membership').expect(200)).body).toEqual({ unitId: a.id });

    // Relieved: the team pages close at once.
    const temp = await createUser(t, { commune: a });
    await adminA.put(`/api/admin/community-team/${temp.id}`).expect(204);
    const asTemp = await loginAs(t, temp.phone);
    await asTemp.get('/api/community/residents').expect(200);
    await adminA.delete(`/api/admin/community-team/${temp.id}`).expect(204);
    await asTemp.get('/api/community/residents').expect(403);
  });

  it('registers a resident on the member’s phone with consent and how it was given, and hands over a card', async () => {
    const missing = await register(asMemberA, 'Nguyễn Thị Lan', { consentMethod: 'nod' }).expect(400);
    expect(missing.body.details[0].field).toBe('consentMethod');
    const { resident, card } = (await register(asMemberA).expect(201)).body as Registered;
    expect(resident).toMatchObject({ fullName: 'Nguyễn Thị Lan', registeredByMe: true });
    expect(card.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(card.qrSvg).toContain('<svg');
    expect(card.url).toBe(`${t.config.publicUrl}/the/${card.code}`);
    const [row] = (await t.dataSource.query(
      `SELECT u.unit_id, u.password_hash, u.consent_version, r.consent_method, r.member_id FROM users u JOIN community_registrations r ON r.resident_id = u.id WHERE u.id = $1`,
      [resident.id],
    )) as { unit_id: string; password_hash: string | null; consent_version: string; consent_method: string; member_id: string }[];
    expect(row).toEqual({ unit_id: a.id, password_hash: null, consent_version: CONSENT.version, consent_method: 'spoken', member_id: memberA.id });

    // The card signs the resident in on their own phone, typed loosely or scanned.
    const phone = await t.client();
    const me = (await phone.post('/api/auth/card', { code: card.code.toLowerCase().replace(/-/g, ' ') }).expect(200)).body as { id: string };
    expect(me.id).toBe(resident.id);
    await phone.post('/api/auth/logout').expect(204);
    // A new card replaces the old one.
    const fresh = (await asMemberA.post(`/api/community/residents/${resident.id}/card`).expect(201)).body as Card;
    expect((await (await t.client()).post('/api/auth/card', { code: card.code }).expect(400)).body.code).toBe('INVALID_CARD');
    await (await t.client()).post('/api/auth/card', { code: fresh.code }).expect(200);
  });

  it('shows a member only the residents of their commune they registered or helped', async () => {
    const { resident } = (await register(asMemberA, 'Trần Văn Hùng').expect(201)).body as Registered;
    const seen = (c: TestClient) => c.get('/api/community/residents').expect(200).then((r) => (r.body as { id: string }[]).map((x) => x.id));
    expect(await seen(asMemberA)).toContain(resident.id);
    expect(await seen(asMemberA2)).not.toContain(resident.id);
    expect(await seen(asMemberB)).not.toContain(resident.id);
    await asMemberA2.post(`/api/community/residents/${resident.id}/card`).expect(404);
    await asMemberB.post('/api/community/assisted-sessions', { residentId: resident.id }).expect(404);
    const visit = { id: randomUUID(), visitedAt: new Date().toISOString(), peopleHelped: 1, residentIds: [resident.id] };
    expect((await asMemberA2.post('/api/community/visits', visit).expect(400)).body.details[0].field).toBe('residentIds');
    // A learner of the commune whom nobody registered stays invisible too.
    const stranger = await createUser(t, { commune: a });
    await asMemberA.post('/api/community/assisted-sessions', { residentId: stranger.id }).expect(404);
  });

  it('records an assisted session’s progress to the resident, never to the member, and switches residents in one step', async () => {
    const first = ((await register(asMemberA, 'Lê Thị Mai').expect(201)).body as Registered).resident;
    const phone = await loginAs(t, memberA.phone);
    expect((await phone.post('/api/community/assisted-sessions', { residentId: first.id }).expect(201)).body).toEqual({ residentId: first.id, residentName: 'Lê Thị Mai' });
    expect(((await phone.get('/api/auth/me').expect(200)).body as { id: string }).id).toBe(first.id);
    expect(((await phone.get('/api/community/assisted-sessions/current').expect(200)).body as { residentId: string }).residentId).toBe(first.id);

    const course = (await phone.get(`/api/courses/${COURSE}`).expect(200)).body as { lessons: { slug: string }[] };
    await phone.post(`/api/courses/${COURSE}/enrolment`).expect(201);
    await phone.put(`/api/courses/${COURSE}/lessons/${course.lessons[0]!.slug}/completion`, {}).expect(200);

    // While assisting, the member's own team pages still answer as the member: register and switch.
    const second = ((await register(phone, 'Phạm Văn Tư').expect(201)).body as Registered).resident;
    await phone.post('/api/community/assisted-sessions', { residentId: second.id }).expect(201);
    expect(((await phone.get('/api/auth/me').expect(200)).body as { id: string }).id).toBe(second.id);
    await phone.post('/api/community/assisted-sessions/end').expect(204);
    expect(((await phone.get('/api/auth/me').expect(200)).body as { id: string }).id).toBe(memberA.id);
    await phone.get('/api/community/assisted-sessions/current').expect(404);

    const count = async (table: string, userId: string) =>
      Number(((await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table} WHERE user_id = $1`, [userId])) as { n: number }[])[0]!.n);
    expect(await count('enrolments', first.id)).toBe(1);
    expect(await count('lesson_completions', first.id)).toBe(1);
    expect(await count('enrolments', memberA.id)).toBe(0);
    expect(await count('lesson_completions', memberA.id)).toBe(0);
    expect(await count('learning_events', memberA.id)).toBe(0);
    const sessions = (await t.dataSource.query(`SELECT revoke_reason, assisted_by_id FROM sessions WHERE user_id = $1`, [first.id])) as { revoke_reason: string; assisted_by_id: string }[];
    expect(sessions).toEqual([{ revoke_reason: 'assist_ended', assisted_by_id: memberA.id }]);

    // Later, the resident on their own phone with the card sees the progress.
    const card = (await asMemberA.post(`/api/community/residents/${first.id}/card`).expect(201)).body as Card;
    const own = await t.client();
    await own.post('/api/auth/card', { code: card.code }).expect(200);
    const learning = (await own.get('/api/me/learning').expect(200)).body as { courses?: { slug: string }[] } | { slug: string }[];
    expect(JSON.stringify(learning)).toContain(COURSE);
    const row = ((await asMemberA.get('/api/community/residents').expect(200)).body as { id: string; coursesEnrolled: number; lastAssistedAt: string | null }[]).find((r) => r.id === first.id)!;
    expect(row.coursesEnrolled).toBe(1);
    expect(row.lastAssistedAt).not.toBeNull();
  });

  it('stores a household visit once, however often the phone sends it', async () => {
    const visit = { id: randomUUID(), visitedAt: '2026-12-01T08:30:00.000Z', peopleHelped: 3, note: 'Hướng dẫn cài VNeID cho hai cụ' };
    const first = (await asMemberA.post('/api/community/visits', visit).expect(200)).body;
    const again = (await asMemberA.post('/api/community/visits', visit).expect(200)).body;
    expect(again).toEqual(first);
    await asMemberA.post('/api/community/visits', { ...visit, peopleHelped: 4 }).expect(409);
    await asMemberB.post('/api/community/visits', visit).expect(409);
    const mine = (await asMemberA.get('/api/community/visits').expect(200)).body as { id: string }[];
    expect(mine.filter((v) => v.id === visit.id)).toHaveLength(1);
    expect(((await asMemberB.get('/api/community/visits').expect(200)).body as { id: string }[]).map((v) => v.id)).not.toContain(visit.id);
    expect((await asMemberA.post('/api/community/visits', { ...visit, id: randomUUID(), peopleHelped: 99 }).expect(400)).body.details[0].field).toBe('peopleHelped');
  });
});
