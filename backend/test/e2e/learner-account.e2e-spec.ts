import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, type BrowserApp, startBrowserApp, openMenu } from '../support/browser';
import { createUser, PASSWORD, unitsOf } from '../support/factories';
import type { TestApp } from '../support/test-app';

/** The built web app against the real API, in Debian's Chromium on a 360-px-wide phone screen. */
describe('a citizen registers, signs in and manages their profile in the browser', () => {
  let t: TestApp;
  let browser: Browser;
  let base: string;
  let app: BrowserApp | undefined;

  beforeAll(async () => {
    app = await startBrowserApp();
    ({ t, browser, base } = app);
  });
  afterAll(() => app?.close());

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', acceptDownloads: true });
    return context.newPage();
  };

  it('register → profile → logout → login → edit → download my data, accessible on every page', async () => {
    const page = await newPage();
    await page.goto(`${base}/dang-ky`);
    await page.getByRole('heading', { level: 1, name: 'Đăng ký tài khoản' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    expect(await axeViolations(page)).toEqual([]);

    // Submitting nothing shows the problems, in Vietnamese, and the page stays accessible.
    await page.getByRole('button', { name: 'Đăng ký' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Vui lòng sửa các lỗi sau' });
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Vui lòng nhập họ và tên');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('Số điện thoại di động').fill('0987 654 321');
    await page.getByLabel('Mật khẩu *').fill('Hoc-so-cung-chau-1');
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mai');
    await page.getByLabel('Năm sinh').fill('1954');
    await page.getByRole('radio', { name: 'Người dân' }).check();
    await page.getByLabel('Tỉnh, thành phố').selectOption({ label: 'Thành phố Hà Nội' });
    const commune = page.getByLabel('Xã, phường, đặc khu');
    await page.waitForFunction(() => ((document.querySelector('#unitId') as HTMLSelectElement | null)?.options.length ?? 0) > 1);
    await commune.selectOption({ index: 1 });
    await page.getByRole('checkbox', { name: /đồng ý/ }).check();
    await page.getByRole('button', { name: 'Đăng ký' }).click();

    // Registered: the start page suggests where to begin, the self-assessment of their group first.
    await page.getByRole('heading', { level: 1, name: 'Xin chào, Nguyễn Thị Mai!' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Chào mừng bạn! Nên bắt đầu từ đâu?' }).waitFor();
    expect(await page.getByRole('link', { name: 'Tự đánh giá kỹ năng số' }).first().getAttribute('href')).toBe('/tu-danh-gia');
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('main').getByRole('link', { name: 'Hồ sơ của tôi' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();
    expect(page.url()).toBe(`${base}/ho-so`);
    expect(await page.textContent('main')).toContain('Nguyễn Thị Mai');
    expect(await axeViolations(page)).toEqual([]);

    await openMenu(page);
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await page.getByRole('button', { name: 'Đăng xuất' }).waitFor({ state: 'detached' });
    // Signed out on a page that needs an account: the sign-in page (then the menu's link to it).
    await page.waitForURL(/\/dang-nhap\?tiep=/);
    await openMenu(page);
    await page.getByRole('link', { name: 'Đăng nhập' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('Số điện thoại hoặc email').fill('0987654321');
    await page.getByLabel('Mật khẩu').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('alert').filter({ hasText: 'mật khẩu không đúng' }).waitFor();
    await page.getByLabel('Mật khẩu').fill('Hoc-so-cung-chau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Hồ sơ của tôi' }).waitFor();

    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Mai Anh');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Lưu thay đổi' }).click();
    await page.getByRole('status').filter({ hasText: 'Đã lưu thông tin.' }).waitFor();
    expect(await page.textContent('main')).toContain('Nguyễn Thị Mai Anh');

    await page.getByRole('button', { name: 'Tải dữ liệu của tôi' }).click();
    const link = page.getByRole('link', { name: 'Tải tệp dữ liệu (JSON)' });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(data.profile).toMatchObject({ fullName: 'Nguyễn Thị Mai Anh', phone: '0987654321', birthYear: 1954 });
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a province administrator sees only the province’s learners', async () => {
    const hanoi = await unitsOf(t.dataSource, '01');
    const hue = await unitsOf(t.dataSource, '04');
    await createUser(t, { commune: hanoi.communes[0]!, fullName: 'Lê Văn Hà Nội' });
    await createUser(t, { commune: hue.communes[0]!, fullName: 'Trần Thị Huế' });
    const admin = await createUser(t, { commune: hanoi.communes[0]!, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } });

    const page = await newPage();
    await page.goto(`${base}/quan-tri/nguoi-dung`);
    await page.getByRole('heading', { level: 1, name: 'Đăng nhập' }).waitFor();
    await page.getByLabel('Số điện thoại hoặc email').fill(admin.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 1, name: 'Quản lý người học' }).waitFor();
    await page.getByRole('link', { name: 'Lê Văn Hà Nội' }).waitFor();
    expect(await page.textContent('main')).not.toContain('Trần Thị Huế');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
