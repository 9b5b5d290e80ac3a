import { ContentImportService } from '../../src/modules/content/content-import.service';
import { EnrolmentsService } from '../../src/modules/learning/enrolments.service';
import { LessonsService } from '../../src/modules/learning/lessons.service';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, unitsOf } from '../support/factories';
import { statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

/** Free order, two required lessons, no quiz: the course completes with its last lesson. */
const FREE_COURSE: Record<string, string> = {
  'course.yaml': `title: Tự học theo thứ tự tùy ý
summary: Hai bài bắt buộc, học bài nào trước cũng được.
targetGroups: [citizen]
competencies:
  - { code: '4.2', level: 1 }
estimatedMinutes: 10
ordering: free
lessons:
  - 01-mot.md
  - 02-hai.md
`,
  'lessons/01-mot.md': `---
title: Bài một
competencies: ['4.2']
estimatedMinutes: 5
---
Nội dung bài một.
`,
  'lessons/02-hai.md': `---
title: Bài hai
competencies: ['4.2']
estimatedMinutes: 5
---
Nội dung bài hai.
`,
};

describe('lesson completions written in batches', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let lessons: LessonsService;
  let seq = 0;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': LEARNING_COURSE, 'tu-do': FREE_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
    lessons = t.app.get(LessonsService);
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  async function learner(...courses: string[]): Promise<string> {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[seq++ % communes.length]! });
    for (const course of courses) await t.app.get(EnrolmentsService).enrol(user.id, course);
    return user.id;
  }
  const complete = (userId: string, course: string, lesson: string, key: string | null = null) => lessons.complete(userId, course, lesson, new Date(), key);
  const outcome = (settled: PromiseSettledResult<{ firstTime: boolean; courseCompleted: boolean }>) =>
    settled.status === 'fulfilled' ? settled.value : (settled.reason as { code?: string; driverError?: { code: string } }).code ?? settled.reason.driverError?.code;
  const completions = (userId: string) =>
    t.dataSource.query(`SELECT l.slug FROM lesson_completions c JOIN lessons l ON l.id = c.lesson_id WHERE c.user_id = $1 ORDER BY l.slug`, [userId]) as Promise<{ slug: string }[]>;
  const eventCount = async (userId: string, type: string) =>
    (await t.dataSource.query('SELECT count(*)::int AS n FROM learning_events WHERE user_id = $1 AND type = $2', [userId, type]))[0].n as number;
  it('answers each completion of one turn on its own, a person’s next completion waiting for the batch before', async () => {
    const [a, b, c, notEnrolled, d] = [await learner('hoc-thu'), await learner('hoc-thu'), await learner('hoc-thu'), await learner(), await learner('hoc-thu')];
    const { result, statements: sent } = await statementsDuring(t.dataSource, () => Promise.allSettled([
      complete(a, 'hoc-thu', '01-mat-khau'),
      complete(a, 'hoc-thu', '02-otp'), // sequential: allowed only once lesson 1 is committed
      complete(b, 'hoc-thu', '01-mat-khau'),
      complete(b, 'hoc-thu', '01-mat-khau'), // a double tap
      complete(c, 'hoc-thu', '02-otp'),
      complete(notEnrolled, 'hoc-thu', '01-mat-khau'),
      complete(d, 'hoc-thu', 'khong-co-bai-nay'),
    ]));
    expect(result.map(outcome)).toEqual([
      { firstTime: true, courseCompleted: false },
      { firstTime: true, courseCompleted: false },
      { firstTime: true, courseCompleted: false },
      { firstTime: false, courseCompleted: false },
      'LESSON_LOCKED',
      'NOT_ENROLLED',
      'NOT_FOUND',
    ]);
    // Five people in the first statement; a's and b's second completions in the next.
    expect(sent.filter((s) => s === 'complete_lessons')).toHaveLength(2);
    expect(await completions(a)).toEqual([{ slug: '01-mat-khau' }, { slug: '02-otp' }]);
    expect(await completions(b)).toEqual([{ slug: '01-mat-khau' }]);
    expect(await completions(c)).toEqual([]);
    expect([await eventCount(a, 'lesson_completed'), await eventCount(b, 'lesson_completed'), await eventCount(c, 'lesson_completed')]).toEqual([2, 1, 0]);
  });

  it('completes a course from a batch once, with its event, and shows it as completed', async () => {
    const [p, q] = [await learner('tu-do'), await learner('tu-do')];
    const result = await Promise.all([complete(p, 'tu-do', '02-hai'), complete(q, 'tu-do', '01-mot'), complete(p, 'tu-do', '01-mot'), complete(q, 'tu-do', '02-hai')]);
    expect(result.map((r) => r.courseCompleted)).toEqual([false, false, true, true]);
    expect(await complete(p, 'tu-do', '01-mot')).toEqual({ firstTime: false, courseCompleted: false });
    const enrolments = await t.dataSource.query(`SELECT e.status FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.slug = 'tu-do' AND e.user_id = ANY($1)`, [[p, q]]);
    expect(enrolments).toEqual([{ status: 'completed' }, { status: 'completed' }]);
    expect([await eventCount(p, 'course_completed'), await eventCount(q, 'course_completed')]).toEqual([1, 1]);
  });

  it('fails only the completion the database refuses; the others of its batch are recorded', async () => {
    const [ok1, refused, ok2] = [await learner('tu-do'), await learner('tu-do'), await learner('tu-do')];
    // Longer than the event's idempotency_key column: only the API's header check keeps such keys out.
    const tooLong = 'k'.repeat(80);
    const result = await Promise.allSettled([complete(ok1, 'tu-do', '01-mot'), complete(refused, 'tu-do', '01-mot', tooLong), complete(ok2, 'tu-do', '01-mot')]);
    expect(result.map(outcome)).toEqual([{ firstTime: true, courseCompleted: false }, '22001', { firstTime: true, courseCompleted: false }]);
    expect(await completions(refused)).toEqual([]);
    expect(await completions(ok1)).toEqual([{ slug: '01-mot' }]);
    expect(await completions(ok2)).toEqual([{ slug: '01-mot' }]);
  });

  it('refuses, in the database, a batch with two completions of one person', async () => {
    const person = await learner('tu-do');
    const twice = t.dataSource.query(`SELECT * FROM complete_lessons($1::uuid[], $2::varchar[], $3::varchar[], $4::timestamptz[], $5::varchar[])`,
      [[person, person], ['tu-do', 'tu-do'], ['01-mot', '02-hai'], [new Date().toISOString(), new Date().toISOString()], [null, null]]);
    await expect(twice).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '22023' }) });
    expect(await completions(person)).toEqual([]);
  });
});
