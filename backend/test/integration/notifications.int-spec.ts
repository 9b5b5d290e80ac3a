import { setTimeout as sleep } from 'node:timers/promises';
import { JobQueue } from '../../src/jobs/job-queue';
import { NotificationPurgeService } from '../../src/modules/notifications/notification-purge.service';
import { StalledLearningService } from '../../src/modules/notifications/stalled-learning.service';
import { EnrolmentsService } from '../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { type Mail, startSmtpInbox } from '../support/smtp-inbox';
import { startTestApp, type TestApp } from '../support/test-app';

const COURSE = 'dien-thoai-thong-minh-lan-dau';
type Page = { items: { id: string; kind: string; params: Record<string, unknown>; link: string; readAt: string | null }[]; total: number; unread: number };

/**
 * Notifications: the bell and the list, each person's choice per kind, email where configured, and
 * the stalled-learning job, which reminds once per course and period however often and however many
 * workers run it.
 */
describe('notifications', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpInbox>>;
  let commune: AdminUnit;
  let inbox: Mail[];

  beforeAll(async () => {
    smtp = await startSmtpInbox();
    inbox = smtp.inbox;
    t = await startTestApp({ SMTP_URL: smtp.url, STALLED_LEARNING_DAYS: '7', NOTIFICATION_RETENTION_DAYS: '30' });
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const mailsTo = async (to: string, expected: number) => {
    for (let i = 0; i < 50 && inbox.filter((m) => m.to === to).length < expected; i++) await sleep(100);
    await sleep(300); // and nothing more arrives
    return inbox.filter((m) => m.to === to);
  };

  /** An enrolment made `daysAgo` days ago, with no learning since. */
  const enrolledLongAgo = async (userId: string, daysAgo: number) => {
    await t.app.get(EnrolmentsService).enrol(userId, COURSE);
    await t.dataSource.query(`UPDATE enrolments SET enrolled_at = now() - make_interval(days => $2) WHERE user_id = $1`, [userId, daysAgo]);
    await t.dataSource.query(`UPDATE learning_events SET occurred_at = now() - make_interval(days => $2) WHERE user_id = $1`, [userId, daysAgo]);
  };
  const stalledOf = async (userId: string) =>
    (await t.dataSource.query(`SELECT id, email_status FROM notifications WHERE user_id = $1 AND kind = 'stalled_learning'`, [userId])) as { id: string; email_status: string | null }[];

  it('reminds stalled learning once per course and period, however often and however many workers run the job, in the app and by email', async () => {
    const stalled = await createUser(t, { commune, email: 'cham@example.vn' });
    const active = await createUser(t, { commune, email: 'deu@example.vn' });
    const fresh = await createUser(t, { commune });
    await enrolledLongAgo(stalled.id, 10);
    await enrolledLongAgo(active.id, 10);
    await t.dataSource.query(`UPDATE learning_events SET occurred_at = now() - interval '1 day' WHERE user_id = $1`, [active.id]);
    await enrolledLongAgo(fresh.id, 2);

    const job = t.app.get(StalledLearningService);
    // Two workers at the same moment, then a retry, then the queue's own run.
    const [first, second] = await Promise.all([job.run(), job.run()]);
    expect(first + second).toBe(1);
    expect(await job.run()).toBe(0);
    await t.app.get(JobQueue).enqueue('stalled-learning', { day: 'test' }, 'stalled-learning-test');
    await sleep(500);

    expect(await stalledOf(stalled.id)).toHaveLength(1);
    expect(await stalledOf(active.id)).toHaveLength(0);
    expect(await stalledOf(fresh.id)).toHaveLength(0);
    const mails = await mailsTo('cham@example.vn', 1);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body).toContain(`${t.config.publicUrl}/khoa-hoc/${COURSE}`);
    expect((await stalledOf(stalled.id))[0]!.email_status).toBe('sent');

    const client = await loginAs(t, stalled.phone);
    const page = (await client.get('/api/me/notifications').expect(200)).body as Page;
    expect(page.items).toEqual([expect.objectContaining({ kind: 'stalled_learning', link: `/khoa-hoc/${COURSE}`, params: { courseTitle: expect.any(String), days: 7 } })]);

    // A period later, with still no progress, a second reminder; not before.
    const eightDaysLater = new Date(Date.now() + 8 * 86_400_000);
    await t.dataSource.query(`UPDATE notifications SET created_at = now() - interval '8 days' WHERE user_id = $1`, [stalled.id]);
    await t.dataSource.query(`UPDATE enrolments SET enrolled_at = now() - interval '20 days' WHERE user_id = $1`, [stalled.id]);
    await t.dataSource.query(`UPDATE learning_events SET occurred_at = now() - interval '20 days' WHERE user_id = $1`, [stalled.id]);
    expect(await job.run(eightDaysLater)).toBeGreaterThanOrEqual(1);
    expect(await job.run(eightDaysLater)).toBe(0);
    expect(await stalledOf(stalled.id)).toHaveLength(2);
  });

  it('respects each person’s choice per kind: nothing when stopped, in the app only when email is stopped', async () => {
    const off = await createUser(t, { commune, email: 'tat@example.vn' });
    const appOnly = await createUser(t, { commune, email: 'chi-ung-dung@example.vn' });
    const offClient = await loginAs(t, off.phone);
    const appOnlyClient = await loginAs(t, appOnly.phone);

    const defaults = (await offClient.get('/api/me/notification-settings').expect(200)).body as { settings: { kind: string; inApp: boolean; email: boolean }[]; emailAvailable: boolean };
    expect(defaults.emailAvailable).toBe(true);
    expect(defaults.settings).toContainEqual({ kind: 'stalled_learning', inApp: true, email: true });
    const bad = await offClient.put('/api/me/notification-settings', { settings: [{ kind: 'spam', inApp: false, email: false }] }).expect(400);
    expect(bad.body.details[0].field).toContain('kind');
    await offClient.put('/api/me/notification-settings', { settings: [{ kind: 'stalled_learning', inApp: false, email: false }] }).expect(200);
    const saved = (await appOnlyClient.put('/api/me/notification-settings', { settings: [{ kind: 'stalled_learning', inApp: true, email: false }] }).expect(200)).body as typeof defaults;
    expect(saved.settings).toContainEqual({ kind: 'stalled_learning', inApp: true, email: false });

    await enrolledLongAgo(off.id, 10);
    await enrolledLongAgo(appOnly.id, 10);
    await t.app.get(StalledLearningService).run();
    expect(await stalledOf(off.id)).toHaveLength(0);
    expect(await stalledOf(appOnly.id)).toEqual([{ id: expect.any(String), email_status: null }]);
    expect(await mailsTo('chi-ung-dung@example.vn', 0)).toHaveLength(0);
    expect(((await appOnlyClient.get('/api/me/notifications/unread-count').expect(200)).body as { unread: number }).unread).toBe(1);
  });

  it('marks notifications read, one or all, and nobody reads another’s', async () => {
    const learner = await createUser(t, { commune });
    const teacher = await createUser(t, { commune, role: 'teacher', fullName: 'Cô Giáo Hoa' });
    const asTeacher = await loginAs(t, teacher.phone);
    const cls = (await asTeacher.post('/api/classes', { name: 'Lớp kỹ năng số thôn 3', courses: [COURSE] }).expect(201)).body as { id: string; joinCode: string };
    // A class invitation: once per class and person, however often the teacher sends it.
    await asTeacher.post(`/api/classes/${cls.id}/invitations`, { login: learner.phone }).expect(202);
    await asTeacher.post(`/api/classes/${cls.id}/invitations`, { login: learner.phone }).expect(202);
    await asTeacher.post(`/api/classes/${cls.id}/invitations`, { login: '0987654321' }).expect(202);
    const client = await loginAs(t, learner.phone);
    const page = (await client.get('/api/me/notifications').expect(200)).body as Page;
    expect(page.items).toEqual([expect.objectContaining({
      kind: 'class_invitation', link: `/tham-gia-lop?ma=${cls.joinCode}`, params: { className: 'Lớp kỹ năng số thôn 3', teacherName: 'Cô Giáo Hoa', code: cls.joinCode },
    })]);
    expect(page.unread).toBe(1);

    const other = await loginAs(t, (await createUser(t, { commune })).phone);
    await other.post(`/api/me/notifications/${page.items[0]!.id}/read`).expect(404);
    await client.post(`/api/me/notifications/${page.items[0]!.id}/read`).expect(204);
    expect(((await client.get('/api/me/notifications/unread-count').expect(200)).body as { unread: number }).unread).toBe(0);
    await client.post('/api/me/notifications/read').expect(204);
  });

  it('purges read notifications older than the retention and any older than a year, in batches, and a second run deletes nothing more', async () => {
    const reader = await createUser(t, { commune });
    const other = await createUser(t, { commune });
    /** `n` notifications `daysAgo` days old, read or not. */
    const old = (userId: string, daysAgo: number, read: boolean, n = 1) => t.dataSource.query(
      `INSERT INTO notifications (user_id, kind, link, created_at, read_at)
       SELECT $1, 'stalled_learning', '/khoa-hoc/${COURSE}', now() - make_interval(days => $2), CASE WHEN $3 THEN now() - make_interval(days => $2) END FROM generate_series(1, $4)`,
      [userId, daysAgo, read, n]);
    await old(reader.id, 31, true, 2500); // more than one batch
    await old(reader.id, 29, true); // read, but recent enough
    await old(reader.id, 200, false); // unread, under a year
    await old(reader.id, 366, false); // unread, over a year
    await old(reader.id, 400, true);
    await old(other.id, 1, false);
    const ages = async (userId: string) => ((await t.dataSource.query(
      `SELECT extract(day FROM now() - created_at)::int AS days, read_at IS NOT NULL AS read FROM notifications WHERE user_id = $1 ORDER BY created_at DESC`, [userId])) as { days: number; read: boolean }[]);

    const purge = t.app.get(NotificationPurgeService);
    expect(await purge.run()).toBeGreaterThanOrEqual(2502);
    expect(await ages(reader.id)).toEqual([{ days: 29, read: true }, { days: 200, read: false }]);
    expect(await ages(other.id)).toEqual([{ days: 1, read: false }]);
    expect(await purge.run()).toBe(0);
    // The daily job does the same through the queue; what is left still shows in the person's list.
    await t.app.get(JobQueue).enqueue('notification-purge', { day: 'test' }, 'notification-purge-test');
    await sleep(500);
    const page = (await (await loginAs(t, reader.phone)).get('/api/me/notifications').expect(200)).body as Page;
    expect(page.total).toBe(2);
    expect(page.unread).toBe(1);
  });
});
