import type { Browser, Page } from 'playwright-core';
import { EnrolmentsService } from '../../src/modules/learning/enrolments.service';
import type { User } from '../../src/modules/users/entities/user.entity';
import { expectAccessible, openMenu, startBrowserApp, type BrowserApp } from '../support/browser';
import { createUser, giveRecord, PASSWORD, unitsOf } from '../support/factories';

const COURSE = 'dien-thoai-thong-minh-lan-dau';

/**
 * On 360-px phones: an ambassador hands out their code, a mentee joins with consent, the ambassador
 * sees the mentee's progress and reminds them, the mentee finds the reminder under the bell and later
 * withdraws; the mentee forms a household and invites the ambassador, who accepts and sees them both.
 */
describe('digital ambassadors and households in the browser', () => {
  let app: BrowserApp;

  beforeAll(async () => {
    app = await startBrowserApp();
  });
  afterAll(() => app.close());

  async function signIn(browser: Browser, base: string, phone: string, next: string): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${base}/dang-nhap?tiep=${encodeURIComponent(next)}`);
    await page.getByLabel('Số điện thoại hoặc email').fill(phone);
    await page.getByLabel('Mật khẩu').fill(PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    return page;
  }

  // The two people's phones, kept from the first step to the second.
  let a: Page;
  let m: Page;
  let ambassador: User & { phone: string };
  let mentee: User & { phone: string };

  it('joins an ambassador with consent, is reminded under the bell, and withdraws', async () => {
    const { t, browser, base } = app;
    const commune = (await unitsOf(t.dataSource, '01')).communes[0]!;
    ambassador = await createUser(t, { commune, fullName: 'Trần Thị Đại Sứ' });
    mentee = await createUser(t, { commune, fullName: 'Nguyễn Văn Học', birthYear: 1958 });
    await giveRecord(t, ambassador.id);
    await t.app.get(EnrolmentsService).enrol(mentee.id, COURSE);

    // The ambassador becomes one and reads their code.
    a = await signIn(browser, base, ambassador.phone, '/dai-su-so');
    await a.getByRole('heading', { level: 1, name: 'Đại sứ số' }).waitFor();
    await a.getByRole('button', { name: 'Trở thành đại sứ số' }).click();
    const code = (await a.getByTestId('ambassador-code').textContent())!.trim();
    expect(code).toMatch(/^[2-9A-Z]{8}$/);
    await a.getByText('Chưa có ai.', { exact: false }).waitFor();
    await expectAccessible(a);

    // The mentee opens the ambassador's link, sees whose code it is, agrees and joins.
    m = await signIn(browser, base, mentee.phone, `/dai-su-so?ma=${code}`);
    await m.getByText('Mã này của Trần Thị Đại Sứ.').waitFor();
    await m.getByRole('button', { name: 'Tham gia' }).click();
    await m.getByText('Bạn cần đồng ý chia sẻ tiến độ để tham gia.').waitFor();
    await m.getByLabel(/Tôi đồng ý để Trần Thị Đại Sứ xem tiến độ học của tôi/).check();
    await m.getByRole('button', { name: 'Tham gia' }).click();
    await m.getByText(/Đại sứ số của bạn: Trần Thị Đại Sứ/).waitFor();
    await expectAccessible(m);

    // The ambassador sees the mentee's progress and next step, and reminds them.
    await a.reload();
    await a.getByText('Nguyễn Văn Học', { exact: true }).waitFor();
    await a.getByText(/Bước tiếp theo: bài «/).waitFor();
    await a.getByRole('button', { name: 'Nhắc Nguyễn Văn Học học tiếp' }).click();
    await a.getByText('Đã gửi lời nhắc tới Nguyễn Văn Học.').waitFor();
    await a.getByRole('button', { name: 'Nhắc Nguyễn Văn Học học tiếp' }).click();
    await a.getByText(/Hôm nay bạn đã nhắc Nguyễn Văn Học rồi/).waitFor();
    await expectAccessible(a);

    // The mentee's bell counts it; the list says who reminded them.
    // On a loaded machine the service worker may answer the first count from its cache (network
    // timeout on a weak connection): a person would look again, and so does the test.
    const bell = m.getByRole('link', { name: 'Thông báo, 1 chưa đọc' });
    for (let look = 0; ; look++) {
      await m.reload();
      await openMenu(m);
      if (await bell.waitFor({ timeout: 10_000 }).then(() => true, () => look === 2)) break;
    }
    await bell.click();
    await m.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await m.getByText(/Trần Thị Đại Sứ \(đại sứ số của bạn\) nhắc bạn học tiếp khóa/).waitFor();
    await expectAccessible(m);

    // Withdrawing: the ambassador's list no longer shows the mentee.
    await m.goto(`${base}/dai-su-so`);
    await m.getByRole('button', { name: 'Rút lại đồng ý chia sẻ tiến độ' }).click();
    await m.getByText(/Đã rút lại đồng ý/).waitFor();
    await a.reload();
    await a.getByText('Chưa có ai.', { exact: false }).waitFor();
    expect(await a.getByText('Nguyễn Văn Học', { exact: true }).count()).toBe(0);
  });

  it('forms a household, invites the ambassador by phone, who accepts with consent and sees both members', async () => {
    const { t, base } = app;
    // The mentee forms a household and invites the ambassador by phone.
    await m.goto(`${base}/gia-dinh-so`);
    await m.getByRole('heading', { level: 1, name: 'Gia đình số' }).waitFor();
    await expectAccessible(m);
    await m.getByLabel('Tên gia đình').fill('Gia đình ông Học');
    await m.getByRole('button', { name: 'Lập gia đình' }).click();
    await m.getByRole('heading', { level: 2, name: 'Gia đình ông Học' }).waitFor();
    await m.getByText('Chưa là gia đình số.').waitFor();
    await m.getByLabel('Số điện thoại hoặc email của người thân').fill(ambassador.phone);
    await m.getByRole('button', { name: 'Gửi lời mời' }).click();
    await m.getByText(/Đã gửi lời mời tới/).waitFor();
    await expectAccessible(m);

    // The ambassador accepts with consent and sees both members.
    await a.goto(`${base}/gia-dinh-so`);
    await a.getByText('Nguyễn Văn Học mời bạn vào gia đình «Gia đình ông Học».').waitFor();
    await expectAccessible(a);
    await a.getByRole('button', { name: 'Chấp nhận lời mời vào «Gia đình ông Học»' }).click();
    await a.getByText('Bạn cần đồng ý chia sẻ tiến độ để vào gia đình.').waitFor();
    await a.getByLabel(/Tôi đồng ý để các thành viên gia đình «Gia đình ông Học»/).check();
    await a.getByRole('button', { name: 'Chấp nhận lời mời vào «Gia đình ông Học»' }).click();
    await a.getByRole('heading', { level: 2, name: 'Gia đình ông Học' }).waitFor();
    await a.getByText('1/2 người lớn đã có giấy xác nhận.').waitFor();
    await expectAccessible(a);
    const members = (await t.dataSource.query('SELECT user_id FROM household_members WHERE left_at IS NULL ORDER BY accepted_at')) as { user_id: string }[];
    expect(members.map((r) => r.user_id)).toEqual([mentee.id, ambassador.id]);
    await m.reload();
    await m.getByText('Trần Thị Đại Sứ', { exact: true }).waitFor();
  });
});
