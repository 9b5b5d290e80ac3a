import type { AdminUnit } from '../../src/modules/units/entities/admin-unit.entity';
import { type BrowserApp, expectAccessible, startBrowserApp } from '../support/browser';
import { createUser, loginAs, PASSWORD, unitsOf } from '../support/factories';
import { ModelStandIn } from '../support/model-stand-in';
import { buildCourse } from '../support/studio';

const DRAFTED = JSON.stringify({
  questions: [
    { type: 'single', prompt: 'Ai được phép biết mã OTP của bạn?', explanation: 'Chỉ mình bạn.', options: [{ text: 'Chỉ mình bạn', correct: true }, { text: 'Nhân viên ngân hàng', correct: false }, { text: 'Người thân', correct: false }] },
    { type: 'true_false', prompt: 'Có thể đọc mã OTP cho người xưng là nhân viên ngân hàng.', answer: false, explanation: 'Không đọc mã cho ai.' },
  ],
});

describe('studio: "gợi ý câu hỏi" in the browser', () => {
  let app: BrowserApp;
  let model: ModelStandIn;
  let phone = '';
  let courseId = '';

  beforeAll(async () => {
    model = new ModelStandIn();
    const url = await model.start();
    app = await startBrowserApp({ ASSISTANT_MODEL_URL: url, ASSISTANT_MODEL: 'qwen2.5:7b-instruct' }, async (t) => {
      const commune = (await unitsOf(t.dataSource, '01')).communes[0] as AdminUnit;
      phone = (await createUser(t, { commune, role: 'teacher', fullName: 'Cô giáo Hạnh' })).phone;
      const c = await loginAs(t, phone);
      const course = await buildCourse(c, 'goi-y-trinh-duyet');
      const lesson = course.lessons[0]!;
      await c.put(`/api/studio/courses/${course.id}/lessons/${lesson.id}`, { version: lesson.version, body: 'Mã OTP là mật khẩu dùng một lần do ngân hàng gửi. Không đọc mã cho ai, kể cả người xưng là nhân viên ngân hàng.\n' }).expect(200);
      courseId = course.id;
    });
  });
  afterAll(async () => {
    await app?.close();
    await model?.stop();
  });

  it('a teacher asks by keyboard for two questions at 360 px, sees them listed as drafts and opens one to review', async () => {
    model.behaviour = { kind: 'stream', pieces: [DRAFTED] };
    const context = await app.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${app.base}/dang-nhap?tiep=${encodeURIComponent(`/soan-bai/${courseId}/cau-hoi`)}`);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('heading', { level: 2, name: 'Gợi ý câu hỏi' }).waitFor();
    await expectAccessible(page);

    await page.getByLabel('Số câu hỏi').fill('2');
    await page.getByRole('button', { name: 'Gợi ý câu hỏi' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/Đã thêm 2 câu hỏi nháp vào ngân hàng/).waitFor();
    await expectAccessible(page);
    // Marked in the bank too, and one click away from review.
    await page.getByText('Trợ lý gợi ý').first().waitFor();
    await page.getByRole('listitem').getByRole('link', { name: 'Ai được phép biết mã OTP của bạn?' }).click();
    await page.waitForURL(/\/soan-bai\/[^/]+\/cau-hoi\/[0-9a-f-]{36}$/);
    await context.close();
  });
});
