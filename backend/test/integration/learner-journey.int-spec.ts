import { JobQueue } from '../../src/jobs/job-queue';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

const COURSE = '/api/courses/hoc-thu';
const QUIZ = `${COURSE}/quizzes/kiem-tra`;

type Attempt = { id: string; status: string; questions: { id: string; type: string; options?: { key: string; text: string }[] }[]; scorePercent: number | null; passed: boolean | null; late: boolean; results: unknown[] | null };

describe('learner journey over HTTP', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let seq = 0;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': LEARNING_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  /** A new learner, logged in and enrolled. */
  async function learner(): Promise<{ c: TestClient; userId: string }> {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[seq++ % communes.length]! });
    const c = await loginAs(t, user.phone);
    await c.post(`${COURSE}/enrolment`).expect(201);
    return { c, userId: user.id };
  }
  const events = (userId: string, type: string) =>
    t.dataSource.query('SELECT * FROM learning_events WHERE user_id = $1 AND type = $2', [userId, type]) as Promise<Record<string, unknown>[]>;
  const finishLessons = async (c: TestClient) => {
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    await c.put(`${COURSE}/lessons/02-otp/completion`, {}).expect(200);
  };
  const age = (attemptId: string, seconds: number) =>
    t.dataSource.query(`UPDATE quiz_attempts SET submitted_at = submitted_at - make_interval(secs => $2) WHERE id = $1`, [attemptId, seconds]);

  it('enrols once however often it is asked, leaves and comes back, and lists the course in My learning', async () => {
    const { c, userId } = await learner();
    await c.post(`${COURSE}/enrolment`).expect(200);
    const mine = (await c.get('/api/me/learning').expect(200)).body as { slug: string; percent: number; nextStep: { slug: string } }[];
    expect(mine).toEqual([expect.objectContaining({ slug: 'hoc-thu', percent: 0, nextStep: { kind: 'lesson', slug: '01-mat-khau', title: 'Mật khẩu mạnh' } })]);
    expect(await events(userId, 'enrolled')).toHaveLength(1);

    await c.delete(`${COURSE}/enrolment`).expect(204);
    await c.delete(`${COURSE}/enrolment`).expect(204);
    expect((await c.get(`${COURSE}/lessons/01-mat-khau`).expect(403)).body.code).toBe('NOT_ENROLLED');
    expect((await c.get('/api/me/learning').expect(200)).body).toEqual([]);
    await c.post(`${COURSE}/enrolment`).expect(201);
    expect(await events(userId, 'left')).toHaveLength(1);
    expect(await events(userId, 'enrolled')).toHaveLength(2);
  });

  it('shows a completion and a departure on the very next read, though reads are served from the process cache', async () => {
    const { c } = await learner();
    expect((await c.get(`${COURSE}/lessons/01-mat-khau`).expect(200)).body.done).toBe(false);
    expect((await c.get(`${COURSE}/lessons/01-mat-khau`).expect(200)).body.done).toBe(false);
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    expect((await c.get(`${COURSE}/lessons/01-mat-khau`).expect(200)).body.done).toBe(true);
    await c.get(`${COURSE}/lessons/02-otp`).expect(200);
    await c.delete(`${COURSE}/enrolment`).expect(204);
    expect((await c.get(`${COURSE}/lessons/01-mat-khau`).expect(403)).body.code).toBe('NOT_ENROLLED');
    await c.post(`${COURSE}/enrolment`).expect(201);
    expect((await c.get(`${COURSE}/lessons/02-otp`).expect(200)).body.done).toBe(false);
  });

  it('resumes at the lesson last opened', async () => {
    const { c } = await learner();
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    await c.get(`${COURSE}/lessons/02-otp`).expect(200);
    await c.get(`${COURSE}/lessons/01-mat-khau`).expect(200);
    // Going back to a finished lesson does not lose the place: the next step is the unfinished one.
    expect((await c.get(`${COURSE}/progress`).expect(200)).body.nextStep).toEqual({ kind: 'lesson', slug: '02-otp', title: 'Giữ mã OTP' });
  });

  it('locks lessons and the quiz of a sequential course in the API, not only in the page', async () => {
    const { c } = await learner();
    expect((await c.get(`${COURSE}/lessons/02-otp`).expect(403)).body.code).toBe('LESSON_LOCKED');
    expect((await c.put(`${COURSE}/lessons/02-otp/completion`, {}).expect(403)).body.code).toBe('LESSON_LOCKED');
    expect((await c.post(`${QUIZ}/attempts`).expect(403)).body.code).toBe('QUIZ_LOCKED');

    const lesson = (await c.get(`${COURSE}/lessons/01-mat-khau`).expect(200)).body as { html: string; next: { slug: string }; previous: unknown; position: number; total: number };
    expect(lesson).toMatchObject({ position: 1, total: 3, previous: null, next: { slug: '02-otp' } });
    expect(lesson.html).toContain('<img src="/api/courses/hoc-thu/media/mat-khau.svg" alt="Ô nhập mật khẩu trên điện thoại"');
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    const second = (await c.get(`${COURSE}/lessons/02-otp`).expect(200)).body as { video: unknown };
    expect(second.video).toEqual({ src: '/api/courses/hoc-thu/media/otp.webm', captions: '/api/courses/hoc-thu/media/otp.vtt', transcript: 'Mã OTP là chìa khóa của giao dịch. Không đọc mã cho ai.' });
    const progress = (await c.get(`${COURSE}/progress`).expect(200)).body as { lessons: { slug: string; done: boolean; locked: boolean }[] };
    expect(progress.lessons.map((l) => [l.slug, l.done, l.locked])).toEqual([['01-mat-khau', true, false], ['02-otp', false, false], ['03-doc-them', false, true]]);
  });

  it('serves course media to anyone, and nothing outside the media folder', async () => {
    const c = await t.client();
    const svg = await c.get(`${COURSE}/media/mat-khau.svg`).expect(200);
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    expect((await c.get(`${COURSE}/media/otp.vtt`).expect(200)).headers['content-type']).toContain('text/vtt');
    await c.get(`${COURSE}/media/khong-co.svg`).expect(404);
    expect((await c.get(`${COURSE}/media/..%2Fcourse.yaml`).expect(400)).body.details).toEqual([{ field: 'file', message: 'file must be a plain file name' }]);
  });

  it('records a lesson once for resends and replays, keeping the device time of an offline completion', async () => {
    const { c, userId } = await learner();
    const offlineAt = new Date(Date.now() - 3600_000).toISOString();
    const send = () => c.put(`${COURSE}/lessons/01-mat-khau/completion`, { occurredAt: offlineAt }).set('Idempotency-Key', 'offline-lesson-0001');
    expect((await send().expect(200)).body).toEqual({ firstTime: true, courseCompleted: false });
    const again = await Promise.all([send(), send(), send()]);
    expect(again.map((r) => r.body.firstTime)).toEqual([false, false, false]);
    const recorded = await events(userId, 'lesson_completed');
    expect(recorded).toHaveLength(1);
    expect((recorded[0]!.occurred_at as Date).toISOString()).toBe(offlineAt);
    // Its id is a UUIDv7 whose first 48 bits are the time it was recorded, so new events append to the primary key.
    const id = recorded[0]!.id as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(Math.abs(parseInt(id.replace(/-/g, '').slice(0, 12), 16) - (recorded[0]!.recorded_at as Date).getTime())).toBeLessThan(1000);
    expect((await c.put(`${COURSE}/lessons/02-otp/completion`, { occurredAt: 'hôm qua' }).expect(400)).body.details).toEqual([{ field: 'occurredAt', message: 'occurredAt must be an ISO 8601 date-time' }]);
    expect((await c.put(`${COURSE}/lessons/02-otp/completion`, {}).set('Idempotency-Key', 'x').expect(400)).body.details[0].field).toBe('Idempotency-Key');
  });

  it('refuses to delete a lesson someone completed or a course with learning history, as a foreign key would', async () => {
    const { c } = await learner();
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    const deleteLesson = t.dataSource.query(`DELETE FROM lessons WHERE slug = '01-mat-khau' AND course_id = (SELECT id FROM courses WHERE slug = 'hoc-thu')`);
    await expect(deleteLesson).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
    await expect(t.dataSource.query(`DELETE FROM courses WHERE slug = 'hoc-thu'`)).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '23503' }) });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM lessons l JOIN courses co ON co.id = l.course_id WHERE co.slug = 'hoc-thu' AND l.slug = '01-mat-khau'`)).toEqual([{ n: 1 }]);
  });

  it('never sends correctness, feedback, accepted answers or explanations before submission, for any question type', async () => {
    const { c } = await learner();
    await finishLessons(c);
    const started = await c.post(`${QUIZ}/attempts`).expect(201);
    const attempt = started.body as Attempt;
    expect(new Set(attempt.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false', 'ordering', 'short_text', 'matching']));
    const payloads = [
      started.text,
      (await c.get(`/api/quiz-attempts/${attempt.id}`).expect(200)).text,
      (await c.post(`${QUIZ}/attempts`).expect(200)).text,
      (await c.get(QUIZ).expect(200)).text,
      (await c.get(`${COURSE}/progress`).expect(200)).text,
    ];
    for (const text of payloads) {
      expect(text).not.toMatch(/FB-|EXPL-|ACCEPTED-OTP|mã xác thực|"correct"|"weight"|"feedback"|"accepted"|"explanation"|"pair"|optionId|"graded"/);
    }
    // Ordering items arrive in some order of the three (the right one may be it: the draw spec checks every order appears).
    const ordering = attempt.questions.find((q) => q.type === 'ordering')!;
    expect(ordering.options!.map((o) => o.text).sort()).toEqual(['Mở phần Bảo mật', 'Nhập mật khẩu cũ', 'Nhập mật khẩu mới']);
  });

  it('keeps the same attempt across reloads, with the answers saved so far', async () => {
    const { c } = await learner();
    await finishLessons(c);
    const first = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    const single = first.questions.find((q) => q.type === 'single')!;
    await c.put(`/api/quiz-attempts/${first.id}/answers`, { answers: { [single.id]: { choices: [single.options![1]!.key] } } }).expect(204);
    const reloaded = (await c.get(`/api/quiz-attempts/${first.id}`).expect(200)).body as Attempt & { answers: Record<string, unknown> };
    expect(reloaded.questions).toEqual(first.questions);
    expect(reloaded.answers).toEqual({ [single.id]: { choices: [single.options![1]!.key] } });
    const bad = await c.put(`/api/quiz-attempts/${first.id}/answers`, { answers: { [single.id]: { choices: ['deadbeef'] } } }).expect(400);
    expect(bad.body.details).toEqual([{ field: `answers.${single.id}`, message: 'option deadbeef is not an option of this question' }]);
  });

  it('turns malformed answers away with a 400 naming the field, on saving and on submitting, and grades nothing', async () => {
    const { c, userId } = await learner();
    await finishLessons(c);
    const attempt = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    const single = attempt.questions.find((q) => q.type === 'single')!;
    const matching = attempt.questions.find((q) => q.type === 'matching') as unknown as { id: string; left: { key: string }[] };
    const key = single.options![0]!.key;
    const left = matching.left[0]!.key;
    const other = '00000000-0000-4000-8000-000000000001';
    const cases: [string, object, { field: string; message: string }[]][] = [
      ['no answers', {}, [{ field: 'answers', message: 'answers must be an object of question id → answer' }]],
      ['answers as a list', { answers: [] }, [{ field: 'answers', message: 'answers must be an object of question id → answer' }]],
      ['an unknown field beside them', { answers: {}, score: 100 }, [{ field: 'score', message: 'property score should not exist' }]],
      ['a key that is not a question id', { answers: { 'cau-1': {} } }, [{ field: 'answers.cau-1', message: 'Invalid key in record' }]],
      ['a question of another attempt', { answers: { [other]: {} } }, [{ field: `answers.${other}`, message: 'is not a question of this attempt' }]],
      ['an unknown field in an answer', { answers: { [single.id]: { choices: [key], correct: true } } }, [{ field: `answers.${single.id}`, message: 'Unrecognized key: "correct"' }]],
      ['choices that are not a list', { answers: { [single.id]: { choices: key } } }, [{ field: `answers.${single.id}.choices`, message: 'Invalid input: expected array, received string' }]],
      ['a choice that is no option key', { answers: { [single.id]: { choices: [key, 'Đúng'] } } }, [{ field: `answers.${single.id}.choices.1`, message: 'must be an option key of this attempt' }]],
      ['an option of no question of the attempt', { answers: { [single.id]: { choices: ['deadbeef'] } } }, [{ field: `answers.${single.id}`, message: 'option deadbeef is not an option of this question' }]],
      ['a text over 500 characters', { answers: { [single.id]: { text: 'a'.repeat(501) } } }, [{ field: `answers.${single.id}.text`, message: 'must be at most 500 characters' }]],
      ['a pair that is not part of the question', { answers: { [matching.id]: { matches: { [left]: key } } } },
        [{ field: `answers.${matching.id}`, message: `pair ${left} → ${key} is not part of this question` }]],
    ];
    for (const [what, body, details] of cases) {
      for (const send of [() => c.put(`/api/quiz-attempts/${attempt.id}/answers`, body), () => c.post(`/api/quiz-attempts/${attempt.id}/submission`, body)]) {
        const res = await send();
        expect({ what, status: res.status, code: res.body.code, details: res.body.details }).toEqual({ what, status: 400, code: 'VALIDATION_FAILED', details });
      }
    }
    expect((await c.get(`/api/quiz-attempts/${attempt.id}`).expect(200)).body).toMatchObject({ status: 'in_progress', answers: {}, results: null });
    expect(await events(userId, 'quiz_submitted')).toHaveLength(0);
    // A prototype key is dropped as before; the rest of the answer is kept and graded.
    await c.put(`/api/quiz-attempts/${attempt.id}/answers`).set('content-type', 'application/json')
      .send(`{"answers":{"${single.id}":{"choices":["${key}"],"__proto__":{"correct":true},"constructor":{}}}}`).expect(204);
    expect((await c.get(`/api/quiz-attempts/${attempt.id}`).expect(200)).body.answers).toEqual({ [single.id]: { choices: [key] } });
    const answers = await correctAnswers(t.dataSource, attempt.id);
    expect((await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers }).expect(200)).body).toMatchObject({ status: 'submitted', scorePercent: 100, answers });
  });

  it('grades on the server and then shows the score, the right answers and the explanations', async () => {
    const { c } = await learner();
    await finishLessons(c);
    const attempt = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    const answers = await correctAnswers(t.dataSource, attempt.id);
    const graded = (await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers }).expect(200)).body as Omit<Attempt, 'results'> & { results: { score: number; explanation: string; feedback?: string }[] };
    expect(graded).toMatchObject({ status: 'submitted', scorePercent: 100, passed: true, late: false });
    expect(graded.results).toHaveLength(7);
    expect(graded.results.every((r) => r.score === 1 && r.explanation.startsWith('EXPL-'))).toBe(true);
    expect(graded.results.some((r) => r.feedback === 'FB-short-right')).toBe(true);
  });

  it('records one attempt for concurrent duplicate submissions and concurrent starts', async () => {
    const { c, userId } = await learner();
    await finishLessons(c);
    const starts = await Promise.all([1, 2, 3].map(() => c.post(`${QUIZ}/attempts`)));
    expect(new Set(starts.map((r) => r.body.id)).size).toBe(1);
    const id = starts[0]!.body.id as string;
    const answers = await correctAnswers(t.dataSource, id);
    const submits = await Promise.all([1, 2, 3, 4, 5].map((i) => c.post(`/api/quiz-attempts/${id}/submission`, { answers }).set('Idempotency-Key', `submit-${id}-${i}`)));
    expect(submits.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(submits.map((r) => r.body.submittedAt)).size).toBe(1);
    expect(await t.dataSource.query('SELECT id FROM quiz_attempts WHERE user_id = $1', [userId])).toHaveLength(1);
    expect(await events(userId, 'quiz_submitted')).toHaveLength(1);
    expect(await events(userId, 'course_completed')).toHaveLength(1);
  });

  it('enforces the cooldown and the attempt limit on the server', async () => {
    const { c } = await learner();
    await finishLessons(c);
    const first = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    expect((await c.post(`/api/quiz-attempts/${first.id}/submission`, { answers: {} }).expect(200)).body).toMatchObject({ scorePercent: 0, passed: false });
    const waiting = await c.post(`${QUIZ}/attempts`).expect(409);
    expect(waiting.body.code).toBe('QUIZ_COOLDOWN');
    expect(new Date(waiting.body.details.retryAt).getTime()).toBeGreaterThan(Date.now() + 50_000);

    await age(first.id, 61);
    const second = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    await c.post(`/api/quiz-attempts/${second.id}/submission`, { answers: {} }).expect(200);
    await age(second.id, 61);
    const third = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    await c.post(`/api/quiz-attempts/${third.id}/submission`, { answers: {} }).expect(200);
    await age(third.id, 61);
    const over = await c.post(`${QUIZ}/attempts`).expect(409);
    expect(over.body).toMatchObject({ code: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { maxAttempts: 3 } });
    const quiz = (await c.get(QUIZ).expect(200)).body as { attempts: unknown[]; attemptsUsed: number };
    expect(quiz.attempts).toHaveLength(3);
  });

  it('marks answers that arrive after the time limit late, by the server clock, and does not count them as a pass', async () => {
    const { c, userId } = await learner();
    await finishLessons(c);
    const attempt = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt & { deadlineAt: string };
    expect(new Date(attempt.deadlineAt).getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
    await t.dataSource.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [attempt.id]);
    const answers = await correctAnswers(t.dataSource, attempt.id);
    const graded = (await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers }).expect(200)).body as Attempt;
    expect(graded).toMatchObject({ scorePercent: 100, late: true, passed: false });
    expect(await events(userId, 'course_completed')).toHaveLength(0);
  });

  it('completes the course by its rule: required lessons done and the required quiz passed, once', async () => {
    const { c, userId } = await learner();
    await c.put(`${COURSE}/lessons/01-mat-khau/completion`, {}).expect(200);
    expect((await c.get(`${COURSE}/progress`).expect(200)).body.percent).toBe(33);
    await c.put(`${COURSE}/lessons/02-otp/completion`, {}).expect(200);
    const attempt = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers: await correctAnswers(t.dataSource, attempt.id) }).expect(200);

    const progress = (await c.get(`${COURSE}/progress`).expect(200)).body as { status: string; percent: number; completedAt: string; competencies: { code: string; quizScore: number }[] };
    expect(progress).toMatchObject({ status: 'completed', percent: 100 });
    expect(progress.competencies).toEqual([
      { code: '4.2', lessonsDone: 2, lessonsTotal: 2, quizScore: 100 },
      { code: '2.1', lessonsDone: 1, lessonsTotal: 2, quizScore: 100 },
    ]);
    // The optional lesson, done afterwards, does not complete the course a second time.
    await c.put(`${COURSE}/lessons/03-doc-them/completion`, {}).expect(200);
    const completed = await events(userId, 'course_completed');
    expect(completed).toHaveLength(1);
    const [user] = await t.dataSource.query('SELECT unit_id, province_id, target_group FROM users WHERE id = $1', [userId]);
    expect(completed[0]).toMatchObject({ unit_id: user.unit_id, province_id: user.province_id, target_group: 'citizen', framework_version: expect.any(String) });
  });

  it('queues the certification again when a passed submission is resent: its first answer may have been lost after the commit', async () => {
    const { c, userId } = await learner();
    await finishLessons(c);
    const attempt = (await c.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    const answers = await correctAnswers(t.dataSource, attempt.id);
    const enqueue = jest.spyOn(t.app.get(JobQueue), 'enqueue');
    try {
      await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers }).expect(200);
      await c.post(`/api/quiz-attempts/${attempt.id}/submission`, { answers }).expect(200);
      const key = `certify-course-${userId}-hoc-thu`;
      expect(enqueue.mock.calls.filter(([queue, , id]) => queue === 'certification' && id === key)).toHaveLength(2);
    } finally {
      enqueue.mockRestore();
    }
    expect(await events(userId, 'course_completed')).toHaveLength(1);
  });

  it('draws new attempts only from the live questions of the current content, while older attempts keep theirs', async () => {
    const { c: before } = await learner();
    await finishLessons(before);
    const drawnBefore = (await before.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
    const [gift] = await t.dataSource.query(`SELECT q.id FROM questions q JOIN courses c ON c.id = q.course_id WHERE c.slug = 'hoc-thu' AND q.external_id = 'q-gift'`);
    expect(drawnBefore.questions.map((q) => q.id)).toContain(gift.id);
    // What an import does when a question leaves the bank: archive it and give the course a new version.
    const version = (await t.dataSource.query(`SELECT content_hash FROM courses WHERE slug = 'hoc-thu'`))[0].content_hash as string;
    await t.dataSource.query(`UPDATE questions SET archived_at = now() WHERE id = $1`, [gift.id]);
    await t.dataSource.query(`UPDATE courses SET content_hash = 'without-q-gift' WHERE slug = 'hoc-thu'`);
    try {
      const { c: after } = await learner();
      await finishLessons(after);
      const drawnAfter = (await after.post(`${QUIZ}/attempts`).expect(201)).body as Attempt;
      expect(drawnAfter.questions).toHaveLength(drawnBefore.questions.length - 1);
      expect(drawnAfter.questions.map((q) => q.id)).not.toContain(gift.id);
      // The attempt drawn before still shows, and grades, the question it was given.
      expect(((await before.get(`/api/quiz-attempts/${drawnBefore.id}`).expect(200)).body as Attempt).questions.map((q) => q.id)).toContain(gift.id);
    } finally {
      await t.dataSource.query(`UPDATE questions SET archived_at = NULL WHERE id = $1`, [gift.id]);
      await t.dataSource.query(`UPDATE courses SET content_hash = $1 WHERE slug = 'hoc-thu'`, [version]);
    }
  });
});
