import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { buildCourse, type StudioCourse } from '../support/studio';
import { startTestApp, type TestApp } from '../support/test-app';

describe('authoring studio: workflow and permissions', () => {
  let t: TestApp;
  let communeA: AdminUnit;
  let communeB: AdminUnit;
  let hue: AdminUnit;

  beforeAll(async () => {
    t = await startTestApp();
    const hn = await unitsOf(t.dataSource, '01');
    [communeA, communeB] = hn.communes as [AdminUnit, AdminUnit];
    hue = (await unitsOf(t.dataSource, '04')).communes[0]!;
  });
  afterAll(() => t.close());

  const teacher = async (commune = communeA) => {
    const u = await createUser(t, { commune, role: 'teacher', fullName: 'Cô giáo Thử' });
    return { ...u, c: await loginAs(t, u.phone) };
  };
  const admin = async (level: 'commune' | 'province' | 'nation', commune = communeA) => {
    const unitId = level === 'commune' ? commune.id : level === 'province' ? commune.parentId! : null;
    const u = await createUser(t, { commune, role: 'admin', scope: { level, unitId } });
    return { ...u, c: await loginAs(t, u.phone) };
  };
  const learner = async () => {
    const u = await createUser(t, { commune: communeB });
    return { ...u, c: await loginAs(t, u.phone) };
  };
  const audit = (type: string, courseId: string) =>
    t.dataSource.query(`SELECT actor_id FROM audit_events WHERE type = $1 AND details->>'courseId' = $2`, [type, courseId]) as Promise<{ actor_id: string }[]>;
  let seq = 0;
  const slug = () => `khoa-studio-${process.pid}-${++seq}`;

  it('a teacher writes and submits, cannot publish alone; a reviewer in scope comments and publishes; learners find it at once', async () => {
    const author = await teacher();
    const course = await buildCourse(author.c, slug());
    const base = `/api/studio/courses/${course.id}`;
    expect(course.problems.filter((p) => !p.warning)).toEqual([]);
    expect(course.can).toMatchObject({ edit: true, publish: false, manageAuthors: true });

    // Not the author's to publish, in review or not.
    expect((await author.c.post(`${base}/publish`).expect(403)).body.code).toBe('FORBIDDEN');
    await author.c.post(`${base}/submit`).expect(200);
    expect((await author.c.post(`${base}/publish`).expect(403)).body.code).toBe('FORBIDDEN');

    // Another teacher, and an administrator of another commune, do not even see it.
    const other = await teacher();
    await other.c.get(base).expect(404);
    await other.c.put(`${base}/lessons/${course.lessons[0]!.id}`, { version: 1, title: 'Sửa trộm' }).expect(404);
    expect((await other.c.get('/api/studio/courses').expect(200)).body).toEqual([]);
    const outside = await admin('commune', communeB);
    await outside.c.get(base).expect(404);
    await outside.c.post(`${base}/publish`).expect(404);

    // The commune's administrator reviews: comments on a lesson, the author fixes it, the administrator publishes.
    const reviewer = await admin('commune');
    const seen = (await reviewer.c.get('/api/studio/courses').expect(200)).body as { id: string; myRole: string; status: string }[];
    expect(seen).toContainEqual(expect.objectContaining({ id: course.id, myRole: 'reviewer', status: 'in_review' }));
    await reviewer.c.put(`${base}/lessons/${course.lessons[1]!.id}`, { version: 1, title: 'Sửa' }).expect(403);
    await reviewer.c.post(`${base}/comments`, { lessonId: course.lessons[1]!.id, text: 'Thêm một ví dụ cuộc gọi lừa đảo.' }).expect(201);
    const lesson = (await author.c.get(`${base}/lessons/${course.lessons[1]!.id}`).expect(200)).body as { version: number };
    await author.c.put(`${base}/lessons/${course.lessons[1]!.id}`, { version: lesson.version, body: 'Không đọc mã cho ai, kể cả "nhân viên ngân hàng".\n' }).expect(200);
    const published = (await reviewer.c.post(`${base}/publish`).expect(200)).body as StudioCourse;
    expect(published).toMatchObject({ status: 'published', publishedVersion: 1, hasUnpublishedChanges: false });
    expect(await audit('studio.submitted', course.id)).toEqual([{ actor_id: author.id }]);
    expect(await audit('studio.published', course.id)).toEqual([{ actor_id: reviewer.id }]);

    // A learner finds it in the catalogue, learns it and passes the quiz.
    const l = await learner();
    const catalogue = (await l.c.get(`/api/courses?q=${encodeURIComponent('mã OTP')}`).expect(200)).body as { slug: string }[];
    expect(catalogue.map((c) => c.slug)).toContain(course.slug);
    const learnerBase = `/api/courses/${course.slug}`;
    await l.c.post(`${learnerBase}/enrolment`).expect(201);
    expect((await l.c.get(`${learnerBase}/lessons/khi-bi-hoi`).expect(403)).body.code).toBe('LESSON_LOCKED');
    const first = (await l.c.get(`${learnerBase}/lessons/ma-otp`).expect(200)).body as { html: string };
    expect(first.html).toContain(`<img src="/api/courses/${course.slug}/media/otp.svg" alt="Màn hình nhập mã OTP"`);
    await l.c.put(`${learnerBase}/lessons/ma-otp/completion`, {}).expect(200);
    expect((await l.c.get(`${learnerBase}/lessons/khi-bi-hoi`).expect(200)).body.html).toContain('nhân viên ngân hàng');
    await l.c.put(`${learnerBase}/lessons/khi-bi-hoi/completion`, {}).expect(200);
    const attempt = (await l.c.post(`${learnerBase}/quizzes/kiem-tra/attempts`).expect(201)).body as { id: string; questions: unknown[] };
    expect(attempt.questions).toHaveLength(3);
    const graded = (await l.c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers: await correctAnswers(t.dataSource, attempt.id) }).expect(200)).body;
    expect(graded).toMatchObject({ passed: true });
    expect((await l.c.get(`${learnerBase}/progress`).expect(200)).body).toMatchObject({ status: 'completed' });
  });

  it('a co-author writes but cannot publish; a teacher with the reviewer right publishes others’ courses of the scope, never their own', async () => {
    const author = await teacher();
    const course = await buildCourse(author.c, slug());
    const base = `/api/studio/courses/${course.id}`;
    const co = await teacher(communeB);
    await author.c.post(`${base}/authors`, { login: co.phone, role: 'coauthor' }).expect(201);
    await co.c.put(base, { version: (await co.c.get(base).expect(200)).body.version, title: 'Giữ an toàn mã OTP khi mua hàng' }).expect(200);
    await co.c.post(`${base}/authors`, { login: (await teacher()).phone, role: 'coauthor' }).expect(403);
    await co.c.post(`${base}/submit`).expect(200);
    await co.c.post(`${base}/publish`).expect(403);

    // The reviewer right, given by the province's administrator for commune A.
    const province = await admin('province');
    const reviewer = await teacher(communeB);
    await reviewer.c.get(base).expect(404);
    await province.c.put(`/api/admin/users/${reviewer.id}/reviewer`, { scopeLevel: 'commune', scopeUnitId: communeA.id }).expect(200);
    expect(await t.dataSource.query(`SELECT 1 FROM audit_events WHERE type = 'studio.reviewer_granted' AND subject_id = $1`, [reviewer.id])).toHaveLength(1);
    // The commune administrator of B cannot give a right over A, nor outside their scope.
    const communeBAdmin = await admin('commune', communeB);
    await communeBAdmin.c.put(`/api/admin/users/${reviewer.id}/reviewer`, { scopeLevel: 'commune', scopeUnitId: communeA.id }).expect(403);
    await (await admin('province', hue)).c.put(`/api/admin/users/${reviewer.id}/reviewer`, {}).expect(404);

    // As a reviewer of commune A, the teacher sees the course in review and publishes it.
    await reviewer.c.get(base).expect(200);
    await reviewer.c.post(`${base}/publish`).expect(200);

    // The same reviewer writes a course of their own: they may not publish it, and a reviewer of another scope may not either.
    const own = await buildCourse(reviewer.c, slug());
    await reviewer.c.post(`/api/studio/courses/${own.id}/submit`).expect(200);
    await reviewer.c.post(`/api/studio/courses/${own.id}/publish`).expect(403);
    const hueReviewer = await teacher(hue);
    await (await admin('nation', hue)).c.put(`/api/admin/users/${hueReviewer.id}/reviewer`, { scopeLevel: 'province', scopeUnitId: hue.parentId }).expect(200);
    await hueReviewer.c.get(`/api/studio/courses/${own.id}`).expect(404);
    await hueReviewer.c.post(`/api/studio/courses/${own.id}/publish`).expect(404);

    // Revoked: the right is gone at once.
    await province.c.delete(`/api/admin/users/${reviewer.id}/reviewer`).expect(204);
    await reviewer.c.get(base).expect(404);
  });

  it('a reviewer sends a course back with a comment; a slug of a shipped course is refused naming the field', async () => {
    const author = await teacher();
    const shipped = (await t.dataSource.query(`SELECT slug FROM courses WHERE source = 'files' LIMIT 1`)) as { slug: string }[];
    const clash = await author.c.post('/api/studio/courses', { slug: shipped[0]!.slug, title: 'Trùng' }).expect(409);
    expect(clash.body).toMatchObject({ code: 'ALREADY_EXISTS', details: [{ field: 'slug' }] });

    const course = await buildCourse(author.c, slug());
    const base = `/api/studio/courses/${course.id}`;
    await author.c.post(`${base}/submit`).expect(200);
    const reviewer = await admin('province');
    const back = (await reviewer.c.post(`${base}/return`, { comment: 'Tóm tắt còn ngắn.' }).expect(200)).body as StudioCourse & { comments: { text: string }[] };
    expect(back.status).toBe('draft');
    expect(back.comments.map((c) => c.text)).toContain('Tóm tắt còn ngắn.');
    expect(await audit('studio.returned', course.id)).toEqual([{ actor_id: reviewer.id }]);
    await reviewer.c.post(`${base}/publish`).expect(409);
  });

  it('creating a course twice with the same Idempotency-Key makes one draft', async () => {
    const author = await teacher();
    const s = slug();
    const once = (await author.c.post('/api/studio/courses', { slug: s, title: 'Một lần' }).set('Idempotency-Key', `create-${s}`).expect(201)).body as StudioCourse;
    const twice = (await author.c.post('/api/studio/courses', { slug: s, title: 'Một lần' }).set('Idempotency-Key', `create-${s}`).expect(201)).body as StudioCourse;
    expect(twice.id).toBe(once.id);
  });

  it('an edit conflict hands back both texts and loses nothing; the same save twice changes nothing', async () => {
    const author = await teacher();
    const course = await buildCourse(author.c, slug());
    const co = await teacher();
    const base = `/api/studio/courses/${course.id}`;
    await author.c.post(`${base}/authors`, { login: co.phone, role: 'coauthor' }).expect(201);
    const url = `${base}/lessons/${course.lessons[0]!.id}`;
    const start = (await author.c.get(url).expect(200)).body as { version: number; body: string };

    const mine = await author.c.put(url, { version: start.version, body: 'Bản của cô giáo.' }).expect(200);
    // An autosave resending the same text, even from the old version, is no conflict and no new version.
    const again = await author.c.put(url, { version: start.version, body: 'Bản của cô giáo.' }).expect(200);
    expect(again.body.version).toBe(mine.body.version);

    const theirs = await co.c.put(url, { version: start.version, body: 'Bản của đồng tác giả.' }).expect(409);
    expect(theirs.body).toMatchObject({
      code: 'EDIT_CONFLICT',
      details: { yours: { body: 'Bản của đồng tác giả.', version: start.version }, theirs: { body: 'Bản của cô giáo.', version: mine.body.version } },
    });
    // Nothing lost: the saved text stays, and the co-author saves theirs on top once they have seen it.
    expect((await author.c.get(url).expect(200)).body.body).toBe('Bản của cô giáo.');
    await co.c.put(url, { version: mine.body.version, body: 'Bản của cô giáo.\n\nThêm của đồng tác giả.' }).expect(200);

    const meta = (await author.c.get(base).expect(200)).body as StudioCourse;
    await author.c.put(base, { version: meta.version, title: 'Tên mới' }).expect(200);
    expect((await co.c.put(base, { version: meta.version, title: 'Tên khác' }).expect(409)).body.details).toMatchObject({ yours: { title: 'Tên khác' }, theirs: { title: 'Tên mới' } });
  });

  it('a preview attempt is drawn and graded like a learner’s, and records nothing', async () => {
    const author = await teacher();
    const course = await buildCourse(author.c, slug());
    const base = `/api/studio/courses/${course.id}`;
    const count = async () => (await t.dataSource.query(`SELECT (SELECT count(*) FROM quiz_attempts) + (SELECT count(*) FROM learning_events) + (SELECT count(*) FROM enrolments) AS n`)) as { n: string }[];
    const before = await count();
    const attempt = (await author.c.post(`${base}/preview/quizzes/${course.quizzes[0]!.id}/attempt`).expect(200)).body as { attempt: string; questions: { id: string; options?: unknown[] }[] };
    expect(attempt.questions).toHaveLength(3);
    expect(JSON.stringify(attempt.questions)).not.toMatch(/correct|weight|feedback|explanation/);
    const graded = (await author.c.post(`${base}/preview/quizzes/${course.quizzes[0]!.id}/attempt/grade`, { attempt: attempt.attempt, answers: {} }).expect(200)).body;
    expect(graded).toMatchObject({ scorePercent: 0, passed: false });
    expect(graded.results).toHaveLength(3);
    // A tampered or someone else's attempt is refused.
    await author.c.post(`${base}/preview/quizzes/${course.quizzes[0]!.id}/attempt/grade`, { attempt: `${attempt.attempt.slice(0, -2)}xx`, answers: {} }).expect(400);
    expect(await count()).toEqual(before);

    const lesson = (await author.c.get(`${base}/preview/lessons/${course.lessons[0]!.id}`).expect(200)).body;
    expect(lesson).toMatchObject({ courseSlug: course.slug, slug: 'ma-otp', position: 1, total: 2, done: false, next: { slug: 'khi-bi-hoi' } });
    expect(lesson.html).toContain(`src="/api/studio/courses/${course.id}/media/otp.svg"`);
    const html = (await author.c.post('/api/studio/preview', { courseId: course.id, markdown: '# Tiêu đề\n\n<script>alert(1)</script>' }).expect(200)).body.html as string;
    expect(html).toContain('<h1>Tiêu đề</h1>');
    expect(html).not.toContain('<script>');
  });
});
