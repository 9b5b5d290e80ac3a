import type { BrowserContext, Page } from 'playwright-core';
import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { type BrowserApp, expectAccessible, openMenu, startBrowserApp } from '../support/browser';
import { createUser, PASSWORD, unitsOf } from '../support/factories';
import { SVG } from '../support/studio';

/** The questions of the course and the choice that answers each (by its prompt). */
const RIGHT: Record<string, string> = {
  'Ai được biết mã OTP của bạn?': 'Chỉ mình bạn',
  'Ngân hàng gọi điện hỏi mã OTP là bình thường.': 'Sai',
  'Tin nhắn lạ kèm đường link thì nên làm gì?': 'Không bấm vào link',
  'Mã OTP dùng được mấy lần?': 'Một lần',
};
const GIFT = `// @competency 4.2
// @level 1
::otp-2:: Ngân hàng gọi điện hỏi mã OTP là bình thường.{FALSE#Sai rồi: ngân hàng không hỏi OTP.#Đúng: đó là lừa đảo.####OTP chỉ mình bạn biết.}

::otp-3:: Tin nhắn lạ kèm đường link thì nên làm gì? {=Không bấm vào link#Đúng. ~Bấm vào xem thử#Link lạ có thể là lừa đảo. ####Không bấm link lạ.}

::otp-4:: Mã OTP dùng được mấy lần? {=Một lần#Đúng. ~Nhiều lần#OTP chỉ dùng một lần. ####OTP là mật khẩu dùng một lần.}
`;
const TITLE = 'Giữ an toàn mã OTP';
const ALT = 'Màn hình nhập mã OTP gồm sáu ô số';

