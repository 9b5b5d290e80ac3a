import type { Browser, Page } from 'playwright-core';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import type { AnswerValue } from '../../src/modules/learning/entities/quiz-attempt.entity';
import { type BrowserApp, expectAccessible, startBrowserApp, openMenu } from '../support/browser';
import { LEARNING_COURSE, makeContent } from '../support/content-fixture';
import { createUser, PASSWORD, unitsOf } from '../support/factories';
import { correctAnswers } from '../support/quiz-answers';
import type { TestApp } from '../support/test-app';

type Question = { id: string; type: string; prompt: string; options?: { key: string; text: string }[]; left?: { key: string; text: string }[]; right?: { key: string; text: string }[] };

/**
 * The fixture course with a three-second cooldown, so the learner can retry within the test, and two
 * more Moodle questions drawn every time: a numerical one and a matching one with a distractor.
 */
const COURSE = {
  ...LEARNING_COURSE,
  'course.yaml': LEARNING_COURSE['course.yaml']!.replace('cooldownMinutes: 1', 'cooldownMinutes: 0.05').replace("{ competency: '2.1', count: 1 }", "{ competency: '2.1', count: 3 }"),
  'questions/them.gift': `${LEARNING_COURSE['questions/them.gift']}
::q-so:: Mã OTP trong tin nhắn "Mã của bạn là 482915" có mấy chữ số? {#6 #Đúng. ~#Hãy đếm lại từng chữ số. ####Đếm từng chữ số.}

::q-ghep:: Ghép ứng dụng với việc {
  =VNeID -> Định danh điện tử
  =Cổng Dịch vụ công -> Nộp hồ sơ trực tuyến
  = -> Nhắn tin
  ####Mỗi ứng dụng một việc.
}
`,
};

