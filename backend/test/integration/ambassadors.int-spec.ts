import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, giveRecord, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const COURSE = 'dien-thoai-thong-minh-lan-dau';
type Status = { eligible: boolean; ambassador: { inviteCode: string; inviteUrl: string; mentees: number } | null };
type Mentee = { menteeId: string; fullName: string; coursesEnrolled: number; lessonsCompleted: number; nextStep: { kind: string; courseSlug: string | null; title: string | null } | null };

/**
 * Digital ambassadors: a record holder becomes one, mentees join with the code and consent, the
 * ambassador sees only current mentees (a withdrawal works on the next request) and reminds each at
 * most once a day, within a daily allowance.
 */
describe('digital ambassadors', () => {
  let t: TestApp;
  let commune: AdminUnit;
  let ambassador: TestClient;
  let code: string;

  const person = async (fullName: string) => {
    const user = await createUser(t, { commune, fullName });
    return { user, client: await loginAs(t, user.phone) };
  };
  const mentees = async (c: TestClient) => (await c.get('/api/me/ambassador/mentees').expect(200)).body as Mentee[];

  beforeAll(async () => {
    t = await startTestApp({ AMBASSADOR_REMINDERS_PER_DAY: '3' });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
    const { user, client } = await person('Trần Thị Đại Sứ');
    ambassador = client;
    expect(((await ambassador.get('/api/me/ambassador').expect(200)).body as Status)).toEqual({ eligible: false, ambassador: null });
    expect((await ambassador.put('/api/me/ambassador').expect(409)).body.code).toBe('RECORD_REQUIRED');
    await giveRecord(t, user.id);
    const status = (await ambassador.put('/api/me/ambassador').expect(200)).body as Status;
    expect(status.eligible).toBe(true);
    code = status.ambassador!.inviteCode;
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    expect(status.ambassador!.inviteUrl).toBe(`${t.config.publicUrl}/dai-su-so?ma=${code}`);
    // Again: the same code.
    expect(((await ambassador.put('/api/me/ambassador').expect(200)).body as Status).ambassador!.inviteCode).toBe(code);
  });
  afterAll(() => t.close());

  it('lets a mentee join only with the code and consent, and shows the ambassador their progress and next step', async () => {
    const { user, client } = await person('Nguyễn Văn Học');
    expect((await client.get(`/api/ambassador-invitations/${code.toLowerCase()}`).expect(200)).body).toEqual({ ambassadorName: 'Trần Thị Đại Sứ' });
    await client.get('/api/ambassador-invitations/ZZZZZZZZ').expect(404);
    expect((await client.put('/api/me/mentorship', { code }).expect(400)).body.details[0].field).toBe('consent');
    expect((await ambassador.put('/api/me/mentorship', { code, consent: true }).expect(400)).body.code).toBe('OWN_CODE');
    expect((await mentees(ambassador)).map((m) => m.menteeId)).not.toContain(user.id);

    const joined = (await client.put('/api/me/mentorship', { code, consent: true }).expect(200)).body as { ambassadorName: string };
    expect(joined.ambassadorName).toBe('Trần Thị Đại Sứ');
    await client.put('/api/me/mentorship', { code, consent: true }).expect(200); // again: no second mentorship
    expect(await t.dataSource.query('SELECT 1 FROM ambassador_mentees WHERE mentee_id = $1', [user.id])).toHaveLength(1);

    const course = (await client.get(`/api/courses/${COURSE}`).expect(200)).body as { lessons: { slug: string; title: string }[] };
    await client.post(`/api/courses/${COURSE}/enrolment`).expect(201);
    await client.put(`/api/courses/${COURSE}/lessons/${course.lessons[0]!.slug}/completion`, {}).expect(200);
    const row = (await mentees(ambassador)).find((m) => m.menteeId === user.id)!;
    expect(row).toMatchObject({ fullName: 'Nguyễn Văn Học', coursesEnrolled: 1, lessonsCompleted: 1 });
    expect(row.nextStep).toEqual({ kind: 'lesson', courseSlug: COURSE, courseTitle: expect.any(String), title: course.lessons[1]!.title });
  });

  it('shows nothing of a mentee from the moment they withdraw consent', async () => {
    const { user, client } = await person('Lê Thị Rút');
    await client.put('/api/me/mentorship', { code, consent: true }).expect(200);
    expect((await mentees(ambassador)).map((m) => m.menteeId)).toContain(user.id);
    await client.delete('/api/me/mentorship').expect(204);
    expect((await mentees(ambassador)).map((m) => m.menteeId)).not.toContain(user.id);
    await ambassador.post(`/api/me/ambassador/mentees/${user.id}/reminders`).expect(404);
    expect((await client.get('/api/me/mentorship').expect(200)).body).toEqual({ ambassadorName: null, since: null });
  });

  it('shows an ambassador only their own mentees, and nothing to someone who is not one', async () => {
    const other = await person('Phạm Văn Khác');
    await giveRecord(t, other.user.id);
    const otherCode = ((await other.client.put('/api/me/ambassador').expect(200)).body as Status).ambassador!.inviteCode;
    const mine = await person('Hoàng Thị Của Tôi');
    await mine.client.put('/api/me/mentorship', { code, consent: true }).expect(200);
    expect((await mentees(other.client)).map((m) => m.menteeId)).not.toContain(mine.user.id);
    await other.client.post(`/api/me/ambassador/mentees/${mine.user.id}/reminders`).expect(404);
    expect((await mine.client.get('/api/me/ambassador/mentees').expect(403)).body.code).toBe('FORBIDDEN');

    // Joining another ambassador moves the consent: the first one no longer sees the person.
    await mine.client.put('/api/me/mentorship', { code: otherCode, consent: true }).expect(200);
    expect((await mentees(ambassador)).map((m) => m.menteeId)).not.toContain(mine.user.id);
    expect((await mentees(other.client)).map((m) => m.menteeId)).toContain(mine.user.id);

    // Stepping down ends every mentorship.
    await other.client.delete('/api/me/ambassador').expect(204);
    expect((await mine.client.get('/api/me/mentorship').expect(200)).body.ambassadorName).toBeNull();
    await other.client.get('/api/me/ambassador/mentees').expect(403);
  });

  it('reminds a mentee once a day, respects their choice and stops at the daily allowance', async () => {
    const a = await person('Người Được Nhắc');
    const b = await person('Người Tắt Nhắc');
    const c = await person('Người Thứ Ba');
    const d = await person('Người Thứ Tư');
    for (const m of [a, b, c, d]) await m.client.put('/api/me/mentorship', { code, consent: true }).expect(200);
    const remind = (id: string) => ambassador.post(`/api/me/ambassador/mentees/${id}/reminders`);

    expect((await remind(a.user.id).expect(200)).body).toEqual({ outcome: 'sent' });
    expect((await remind(a.user.id).expect(200)).body).toEqual({ outcome: 'duplicate' });
    const inbox = (await a.client.get('/api/me/notifications').expect(200)).body as { items: { kind: string; params: Record<string, unknown> }[]; unread: number };
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ kind: 'ambassador_nudge', params: { ambassadorName: 'Trần Thị Đại Sứ' } });
    expect(inbox.unread).toBe(1);

    await b.client.put('/api/me/notification-settings', { settings: [{ kind: 'ambassador_nudge', inApp: false, email: false }] }).expect(200);
    expect((await remind(b.user.id).expect(200)).body).toEqual({ outcome: 'muted' });
    expect(((await b.client.get('/api/me/notifications').expect(200)).body as { total: number }).total).toBe(0);

    // The allowance is 3 a day (set for this test): a, c, d reach it.
    await remind(c.user.id).expect(200);
    await remind(d.user.id).expect(200);
    const e = await person('Người Thứ Năm');
    await e.client.put('/api/me/mentorship', { code, consent: true }).expect(200);
    expect((await remind(e.user.id).expect(429)).body.code).toBe('REMINDER_LIMIT');
  });
});
