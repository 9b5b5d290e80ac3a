import { ContentImportService } from '../../src/modules/content/content-import.service';
import { EnrolmentsService } from '../../src/modules/learning/enrolments.service';
import { LessonsService } from '../../src/modules/learning/lessons.service';
import { QuizAttemptsService } from '../../src/modules/learning/quiz/quiz-attempts.service';
import { QuizStartBatches, type StartRow } from '../../src/modules/learning/quiz/quiz-start-batches';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { statementsDuring } from '../support/statements';
import { startTestApp, type TestApp } from '../support/test-app';

type Started = Awaited<ReturnType<QuizAttemptsService['start']>>;

/** The batched quiz start (migration StartQuizAttemptsInBatches, quiz/quiz-start-batches.ts): its guarantees. */
describe('quiz attempt starts written in batches', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let quizzes: QuizAttemptsService;
  let seq = 0;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': LEARNING_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
    quizzes = t.app.get(QuizAttemptsService);
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  /** A learner enrolled in the course, with its required lessons done (the quiz is unlocked) unless `lessons` is false. */
  async function learner(lessons = true): Promise<string> {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[seq++ % communes.length]! });
    await t.app.get(EnrolmentsService).enrol(user.id, 'hoc-thu');
    if (lessons) for (const lesson of ['01-mat-khau', '02-otp']) await t.app.get(LessonsService).complete(user.id, 'hoc-thu', lesson, new Date(), null);
    return user.id;
  }
  const start = (userId: string) => quizzes.start(userId, 'hoc-thu', 'kiem-tra');
  const outcome = (settled: PromiseSettledResult<Started>) =>
    settled.status === 'fulfilled'
      ? (settled.value.created ? 'created' : 'open')
      : (settled.reason as { code?: string; driverError?: { code: string } }).code ?? (settled.reason as { driverError: { code: string } }).driverError?.code;
  const attemptsOf = (userId: string) =>
    t.dataSource.query(`SELECT id, number, status, questions FROM quiz_attempts WHERE user_id = $1 ORDER BY number`, [userId]) as Promise<{ id: string; number: number; status: string; questions: unknown[] }[]>;
  const startedEvents = async (userId: string) =>
    (await t.dataSource.query(`SELECT quiz_attempt_id FROM learning_events WHERE user_id = $1 AND type = 'quiz_started'`, [userId])) as { quiz_attempt_id: string }[];
  it('starts many learners in one statement, one database round trip in all once the content is cached', async () => {
    const people = await Promise.all([1, 2, 3, 4, 5].map(() => learner()));
    await start(await learner()); // warms the content cache
    const { result, statements } = await statementsDuring(t.dataSource, () => Promise.all(people.map(start)));
    expect(statements).toEqual(['start_quiz_attempts']);
    expect(result.map((r) => r.created)).toEqual([true, true, true, true, true]);
    for (const [i, person] of people.entries()) {
      const [stored] = await attemptsOf(person);
      // The draw the answer showed is the one stored: same questions, same order, same keys.
      expect(stored).toMatchObject({ id: result[i]!.view.attempt.id, number: 1, status: 'in_progress' });
      expect(stored!.questions).toEqual(result[i]!.view.attempt.questions);
      expect(result[i]!.view.questions.map((q) => q.id)).toEqual((stored!.questions as { questionId: string }[]).map((q) => q.questionId));
      expect(await startedEvents(person)).toEqual([{ quiz_attempt_id: stored!.id }]);
    }
    // No key of any kind in what the learner receives before submission.
    expect(JSON.stringify(result.map((r) => r.view.questions))).not.toMatch(/"correct"|"feedback"|"accepted"|"explanation"|"pair"|optionId|"weight"/);
    expect(result.every((r) => r.view.results === null)).toBe(true);
  });

  it('gives a learner’s concurrent starts, in one process or two, one attempt and one event', async () => {
    const person = await learner();
    // A second API process: its own batches on the same database; the enrolment lock serializes the two.
    const other = new QuizStartBatches(t.dataSource, 2);
    const [hash, courseId, quizId] = (await t.dataSource.query(
      `SELECT c.content_hash, c.id, q.id AS quiz_id FROM courses c JOIN quizzes q ON q.course_id = c.id WHERE c.slug = 'hoc-thu'`,
    )).map((r: Record<string, string>) => [r.content_hash, r.id, r.quiz_id])[0] as string[];
    const fromOther = () => other.submit({ userId: person, courseId: courseId!, hash: hash!, quizId: quizId!, draw: [], at: new Date() });
    const results = await Promise.all([start(person), fromOther(), start(person), fromOther(), start(person)]);
    const ids = new Set(results.map((r) => ('view' in r ? r.view.attempt.id : (r as StartRow).attempt_id)));
    expect(ids.size).toBe(1);
    const outcomes = results.map((r) => ('view' in r ? (r.created ? 'created' : 'open') : (r as StartRow).outcome));
    expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
    expect(await attemptsOf(person)).toHaveLength(1);
    expect(await startedEvents(person)).toHaveLength(1);
  });

  it('answers a resend with the same attempt, its draw and the answers saved so far, and writes nothing', async () => {
    const person = await learner();
    const first = await start(person);
    const question = first.view.questions.find((q) => q.type === 'single')!;
    await quizzes.saveAnswers(person, first.view.attempt.id, { [question.id]: { choices: [question.options![0]!.key] } });
    const again = await start(person);
    expect(again.created).toBe(false);
    expect(again.view.attempt.id).toBe(first.view.attempt.id);
    expect(again.view.questions).toEqual(first.view.questions);
    expect(again.view.attempt.answers).toEqual({ [question.id]: { choices: [question.options![0]!.key] } });
    expect(await startedEvents(person)).toHaveLength(1);
  });

  it('judges each start of a batch by its own rules: not enrolled, locked, attempts left, cooldown', async () => {
    const [ok, locked, cooling, stranger] = [await learner(), await learner(false), await learner(), await learner()];
    const first = await start(cooling);
    await quizzes.submit(cooling, first.view.attempt.id, {}, null);
    await t.dataSource.query(`UPDATE enrolments SET status = 'left' WHERE user_id = $1`, [stranger]);
    const result = await Promise.allSettled([start(ok), start(locked), start(cooling), start(stranger)]);
    expect(result.map(outcome)).toEqual(['created', 'QUIZ_LOCKED', 'QUIZ_COOLDOWN', 'NOT_ENROLLED']);
    const cooldown = (result[2] as PromiseRejectedResult).reason as { details: { retryAt: string } };
    expect(new Date(cooldown.details.retryAt).getTime()).toBeGreaterThan(Date.now() + 50_000);
    // Past the cooldown the second and third attempts start; the fourth is refused.
    for (const n of [2, 3]) {
      await t.dataSource.query(`UPDATE quiz_attempts SET submitted_at = submitted_at - interval '2 minutes' WHERE user_id = $1`, [cooling]);
      const next = await start(cooling);
      expect(next.view.attempt.number).toBe(n);
      await quizzes.submit(cooling, next.view.attempt.id, {}, null);
    }
    await t.dataSource.query(`UPDATE quiz_attempts SET submitted_at = submitted_at - interval '2 minutes' WHERE user_id = $1`, [cooling]);
    await expect(start(cooling)).rejects.toMatchObject({ code: 'QUIZ_ATTEMPTS_EXHAUSTED', details: { maxAttempts: 3 } });
    expect(await attemptsOf(locked)).toEqual([]);
    expect(await attemptsOf(stranger)).toEqual([]);
  });

  it('grades an open attempt whose time is over as late, the cooldown counting from then, and starts the next after it', async () => {
    const person = await learner();
    const first = await start(person);
    await t.dataSource.query(`UPDATE quiz_attempts SET deadline_at = now() - interval '1 minute' WHERE id = $1`, [first.view.attempt.id]);
    await expect(start(person)).rejects.toMatchObject({ code: 'QUIZ_COOLDOWN' });
    await t.dataSource.query(`UPDATE quiz_attempts SET submitted_at = submitted_at - interval '2 minutes' WHERE id = $1`, [first.view.attempt.id]);
    const second = await start(person);
    expect(second.created).toBe(true);
    expect(second.view.attempt.number).toBe(2);
    expect((await attemptsOf(person)).map((a) => a.status)).toEqual(['submitted', 'in_progress']);
    expect((await t.dataSource.query(`SELECT late, passed FROM quiz_attempts WHERE id = $1`, [first.view.attempt.id]))[0]).toEqual({ late: true, passed: false });
  });

  it('fails only the start the database refuses; the others of its batch are recorded', async () => {
    const [ok1, refused, ok2] = [await learner(), await learner(), await learner()];
    // Something the database refuses for this one learner's row (as a constraint would).
    await t.dataSource.query(`CREATE FUNCTION refuse_one() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.user_id = '${refused}' THEN RAISE check_violation USING MESSAGE = 'refused'; END IF; RETURN NEW; END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_one BEFORE INSERT ON quiz_attempts FOR EACH ROW EXECUTE FUNCTION refuse_one()`);
    try {
      const { result, statements } = await statementsDuring(t.dataSource, () => Promise.allSettled([start(ok1), start(refused), start(ok2)]));
      expect(result.map(outcome)).toEqual(['created', '23514', 'created']);
      // The batch, then each of its starts alone.
      expect(statements.filter((s) => s === 'start_quiz_attempts')).toHaveLength(4);
    } finally {
      await t.dataSource.query('DROP TRIGGER refuse_one ON quiz_attempts');
      await t.dataSource.query('DROP FUNCTION refuse_one()');
    }
    expect(await attemptsOf(refused)).toEqual([]);
    expect(await startedEvents(refused)).toEqual([]);
    expect(await attemptsOf(ok1)).toHaveLength(1);
    expect(await attemptsOf(ok2)).toHaveLength(1);
  });

  it('refuses, in the database, a batch with two starts of one person', async () => {
    const person = await learner();
    const [row] = await t.dataSource.query(`SELECT c.id, c.content_hash, q.id AS quiz_id FROM courses c JOIN quizzes q ON q.course_id = c.id WHERE c.slug = 'hoc-thu'`);
    const twice = t.dataSource.query(`SELECT * FROM start_quiz_attempts($1::uuid[], $2::uuid[], $3::varchar[], $4::uuid[], $5::jsonb[], $6::timestamptz[], '15 seconds')`,
      [[person, person], [row.id, row.id], [row.content_hash, row.content_hash], [row.quiz_id, row.quiz_id], ['[]', '[]'], [new Date().toISOString(), new Date().toISOString()]]);
    await expect(twice).rejects.toMatchObject({ driverError: expect.objectContaining({ code: '22023' }) });
    expect(await attemptsOf(person)).toEqual([]);
  });

  it('starts over HTTP with 201, then 200 with the same attempt', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]! });
    const c = await loginAs(t, user.phone);
    await c.post('/api/courses/hoc-thu/enrolment').expect(201);
    for (const lesson of ['01-mat-khau', '02-otp']) await c.put(`/api/courses/hoc-thu/lessons/${lesson}/completion`, {}).expect(200);
    const [a, b] = await Promise.all([c.post('/api/courses/hoc-thu/quizzes/kiem-tra/attempts'), c.post('/api/courses/hoc-thu/quizzes/kiem-tra/attempts')]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
  });
});
