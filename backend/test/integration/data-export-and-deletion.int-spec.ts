import { setTimeout as sleep } from 'node:timers/promises';
import { JOB_ATTEMPTS } from '../../src/jobs/job-handler';
import { DataExportService } from '../../src/modules/profile/data-export.service';
import { DataExportProcessor } from '../../src/modules/profile/jobs/data-export.processor';
import { AuditEvent } from '../../src/modules/audit/entities/audit-event.entity';
import { User } from '../../src/modules/users/entities/user.entity';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

describe('download my data and delete my account', () => {
  let t: TestApp;
  let commune: Awaited<ReturnType<typeof unitsOf>>['communes'][number];

  beforeAll(async () => {
    t = await startTestApp();
    commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
  });
  afterAll(() => t.close());

  async function waitForExport(c: TestClient, id: string): Promise<{ status: string; progress: number }[]> {
    const seen: { status: string; progress: number }[] = [];
    for (let i = 0; i < 100; i++) {
      const body = (await c.get(`/api/me/exports/${id}`).expect(200)).body;
      seen.push(body);
      if (body.status === 'done' || body.status === 'failed') return seen;
      await sleep(100);
    }
    throw new Error(`export ${id} did not finish: ${JSON.stringify(seen.at(-1))}`);
  }

  it('runs the export as a BullMQ job and offers the JSON file', async () => {
    const user = await createUser(t, { commune, email: 'export@example.vn', fullName: 'Vũ Thị Xuất' });
    const c = await loginAs(t, user.phone);
    await c.post('/api/courses/tro-ly-ai-an-toan/enrolment').expect(201);
    await c.put('/api/courses/tro-ly-ai-an-toan/lessons/01-ai-la-gi/completion', {}).expect(200);
    // Clicks reaching API processes at the same instant: never two exports open at once (a new one only after the first finished).
    const exportsService = t.app.get(DataExportService);
    const meta = { ip: null, requestId: 'test', userAgent: null };
    const clicks = await Promise.all([1, 2, 3, 4].map(() => exportsService.request(user.id, meta)));
    const rows: { id: string; created_at: Date; finished_at: Date | null }[] = await t.dataSource.query(
      `SELECT id, created_at, finished_at FROM data_exports WHERE user_id = $1 ORDER BY created_at`, [user.id]);
    expect(new Set(clicks.map((e) => e.id))).toEqual(new Set(rows.map((r) => r.id)));
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.finished_at?.getTime() ?? Infinity).toBeLessThanOrEqual(rows[i]!.created_at.getTime());
    // The click in the app sees the export that is open, or starts the next one.
    const started = (await c.post('/api/me/exports').expect(202)).body;
    expect(started).toMatchObject({ status: expect.stringMatching(/queued|running|done/), progress: expect.any(Number) });
    const seen = await waitForExport(c, started.id);
    expect(seen.at(-1)).toMatchObject({ status: 'done', progress: 100 });
    const file = await c.get(`/api/me/exports/${started.id}/download`).expect(200);
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="du-lieu-cua-toi-\d{4}-\d{2}-\d{2}\.json"/);
    const data = JSON.parse(file.text);
    expect(data.profile).toMatchObject({ id: user.id, phone: user.phone, email: 'export@example.vn', fullName: 'Vũ Thị Xuất' });
    expect(data.sessions.length).toBeGreaterThanOrEqual(1);
    expect(data.securityEvents.map((e: { type: string }) => e.type)).toContain('auth.login');
    expect(data.learning.lessonsDone).toEqual([expect.objectContaining({ course: 'tro-ly-ai-an-toan', lesson: '01-ai-la-gi' })]);
    expect(data.learning.events.map((e: { type: string }) => e.type)).toEqual(['enrolled', 'lesson_completed']);
    // Nobody else can read it.
    const other = await loginAs(t, (await createUser(t, { commune })).phone);
    await other.get(`/api/me/exports/${started.id}`).expect(404);
    await other.get(`/api/me/exports/${started.id}/download`).expect(404);
  });

  it('marks an export failed after its last retry, so the person sees it and can ask again', async () => {
    const user = await createUser(t, { commune });
    const [row]: { id: string }[] = await t.dataSource.query(
      `INSERT INTO data_exports (user_id, expires_at) VALUES ($1, now() + interval '1 day') RETURNING id`, [user.id]);
    const id = row!.id;
    // A job whose progress cannot be reported (Redis went away mid-run) fails on every try.
    const job = (attempt: number) => ({
      id: `data-export-${id}`, queue: 'data-export' as const, data: { exportId: id }, attempt,
      updateProgress: async () => { throw new Error('Connection is closed.'); },
    });
    const processor = t.app.get(DataExportProcessor);
    await expect(processor.process(job(1))).rejects.toThrow('Connection is closed.');
    const c = await loginAs(t, user.phone);
    expect((await c.get(`/api/me/exports/${id}`).expect(200)).body.status).toBe('running');
    await expect(processor.process(job(JOB_ATTEMPTS))).rejects.toThrow('Connection is closed.');
    expect((await c.get(`/api/me/exports/${id}`).expect(200)).body.status).toBe('failed');
    const again = (await c.post('/api/me/exports').expect(202)).body;
    expect(again.id).not.toBe(id);
    expect((await waitForExport(c, again.id)).at(-1)).toMatchObject({ status: 'done' });
  });

  it('deletes the account: personal data gone, anonymous counts kept, the phone free again', async () => {
    const user = await createUser(t, { commune, email: 'xoa@example.vn', targetGroup: 'worker' });
    const c = await loginAs(t, user.phone);
    await c.post('/api/me/exports').expect(202);
    const countBefore = await t.dataSource.getRepository(User).count({ where: { unitId: commune.id, targetGroup: 'worker' } });
    const wrong = await c.delete('/api/me', { password: 'not-mine-at-all' }).expect(400);
    expect(wrong.body.details[0].field).toBe('password');
    await c.delete('/api/me', { password: PASSWORD }).expect(204);
    await c.get('/api/auth/me').expect(401);
    await (await t.client()).post('/api/auth/login', { login: user.phone, password: PASSWORD }).expect(401);
    const row = (await t.dataSource.query(`SELECT * FROM users WHERE id = $1`, [user.id]))[0];
    expect(row).toMatchObject({ full_name: null, phone_enc: null, phone_hash: null, email_enc: null, password_hash: null, birth_year: null, status: 'deleted' });
    expect(await t.dataSource.query(`SELECT 1 FROM sessions WHERE user_id = $1 UNION ALL SELECT 1 FROM data_exports WHERE user_id = $1`, [user.id])).toHaveLength(0);
    const events = await t.dataSource.getRepository(AuditEvent).find({ where: { subjectId: user.id } });
    expect(events.every((e) => e.ip === null)).toBe(true);
    // Still counted, anonymously, in its unit and group.
    expect(await t.dataSource.getRepository(User).count({ where: { unitId: commune.id, targetGroup: 'worker' } })).toBe(countBefore);
    await createUser(t, { commune, phone: user.phone });
  });
});
