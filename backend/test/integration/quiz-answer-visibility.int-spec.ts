import { ContentImportService } from '../../src/modules/content/content-import.service';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

/** The fixture course with no cooldown, two attempts, and the author's choice of when answers show. */
const course = (showAnswers?: string) => ({
  ...LEARNING_COURSE,
  'course.yaml': LEARNING_COURSE['course.yaml']!
    .replace('cooldownMinutes: 1', 'cooldownMinutes: 0')
    .replace('maxAttempts: 3', `maxAttempts: 2${showAnswers ? `\n    showAnswers: ${showAnswers}` : ''}`),
});

type Graded = { passed: boolean; scorePercent: number; answersShown: boolean; showAnswers: string; results: { options?: { correct: boolean }[]; explanation: string }[] | null };

describe('quiz answers shown as the author chose, decided on the server', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let seq = 0;

  beforeAll(async () => {
    const formatted = {
      ...course('always'),
      'questions/them.gift': `// @competency 2.1
// @level 2
::q-gift:: [html]<p>Mã OTP nên được chia sẻ với <b>ai</b>?</p><script>alert(1)</script> {
  =[markdown]**Không ai cả** #FB-gift-right
  ~Nhân viên <a href\\="javascript:alert(2)">ngân hàng</a> #FB-gift-wrong
  ####[html]<ul><li>EXPL-gift: <i>không ai</i></li></ul>
}
`,
    };
    content = makeContent({ 'mac-dinh': course(), 'khong-bao-gio': course('never'), 'luot-cuoi': course('after_last_attempt'), 'luon-luon': course('always'), 'dinh-dang': formatted });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    await t.app.get(ContentImportService).importDirectory(content.dir);
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

  async function learnerIn(slug: string): Promise<TestClient> {
    const { communes } = await unitsOf(t.dataSource, '01');
    const c = await loginAs(t, (await createUser(t, { commune: communes[seq++ % communes.length]! })).phone);
    await c.post(`/api/courses/${slug}/enrolment`).expect(201);
    await c.put(`/api/courses/${slug}/lessons/01-mat-khau/completion`, {}).expect(200);
    await c.put(`/api/courses/${slug}/lessons/02-otp/completion`, {}).expect(200);
    return c;
  }
  /** Starts an attempt and hands it in, blank (fails) or right (passes); the graded payload and its later read. */
  async function attempt(c: TestClient, slug: string, right: boolean): Promise<Graded> {
    const { id } = (await c.post(`/api/courses/${slug}/quizzes/kiem-tra/attempts`).expect(201)).body as { id: string };
    const answers = right ? await correctAnswers(t.dataSource, id) : {};
    const graded = (await c.post(`/api/quiz-attempts/${id}/submission`, { answers }).expect(200)).body as Graded;
    expect((await c.get(`/api/quiz-attempts/${id}`).expect(200)).body).toEqual({ ...graded, serverNow: expect.any(String) });
    return graded;
  }
  /** No key, feedback or explanation anywhere in a hidden review. */
  const holdsNoKey = (g: Graded) => !/"correct"|"explanation"|"accepted"|"correctOrder"|"correctMatches"|"feedback"/.test(JSON.stringify(g));

  it('by default keeps the answers from a learner who failed and may retry, and shows them once passed', async () => {
    const c = await learnerIn('mac-dinh');
    const failed = await attempt(c, 'mac-dinh', false);
    expect(failed).toMatchObject({ passed: false, scorePercent: 0, answersShown: false, showAnswers: 'after_passing', results: null });
    expect(holdsNoKey(failed)).toBe(true);
    const passed = await attempt(c, 'mac-dinh', true);
    expect(passed).toMatchObject({ passed: true, answersShown: true });
    expect(passed.results).toHaveLength(7);
    expect(passed.results!.every((r) => r.explanation.startsWith('EXPL-'))).toBe(true);
  });

  it('never: not even after passing', async () => {
    const c = await learnerIn('khong-bao-gio');
    const passed = await attempt(c, 'khong-bao-gio', true);
    expect(passed).toMatchObject({ passed: true, answersShown: false, results: null });
    expect(holdsNoKey(passed)).toBe(true);
  });

  it('after the last attempt: hidden on the first failure, shown when no attempt is left', async () => {
    const c = await learnerIn('luot-cuoi');
    expect(await attempt(c, 'luot-cuoi', false)).toMatchObject({ answersShown: false, results: null });
    const last = await attempt(c, 'luot-cuoi', false);
    expect(last).toMatchObject({ passed: false, answersShown: true });
    expect(last.results!.some((r) => r.options?.some((o) => o.correct))).toBe(true);
  });

  it('always: shown even on a failure', async () => {
    const c = await learnerIn('luon-luon');
    expect(await attempt(c, 'luon-luon', false)).toMatchObject({ passed: false, answersShown: true, results: expect.any(Array) });
  });

  it('shows a GIFT question as its author formatted it, through the lesson renderer, and nothing active', async () => {
    const c = await learnerIn('dinh-dang');
    const { id, questions } = (await c.post('/api/courses/dinh-dang/quizzes/kiem-tra/attempts').expect(201)).body as {
      id: string;
      questions: { prompt: string; promptHtml?: string; options?: { text: string; html?: string }[] }[];
    };
    const gift = questions.find((q) => q.prompt.startsWith('Mã OTP'))!;
    expect(gift.prompt).toBe('Mã OTP nên được chia sẻ với ai?');
    expect(gift.promptHtml).toBe('<p>Mã OTP nên được chia sẻ với <strong>ai</strong>?</p>\n');
    expect(gift.options!.map((o) => [o.text, o.html]).sort()).toEqual([['Không ai cả', '<strong>Không ai cả</strong>'], ['Nhân viên ngân hàng', undefined]]);
    // The YAML questions beside it are plain text, as before.
    expect(questions.filter((q) => q !== gift).every((q) => q.promptHtml === undefined)).toBe(true);
    const graded = (await c.post(`/api/quiz-attempts/${id}/submission`, { answers: await correctAnswers(t.dataSource, id) }).expect(200)).body as {
      results: { prompt: string; promptHtml?: string; explanationHtml?: string }[];
    };
    const result = graded.results.find((r) => r.prompt.startsWith('Mã OTP'))!;
    expect(result.promptHtml).toBe(gift.promptHtml);
    expect(result.explanationHtml).toBe('<ul>\n<li>EXPL-gift: <em>không ai</em></li>\n</ul>\n');
    expect(JSON.stringify(graded)).not.toMatch(/<script|javascript:|<a /);
  });
});
