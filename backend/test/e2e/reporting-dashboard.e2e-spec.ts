import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { EnrolmentsService } from '../../src/modules/learning/enrolments.service';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { type BrowserApp, expectAccessible, startBrowserApp } from '../support/browser';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';

describe('cohort dashboard in the browser', () => {
  let app: BrowserApp;
  let communeA: AdminUnit;
  let classCommune: AdminUnit;
  let provinceAdminPhone: string;
  let communeAdminPhone: string;
  let teacherPhone: string;
  let nationPhone: string;
  let learnerPhone: string;
  let courseTitle: string;

  beforeAll(async () => {
    app = await startBrowserApp({}, async (t) => {
      const hanoi = await unitsOf(t.dataSource, '01');
      communeA = hanoi.communes[0]!;
      const [course] = (await t.dataSource.query(`
        SELECT c.id, c.slug, array(SELECT l.slug FROM lessons l WHERE l.course_id = c.id AND l.archived_at IS NULL ORDER BY l.position) AS lessons
          FROM courses c WHERE c.archived_at IS NULL ORDER BY c.slug LIMIT 1`)) as [{ id: string; slug: string; lessons: string[] }];
      await t.dataSource.query('UPDATE quizzes SET required = false WHERE course_id = $1', [course.id]);
      // Commune A: 6 citizens who finish the course and 5 workers who only enrol.
      for (let i = 0; i < 11; i++) {
        const user = await createUser(t, { commune: communeA, targetGroup: i < 6 ? 'citizen' : 'worker', fullName: `Người Học ${i + 1}` });
        await t.app.get(EnrolmentsService).enrol(user.id, course.slug);
        if (i < 6) {
          for (const lesson of course.lessons) await t.dataSource.query('SELECT * FROM complete_lessons($1, $2, $3, $4, $5)', [[user.id], [course.slug], [lesson], [new Date()], [null]]);
        }
      }
      courseTitle = ((await t.dataSource.query('SELECT title FROM courses WHERE id = $1', [course.id])) as [{ title: string }])[0].title;
      classCommune = hanoi.communes[2]!;
      teacherPhone = (await createUser(t, { commune: classCommune, role: 'teacher', fullName: 'Cô Giáo Lan' })).phone;
      learnerPhone = (await createUser(t, { commune: hanoi.communes[2]!, fullName: 'Người Vào Lớp' })).phone;
      const home = hanoi.communes[1]!;
      provinceAdminPhone = (await createUser(t, { commune: home, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } })).phone;
      communeAdminPhone = (await createUser(t, { commune: home, role: 'admin', scope: { level: 'commune', unitId: communeA.id } })).phone;
      nationPhone = (await createUser(t, { commune: home, role: 'admin', scope: { level: 'nation', unitId: null } })).phone;
    });
  });
  afterAll(() => app.close());

  async function signIn(phone: string, next: string) {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${app.base}/dang-nhap?tiep=${encodeURIComponent(next)}`);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    return { context, page };
  }

  it('a province administrator sees its communes, drills into one and filters by target group; the pages pass axe at 360 px', async () => {
    const { context, page } = await signIn(provinceAdminPhone, '/quan-tri/bao-cao');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tiến độ phổ cập kỹ năng số' }).waitFor();
    await page.getByRole('heading', { name: 'Các xã, phường, đặc khu' }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: communeA.name, exact: true }).first().click();
    await page.waitForURL(new RegExp(`unitId=${communeA.id}`));
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${communeA.name},`) }).waitFor();
    const figure = (label: string) => page.locator('.headline-figures div').filter({ has: page.getByText(label, { exact: true }) }).locator('dd');
    expect(await figure('Đã đăng ký').textContent()).toBe('11');
    expect(await figure('Khóa học đã hoàn thành').textContent()).toBe('6');

    await page.getByLabel('Nhóm đối tượng').selectOption('citizen');
    await page.getByRole('button', { name: 'Xem số liệu' }).click();
    await page.waitForURL(/targetGroup=citizen/);
    await page.waitForFunction(() => document.querySelector('.headline-figures dd')?.textContent === '6');
    expect(await figure('Tỷ lệ hoàn thành khóa học').textContent()).toBe('100 %');
    await expectAccessible(page);
    await context.close();
  });

  it('a commune administrator opens the people list (audited) and the targets page', async () => {
    const { context, page } = await signIn(communeAdminPhone, '/quan-tri/bao-cao');
    await page.getByRole('heading', { level: 1, name: 'Báo cáo tiến độ phổ cập kỹ năng số' }).waitFor();
    // Export the tables as XLSX: a job builds it, a progress bar, then a link; the file's figures are the screen's.
    const registered = await page.locator('.headline-figures div').filter({ has: page.getByText('Đã đăng ký', { exact: true }) }).locator('dd').textContent();
    await page.getByRole('group', { name: 'Xuất các bảng số liệu' }).getByRole('button', { name: 'Xuất XLSX' }).click();
    const link = page.getByRole('link', { name: /^Tải tệp so-lieu-.*\.xlsx$/ });
    await link.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const xlsx = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const summary = strFromU8(xlsx['xl/worksheets/sheet1.xml']!);
    expect(summary).toContain('<t xml:space="preserve">Đã đăng ký</t></is></c><c r="B2"><v>' + registered + '</v>');
    await page.getByRole('button', { name: 'Xem danh sách người học' }).click();
    await page.getByRole('status').filter({ hasText: '11 người' }).waitFor();
    await expectAccessible(page);
    const [{ n }] = (await app.t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'reporting.people_listed'`)) as [{ n: number }];
    expect(n).toBe(1);
    // Narrowed to a community cohort: only the one person of the commune whose identity was verified.
    await app.t.dataSource.query(`UPDATE users SET identity_verified_at = now() WHERE id = (SELECT id FROM users WHERE unit_id = $1 AND status <> 'deleted' ORDER BY id LIMIT 1)`, [communeA.id]);
    await page.getByLabel('Nhóm cộng đồng').selectOption({ label: 'Người đã xác thực định danh điện tử' });
    await page.getByRole('status').filter({ hasText: /^1 người$/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Danh sách người học' }).locator('tbody tr').count()).toBe(1);

    await page.getByRole('link', { name: 'Chỉ tiêu theo năm' }).click();
    await page.getByRole('heading', { level: 1, name: 'Chỉ tiêu theo năm' }).waitFor();
    await page.getByLabel('Số người cần phổ cập').fill('20');
    await page.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await page.getByText('Đã lưu chỉ tiêu.').waitFor();
    await page.locator('td', { hasText: /^20$/ }).waitFor();
    await expectAccessible(page);
    await context.close();
  });

  it('a teacher opens a class, a learner joins with the code from its QR address, and the roster shows them', async () => {
    const teacher = await signIn(teacherPhone, '/lop-hoc');
    await teacher.page.getByRole('heading', { level: 1, name: 'Lớp học' }).waitFor();
    await teacher.page.getByLabel('Tên lớp').fill('Lớp kỹ năng số thôn 3, tháng 12');
    await teacher.page.getByLabel(courseTitle).check();
    await teacher.page.getByRole('button', { name: 'Mở lớp' }).click();
    await teacher.page.getByRole('heading', { level: 1, name: 'Lớp kỹ năng số thôn 3, tháng 12' }).waitFor();
    const code = (await teacher.page.locator('.join-card .record-code').textContent())!;
    expect(code).toMatch(/^[2-9A-Z]{6}$/);
    await expectAccessible(teacher.page);

    // The QR code opens /tham-gia-lop?ma=CODE: signed out, the learner signs in and comes back to it, code filled in.
    const learner = await signIn(learnerPhone, `/tham-gia-lop?ma=${code}`);
    await learner.page.getByRole('heading', { level: 1, name: 'Tham gia lớp học' }).waitFor();
    expect(await learner.page.getByLabel('Mã lớp').inputValue()).toBe(code);
    await expectAccessible(learner.page);
    await learner.page.getByRole('button', { name: 'Tham gia' }).click();
    await learner.page.getByText('Bạn đã tham gia lớp “Lớp kỹ năng số thôn 3, tháng 12”').waitFor();
    await learner.context.close();

    await teacher.page.reload();
    await teacher.page.getByText('1 học viên, 0 người đã hoàn thành mọi khóa học của lớp.').waitFor();
    await teacher.page.getByRole('rowheader', { name: 'Người Vào Lớp' }).or(teacher.page.locator('th', { hasText: 'Người Vào Lớp' })).first().waitFor();
    await expectAccessible(teacher.page);
    await teacher.context.close();

    // The class counts in reports like any cohort: the province administrator drills from its commune into it.
    const admin = await signIn(provinceAdminPhone, `/quan-tri/bao-cao?unitId=${classCommune.id}`);
    await admin.page.getByRole('link', { name: 'Số liệu của lớp “Lớp kỹ năng số thôn 3, tháng 12”' }).click();
    await admin.page.waitForURL(/classId=/);
    await admin.page.getByRole('heading', { level: 2, name: /^Lớp kỹ năng số thôn 3, tháng 12,/ }).waitFor();
    await admin.page.getByRole('navigation', { name: 'Cấp đơn vị đang xem' }).getByText('Lớp kỹ năng số thôn 3, tháng 12').waitFor();
    // One member: the count could point at a person, so it reads "dưới 5".
    const registered = admin.page.locator('.headline-figures div').filter({ has: admin.page.getByText('Đã đăng ký', { exact: true }) }).locator('dd');
    expect(await registered.textContent()).toBe('dưới 5');
    expect(await admin.page.getByRole('heading', { name: 'Cộng đồng số' }).count()).toBe(0);
    await expectAccessible(admin.page);
    await admin.context.close();
  });

  it('a commune administrator submits the frozen monthly report and the province administrator sees it submitted', async () => {
    const month = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7);
    const nation = await loginAs(app.t, nationPhone);
    await nation.post('/api/admin/reporting/periodic/freeze', { kind: 'monthly', period: month }).expect(202);
    for (let i = 0; i < 150 && !((await nation.get(`/api/admin/reporting/periodic?kind=monthly&period=${month}`)).body as { report: unknown }).report; i++) {
      await new Promise((r) => setTimeout(r, 200));
    }
    const commune = await signIn(communeAdminPhone, '/quan-tri/bao-cao-dinh-ky');
    await commune.page.getByRole('heading', { level: 1, name: 'Báo cáo định kỳ' }).waitFor();
    await commune.page.getByRole('heading', { level: 2, name: `Báo cáo tháng kỳ ${month}` }).waitFor();
    await commune.page.locator('tr', { hasText: 'Đã đăng ký' }).locator('td', { hasText: /^11$/ }).waitFor();
    // The community figures frozen with it.
    await commune.page.getByRole('heading', { level: 3, name: 'Cộng đồng số' }).waitFor();
    await commune.page.getByRole('row', { name: /^Gia đình số/ }).waitFor();
    await expectAccessible(commune.page);
    await commune.page.getByRole('button', { name: 'Gửi báo cáo lên cấp trên' }).click();
    await commune.page.getByText(/^Đã gửi báo cáo ngày/).waitFor();
    await commune.context.close();

    const province = await signIn(provinceAdminPhone, '/quan-tri/bao-cao-dinh-ky');
    await province.page.getByRole('heading', { level: 2, name: 'Tình hình gửi báo cáo của cấp dưới' }).waitFor();
    await province.page.locator('tr', { hasText: communeA.name }).getByText(/^Đã gửi/).waitFor();
    await expectAccessible(province.page);
    await province.context.close();
  });
});
