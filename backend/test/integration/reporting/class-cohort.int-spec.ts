import { EnrolmentsService } from '../../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import type { TargetGroup, User } from '../../../src/modules/users/entities/user.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type Measures = Record<string, number | null>;
type Report = { unit: { id: string } | null; class: { id: string; name: string } | null; children: unknown[]; total: { measures: Measures; target: unknown }; months: { enrolled: number | null }[] };
type Problem = { details?: { field: string }[] };

/** A class is a cohort like a unit: its members' figures, inside the viewer's scope, with the same suppression. */
describe('a class as a cohort', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let course: { id: string; slug: string; lessons: string[] };
  let classId: string;
  const admins: Record<'communeA' | 'communeB' | 'province' | 'hue', TestClient> = {} as never;
  let teacher: TestClient;

  async function learner(commune: AdminUnit, finish: boolean, targetGroup: TargetGroup = 'citizen'): Promise<User> {
    const user = await createUser(t, { commune, targetGroup });
    await t.app.get(EnrolmentsService).enrol(user.id, course.slug);
    if (finish) {
      for (const lesson of course.lessons) await t.dataSource.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[user.id], [course.slug], [lesson], [new Date()], [null]]);
    }
    return user;
  }

  beforeAll(async () => {
    t = await startTestApp();
    const hanoi = await unitsOf(t.dataSource, '01');
    const hue = await unitsOf(t.dataSource, '04');
    [a, b] = hanoi.communes as [AdminUnit, AdminUnit];
    [course] = (await t.dataSource.query(`
      SELECT c.id, c.slug, array(SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position) AS lessons
        FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug LIMIT 1`)) as [typeof course];
    // Its lessons alone complete it here, so the figures follow from the lessons the learners finish.
    await t.dataSource.query('UPDATE quizzes SET required = false WHERE course_id = $1', [course.id]);
    admins.communeA = await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'commune', unitId: a.id } })).phone);
    admins.communeB = await loginAs(t, (await createUser(t, { commune: b, role: 'admin', scope: { level: 'commune', unitId: b.id } })).phone);
    admins.province = await loginAs(t, (await createUser(t, { commune: a, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } })).phone);
    admins.hue = await loginAs(t, (await createUser(t, { commune: hue.communes[0]!, role: 'admin', scope: { level: 'province', unitId: hue.province.id } })).phone);
    teacher = await loginAs(t, (await createUser(t, { commune: a, role: 'teacher' })).phone);
    classId = ((await teacher.post('/api/classes', { name: 'Lớp kỹ năng số thôn 3, tháng 12', courses: [course.slug] }).expect(201)).body as { id: string }).id;

    // Six citizens live in commune A, one worker in commune B (a neighbour who joined); three of A's people are not in the class.
    const members = [...(await Promise.all(Array.from({ length: 6 }, () => learner(a, true)))), await learner(b, true, 'worker')];
    await Promise.all(Array.from({ length: 3 }, () => learner(a, true)));
    await t.dataSource.query(`INSERT INTO class_members (class_id, user_id) SELECT $1, unnest($2::uuid[])`, [classId, members.map((m) => m.id)]);
  });
  afterAll(() => t.close());

  it('counts only the members, each viewer those inside their scope, with no target or child units of its own', async () => {
    const province = (await admins.province.get(`/api/admin/reporting/cohort?classId=${classId}`).expect(200)).body as Report;
    expect(province.class).toEqual({ id: classId, name: 'Lớp kỹ năng số thôn 3, tháng 12' });
    expect(province.unit?.id).toBe(a.id);
    expect(province.children).toEqual([]);
    expect(province.total.target).toBeNull();
    expect(province.total.measures).toMatchObject({ registered: 7, enrolled: 7, coursesCompleted: 7, completionRate: 100, lessonsCompleted: 7 * course.lessons.length });

    // The commune's administrator sees the six members who live in the commune, not the neighbour.
    const commune = (await admins.communeA.get(`/api/admin/reporting/cohort?classId=${classId}`).expect(200)).body as Report;
    expect(commune.total.measures).toMatchObject({ registered: 6, enrolled: 6, coursesCompleted: 6 });
    // The commune itself has more people than the class.
    const whole = (await admins.communeA.get('/api/admin/reporting/cohort').expect(200)).body as Report;
    expect(whole.class).toBeNull();
    expect(whole.total.measures.registered).toBeGreaterThanOrEqual(6 + 3 + 1);
  });

  it('suppresses a class’s small counts like any cohort', async () => {
    // Narrowed to workers, the class is one person: the figure reads as below the threshold, not as a number.
    const r = (await admins.province.get(`/api/admin/reporting/cohort?classId=${classId}&targetGroup=worker`).expect(200)).body as Report;
    expect(r.total.measures).toMatchObject({ registered: null, enrolled: null, coursesCompleted: null, completionRate: null });
  });

  it('lists exactly the members in the person list', async () => {
    const page = (await admins.province.get(`/api/admin/reporting/people?classId=${classId}`).expect(200)).body as { total: number; items: { unitName: string }[] };
    expect(page.total).toBe(7);
    expect(page.items.filter((p) => p.unitName === b.name)).toHaveLength(1);
  });

  it('answers 404 for a class outside the scope, and names the field when the filters contradict each other', async () => {
    await admins.hue.get(`/api/admin/reporting/cohort?classId=${classId}`).expect(404);
    await admins.communeB.get(`/api/admin/reporting/cohort?classId=${classId}`).expect(404);
    await admins.province.get('/api/admin/reporting/cohort?classId=00000000-0000-4000-8000-000000000000').expect(404);
    const wrongUnit = (await admins.province.get(`/api/admin/reporting/cohort?classId=${classId}&unitId=${b.id}`).expect(400)).body as Problem;
    expect(wrongUnit.details?.map((e) => e.field)).toContain('unitId');
    const community = (await admins.province.get(`/api/admin/reporting/community?classId=${classId}`).expect(400)).body as Problem;
    expect(community.details?.map((e) => e.field)).toContain('classId');
    const notUuid = (await admins.province.get('/api/admin/reporting/cohort?classId=lop-3').expect(400)).body as Problem;
    expect(notUuid.details?.map((e) => e.field)).toContain('classId');
  });
});
