import type { AdminUnit } from '../../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../../support/factories';
import { startTestApp, type TestApp, type TestClient } from '../../support/test-app';

type ClassDetail = { id: string; joinCode: string; joinUrl: string; memberCount: number; courses: { id: string; slug: string }[]; members: { userId: string; progress: { courseId: string; enrolled: boolean; lessonsDone: number; lessonsTotal: number; completed: boolean }[] }[] };

describe('classes', () => {
  let t: TestApp;
  let a: AdminUnit;
  let b: AdminUnit;
  let teacher: TestClient;
  let otherTeacher: TestClient;
  let learner: TestClient;
  let learnerId: string;
  let courses: { id: string; slug: string; lesson: string }[];
  let cls: ClassDetail;

  beforeAll(async () => {
    t = await startTestApp();
    const hanoi = await unitsOf(t.dataSource, '01');
    [a, b] = hanoi.communes as [AdminUnit, AdminUnit];
    courses = (await t.dataSource.query(`
      SELECT c.id, c.slug, (SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position LIMIT 1) AS lesson
        FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug LIMIT 2`)) as typeof courses;
    teacher = await loginAs(t, (await createUser(t, { commune: a, role: 'teacher' })).phone);
    otherTeacher = await loginAs(t, (await createUser(t, { commune: a, role: 'teacher' })).phone);
    const l = await createUser(t, { commune: a });
    learnerId = l.id;
    learner = await loginAs(t, l.phone);
  });
  afterAll(() => t.close());

  it('a teacher opens a class with courses; a learner joins by its code and is enrolled', async () => {
    await teacher.post('/api/classes', { name: 'Lớp kỹ năng số thôn 3, tháng 12', courses: ['khong-co-khoa-nay'] }).expect(400);
    await learner.post('/api/classes', { name: 'Lớp của tôi', courses: [] }).expect(403);
    cls = (await teacher.post('/api/classes', { name: 'Lớp kỹ năng số thôn 3, tháng 12', courses: [courses[0]!.slug] }).expect(201)).body as ClassDetail;
    expect(cls.joinCode).toMatch(/^[2-9A-Z]{6}$/);
    expect(cls.joinUrl).toContain(`/tham-gia-lop?ma=${cls.joinCode}`);

    await learner.post('/api/me/classes', { code: 'ZZZZZZ' }).expect(404);
    // Typed in lower case with a space, as people do; joining twice is harmless.
    const typed = `${cls.joinCode.slice(0, 3).toLowerCase()} ${cls.joinCode.slice(3).toLowerCase()}`;
    expect((await learner.post('/api/me/classes', { code: typed }).expect(200)).body).toMatchObject({ id: cls.id, courses: [{ id: courses[0]!.id }] });
    await learner.post('/api/me/classes', { code: cls.joinCode }).expect(200);
    expect((await learner.get('/api/me/learning').expect(200)).body).toEqual([expect.objectContaining({ slug: courses[0]!.slug })]);
    expect(((await learner.get('/api/me/classes').expect(200)).body as { id: string }[]).map((c) => c.id)).toEqual([cls.id]);
  });

  it('the roster shows each member’s progress, and a newly assigned course enrols the members', async () => {
    await learner.put(`/api/courses/${courses[0]!.slug}/lessons/${courses[0]!.lesson}/completion`, {}).expect(200);
    let detail = (await teacher.get(`/api/classes/${cls.id}`).expect(200)).body as ClassDetail;
    expect(detail.memberCount).toBe(1);
    expect(detail.members[0]).toMatchObject({ userId: learnerId, progress: [{ courseId: courses[0]!.id, enrolled: true, lessonsDone: 1, completed: false }] });
    detail = (await teacher.put(`/api/classes/${cls.id}/courses`, { courses: courses.map((c) => c.slug) }).expect(200)).body as ClassDetail;
    expect(detail.members[0]!.progress.map((p) => p.enrolled)).toEqual([true, true]);
    const qr = await teacher.get(`/api/classes/${cls.id}/qr.svg`).expect(200);
    expect(qr.headers['content-type']).toContain('image/svg+xml');
    expect(String(qr.text ?? qr.body)).toContain('<svg');
  });

  it('a teacher sees only their own classes; administrators only those of their scope', async () => {
    expect((await otherTeacher.get('/api/classes').expect(200)).body).toEqual([]);
    await otherTeacher.get(`/api/classes/${cls.id}`).expect(404);
    await otherTeacher.put(`/api/classes/${cls.id}/courses`, { courses: [] }).expect(404);
    await otherTeacher.get(`/api/classes/${cls.id}/qr.svg`).expect(404);
    await learner.get(`/api/classes/${cls.id}`).expect(403);

    const home = (await unitsOf(t.dataSource, '04')).communes[0]!;
    const admin = async (level: 'commune' | 'province', unitId: string) => loginAs(t, (await createUser(t, { commune: home, role: 'admin', scope: { level, unitId } })).phone);
    const hers = await admin('commune', a.id);
    expect(((await hers.get('/api/classes').expect(200)).body as { id: string }[]).map((c) => c.id)).toEqual([cls.id]);
    await hers.get(`/api/classes/${cls.id}`).expect(200);
    const neighbour = await admin('commune', b.id);
    expect((await neighbour.get('/api/classes').expect(200)).body).toEqual([]);
    await neighbour.get(`/api/classes/${cls.id}`).expect(404);
    const hue = await admin('province', home.parentId!);
    await hue.get(`/api/classes/${cls.id}`).expect(404);
  });
});