describe('authoring studio in the browser', () => {
  let app: BrowserApp;
  let teacherPhone: string;
  let adminPhone: string;
  let learnerPhone: string;
  let courseUrl = '';

  beforeAll(async () => {
    app = await startBrowserApp({}, async (t) => {
      const hanoi = await unitsOf(t.dataSource, '01');
      const [communeA, communeB] = hanoi.communes as [AdminUnit, AdminUnit];
      teacherPhone = (await createUser(t, { commune: communeA, role: 'teacher', fullName: 'Cô giáo Hạnh' })).phone;
      adminPhone = (await createUser(t, { commune: communeA, role: 'admin', scope: { level: 'commune', unitId: communeA.id }, fullName: 'Cán bộ Minh' })).phone;
      learnerPhone = (await createUser(t, { commune: communeB, fullName: 'Bác Tư' })).phone;
    });
  });
  afterAll(() => app?.close());

  async function signIn(phone: string, next: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${app.base}/dang-nhap?tiep=${encodeURIComponent(next)}`);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    return { context, page };
  }

  /** Answers every question shown with the keyboard, each by its prompt. */
  async function answerRight(page: Page) {
    const groups = page.locator('fieldset.question');
    await groups.first().waitFor();
    for (const group of await groups.all()) {
      const legend = (await group.locator('legend').textContent()) ?? '';
      const prompt = Object.keys(RIGHT).find((p) => legend.includes(p));
      expect(prompt).toBeDefined();
      await group.getByLabel(RIGHT[prompt!]!, { exact: true }).press('Space');
    }
  }

  const savedAt = (page: Page) => page.getByRole('status').filter({ hasText: /^Đã lưu lúc \d/ }).waitFor();

  it('a teacher writes a course by keyboard and mouse, previews it as a learner and submits it; an administrator comments, the teacher fixes, the administrator publishes; a learner completes it', async () => {
    // ---- The teacher: the studio from the menu, a new course.
    const { context: tc, page } = await signIn(teacherPhone, '/');
    await page.waitForURL((url) => url.pathname === '/');
    // Teachers (and administrators) find the studio in the menu; the home page may still be settling, so the menu is opened until the link shows.
    const studioLink = page.getByRole('link', { name: 'Soạn bài' });
    for (let i = 0; i < 20 && !(await studioLink.isVisible()); i++) {
      await openMenu(page);
      await page.waitForTimeout(250);
    }
    await studioLink.click();
    await page.getByRole('heading', { level: 1, name: 'Soạn bài' }).waitFor();
    await page.getByText('Bạn chưa soạn khóa học nào').waitFor();
    await expectAccessible(page);
    // A title too short is refused beside its field, in Vietnamese.
    await page.getByLabel('Tên khóa học').fill('OT');
    await page.getByRole('button', { name: 'Tạo khóa học' }).click();
    await page.getByText('Tên khóa học cần từ 3 đến 300 ký tự.').waitFor();
    await page.getByLabel('Tên khóa học').fill(TITLE);
    expect(await page.getByLabel('Tên ngắn trong địa chỉ').inputValue()).toBe('giu-an-toan-ma-otp');
    await page.getByRole('button', { name: 'Tạo khóa học' }).click();
    await page.getByRole('heading', { level: 1, name: TITLE }).waitFor();
    courseUrl = new URL(page.url()).pathname;
    await page.getByText('Bản nháp', { exact: true }).first().waitFor();
    await expectAccessible(page);

    // ---- The course's fields: summary, group, a competency of the framework with its level, hours, order.
    await page.getByLabel('Giới thiệu ngắn').fill('Không bao giờ đưa mã OTP cho ai.');
    await page.getByLabel('Người dân').check();
    await page.getByLabel('Thêm năng lực').selectOption('4.2');
    await page.getByLabel(/^Mức độ của năng lực 4\.2/).selectOption('1');
    await page.getByLabel('Thời lượng dự kiến (giờ)').fill('0,5');
    await page.getByRole('button', { name: 'Lưu thông tin khóa học' }).click();
    await page.getByText('Đã lưu thông tin khóa học.').waitFor();

    // ---- Lesson 1, written with the keyboard: toolbar shortcut, tab order, the image dialog.
    await page.getByLabel('Tên bài học mới').fill('Mã OTP là gì');
    await page.getByRole('button', { name: 'Thêm bài học' }).click();
    await page.getByRole('heading', { level: 1, name: /Soạn bài học/ }).waitFor();
    await page.getByRole('checkbox', { name: /^4\.2/ }).check();
    const body = page.getByLabel('Nội dung bài học');
    // From the last field before it, Tab reaches the toolbar (one stop), the arrows move along it, Tab again the text.
    await page.getByRole('checkbox', { name: /^4\.2/ }).focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Đậm');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Nghiêng');
    await page.keyboard.press('End');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Âm thanh/Video');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-body');
    await page.keyboard.type('Mã OTP là mật khẩu dùng một lần.');
    // Select "OTP" and make it bold with Ctrl+B.
    await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(3, 6));
    await page.keyboard.press('Control+B');
    expect(await body.inputValue()).toBe('Mã **OTP** là mật khẩu dùng một lần.');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    // Ctrl+Alt+I opens the image dialog; alternative text is required.
    await page.keyboard.press('Control+Alt+I');
    const dialog = page.getByRole('dialog', { name: 'Chèn ảnh' });
    await dialog.waitFor();
    await dialog.getByLabel('Chọn tệp trên máy').setInputFiles({ name: 'otp.svg', mimeType: 'image/svg+xml', buffer: Buffer.from(SVG) });
    await dialog.getByRole('button', { name: 'Chèn ảnh' }).press('Enter');
    await dialog.getByText('Vui lòng nhập mô tả ảnh').waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('image-alt');
    await expectAccessible(page);
    await page.keyboard.type(ALT);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('lesson-body');
    expect(await body.inputValue()).toBe(`Mã **OTP** là mật khẩu dùng một lần.\n\n![${ALT}](../media/otp.svg)`);
    // Saved by itself; the preview is the server's rendering, the picture with its alternative text.
    await savedAt(page);
    const preview = page.getByRole('region', { name: 'Xem trước' });
    await preview.getByRole('img', { name: ALT }).waitFor();
    expect(await preview.locator('strong').textContent()).toBe('OTP');
    await expectAccessible(page);

    // ---- Lesson 2.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByLabel('Tên bài học mới').fill('Khi có người hỏi mã');
    await page.getByRole('button', { name: 'Thêm bài học' }).click();
    await page.getByLabel('Nội dung bài học').waitFor();
    await page.getByRole('checkbox', { name: /^4\.2/ }).check();
    await page.getByLabel('Nội dung bài học').fill('Không đọc mã cho ai.');
    await savedAt(page);

    // ---- Questions: one in the editor, three pasted as Moodle GIFT.
    await page.getByRole('link', { name: 'Ngân hàng câu hỏi' }).click();
    await page.getByRole('heading', { level: 1, name: /Ngân hàng câu hỏi/ }).waitFor();
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Thêm câu hỏi' }).click();
    await page.getByRole('textbox', { name: 'Câu hỏi', exact: true }).waitFor();
    await page.getByRole('textbox', { name: 'Câu hỏi', exact: true }).fill('Ai được biết mã OTP của bạn?');
    await page.getByLabel('Lựa chọn 1', { exact: true }).fill('Chỉ mình bạn');
    await page.getByLabel('Lựa chọn 1 là đáp án đúng').check();
    await page.getByLabel('Phản hồi cho lựa chọn 1').fill('Đúng: OTP là chìa khóa.');
    await page.getByLabel('Lựa chọn 2', { exact: true }).fill('Nhân viên ngân hàng');
    await page.getByLabel('Phản hồi cho lựa chọn 2').fill('Ngân hàng không bao giờ hỏi OTP.');
    await page.getByLabel('Giải thích').fill('OTP chỉ mình bạn biết.');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await page.getByRole('link', { name: 'Ai được biết mã OTP của bạn?' }).waitFor();
    await page.getByLabel('Nội dung GIFT').fill(GIFT);
    await page.getByRole('button', { name: 'Nhập câu hỏi' }).click();
    await page.getByText('Đã nhập 3 câu hỏi').waitFor();
    await page.getByText('4 câu hỏi').waitFor();
    // A Moodle true/false question opens in its editor and saves back unchanged.
    await page.getByRole('link', { name: 'Ngân hàng gọi điện hỏi mã OTP là bình thường.' }).click();
    expect(await page.getByLabel('Loại câu hỏi').inputValue()).toBe('true_false');
    expect(await page.getByLabel('Sai', { exact: true }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Lưu câu hỏi' }).click();
    await page.getByText('4 câu hỏi').waitFor();
    // The course's files: the image uploaded from the lesson, with its description.
    await page.getByRole('link', { name: 'Tệp ảnh, âm thanh, video' }).click();
    await page.getByText(`mô tả: ${ALT}`).waitFor();
    await expectAccessible(page);

    // ---- Lessons reordered with the keyboard: focus stays with the lesson moved, the new place is announced
    // (the moves are sent one after another; the learner below starts with the lesson moved back first).
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    const lessonTitles = () => page.locator('.studio-list-title > a').allTextContents();
    await page.getByRole('button', { name: 'Đưa bài “Khi có người hỏi mã” lên trên' }).press('Enter');
    await page.getByText('Đã chuyển bài “Khi có người hỏi mã” đến vị trí 1 trên 2.').waitFor({ state: 'attached' });
    expect((await lessonTitles()).slice(0, 2)).toEqual(['Khi có người hỏi mã', 'Mã OTP là gì']);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Đưa bài “Khi có người hỏi mã” xuống dưới');
    await page.keyboard.press('Enter');
    await page.getByText('Đã chuyển bài “Khi có người hỏi mã” đến vị trí 2 trên 2.').waitFor({ state: 'attached' });
    expect((await lessonTitles()).slice(0, 2)).toEqual(['Mã OTP là gì', 'Khi có người hỏi mã']);

    // ---- A quiz of three questions.
    await page.getByRole('link', { name: 'Thêm bài kiểm tra' }).click();
    await page.getByLabel('Tên bài kiểm tra').fill('Bài kiểm tra');
    await page.getByLabel('Số câu mỗi lượt').fill('3');
    await page.getByLabel('Điểm đạt (%)').fill('60');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Lưu bài kiểm tra' }).click();
    await page.waitForURL(/\/kiem-tra\/[0-9a-f-]{36}$/);

    // ---- Preview as a learner: the lesson, then a quiz attempt that records nothing.
    await page.getByRole('link', { name: 'Tổng quan' }).click();
    await page.getByRole('link', { name: 'Xem bài “Mã OTP là gì” như học viên' }).click();
    await page.getByText('Đây là bản xem thử').waitFor();
    await page.getByRole('img', { name: ALT }).waitFor();
    await expectAccessible(page);
    await page.goto(`${app.base}${courseUrl}`);
    await page.getByRole('link', { name: 'Làm thử bài kiểm tra “Bài kiểm tra” như học viên' }).click();
    await answerRight(page);
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Nộp bài (thử)' }).click();
    await page.getByText('Điểm: 100%').waitFor();
    expect(await app.t.dataSource.query('SELECT 1 FROM quiz_attempts')).toHaveLength(0);

    // ---- Submit for review.
    await page.goto(`${app.base}${courseUrl}`);
    await page.getByRole('button', { name: 'Gửi duyệt' }).click();
    await page.getByText('Đã gửi duyệt.').waitFor();
    await page.getByText('Chờ duyệt', { exact: true }).first().waitFor();
    await expectAccessible(page);

    // ---- The administrator of the commune: the queue, a comment on lesson 2.
    const { context: ac, page: admin } = await signIn(adminPhone, '/soan-bai');
    await admin.getByRole('heading', { level: 2, name: 'Chờ tôi duyệt' }).waitFor();
    await expectAccessible(admin);
    await admin.getByRole('link', { name: TITLE }).click();
    await admin.getByRole('button', { name: 'Xuất bản' }).waitFor();
    expect(await admin.getByRole('button', { name: 'Gửi duyệt' }).count()).toBe(0);
    await expectAccessible(admin);
    await admin.getByRole('link', { name: 'Khi có người hỏi mã' }).first().click();
    await admin.getByLabel('Viết nhận xét về bài này').fill('Thêm một ví dụ: kẻ gian xưng là nhân viên ngân hàng.');
    await admin.getByRole('button', { name: 'Gửi nhận xét' }).click();
    await admin.getByText('Đã gửi nhận xét.').waitFor();
    expect(await admin.getByLabel('Nội dung bài học').getAttribute('readonly')).not.toBeNull();
    await expectAccessible(admin);

    // ---- The teacher sees the comment beside the lesson and fixes the text.
    await page.goto(`${app.base}${courseUrl}`);
    await page.getByRole('link', { name: 'Khi có người hỏi mã' }).first().click();
    const comments = page.getByRole('complementary', { name: 'Nhận xét về bài này' });
    await comments.getByText('Thêm một ví dụ: kẻ gian xưng là nhân viên ngân hàng.').waitFor();
    await page.getByLabel('Nội dung bài học').fill('Không đọc mã cho ai, kể cả người xưng là nhân viên ngân hàng.');
    await savedAt(page);
    await comments.getByRole('button', { name: 'Đánh dấu đã xử lý' }).click();
    await comments.getByText('Đã xử lý', { exact: true }).waitFor();

    // ---- The administrator publishes.
    await admin.goto(`${app.base}${courseUrl}`);
    await admin.getByRole('button', { name: 'Xuất bản' }).click();
    await admin.getByText('Đã xuất bản. Học viên thấy ngay phiên bản mới.').waitFor();
    await admin.getByText('Đã xuất bản', { exact: true }).first().waitFor();
    await ac.close();
    await tc.close();

    // ---- A learner finds it in the catalogue, learns both lessons and passes the quiz.
    const { context: lc, page: learner } = await signIn(learnerPhone, '/khoa-hoc');
    await learner.getByRole('heading', { level: 1, name: 'Khóa học' }).waitFor();
    await learner.getByLabel('Tìm khóa học').fill('an toan ma otp');
    await learner.getByRole('button', { name: 'Tìm', exact: true }).click();
    await learner.getByRole('link', { name: TITLE }).click();
    await learner.getByRole('button', { name: 'Đăng ký học khóa này' }).click();
    await learner.getByRole('link', { name: 'Bắt đầu học: Mã OTP là gì' }).click();
    await learner.getByRole('img', { name: ALT }).waitFor();
    await learner.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await learner.getByRole('link', { name: /Bài tiếp: Khi có người hỏi mã/ }).click();
    await learner.getByText('kể cả người xưng là nhân viên ngân hàng').waitFor();
    await learner.getByRole('button', { name: 'Tôi đã học xong bài này' }).click();
    await learner.getByText('Bạn đã học xong bài này.').waitFor();
    await learner.goto(`${app.base}/khoa-hoc/giu-an-toan-ma-otp`);
    await learner.getByRole('link', { name: 'Bài kiểm tra', exact: true }).click();
    await learner.getByRole('button', { name: 'Bắt đầu làm bài' }).click();
    await learner.waitForURL(/\/bai-kiem-tra\//);
    await answerRight(learner);
    await learner.getByRole('button', { name: 'Nộp bài' }).click();
    await learner.getByText('Bạn đã đạt. Xin chúc mừng!').waitFor();
    await learner.goto(`${app.base}/hoc-tap`);
    await learner.getByText('Chúc mừng! Bạn đã hoàn thành khóa học này.').waitFor();
    await lc.close();
    // Three people and a dozen pages on a shared machine.
  }, 300_000);

  it('shows an edit conflict with both texts and loses neither', async () => {
    expect(courseUrl).not.toBe('');
    const { context, page } = await signIn(teacherPhone, courseUrl);
    await page.getByRole('link', { name: 'Mã OTP là gì' }).first().click();
    const body = page.getByLabel('Nội dung bài học');
    await body.waitFor();
    const lessonPath = new URL(page.url()).pathname;
    // Someone else saves the same lesson in another browser.
    const other = await context.browser()!.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const second = await other.newPage();
    await second.goto(`${app.base}/dang-nhap?tiep=${encodeURIComponent(lessonPath)}`);
    await second.getByLabel('Số điện thoại hoặc email').fill(teacherPhone);
    await second.getByLabel('Mật khẩu').fill(PASSWORD);
    await second.getByRole('button', { name: 'Đăng nhập' }).click();
    await second.getByLabel('Nội dung bài học').fill('Bản của máy tính bảng.');
    await savedAt(second);
    await other.close();

    await body.fill('Bản của điện thoại.');
    await page.getByRole('heading', { name: 'Có người khác vừa lưu bài này' }).waitFor();
    expect(await page.getByLabel('Bản của bạn').inputValue()).toBe('Bản của điện thoại.');
    expect(await page.getByLabel('Bản của người kia').inputValue()).toBe('Bản của máy tính bảng.');
    await expectAccessible(page);
    await page.getByLabel('Bản gộp').fill('Bản của điện thoại.\n\nBản của máy tính bảng.');
    await page.getByRole('button', { name: 'Lưu bản gộp' }).click();
    await savedAt(page);
    expect(await body.inputValue()).toBe('Bản của điện thoại.\n\nBản của máy tính bảng.');
    await context.close();
  });
});
