import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { DataSource } from 'typeorm';
import type { QuestionPayload } from '../../src/modules/content/entities/question.entity';
import type { AnswerValue, DrawnQuestion } from '../../src/modules/learning/entities/quiz-attempt.entity';
import { type BrowserApp, expectAccessible, startBrowserApp, openMenu } from '../support/browser';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import type { TestApp } from '../support/test-app';

type Question = { id: string; type: string; prompt: string; options?: { key: string; text: string }[]; left?: { key: string; text: string }[]; right?: { key: string; text: string }[] };
type AttemptView = { competencies: { code: string; name: string }[]; scale: string[]; questions: Question[] };

/** Set SCREENSHOT_DIR to keep 360-px screenshots of the result and verification pages. */
const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR;

/**
 * The right answers to a self-assessment's draw, and each question's competency, worked out from the
 * database as only the server can (the same drawn shape as quiz attempts).
 */
async function assessmentKeys(dataSource: DataSource, attemptId: string) {
  const [row]: { questions: DrawnQuestion[] }[] = await dataSource.query('SELECT questions FROM assessment_attempts WHERE id = $1', [attemptId]);
  const bank: { id: string; type: string; competency: string; payload: QuestionPayload }[] = await dataSource.query(
    'SELECT id, type, competency, payload FROM questions WHERE id = ANY($1)', [row!.questions.map((q) => q.questionId)]);
  const byId = new Map(bank.map((q) => [q.id, q]));
  const answers: Record<string, AnswerValue> = {};
  const competencyOf: Record<string, string> = {};
  for (const d of row!.questions) {
    const q = byId.get(d.questionId)!;
    competencyOf[d.questionId] = q.competency;
    const options = q.payload.options ?? [];
    const keyOf = (optionId: string) => d.options!.find((o) => o.optionId === optionId)!.key;
    if (q.type === 'ordering') answers[d.questionId] = { order: options.map((o) => keyOf(o.id)) };
    else if (q.type === 'short_text') answers[d.questionId] = { text: q.payload.accepted![0]! };
    else if (q.type === 'matching') {
      answers[d.questionId] = { matches: Object.fromEntries(d.left!.map((l) => [l.key, d.right!.find((r) => r.pair === l.pair)!.key])) };
    } else answers[d.questionId] = { choices: options.filter((o) => o.correct).map((o) => keyOf(o.id)) };
  }
  return { answers, competencyOf };
}

