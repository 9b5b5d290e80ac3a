import { expectAccessible, startBrowserApp, type BrowserApp } from '../support/browser';
import { createUser, PASSWORD, unitsOf } from '../support/factories';

const COURSE = 'dien-thoai-thong-minh-lan-dau';

/**
 * A community digital technology team member on a 360-px phone: registers a resident, learns a
 * lesson with them, logs a household visit without a signal and syncs it; the resident later signs
 * in with the card and finds the progress theirs.
 */
describe('community team member in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app.close());

  it('registers a resident, runs an assisted lesson, logs a visit offline and syncs it; the resident signs in with the card', async () => {
    const { t, browser, base } = app;
    const { communes } = await unitsOf(t.dataSource, '01');
    const member = await createUser(t, { commune: communes[0]!, fullName: 'Đỗ Minh Tổ Viên' });
    const admin = await createUser(t, { commune: communes[0]!, role: 'admin', scope: { level: 'commune', unitId: communes[0]!.id } });
    await t.dataSource.query(`INSERT INTO community_team_members (user_id, unit_id, appointed_by_id, appointed_at) VALUES ($1, $2, $3, now())`, [member.id, communes[0]!.id, admin.id]);

    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=/to-cong-nghe-so`);
    await page.getByLabel('Số điện thoại hoặc email').fill(member.phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ công nghệ số cộng đồng' }).waitFor();
    await page.getByText('Chưa có người dân nào').waitFor();
    await expectAccessible(page);

    // Registering the resident, with the consent read aloud.
    await page.getByLabel('Họ và tên').fill('Nguyễn Thị Lan');
    await page.getByLabel('Năm sinh').fill('1950');
    await page.getByLabel('Được đọc cho nghe và đồng ý bằng lời').check();
    await page.getByLabel('Người dân đã đồng ý với điều khoản trên').check();
    await page.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByText('Đã đăng ký cho Nguyễn Thị Lan').waitFor();
    const code = (await page.getByTestId('card-code').first().textContent())!.trim();
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    await expectAccessible(page);
    const [resident] = (await t.dataSource.query(`SELECT resident_id FROM community_registrations WHERE member_id = $1`, [member.id])) as { resident_id: string }[];

    // An assisted lesson: the phone now learns as the resident.
    await page.getByRole('button', { name: 'Học cùng Nguyễn Thị Lan' }).click();
    await page.getByText('Đang học cùng: Nguyễn Thị Lan').waitFor();
    await page.goto(`${base}/khoa-hoc/${COURSE}`);
    await page.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await page.getByRole('link', { name: /Bắt đầu học/ }).click();
    await page.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await page.getByText('Bạn đã học xong bài này.').waitFor();
    await page.getByText('Đang học cùng: Nguyễn Thị Lan').waitFor();
    await page.getByRole('button', { name: 'Kết thúc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tổ công nghệ số cộng đồng' }).waitFor();
    await page.getByText('Đã hoàn thành 0/1 khóa học').waitFor();

    // A visit in a house without signal: kept on the phone, sent once when the signal returns.
    await context.setOffline(true);
    await page.getByText(/Đang mất kết nối mạng/).waitFor();
    await page.getByLabel('Số người được hỗ trợ').fill('2');
    await page.getByRole('group', { name: 'Người dân được hỗ trợ trong lần thăm' }).getByLabel('Nguyễn Thị Lan').check();
    await page.getByRole('button', { name: 'Ghi nhận' }).click();
    await page.getByText(/lần thăm được lưu trên máy/).waitFor();
    expect(await t.dataSource.query('SELECT 1 FROM household_visits WHERE member_id = $1', [member.id])).toHaveLength(0);
    await context.setOffline(false);
    await page.getByText(/Đã có mạng trở lại: đã gửi 1 việc/).waitFor();
    await page.getByTestId('visits').getByText('2 người được hỗ trợ').waitFor();
    const visits = (await t.dataSource.query('SELECT people_helped, resident_ids FROM household_visits WHERE member_id = $1', [member.id])) as { people_helped: number; resident_ids: string[] }[];
    expect(visits).toEqual([{ people_helped: 2, resident_ids: [resident!.resident_id] }]);
    await context.close();

    // The resident, on their own phone, scans the card.
    const own = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const phone = await own.newPage();
    await phone.goto(`${base}/the/${code}`);
    await phone.waitForURL(`${base}/hoc-tap`);
    const [course] = (await t.dataSource.query('SELECT title FROM courses WHERE slug = $1', [COURSE])) as { title: string }[];
    await phone.getByText(course!.title).first().waitFor();
    await expectAccessible(phone);
    const count = async (table: string, userId: string) => ((await t.dataSource.query(`SELECT 1 FROM ${table} WHERE user_id = $1`, [userId])) as unknown[]).length;
    expect(await count('lesson_completions', resident!.resident_id)).toBe(1);
    expect(await count('enrolments', member.id)).toBe(0);
    expect(await count('lesson_completions', member.id)).toBe(0);
    await own.close();
  });
});
