import { ContentImportService, ContentInvalidError } from '../../src/modules/content/content-import.service';
import { makeContent, VALID_COURSE } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { buildCourse, type StudioCourse } from '../support/studio';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/**
 * A published course changed and published again: learners keep what they did (lessons and questions
 * are matched by their stable ids), each learning event keeps the version it was made on, and the new
 * version is what learners get at once, in every API process.
 */
describe('authoring studio: versions', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    const db = a.config.database as { url: string };
    // A second API process on the same database and Redis, as behind a load balancer.
    b = await startTestApp(
      { QUEUE_PREFIX: a.config.redis!.prefix, SESSION_SECRET: a.config.sessionSecret, DATA_ENCRYPTION_KEY: a.config.dataEncryptionKey.toString('base64') },
      { databaseUrl: () => db.url },
    );
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('keeps completions and attempts across a publish, records the version on each event, and serves the new version at once everywhere', async () => {
    const { communes } = await unitsOf(a.dataSource, '01');
    const author = await createUser(a, { commune: communes[0]!, role: 'teacher' });
    const reviewer = await createUser(a, { commune: communes[0]!, role: 'admin', scope: { level: 'commune', unitId: communes[0]!.id } });
    const student = await createUser(a, { commune: communes[1]! });
    const ca = await loginAs(a, author.phone);
    const ra = await loginAs(a, reviewer.phone);
    const lb: TestClient = await loginAs(b, student.phone);

    const course = await buildCourse(ca, `khoa-phien-ban-${process.pid}`);
    const base = `/api/studio/courses/${course.id}`;
    await ca.post(`${base}/submit`).expect(200);
    expect((await ra.post(`${base}/publish`).expect(200)).body).toMatchObject({ publishedVersion: 1 });

    // The learner, on the other process: first lesson done, second read (now cached there), quiz passed.
    const learn = `/api/courses/${course.slug}`;
    await lb.post(`${learn}/enrolment`).expect(201);
    await lb.put(`${learn}/lessons/ma-otp/completion`, {}).expect(200);
    expect((await lb.get(`${learn}/lessons/khi-bi-hoi`).expect(200)).body.html).toContain('Không đọc mã cho ai.');
    await lb.put(`${learn}/lessons/khi-bi-hoi/completion`, {}).expect(200);
    const attempt = (await lb.post(`${learn}/quizzes/kiem-tra/attempts`).expect(201)).body as { id: string };
    await lb.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers: await correctAnswers(a.dataSource, attempt.id) }).expect(200);
    expect((await lb.get(`${learn}/progress`).expect(200)).body).toMatchObject({ status: 'completed' });

    // The author changes the second lesson, adds a third and rewords a question; the reviewer publishes version 2 on the first process.
    const lessonUrl = `${base}/lessons/${course.lessons[1]!.id}`;
    await ca.put(lessonUrl, { version: 1, body: 'Phiên bản hai: cúp máy ngay.\n' }).expect(200);
    await ca.post(`${base}/lessons`, { slug: 'bao-cao', title: 'Báo cáo lừa đảo', competencies: ['4.2'], body: 'Gọi 113 hoặc báo công an xã.\n' }).expect(201);
    const draft = (await ca.get(base).expect(200)).body as StudioCourse;
    expect(draft).toMatchObject({ status: 'draft', hasUnpublishedChanges: true, publishedVersion: 1 });
    const question = (await ca.get(`${base}/questions`).expect(200)).body.find((q: { externalId: string }) => q.externalId === 'otp-2');
    await ca.put(`${base}/questions/${question.id}`, { ...question, id: undefined, archived: undefined, suggestedFromLessonId: undefined, prompt: 'Ngân hàng gọi hỏi OTP là chuyện thường.' }).expect(200);
    await ca.post(`${base}/submit`).expect(200);
    // Read just before: the other process now holds the learner's state of version 1.
    expect((await lb.get(`${learn}/lessons/khi-bi-hoi`).expect(200)).body.html).toContain('Không đọc mã cho ai.');
    expect((await ra.post(`${base}/publish`).expect(200)).body).toMatchObject({ status: 'published', publishedVersion: 2, hasUnpublishedChanges: false });

    // At once, on the other process: the new text, the new lesson; what the learner did is still theirs.
    expect((await lb.get(`${learn}/lessons/khi-bi-hoi`).expect(200)).body).toMatchObject({ done: true, html: expect.stringContaining('Phiên bản hai') });
    const progress = (await lb.get(`${learn}/progress`).expect(200)).body as { lessons: { slug: string; done: boolean }[]; quizzes: { slug: string; passed: boolean }[] };
    expect(progress.lessons.map((l) => [l.slug, l.done])).toEqual([['ma-otp', true], ['khi-bi-hoi', true], ['bao-cao', false]]);
    expect((await lb.get(`/api/quiz-attempts/${attempt.id}`).expect(200)).body).toMatchObject({ passed: true });
    await lb.put(`${learn}/lessons/bao-cao/completion`, {}).expect(200);
    const learnerCourse = (await a.dataSource.query('SELECT id, version, source FROM courses WHERE slug = $1', [course.slug]))[0] as { id: string; version: number; source: string };
    expect(learnerCourse).toMatchObject({ version: 2, source: 'studio' });
    const events = (await a.dataSource.query(
      `SELECT e.type, l.slug, e.course_version FROM learning_events e LEFT JOIN lessons l ON l.id = e.lesson_id WHERE e.user_id = $1 ORDER BY e.recorded_at, e.id`,
      [student.id],
    )) as { type: string; slug: string | null; course_version: number }[];
    expect(events.map((e) => [e.type, e.slug, e.course_version])).toEqual([
      ['enrolled', null, 1], ['lesson_completed', 'ma-otp', 1], ['lesson_completed', 'khi-bi-hoi', 1], ['quiz_started', null, 1],
      ['quiz_submitted', null, 1], ['course_completed', null, 1], ['lesson_completed', 'bao-cao', 2],
    ]);

    // The files import never archives a studio course (it has no folder), nor lets a folder take its slug.
    const importer = a.app.get(ContentImportService);
    await importer.importDirectory(a.config.contentDir);
    await lb.get(`${learn}/lessons/khi-bi-hoi`).expect(200);
    const clash = makeContent({ [course.slug]: VALID_COURSE });
    try {
      const refused = await importer.importDirectory(clash.dir).catch((err: unknown) => err);
      expect(refused).toBeInstanceOf(ContentInvalidError);
      expect((refused as ContentInvalidError).problems).toEqual([expect.stringContaining('belongs to a course written in the authoring studio')]);
    } finally {
      clash.cleanup();
    }

    // A published lesson deleted in the studio is archived for learners, and their completion of it stays.
    await ca.delete(`${base}/lessons/${course.lessons[0]!.id}`).expect(204);
    expect(((await ca.get(`${base}/lessons`).expect(200)).body as { slug: string; archived: boolean }[]).find((l) => l.slug === 'ma-otp')).toMatchObject({ archived: true });
    await ca.post(`${base}/submit`).expect(200);
    await ra.post(`${base}/publish`).expect(200);
    expect((await lb.get(`${learn}/lessons/ma-otp`).expect(404)).body.code).toBe('NOT_FOUND');
    expect(await a.dataSource.query('SELECT 1 FROM lesson_completions lc JOIN lessons l ON l.id = lc.lesson_id WHERE lc.user_id = $1 AND l.slug = $2 AND l.archived_at IS NOT NULL', [student.id, 'ma-otp'])).toHaveLength(1);

    // Archived: out of the catalogue at once, history kept; the files import leaves studio courses alone.
    await ra.post(`${base}/archive`).expect(200);
    await lb.get(`${learn}/lessons/khi-bi-hoi`).expect(404);
    expect(await a.dataSource.query('SELECT count(*)::int AS n FROM learning_events WHERE user_id = $1', [student.id])).toEqual([{ n: 7 }]);
  });
});
