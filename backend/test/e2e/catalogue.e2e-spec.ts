import type { Browser } from 'playwright-core';
import { axeViolations, type BrowserApp, startBrowserApp } from '../support/browser';

/** The shipped catalogue in the browser: search without diacritics, filters, a course page. */
describe('course catalogue in the browser', () => {
  let browser: Browser;
  let base: string;
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ browser, base } = app);
  });
  afterAll(() => app?.close());

  it('finds courses with or without diacritics, filters by group and competency, and opens a course', async () => {
    const page = await (await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${base}/khoa-hoc`);
    await page.getByRole('heading', { level: 1, name: 'Khóa học' }).waitFor();
    const titles = () => page.locator('.course-card h2').allTextContents();
    await page.locator('.course-card').first().waitFor();
    const all = await titles();
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Tìm khóa học').fill('lua dao');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=lua/);
    await page.getByRole('status').filter({ hasText: /Tìm thấy 1 khóa học/ }).waitFor();
    expect(await titles()).toEqual(['Nhận biết và phòng tránh lừa đảo trực tuyến']);
    await page.getByLabel('Tìm khóa học').fill('Lừa Đảo');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/q=L/);
    expect(await titles()).toEqual(['Nhận biết và phòng tránh lừa đảo trực tuyến']);

    await page.getByLabel('Tìm khóa học').fill('');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByText('Lọc theo nhóm, lĩnh vực, năng lực, bậc').click();
    await page.getByLabel('Dành cho').selectOption({ label: 'Người lao động trong doanh nghiệp, hợp tác xã' });
    await page.waitForURL(/targetGroup=worker/);
    await page.waitForFunction((n) => document.querySelectorAll('.course-card').length < n, all.length);
    const forWorkers = await titles();
    expect(forWorkers).toContain('Thanh toán số an toàn và mã QR');
    expect(forWorkers).not.toContain('Làm quen với điện thoại thông minh');
    await page.getByLabel('Năng lực thành phần').selectOption('6.2');
    await page.waitForURL(/competency=6\.2/);
    await page.waitForFunction(() => document.querySelectorAll('.course-card').length === 1);
    expect(await titles()).toEqual(['Dùng trợ lý trí tuệ nhân tạo an toàn và có phản biện']);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Dùng trợ lý trí tuệ nhân tạo an toàn và có phản biện' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dùng trợ lý trí tuệ nhân tạo an toàn và có phản biện' }).waitFor();
    expect(await page.locator('.syllabus li').count()).toBe(6);
    expect(await page.textContent('main')).toContain('6.2 Sử dụng trí tuệ nhân tạo (có đạo đức, trách nhiệm)');
    expect(await axeViolations(page)).toEqual([]);
  });
});
