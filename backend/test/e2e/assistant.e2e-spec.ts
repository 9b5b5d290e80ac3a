import type { Browser } from 'playwright-core';
import { type BrowserApp, expectAccessible, startBrowserApp } from '../support/browser';
import { createUser, PASSWORD, unitsOf } from '../support/factories';

/** Asking from a lesson on a 360-px phone, by keyboard, and following a citation to the passage. */
describe('learning assistant in the browser', () => {
  let browser: Browser;
  let base: string;
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ browser, base } = app);
  });
  afterAll(() => app.close());

  it('asks from a lesson without diacritics, gets quoted passages, follows a citation to its heading, and asks from the home page', async () => {
    const { communes } = await unitsOf(app.t.dataSource, '01');
    const user = await createUser(app.t, { commune: communes[0]!, fullName: 'Đỗ Thị Chín' });
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${base}/dang-nhap?tiep=/khoa-hoc/nhan-biet-lua-dao-truc-tuyen`);
    await page.getByLabel('Số điện thoại hoặc email').fill(user.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nhận biết và phòng tránh lừa đảo trực tuyến' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await page.getByRole('link', { name: /Bắt đầu học/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Các kịch bản lừa đảo phổ biến' }).waitFor();

    // The assistant is one disclosure below the lesson, opened and used by keyboard.
    const summary = page.getByText('Hỏi trợ lý học tập về bài này');
    await summary.focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Câu hỏi của bạn').focus();
    await page.keyboard.type('lo bam vao link la roi phai lam sao');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.getByText('Đây là các đoạn trích từ bài học của nền tảng').waitFor();
    const citations = page.locator('.citations li');
    expect(await citations.count()).toBeGreaterThanOrEqual(1);
    expect(await page.locator('.citations blockquote').first().textContent()).not.toBe('');
    await expectAccessible(page);

    // Following a citation opens the lesson at the passage: its heading is on screen and focused.
    const link = citations.first().getByRole('link');
    const href = (await link.getAttribute('href'))!;
    const anchor = href.split('#')[1]!;
    expect(anchor).toBeTruthy();
    await link.click();
    await page.waitForURL((url) => url.hash === `#${anchor}`);
    await page.locator(`[id="${anchor}"]`).waitFor();
    await page.waitForFunction((id) => document.activeElement?.id === id, anchor);
    const box = await page.locator(`[id="${anchor}"]`).boundingBox();
    expect(box!.y).toBeGreaterThan(-2);
    expect(box!.y).toBeLessThan(740);
    await expectAccessible(page);

    // The home page has it too, with "Học gì tiếp theo?" and an honest "nothing found".
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 2, name: 'Hỏi trợ lý học tập' }).waitFor();
    await page.getByLabel('Câu hỏi của bạn').fill('cach nau bun bo hue');
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await page.getByText(/Chưa có bài học nào trên nền tảng nói về điều bạn hỏi/).waitFor();
    await page.getByRole('link', { name: 'Xem danh mục khóa học' }).waitFor();
    await page.getByRole('button', { name: 'Học gì tiếp theo?' }).click();
    await page.getByText(/Bạn đang học dở khóa «Nhận biết và phòng tránh lừa đảo trực tuyến»/).waitFor();
    await page.getByLabel('Câu hỏi của bạn').fill('a'.repeat(301));
    await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
    await page.getByRole('alert').filter({ hasText: 'Câu hỏi dài quá 300 ký tự' }).waitFor();
    await expectAccessible(page);
  });

  it('shows the person their own questions at 360 px, deletes one, then all after confirming', async () => {
    const { communes } = await unitsOf(app.t.dataSource, '01');
    const user = await createUser(app.t, { commune: communes[0]!, fullName: 'Trần Văn Mười' });
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${base}/dang-nhap?tiep=/`);
    await page.getByLabel('Số điện thoại hoặc email').fill(user.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    for (const question of ['ma otp la gi', 'cach nau bun bo hue']) {
      await page.getByLabel('Câu hỏi của bạn').fill(question);
      await page.getByRole('button', { name: 'Hỏi', exact: true }).click();
      await page.getByText(`Bạn hỏi: «${question}»`).waitFor();
    }
    await page.getByRole('link', { name: 'Xem lịch sử câu hỏi của bạn' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lịch sử hỏi trợ lý học tập' }).waitFor();
    const entries = page.locator('.assistant-history > li');
    await entries.nth(1).waitFor();
    expect(await entries.first().textContent()).toContain('cach nau bun bo hue');
    expect(await entries.nth(1).locator('.citations a').count()).toBeGreaterThanOrEqual(1);
    await page.getByText(/Câu hỏi được giữ \d+ ngày rồi tự động xóa/).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await expectAccessible(page);

    await page.getByRole('button', { name: 'Xóa câu hỏi «cach nau bun bo hue»' }).click();
    await page.getByText('Đã xóa câu hỏi.').waitFor();
    expect(await entries.count()).toBe(1);
    await page.getByRole('button', { name: 'Xóa toàn bộ lịch sử' }).click();
    await page.getByText(/Bạn chắc chắn muốn xóa tất cả câu hỏi/).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Có, xóa hết' }).click();
    await page.getByText('Bạn chưa hỏi trợ lý câu nào (hoặc đã xóa hết).').waitFor();
    expect(await app.t.dataSource.query('SELECT id FROM assistant_messages WHERE user_id = $1', [user.id])).toEqual([]);
  });
});
