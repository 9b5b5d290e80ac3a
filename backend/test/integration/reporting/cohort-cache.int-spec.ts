import { setTimeout as sleep } from 'node:timers/promises';
import { EnrolmentsService } from '../../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Report = { computedAt: string; unit: { id: string } | null; class: { id: string } | null; total: { measures: { enrolled: number | null } } };

/** The dashboard's answer kept for REPORTING_CACHE_SECONDS (1 s here), per administrator scope. */
describe('cohort dashboard cache', () => {
  let t: TestApp;
  let hanoiCommune: AdminUnit;
  let hueCommune: AdminUnit;
  let hanoiId: string;
  let hueId: string;
  let slug: string;
  const admins: Record<'hanoi' | 'hue' | 'nation', TestClient> = {} as never;

  const enrolled = async (commune: AdminUnit) => {
    const user = await createUser(t, { commune, targetGroup: 'citizen' });
    await t.app.get(EnrolmentsService).enrol(user.id, slug);
  };
  const report = async (c: TestClient, query = '') => (await c.get(`/api/admin/reporting/cohort${query}`).expect(200)).body as Report;

  beforeAll(async () => {
    t = await startTestApp({ REPORTING_CACHE_SECONDS: '1' });
    const hanoi = await unitsOf(t.dataSource, '01');
    const hue = await unitsOf(t.dataSource, '04');
    [hanoiCommune, hueCommune, hanoiId, hueId] = [hanoi.communes[0]!, hue.communes[0]!, hanoi.province.id, hue.province.id];
    [{ slug }] = (await t.dataSource.query('SELECT slug FROM courses WHERE archived_at IS NULL ORDER BY slug LIMIT 1')) as [{ slug: string }];
    for (let i = 0; i < 6; i++) await enrolled(hanoiCommune);
    for (let i = 0; i < 8; i++) await enrolled(hueCommune);
    const home = hue.communes[1]!;
    const mk = async (scope: { level: 'province' | 'nation'; unitId: string | null }) =>
      loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope })).phone);
    admins.hanoi = await mk({ level: 'province', unitId: hanoiId });
    admins.hue = await mk({ level: 'province', unitId: hueId });
    admins.nation = await mk({ level: 'nation', unitId: null });
  });
  afterAll(() => t.close());

  it('administrators of two provinces asking the same query at once each get their own province, then again from the cache', async () => {
    const [hanoi, hue] = await Promise.all([report(admins.hanoi), report(admins.hue)]);
    expect([hanoi.unit?.id, hanoi.total.measures.enrolled]).toEqual([hanoiId, 6]);
    expect([hue.unit?.id, hue.total.measures.enrolled]).toEqual([hueId, 8]);
    const [hanoiAgain, hueAgain] = await Promise.all([report(admins.hanoi), report(admins.hue)]);
    expect(hanoiAgain).toEqual(hanoi);
    expect(hueAgain).toEqual(hue);
    // The nation's kept answer for Huế is no way in for Hà Nội's administrator.
    await report(admins.nation, `?unitId=${hueId}`);
    await admins.hanoi.get(`/api/admin/reporting/cohort?unitId=${hueId}`).expect(404);
  });

  it('keeps a class’s answer apart from its unit’s', async () => {
    const teacher = await loginAs(t, (await createUser(t, { commune: hanoiCommune, role: 'teacher' })).phone);
    const { id } = (await teacher.post('/api/classes', { name: 'Lớp thôn 3', courses: [slug] }).expect(201)).body as { id: string };
    const unit = await report(admins.hanoi, `?unitId=${hanoiCommune.id}`);
    const klass = await report(admins.hanoi, `?unitId=${hanoiCommune.id}&classId=${id}`);
    expect([unit.class, unit.total.measures.enrolled]).toEqual([null, 6]);
    expect([klass.class?.id, klass.total.measures.enrolled]).toEqual([id, 0]);
  });

  it('twenty administrators opening the dashboard together share one computation', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => report(admins.nation, '?targetGroup=citizen')));
    expect(new Set(answers.map((a) => a.computedAt)).size).toBe(1);
  });

  it('a new enrolment shows once the kept answer expires, with the time it was computed', async () => {
    await sleep(1100);
    const before = await report(admins.hanoi, `?unitId=${hanoiCommune.id}`);
    await enrolled(hanoiCommune);
    const cached = await report(admins.hanoi, `?unitId=${hanoiCommune.id}`);
    expect(cached).toEqual(before);
    await sleep(1100);
    const fresh = await report(admins.hanoi, `?unitId=${hanoiCommune.id}`);
    expect(fresh.total.measures.enrolled).toBe(before.total.measures.enrolled! + 1);
    expect(Date.parse(fresh.computedAt)).toBeGreaterThan(Date.parse(before.computedAt));
  });
});
