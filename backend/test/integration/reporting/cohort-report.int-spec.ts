import { setTimeout as sleep } from 'node:timers/promises';
import { EnrolmentsService } from '../../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import type { TargetGroup, User } from '../../../src/modules/users/entities/user.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Measures = Record<string, number | null>;
type Report = {
  unit: { id: string } | null;
  total: { measures: Measures; target: { targetCount: number; actual: number | null; behind: boolean } | null };
  children: { unit: { id: string; name: string }; measures: Measures; target: { targetCount: number; behind: boolean } | null }[];
  groups: { targetGroup: string; measures: Measures }[];
  months: { month: string; enrolled: number | null }[];
};

describe('cohort reports', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let hueCommune: AdminUnit;
  let hanoiId: string;
  let hueId: string;
  let course: { id: string; slug: string; lessons: string[] };
  const admins: Record<'commune' | 'province' | 'nation' | 'hue', TestClient> = {} as never;
  const year = new Date().getUTCFullYear();

  /** A learner who enrols in the course and finishes its lessons; some also hold a record. */
  async function learner(commune: AdminUnit, targetGroup: TargetGroup, finish: boolean, record = false): Promise<User> {
    const user = await createUser(t, { commune, targetGroup });
    await t.app.get(EnrolmentsService).enrol(user.id, course.slug);
    if (finish) {
      for (const lesson of course.lessons) {
        await t.dataSource.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[user.id], [course.slug], [lesson], [new Date()], [null]]);
      }
    }
    if (record) {
      await t.dataSource.query(
        `INSERT INTO completion_records (code, user_id, framework_version_id, target_group, issued_at, overall_score, overall_level, competencies, credential,
                                         unit_id, province_id)
         SELECT 'R' || substr(md5(u.id::text), 1, 12), u.id, c.framework_version_id, u.target_group, now(), 80, 3, '[]', 'x', u.unit_id, u.province_id
           FROM users u, courses c WHERE u.id = $1 AND c.id = $2`,
        [user.id, course.id],
      );
    }
    return user;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const hanoi = await unitsOf(t.dataSource, '01');
    const hue = await unitsOf(t.dataSource, '04');
    [a, b] = hanoi.communes as [AdminUnit, AdminUnit];
    hueCommune = hue.communes[0]!;
    hanoiId = hanoi.province.id;
    hueId = hue.province.id;
    [course] = (await t.dataSource.query(`
      SELECT c.id, c.slug, array(SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position) AS lessons
        FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug LIMIT 1`)) as [typeof course];
    // Its lessons alone complete it here, so the figures follow from the lessons the learners finish.
    await t.dataSource.query('UPDATE quizzes SET required = false WHERE course_id = $1', [course.id]);
    // Commune A: 6 citizens (all finish, 5 hold a record) and 1 student; commune B: 5 workers; Huế: 5 citizens.
    for (let i = 0; i < 6; i++) await learner(a, 'citizen', true, i < 5);
    await learner(a, 'student', false);
    for (let i = 0; i < 5; i++) await learner(b, 'worker', i < 2);
    for (let i = 0; i < 5; i++) await learner(hueCommune, 'citizen', true, true);
    // The administrators live in another province's commune so they do not count in the figures tested.
    const home = hue.communes[1]!;
    const mk = async (scope: { level: 'commune' | 'province' | 'nation'; unitId: string | null }) =>
      loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope })).phone);
    admins.commune = await mk({ level: 'commune', unitId: a.id });
    admins.province = await mk({ level: 'province', unitId: hanoiId });
    admins.nation = await mk({ level: 'nation', unitId: null });
    admins.hue = await mk({ level: 'province', unitId: hueId });
  });
  afterAll(() => t.close());

  const report = async (c: TestClient, query = '') => (await c.get(`/api/admin/reporting/cohort${query}`).expect(200)).body as Report;

  it('a commune administrator sees their commune only, whatever unit they ask for', async () => {
    const r = await report(admins.commune);
    expect(r.unit?.id).toBe(a.id);
    expect(r.total.measures).toMatchObject({ registered: 7, enrolled: 7, coursesCompleted: 6, recordHolders: 5, completionRate: 85.7 });
    expect(r.children).toEqual([]);
    await admins.commune.get(`/api/admin/reporting/cohort?unitId=${b.id}`).expect(404);
    await admins.commune.get(`/api/admin/reporting/cohort?unitId=${hueCommune.id}`).expect(404);
    await admins.commune.get(`/api/admin/reporting/cohort?unitId=${hanoiId}`).expect(404);
  });

  it('suppresses counts below five: one student is not shown, six citizens are', async () => {
    const r = await report(admins.commune);
    const group = (g: string) => r.groups.find((x) => x.targetGroup === g)!.measures;
    expect(group('citizen')).toMatchObject({ registered: 6, coursesCompleted: 6, completionRate: 100 });
    expect(group('student')).toMatchObject({ registered: null, enrolled: null, coursesCompleted: 0, completionRate: null });
    const filtered = await report(admins.commune, '?targetGroup=student');
    expect(filtered.total.measures).toMatchObject({ registered: null, enrolled: null });
  });

  it('a province administrator sees its communes side by side and never another province', async () => {
    const r = await report(admins.province);
    expect(r.total.measures).toMatchObject({ registered: 12, enrolled: 12, coursesCompleted: 8 });
    const ids = r.children.map((c) => c.unit.id);
    expect(ids).toEqual(expect.arrayContaining([a.id, b.id]));
    expect(ids).not.toContain(hueCommune.id);
    expect(r.children.find((c) => c.unit.id === b.id)!.measures).toMatchObject({ registered: 5, enrolled: 5, coursesCompleted: null });
    expect((await report(admins.province, `?unitId=${a.id}`)).total.measures.registered).toBe(7);
    await admins.province.get(`/api/admin/reporting/cohort?unitId=${hueId}`).expect(404);
    await admins.province.get(`/api/admin/reporting/cohort?unitId=${hueCommune.id}`).expect(404);
    // The other province's administrator does not see Hà Nội's learners either.
    expect((await report(admins.hue)).total.measures.enrolled).toBe(5);
  });

  it('the nation sees the provinces and drills down to a commune', async () => {
    const r = await report(admins.nation);
    const province = (id: string) => r.children.find((c) => c.unit.id === id)!.measures;
    expect(province(hanoiId)).toMatchObject({ enrolled: 12, recordHolders: 5 });
    expect(province(hueId)).toMatchObject({ enrolled: 5, recordHolders: 5 });
    expect(r.months.at(-1)).toMatchObject({ enrolled: 17 });
    expect((await report(admins.nation, `?unitId=${a.id}`)).total.measures.enrolled).toBe(7);
    await admins.nation.get('/api/admin/reporting/cohort?from=2026-13').expect(400);
    await admins.nation.get('/api/admin/reporting/cohort?from=2026-05&to=2026-01').expect(400);
  });

  it('targets: the nation sets the default share, a province the head-counts of its communes; units behind show', async () => {
    await admins.commune.put('/api/admin/reporting/targets', { year, targetGroup: 'citizen', targetPercent: 50 }).expect(403);
    await admins.nation.put('/api/admin/reporting/targets', { year, targetGroup: 'citizen', targetPercent: 50 }).expect(204);
    await admins.province.put('/api/admin/reporting/targets', { year, unitId: hueCommune.id, targetGroup: 'citizen', population: 10 }).expect(404);
    await admins.province.put('/api/admin/reporting/targets', { year, unitId: a.id, targetGroup: 'citizen', population: 10 }).expect(204);
    // Commune B: 40 workers with its own 100 % target; 0 records, so it is behind.
    const csvBad = `unit_code,target_group,population,target_percent\n${b.code},worker,40,100\n${hueCommune.code},citizen,5,\n${b.code},robots,1,1\n`;
    const refused = (await admins.province.post('/api/admin/reporting/targets/import', { year, csv: csvBad }).expect(400)).body as { details: { field: string }[] };
    expect(refused.details.map((d) => d.field)).toEqual(['line 3', 'line 4']);
    await admins.province.post('/api/admin/reporting/targets/import', { year, csv: `unit_code,target_group,population,target_percent\n${b.code},worker,40,100\n` }).expect(200);

    const r = await report(admins.province, `?to=${year}-12`);
    const child = (id: string) => r.children.find((c) => c.unit.id === id)!;
    expect(child(a.id).target).toMatchObject({ targetCount: 5, actual: 5, behind: false });
    expect(child(b.id).target).toMatchObject({ targetCount: 40, behind: true });
    const listed = (await admins.commune.get(`/api/admin/reporting/targets?year=${year}`).expect(200)).body as { unitId: string | null }[];
    expect(listed.map((x) => x.unitId).sort()).toEqual([a.id, null].sort());
  });

  it('lists the people of the cohort inside the scope only, paged, and audits each opening', async () => {
    const page = (await admins.commune.get('/api/admin/reporting/people?pageSize=5').expect(200)).body as { items: { unitName: string; coursesCompleted: number }[]; total: number };
    expect(page.total).toBe(7);
    expect(page.items).toHaveLength(5);
    expect(new Set(page.items.map((p) => p.unitName))).toEqual(new Set([a.name]));
    await admins.commune.get(`/api/admin/reporting/people?unitId=${b.id}`).expect(404);
    const [{ n }] = (await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'reporting.people_listed'`)) as [{ n: number }];
    expect(n).toBe(1);
  });

  it('a recount started by a national administrator runs as a job and finds the roll-ups right', async () => {
    await admins.province.post('/api/admin/reporting/recounts').expect(403);
    const { id } = (await admins.nation.post('/api/admin/reporting/recounts').expect(201)).body as { id: string };
    let body: { status: string; differenceCount: number | null } = { status: 'queued', differenceCount: null };
    for (let i = 0; i < 100 && body.status !== 'done'; i++) {
      await sleep(100);
      body = (await admins.nation.get(`/api/admin/reporting/recounts/${id}`).expect(200)).body as typeof body;
    }
    expect(body).toMatchObject({ status: 'done', differenceCount: 0 });
  });
});
