import type { Browser, Page } from 'playwright-core';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { type BrowserApp, expectAccessible, startBrowserApp } from '../support/browser';
import { makeContent } from '../support/content-fixture';
import { createUser, PASSWORD, unitsOf } from '../support/factories';
import type { TestApp } from '../support/test-app';

/** A course read in any order, with a picture, so that two of its lessons can be opened offline. */
const COURSE: Record<string, string> = {
  'course.yaml': `title: Đọc bài khi mất mạng
summary: Khóa học mẫu để kiểm thử việc học khi không có mạng.
targetGroups: [citizen]
competencies:
  - { code: '4.2', level: 1 }
estimatedMinutes: 15
ordering: free
lessons:
  - 01-tin-nhan-la.md
  - 02-ma-qr.md
  - 03-mat-khau.md
`,
  'lessons/01-tin-nhan-la.md': `---
title: Tin nhắn lạ
competencies: ['4.2']
estimatedMinutes: 5
---
Không bấm vào đường link trong tin nhắn lạ.

![Tin nhắn lừa đảo giả danh ngân hàng](../media/tin-nhan.svg)
`,
  'lessons/02-ma-qr.md': `---
title: Mã QR ở quầy hàng
competencies: ['4.2']
estimatedMinutes: 5
---
Xem tên người nhận trước khi chuyển tiền.
`,
  'lessons/03-mat-khau.md': `---
title: Mật khẩu
competencies: ['4.2']
estimatedMinutes: 5
---
Mỗi tài khoản một mật khẩu riêng.
`,
  'media/tin-nhan.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0b5394"/></svg>',
};