/** The whole page at 360 px, in screen-sized pieces that stay readable. */
async function screenshots(page: Page, name: string) {
  if (!SCREENSHOT_DIR) return;
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  for (let y = 0, i = 0; y < height; y += 1200, i++) {
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}-360-${i}.png`), fullPage: true, clip: { x: 0, y, width: 360, height: Math.min(1200, height - y) } });
  }
}

/** Waits until the condition holds (checked every 200 ms), failing after `ms`. */
async function until(condition: () => Promise<boolean>, ms = 10_000) {
  const end = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('self-assessment and completion record in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  /** Left by the first test for the second: the issued record and the people involved. */
  let issued: { code: string; adminPhone: string; learnerPhone: string } | undefined;

  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(() => app?.close());

  /** Answers one knowledge question with the keyboard only. */
  async function answer(page: Page, q: Question, number: number, value: AnswerValue) {
    const group = page.getByRole('group', { name: `Câu ${number}. ${q.prompt}`, exact: true });
    const text = (key: string, list = q.options) => list!.find((o) => o.key === key)!.text;
    if (q.type === 'short_text') await group.getByRole('textbox').pressSequentially(value.text!);
    else if (q.type === 'ordering') {
      for (const [i, key] of value.order!.entries()) {
        const current = (await group.locator('.ordering li > span:first-child').allTextContents()).indexOf(text(key));
        for (let k = current; k > i; k--) await group.getByRole('button', { name: `Đưa "${text(key)}" lên trên` }).press('Enter');
      }
    } else if (q.type === 'matching') {
      for (const [left, right] of Object.entries(value.matches!)) {
        const select = group.getByLabel(text(left, q.left), { exact: true });
        const steps = q.right!.findIndex((r) => r.key === right) + 1;
        await select.focus();
        for (let k = 0; k < steps; k++) await page.keyboard.press('ArrowDown');
      }
    } else for (const key of value.choices!) await group.getByLabel(text(key), { exact: true }).press('Space');
  }

  it('rates, answers, hands in, sees levels, chart, table and learning path, gets the record and its PDF, and anyone can verify it', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');

    // An achievable policy for citizens, set by a national administrator through the API.
    const admin = await createUser(t, { commune: communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null }, fullName: 'Lê Quản Trị' });
    const adminClient = await loginAs(t, admin.phone);
    await adminClient
      .put('/api/admin/certification-policies/citizen', {
        requiredCourses: [], minOverallScore: 50, minDomainScore: 30, requireProfileLevels: false,
        questionsPerCompetency: 2, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 0, timeLimitMinutes: null,
      })
      .expect(200);

    const learner = await createUser(t, { commune: communes[0]!, fullName: 'Nguyễn Thị Bình An', targetGroup: 'citizen' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=/tu-danh-gia`);
    await page.getByLabel('Số điện thoại hoặc email').fill(learner.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // The home page: what it is, the group, no record yet because nothing is assessed.
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá kỹ năng số' }).waitFor();
    await page.getByText('Bạn thuộc nhóm: Người dân.').waitFor();
    await page.getByText('Bạn chưa hoàn thành bài tự đánh giá.').waitFor();
    await openMenu(page);
    expect(await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Tự đánh giá' }).getAttribute('aria-current')).toBe('page');
    await expectAccessible(page);
    await screenshots(page, 'home');

    await page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
    await page.waitForURL(/\/tu-danh-gia\/[0-9a-f-]{36}$/);
    const attemptId = page.url().split('/').pop()!;
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá kỹ năng số (lần 1)' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'runner');

    const attempt = (await (await page.request.get(`${base}/api/self-assessment/attempts/${attemptId}`)).json()) as AttemptView;
    expect(attempt.competencies.length).toBeGreaterThanOrEqual(5);
    expect(attempt.questions.length).toBe(attempt.competencies.length * 2);
    const { answers, competencyOf } = await assessmentKeys(t.dataSource, attemptId);

    // Handing in with nothing rated: the problems are listed, focused, and each links to its question.
    await page.getByRole('button', { name: 'Nộp bài tự đánh giá' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các lỗi sau:' });
    await summary.waitFor();
    expect(await summary.getByRole('link').count()).toBe(attempt.competencies.length);
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    const first = attempt.competencies[0]!;
    await summary.getByRole('link', { name: `Chưa chọn mức cho năng lực “${first.name}”.` }).click();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('FIELDSET');
    expect(await page.getByRole('group', { name: first.name, exact: true }).getByText('Hãy chọn một mức cho năng lực này.').isVisible()).toBe(true);

    // One competency stays weak: rated "Chưa biết làm" and its questions left alone.
    // Chosen in a domain with another competency (so the domain stays above the policy's minimum) and
    // without an ordering question (sent as shown, it could be right by chance).
    const domainOf = (code: string) => code.split('.')[0];
    const candidates = attempt.competencies.filter((c) => attempt.competencies.some((o) => o.code !== c.code && domainOf(o.code) === domainOf(c.code)));
    const weak = candidates.find((c) => attempt.questions.every((q) => competencyOf[q.id] !== c.code || q.type !== 'ordering')) ?? candidates[0]!;
    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/self-assessment/attempts/${attemptId}/answers`) && r.request().method() === 'PUT' && r.status() === 204);
    for (const [i, c] of attempt.competencies.entries()) {
      const group = page.getByRole('group', { name: c.name, exact: true });
      if (c.code === weak.code) {
        await group.getByRole('radio').first().focus();
        await page.keyboard.press('Space');
      } else if (i % 2 === 0) {
        // Keyboard: the first option, then arrows down to "Làm thành thạo".
        await group.getByRole('radio').first().focus();
        for (let k = 0; k < 3; k++) await page.keyboard.press('ArrowDown');
      } else await group.getByLabel('Làm thành thạo').check();
      expect(await group.getByLabel(c.code === weak.code ? 'Chưa biết làm' : 'Làm thành thạo').isChecked()).toBe(true);
    }
    await expect(summary.isVisible()).resolves.toBe(false);
    await page.getByText(`Đã chọn mức cho ${attempt.competencies.length}/${attempt.competencies.length} năng lực, đã trả lời 0/${attempt.questions.length} câu hỏi.`).first().waitFor();

    // Saved on the server as the learner goes: a reload keeps the ratings.
    await saved;
    await until(async () => {
      const [row]: { ratings: object }[] = await t.dataSource.query('SELECT ratings FROM assessment_attempts WHERE id = $1', [attemptId]);
      return Object.keys(row!.ratings).length === attempt.competencies.length;
    });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá kỹ năng số (lần 1)' }).waitFor();
    expect(await page.getByRole('group', { name: weak.name, exact: true }).getByLabel('Chưa biết làm').isChecked()).toBe(true);

    for (const [i, q] of attempt.questions.entries()) {
      if (competencyOf[q.id] !== weak.code) await answer(page, q, i + 1, answers[q.id]!);
    }
    const answeredCount = attempt.questions.filter((q) => competencyOf[q.id] !== weak.code).length;
    await page.getByText(new RegExp(`đã trả lời ${answeredCount}/${attempt.questions.length} câu hỏi`)).first().waitFor();
    await page.getByRole('button', { name: 'Nộp bài tự đánh giá' }).press('Enter');

    // The result: levels, the chart, the same data as a table, the learning path.
    await page.getByRole('heading', { level: 1, name: 'Kết quả tự đánh giá (lần 1)' }).waitFor();
    await page.getByText(/^Mức chung của bạn: /).waitFor();
    const chart = page.getByRole('img', { name: /^Biểu đồ điểm từng năng lực/ });
    expect(await chart.getAttribute('aria-label')).toContain(`${attempt.competencies.length - 1}/${attempt.competencies.length} năng lực đạt mức tối thiểu`);
    expect(await chart.locator('rect.chart-bar').count()).toBe(attempt.competencies.length);
    expect(await chart.locator('rect.chart-bar.unmet').count()).toBe(1);
    const table = page.getByRole('table', { name: 'Kết quả từng năng lực' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Năng lực', 'Tự đánh giá', 'Câu hỏi đúng', 'Điểm', 'Bậc đạt', 'Bậc tối thiểu', 'Đạt?']);
    expect(await table.locator('tbody tr').count()).toBe(attempt.competencies.length);
    const weakRow = table.locator('tbody tr').filter({ has: page.getByRole('rowheader', { name: weak.name, exact: true }) });
    expect(await weakRow.locator('td').allTextContents()).toEqual(['Chưa biết làm', '0%', '0/100', 'Chưa đạt bậc 1', 'Cơ bản 1', '✗ Chưa đạt']);
    const strongRow = table.locator('tbody tr').filter({ hasNot: page.getByRole('rowheader', { name: weak.name, exact: true }) }).first();
    expect(await strongRow.locator('td').first().textContent()).toBe('Làm thành thạo');
    expect(await strongRow.locator('td').nth(1).textContent()).toBe('100%');
    expect(await strongRow.locator('td').last().textContent()).toBe('✓ Đạt');

    const learningPath = page.getByRole('region', { name: 'Lộ trình học tập gợi ý' });
    await learningPath.getByRole('heading', { level: 3, name: weak.name }).waitFor();
    const courseLinks = learningPath.getByRole('link');
    expect(await courseLinks.count()).toBeGreaterThanOrEqual(1);
    expect(await courseLinks.first().getAttribute('href')).toMatch(/^\/khoa-hoc\/[a-z0-9-]+$/);
    expect(await learningPath.getByText('Chưa đăng ký').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('heading', { level: 2, name: 'Xem lại câu hỏi kiến thức' }).waitFor();
    expect(await page.locator('.results > li.right').count()).toBe(answeredCount);

    // The record, issued by the background job a moment after handing in.
    await page.getByText('Bạn đã được cấp giấy xác nhận.').waitFor({ timeout: 20_000 });
    const code = (await page.locator('.cert-box .record-code').textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const pdfLink = page.getByRole('link', { name: 'Tải giấy xác nhận (PDF)' });
    await pdfLink.waitFor({ timeout: 20_000 });
    await expectAccessible(page);
    await screenshots(page, 'result');
    // The largest text size still fits the phone, the chart's text grown with it.
    const chartText = () => chart.locator('.chart-label').first().evaluate((el) => el.getBoundingClientRect().height);
    const normalHeight = await chartText();
    await openMenu(page);
    await page.getByRole('button', { name: 'Chữ rất to' }).click();
    await page.waitForFunction(() => getComputedStyle(document.documentElement).fontSize === '24px');
    expect(await chartText()).toBeGreaterThan(normalHeight * 1.25);
    await expectAccessible(page);
    await screenshots(page, 'result-xlarge');
    await page.getByRole('button', { name: 'Chữ thường' }).click();

    const [pdf] = await Promise.all([page.waitForEvent('download'), pdfLink.click()]);
    expect(pdf.suggestedFilename()).toBe(`xac-nhan-ky-nang-so-${code}.pdf`);
    const pdfBytes = readFileSync((await pdf.path())!);
    expect(pdfBytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(pdfBytes.length).toBeGreaterThan(10_000);

    // The signed credential is for organisations that verify, behind a plain-language fold.
    await page.getByText('Dành cho tổ chức xác minh').first().click();
    const [credential] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải chứng chỉ số (Open Badges)' }).click()]);
    expect(credential.suggestedFilename()).toBe(`chung-chi-so-${code}.jwt`);
    const jwt = readFileSync((await credential.path())!, 'utf8');
    expect(jwt.split('.')).toHaveLength(3);

    // "Giấy xác nhận của tôi" lists it, valid.
    await openMenu(page);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Giấy xác nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Giấy xác nhận của tôi' }).waitFor();
    await page.getByText('✓ Còn hiệu lực').waitFor();
    expect(await page.locator('.record-card .record-code').textContent()).toBe(code);
    await page.getByRole('link', { name: 'Tải giấy xác nhận (PDF)' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'records');

    // The verification page from the record: valid, with the masked name only.
    await page.getByRole('link', { name: 'Xem trang xác minh' }).click();
    await page.waitForURL(`${base}/verify/${code}`);
    await page.locator('.verify-result.valid').getByText('Hợp lệ', { exact: true }).waitFor();
    expect(await page.getByText('N***** T** B*** An').isVisible()).toBe(true);
    expect(await page.content()).not.toContain('Nguyễn Thị Bình An');
    await expectAccessible(page);
    await context.close();

    // Signed out: anyone checks the code as typed from paper (lower case, spaces), and a mistyped one is not found.
    const publicContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const visitor = await publicContext.newPage();
    await visitor.goto(`${base}/verify`);
    await visitor.getByRole('heading', { level: 1, name: 'Xác minh giấy xác nhận' }).waitFor();
    await openMenu(visitor);
    expect(await visitor.getByRole('link', { name: 'Đăng nhập' }).isVisible()).toBe(true);
    await visitor.getByLabel('Mã xác nhận').fill(code.toLowerCase().replace(/-/g, ' '));
    await visitor.getByLabel('Mã xác nhận').press('Enter');
    await visitor.waitForURL(`${base}/verify/${code}`);
    const status = visitor.locator('.verify-result.valid .verify-status');
    await status.waitFor();
    expect(await status.textContent()).toBe('Hợp lệ');
    expect(await visitor.getByText('N***** T** B*** An').isVisible()).toBe(true);
    expect(await visitor.getByText('Người dân', { exact: true }).isVisible()).toBe(true);
    await expectAccessible(visitor);
    await screenshots(visitor, 'verify');

    // The signed credential pasted in (under the fold for organisations that verify): valid.
    await visitor.getByRole('heading', { level: 2, name: 'Kiểm tra chứng chỉ số' }).click();
    await visitor.getByLabel('Nội dung chứng chỉ số').fill(jwt);
    await visitor.getByRole('button', { name: 'Kiểm tra chứng chỉ số' }).click();
    await visitor.getByText('Hợp lệ: chứng chỉ số có chữ ký của nền tảng và chưa bị thu hồi.').waitFor();
    // …and one with a character changed in the signature: not valid.
    const tampered = jwt.slice(0, -2) + (jwt.at(-2) === 'A' ? 'B' : 'A') + jwt.at(-1);
    await visitor.getByLabel('Nội dung chứng chỉ số').fill(tampered);
    await visitor.getByRole('button', { name: 'Kiểm tra chứng chỉ số' }).click();
    await visitor.getByText(/^Không hợp lệ: chữ ký không đúng/).waitFor();
    await expectAccessible(visitor);

    const last = code.at(-1) === '0' ? '1' : '0';
    const mistyped = code.slice(0, -1) + last;
    await visitor.getByLabel('Mã xác nhận').fill(mistyped);
    await visitor.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await visitor.waitForURL(`${base}/verify/${mistyped}`);
    await visitor.getByText('Không tìm thấy mã này').waitFor();
    expect(await visitor.locator('.verify-result.valid').count()).toBe(0);
    await expectAccessible(visitor);

    // English, the second language, is fetched when chosen and kept for the next visit.
    await openMenu(visitor);
    await visitor.getByRole('button', { name: 'English' }).click();
    await visitor.getByText('No confirmation has this code').waitFor();
    await visitor.goto(`${base}/verify/${code}`);
    await visitor.getByRole('heading', { level: 1, name: 'Verify a confirmation' }).waitFor();
    await visitor.locator('.verify-result.valid').getByText('Valid', { exact: true }).waitFor();
    expect(await visitor.evaluate(() => document.documentElement.lang)).toBe('en');
    await publicContext.close();

    // One record, one submitted attempt, as the server sees it.
    expect(await t.dataSource.query('SELECT code FROM completion_records WHERE user_id = $1', [learner.id])).toEqual([{ code }]);
    expect(await t.dataSource.query(`SELECT status FROM assessment_attempts WHERE user_id = $1`, [learner.id])).toEqual([{ status: 'submitted' }]);
    issued = { code, adminPhone: admin.phone, learnerPhone: learner.phone };
  });

  it('lets a national administrator read and check the policy, revoke the record with a reason, and the public page then says so', async () => {
    expect(issued).toBeDefined();
    const { code, adminPhone, learnerPhone } = issued!;
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=/quan-tri/chinh-sach-xac-nhan`);
    await page.getByLabel('Số điện thoại hoặc email').fill(adminPhone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();

    // The policy set through the API, shown for citizens; an out-of-range value is refused in Vietnamese.
    await page.getByRole('heading', { level: 1, name: 'Chính sách cấp giấy xác nhận' }).waitFor();
    expect(await page.getByLabel('Nhóm đối tượng').inputValue()).toBe('citizen');
    expect(await page.getByLabel('Điểm chung tối thiểu (0–100)').inputValue()).toBe('50');
    expect(await page.getByLabel('Điểm tối thiểu của mỗi lĩnh vực (0–100)').inputValue()).toBe('30');
    expect(await page.getByLabel('Số lần làm tối đa').inputValue()).toBe('');
    await expectAccessible(page);
    await page.getByLabel('Điểm chung tối thiểu (0–100)').fill('150');
    await page.getByRole('button', { name: 'Lưu chính sách' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các lỗi sau:' });
    await summary.getByRole('link', { name: 'Điểm chung tối thiểu (0–100): nhập số nguyên từ 0 đến 100.' }).waitFor();
    await expectAccessible(page);
    await screenshots(page, 'admin-policy');
    await page.getByLabel('Điểm chung tối thiểu (0–100)').fill('55');
    await page.getByRole('button', { name: 'Lưu chính sách' }).click();
    await page.getByText('Đã lưu chính sách cho nhóm Người dân.').waitFor();
    expect(await t.dataSource.query(`SELECT min_overall_score FROM certification_policies WHERE target_group = 'citizen'`)).toEqual([{ min_overall_score: 55 }]);

    // The record, found by its code and revoked; a reason is required.
    await openMenu(page);
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).getByRole('link', { name: 'Quản lý giấy xác nhận' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý giấy xác nhận' }).waitFor();
    await page.getByLabel('Tìm theo mã xác nhận').fill(code.toLowerCase());
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Có 1 giấy xác nhận.').waitFor();
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([code]);
    expect(await page.getByRole('cell', { name: 'Nguyễn Thị Bình An' }).count()).toBe(1);
    await expectAccessible(page);
    await page.getByRole('button', { name: `Thu hồi giấy xác nhận ${code}` }).click();
    await page.getByRole('heading', { level: 2, name: `Thu hồi giấy xác nhận ${code}` }).waitFor();
    await page.getByLabel(/^Lý do/).fill('sai');
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await page.getByText('Vui lòng nhập lý do từ 5 đến 500 ký tự.').waitFor();
    await expectAccessible(page);
    await screenshots(page, 'admin-records');
    await page.getByLabel(/^Lý do/).fill('Cấp nhầm người trong buổi thử nghiệm');
    await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await page.getByText(`Đã thu hồi giấy xác nhận ${code}.`).waitFor();
    await page.getByText('Cấp nhầm người trong buổi thử nghiệm').waitFor();
    await context.close();

    // The public page and the learner's own list now say it is revoked.
    const publicContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const visitor = await publicContext.newPage();
    await visitor.goto(`${base}/verify/${code}`);
    const status = visitor.locator('.verify-result.revoked .verify-status');
    await status.waitFor();
    expect(await status.textContent()).toMatch(/^Đã thu hồi ngày \d{1,2} tháng \d{1,2}, \d{4}$/);
    await expectAccessible(visitor);
    await publicContext.close();

    const learnerContext = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const learnerPage = await learnerContext.newPage();
    await learnerPage.goto(`${base}/dang-nhap?tiep=/chung-nhan`);
    await learnerPage.getByLabel('Số điện thoại hoặc email').fill(learnerPhone);
    await learnerPage.getByLabel('Mật khẩu').fill(PASSWORD);
    await learnerPage.getByRole('button', { name: 'Đăng nhập' }).click();
    await learnerPage.getByRole('heading', { level: 1, name: 'Giấy xác nhận của tôi' }).waitFor();
    await learnerPage.getByText(/^✗ Đã thu hồi ngày/).waitFor();
    await learnerPage.getByText('Lý do: Cấp nhầm người trong buổi thử nghiệm').waitFor();
    expect(await learnerPage.getByRole('button', { name: 'Tải chứng chỉ số (Open Badges)' }).count()).toBe(0);
    expect(await learnerPage.getByRole('link', { name: 'Tải giấy xác nhận (PDF)' }).count()).toBe(0);
    expect(await learnerPage.getByRole('link', { name: 'Xem trang xác minh' }).getAttribute('href')).toBe(`/verify/${code}`);
    await expectAccessible(learnerPage);
    await learnerContext.close();
  });

  it('keeps a self-assessment handed in offline and hands it in once when the connection returns', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const admin = await createUser(t, { commune: communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } });
    await (await loginAs(t, admin.phone))
      .put('/api/admin/certification-policies/citizen', {
        requiredCourses: [], minOverallScore: 55, minDomainScore: 30, requireProfileLevels: false,
        questionsPerCompetency: 2, selfRatingWeight: 30, maxAttempts: null, cooldownHours: 1, timeLimitMinutes: null,
      })
      .expect(200);
    const learner = await createUser(t, { commune: communes[1]!, fullName: 'Phạm Văn Cường', targetGroup: 'citizen' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=/tu-danh-gia`);
    await page.getByLabel('Số điện thoại hoặc email').fill(learner.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('button', { name: 'Bắt đầu tự đánh giá' }).click();
    await page.waitForURL(/\/tu-danh-gia\/[0-9a-f-]{36}$/);
    const attemptId = page.url().split('/').pop()!;
    const attempt = (await (await page.request.get(`${base}/api/self-assessment/attempts/${attemptId}`)).json()) as AttemptView;
    for (const c of attempt.competencies) await page.getByRole('group', { name: c.name, exact: true }).getByLabel('Tự làm được').check();

    await context.setOffline(true);
    await page.getByText(/Đang mất kết nối mạng/).waitFor();
    await page.getByRole('button', { name: 'Nộp bài tự đánh giá' }).click();
    await page.getByText('Bài tự đánh giá đã được lưu trên máy. Khi có mạng, bài sẽ tự động được nộp và chấm.').waitFor();
    expect(await t.dataSource.query('SELECT status FROM assessment_attempts WHERE id = $1', [attemptId])).toEqual([{ status: 'in_progress' }]);

    await context.setOffline(false);
    await page.getByText(/Đã có mạng trở lại: đã gửi 1 việc/).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Kết quả tự đánh giá (lần 1)' }).waitFor();
    const [row]: { status: string; idempotency_key: string | null; ratings: Record<string, number> }[] = await t.dataSource.query(
      'SELECT status, idempotency_key, ratings FROM assessment_attempts WHERE id = $1', [attemptId]);
    expect(row!.status).toBe('submitted');
    expect(row!.idempotency_key).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.values(row!.ratings)).toEqual(attempt.competencies.map(() => 2));

    // Self-rated "Tự làm được" without answering: 15 points, below the policy, said in plain words.
    await page.getByText('Mức chung của bạn: Chưa đạt bậc 1').waitFor();
    await page.getByText('Điểm chung của bạn là 15/100, cần đạt 55.').waitFor();
    const claimed = page.waitForResponse((r) => r.url().endsWith('/api/certification/claim') && r.status() === 200);
    await page.getByRole('button', { name: 'Kiểm tra lại' }).click();
    await claimed;
    await page.getByText('Điểm chung của bạn là 15/100, cần đạt 55.').waitFor();
    expect(await page.getByRole('region', { name: 'Lộ trình học tập gợi ý' }).getByRole('heading', { level: 3 }).count()).toBe(attempt.competencies.length);
    await expectAccessible(page);
    expect(await t.dataSource.query('SELECT 1 FROM completion_records WHERE user_id = $1', [learner.id])).toEqual([]);

    // Back on the home page: the attempt with its level, and the one-hour wait counted down before the next.
    await page.getByRole('link', { name: 'Về trang tự đánh giá' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tự đánh giá kỹ năng số' }).waitFor();
    const wait = page.getByText(/^Bạn có thể tự đánh giá lại sau \d{2}:\d{2}\.$/);
    const before = await wait.textContent();
    await page.waitForFunction((text) => !document.body.textContent!.includes(text!), before);
    expect(await wait.textContent()).not.toBe(before);
    expect(await page.getByRole('button', { name: 'Tự đánh giá lại' }).isDisabled()).toBe(true);
    expect(await page.locator('.attempt-list li').allTextContents()).toEqual([expect.stringMatching(/^Lần 1 \(.+\) — Chưa đạt bậc 1, 15\/100 điểm$/)]);
    await expectAccessible(page);
    await context.close();
  });
});