describe('learner journey in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let content: ReturnType<typeof makeContent>;
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    content = makeContent({ 'hoc-thu': COURSE });
    app = await startBrowserApp({ CONTENT_DIR: content.dir }, async (started) => {
      await started.app.get(ContentImportService).importDirectory(content.dir);
    });
    ({ t, browser, base } = app);
  });
  afterAll(async () => {
    await app?.close();
    content.cleanup();
  });

  /** Answers the open attempt right, with the keyboard only. */
  async function answerWithKeyboard(page: Page, attemptId: string) {
    const attempt = (await (await page.request.get(`${base}/api/quiz-attempts/${attemptId}`)).json()) as { questions: Question[] };
    const answers = await correctAnswers(t.dataSource, attemptId);
    for (const q of attempt.questions) {
      const group = page.getByRole('group', { name: q.prompt });
      const answer: AnswerValue = answers[q.id]!;
      const text = (key: string, list = q.options) => list!.find((o) => o.key === key)!.text;
      if (q.type === 'short_text' || q.type === 'numerical') await group.getByRole('textbox').pressSequentially(answer.text!.trim());
      else if (q.type === 'ordering') {
        for (const [i, key] of answer.order!.entries()) {
          const current = (await group.locator('.ordering li > span:first-child').allTextContents()).indexOf(text(key));
          for (let k = current; k > i; k--) await group.getByRole('button', { name: `Đưa "${text(key)}" lên trên` }).press('Enter');
        }
      } else if (q.type === 'matching') {
        for (const [left, right] of Object.entries(answer.matches!)) {
          const select = group.getByLabel(text(left, q.left));
          const steps = q.right!.findIndex((r) => r.key === right) + 1;
          await select.focus();
          for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowDown');
        }
      } else for (const key of answer.choices!) await group.getByLabel(text(key), { exact: true }).press('Space');
    }
    await page.getByRole('button', { name: 'Nộp bài' }).press('Enter');
  }

  it('enrols, learns, fails and retries a quiz, passes, finishes a lesson offline, and the server has each step once', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]!, fullName: 'Trần Văn Bảy' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();

    await page.goto(`${base}/dang-nhap?tiep=/khoa-hoc/hoc-thu`);
    await page.getByLabel('Số điện thoại hoặc email').fill(user.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Học thử an toàn số' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await page.getByText('Hoàn thành 0%').waitFor();
    await expectAccessible(page);

    // Two lessons, read and marked done.
    await page.getByRole('link', { name: 'Bắt đầu học: Mật khẩu mạnh' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mật khẩu mạnh' }).waitFor();
    expect(await page.getByRole('img', { name: 'Ô nhập mật khẩu trên điện thoại' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await page.getByText('Bạn đã học xong bài này.').waitFor();
    await page.getByRole('link', { name: /Bài tiếp: Giữ mã OTP/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Giữ mã OTP' }).waitFor();
    expect(await page.locator('video track[kind="captions"]').getAttribute('src')).toBe('/api/courses/hoc-thu/media/otp.vtt');
    const transcript = page.getByText('Mã OTP là chìa khóa của giao dịch. Không đọc mã cho ai.');
    expect(await transcript.isVisible()).toBe(false);
    await page.getByText('Xem lời thoại của video').click();
    await transcript.waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await page.getByText('Bạn đã học xong bài này.').waitFor();

    // The quiz: a failed attempt, the cooldown, then a pass done with the keyboard.
    await page.goto(`${base}/khoa-hoc/hoc-thu`);
    await page.getByRole('link', { name: 'Bài kiểm tra' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bài kiểm tra' }).waitFor();
    await expectAccessible(page);
    // The start's answer is the attempt page: no quiz request but the start before the page shows (one request per learner at an exam's start).
    const quizRequests: string[] = [];
    const onRequest = (r: { method(): string; url(): string }) => {
      const path = new URL(r.url()).pathname;
      if (/^\/api\/(quiz-attempts|courses\/[^/]+\/quizzes)\//.test(path)) quizRequests.push(`${r.method()} ${path.replace(/[^/]+$/, '…')}`);
    };
    page.on('request', onRequest);
    await page.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await page.waitForURL(/\/bai-kiem-tra\//);
    await page.getByRole('button', { name: 'Nộp bài' }).waitFor();
    page.off('request', onRequest);
    expect(quizRequests).toEqual([expect.stringMatching(/^POST \/api\/courses\/hoc-thu\/quizzes\/[^/]+\/…$/)]);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nộp bài' }).click();
    await page.getByText('Điểm của bạn: 0%').waitFor();
    await page.getByText(/Bạn chưa đạt/).waitFor();
    // The result heading has focus and is in view: the button pressed was at the bottom of the form.
    expect(await page.evaluate(() => document.activeElement?.tagName === 'H1' && /^Kết quả/.test(document.activeElement.textContent ?? ''))).toBe(true);
    expect(await page.evaluate(() => document.querySelector('h1')!.getBoundingClientRect().top >= 0 && document.querySelector('h1')!.getBoundingClientRect().top < 200)).toBe(true);
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Về trang bài kiểm tra' }).click();
    await page.getByText(/Bạn có thể làm lại sau/).waitFor();
    const retry = page.getByRole('button', { name: 'Làm lại' });
    expect(await retry.isDisabled()).toBe(true);
    await page.waitForFunction(() => !document.querySelector<HTMLButtonElement>('.actions .button.primary')?.disabled, undefined, { timeout: 15_000 });
    await retry.press('Enter');
    await page.waitForURL(/\/bai-kiem-tra\//);
    const attemptId = page.url().split('/').pop()!;
    await page.getByRole('button', { name: 'Nộp bài' }).waitFor();
    await answerWithKeyboard(page, attemptId);
    await page.getByText('Điểm của bạn: 100%').waitFor();
    await page.getByText('Bạn đã đạt. Xin chúc mừng!').waitFor();
    await expectAccessible(page);

    // Offline in the middle of a lesson: the completion waits in the browser, then goes once.
    await page.goto(`${base}/khoa-hoc/hoc-thu/bai/03-doc-them`);
    await page.getByRole('heading', { level: 1, name: 'Đọc thêm' }).waitFor();
    await context.setOffline(true);
    await page.getByText(/Đang mất kết nối mạng/).waitFor();
    await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await page.getByText(/Đã ghi nhận trên máy/).waitFor();
    expect(await t.dataSource.query('SELECT 1 FROM lesson_completions WHERE user_id = $1', [user.id])).toHaveLength(2);
    await context.setOffline(false);
    await page.getByText(/Đã có mạng trở lại: đã gửi 1 việc/).waitFor();

    const counts = Object.fromEntries(
      ((await t.dataSource.query('SELECT type, count(*)::int AS n FROM learning_events WHERE user_id = $1 GROUP BY type', [user.id])) as { type: string; n: number }[]).map((r) => [r.type, r.n]),
    );
    expect(counts).toEqual({ enrolled: 1, lesson_completed: 3, quiz_started: 2, quiz_submitted: 2, course_completed: 1 });
    expect(await t.dataSource.query('SELECT 1 FROM lesson_completions WHERE user_id = $1', [user.id])).toHaveLength(3);
    expect(await t.dataSource.query('SELECT 1 FROM quiz_attempts WHERE user_id = $1', [user.id])).toHaveLength(2);

    await page.goto(`${base}/hoc-tap`);
    await page.getByText('Chúc mừng! Bạn đã hoàn thành khóa học này.').waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('keeps the text size chosen for older eyes across visits', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/khoa-hoc`);
    await openMenu(page);
    await page.getByRole('button', { name: 'Chữ rất to' }).click();
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('24px');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Khóa học' }).waitFor();
    expect(await rootSize()).toBe('24px');
    await expectAccessible(page);
    await context.close();
  });
});