describe('learning offline in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let content: ReturnType<typeof makeContent>;
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    content = makeContent({ 'doc-offline': COURSE });
    app = await startBrowserApp({ CONTENT_DIR: content.dir }, async (started) => {
      await started.app.get(ContentImportService).importDirectory(content.dir);
    });
    ({ t, browser, base } = app);
  });
  afterAll(async () => {
    await app?.close();
    content.cleanup();
  });

  /** Signs in on a phone-sized page and lands on the course page. */
  async function signInToCourse(page: Page, phone: string) {
    await page.goto(`${base}/dang-nhap?tiep=/khoa-hoc/doc-offline`);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
  }

  /** The service worker's stored API answers for lessons (what can be read with no connection). */
  const storedLessons = (page: Page) =>
    page.evaluate(async () => (await (await caches.open('bdhvs-api')).keys()).map((r) => new URL(r.url).pathname).filter((p) => p.includes('/lessons/')).sort());

  const storedMedia = (page: Page) => page.evaluate(async () => (await (await caches.open('bdhvs-media')).keys()).length);

  /** Waits for a condition checked in the page (waitForFunction does not wait for promises). */
  async function until(check: () => Promise<boolean>, timeoutMs = 30_000) {
    const end = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > end) throw new Error('condition not met in time');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }

  it('keeps an enrolled course readable offline and sends a lesson done offline once, without a reload', async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]!, fullName: 'Lê Thị Tám' });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();

    await signInToCourse(page, user.phone);
    await page.getByRole('heading', { level: 1, name: 'Đọc bài khi mất mạng' }).waitFor();
    // The service worker has installed the app shell and controls the page.
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
    await page.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await page.getByText('Hoàn thành 0%').waitFor();
    // Enrolling stores every lesson of the course (and its picture) for reading offline.
    await until(async () => (await storedLessons(page)).length === 3 && (await storedMedia(page)) === 1);
    expect(await storedLessons(page)).toEqual(['01-tin-nhan-la', '02-ma-qr', '03-mat-khau'].map((l) => `/api/courses/doc-offline/lessons/${l}`));

    // No connection: the course page opens from the phone (a fresh load, so nothing comes from memory).
    await context.setOffline(true);
    await page.goto(`${base}/khoa-hoc/doc-offline`);
    await page.getByRole('heading', { level: 1, name: 'Đọc bài khi mất mạng' }).waitFor();
    await page.getByText(/Đang mất kết nối mạng/).waitFor();
    await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));
    await expectAccessible(page);

    await page.getByRole('link', { name: /Tin nhắn lạ/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tin nhắn lạ' }).waitFor();
    expect(await page.getByRole('img', { name: 'Tin nhắn lừa đảo giả danh ngân hàng' }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    await page.getByRole('link', { name: /Bài tiếp: Mã QR ở quầy hàng/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Mã QR ở quầy hàng' }).waitFor();
    await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await page.getByText(/Đã ghi nhận trên máy/).waitFor();
    await page.getByText(/Có 1 việc đang chờ gửi/).waitFor();
    await expectAccessible(page);

    // A page that needs the network says so, in Vietnamese, with ways back.
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Giấy xác nhận' }).click();
    await page.getByText('Bạn đang không có mạng').waitFor();
    expect(await page.getByRole('link', { name: 'Về việc học của tôi' }).isVisible()).toBe(true);
    expect(await page.textContent('body')).not.toMatch(/Unexpected Application Error|Hey developer/);
    await expectAccessible(page);
    expect(await t.dataSource.query('SELECT 1 FROM lesson_completions WHERE user_id = $1', [user.id])).toHaveLength(0);

    // Back online: the completion is sent by itself, once, and the notes clear, all in the same page.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Mã QR ở quầy hàng' }).waitFor();
    await context.setOffline(false);
    await page.getByText(/Đã có mạng trở lại: đã gửi 1 việc/).waitFor();
    await page.getByText('Bạn đã học xong bài này.').waitFor();
    expect(await page.getByText(/Đã ghi nhận trên máy/).count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    const done = (await t.dataSource.query(
      `SELECT l.slug FROM lesson_completions c JOIN lessons l ON l.id = c.lesson_id WHERE c.user_id = $1`,
      [user.id],
    )) as { slug: string }[];
    expect(done.map((r) => r.slug)).toEqual(['02-ma-qr']);
    expect(await t.dataSource.query(`SELECT 1 FROM learning_events WHERE user_id = $1 AND type = 'lesson_completed'`, [user.id])).toHaveLength(1);

    // The signed-in home offers to continue where the learner stopped; the catalogue starts with their group.
    await page.goto(`${base}/`);
    await page.getByRole('heading', { level: 2, name: 'Học tiếp' }).waitFor();
    expect(await page.getByRole('link', { name: 'Học tiếp: Tin nhắn lạ' }).getAttribute('href')).toBe('/khoa-hoc/doc-offline/bai/01-tin-nhan-la');
    await expectAccessible(page);
    await page.goto(`${base}/khoa-hoc`);
    await page.getByText('Đang hiện các khóa học dành cho nhóm Người dân.').waitFor();
    await page.getByRole('button', { name: 'Xem tất cả khóa học' }).click();
    await page.waitForURL(/targetGroup=all/);
    expect(await page.getByText('Đang hiện các khóa học dành cho nhóm Người dân.').count()).toBe(0);
    await expectAccessible(page);
    await context.close();
  });

  it("plays a lesson's audio read by the server, at the speed chosen", async () => {
    const { communes } = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: communes[0]! });
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await signInToCourse(page, user.phone);
    await page.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await page.getByRole('link', { name: /Tin nhắn lạ/ }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Tin nhắn lạ' }).waitFor();

    await page.getByRole('button', { name: 'Nghe bài học' }).click();
    const audio = page.locator('audio[aria-label="Bài học đọc thành tiếng"]');
    await audio.waitFor({ timeout: 30_000 });
    await page.getByLabel('Tốc độ đọc').selectOption({ label: '1,25 lần' });
    await audio.evaluate((el: HTMLAudioElement) => {
      el.muted = true;
      return el.play();
    });
    await page.waitForFunction(() => (document.querySelector('audio') as HTMLAudioElement).currentTime > 0.2, undefined, { timeout: 15_000 });
    expect(await audio.evaluate((el: HTMLAudioElement) => ({ rate: el.playbackRate, long: el.duration > 1 }))).toEqual({ rate: 1.25, long: true });
    await expectAccessible(page);
    await context.close();
  });
});
