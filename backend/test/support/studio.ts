import type { TestClient } from './test-app';

export const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>';

export const GIFT_BANK = `// @competency 4.2
// @level 1
::otp-1:: Ai được biết mã OTP của bạn? {
  =Chỉ mình bạn #Đúng: OTP là chìa khóa.
  ~Nhân viên ngân hàng #Ngân hàng không bao giờ hỏi OTP.
  ~%25%Người thân #Cũng không nên.
  ####OTP chỉ mình bạn biết.
}

::otp-2:: Ngân hàng gọi điện hỏi mã OTP là bình thường.{FALSE#Sai rồi: ngân hàng không hỏi OTP.#Đúng: đó là lừa đảo.####OTP chỉ mình bạn biết.}

// @level 2
::otp-3:: Ứng dụng định danh điện tử quốc gia tên là gì? {=VNeID#Đúng. =%50%VNeID app#Gần đúng. ####Tên ứng dụng là VNeID.}

::otp-4:: Mã OTP có mấy chữ số (thường gặp)? {#=6:0#Đúng. =%50%4..8#Gần đúng. ~#Chưa đúng. ####Thường là 6 chữ số.}

::otp-5:: Ghép mỗi việc với mục đích {
  =Bật xác thực hai bước -> Thêm một lớp bảo vệ
  =Đặt mật khẩu dài -> Khó đoán
  = -> Dễ nhớ
  ####Mỗi việc một mục đích.
}
`;

export type StudioCourse = {
  id: string; slug: string; status: string; version: number; publishedVersion: number | null; publishedSlug: string | null;
  lessons: { id: string; slug: string; version: number }[]; questions: { id: string; externalId: string; version: number }[];
  quizzes: { id: string; slug: string }[]; problems: { file: string; line: number; message: string; warning: boolean; entity: string | null; entityId: string | null; field: string | null; bodyLine: number | null }[];
  can: Record<string, boolean>; hasUnpublishedChanges: boolean;
};

/**
 * A complete, valid draft made through the studio's API as a teacher would: the course's fields, two
 * lessons (the first with an image and its alternative text), a question bank pasted as GIFT and a
 * quiz drawing from it per competency.
 */
export async function buildCourse(c: TestClient, slug: string): Promise<StudioCourse> {
  const created = (await c.post('/api/studio/courses', { slug, title: 'Giữ an toàn mã OTP' }).expect(201)).body as StudioCourse;
  const base = `/api/studio/courses/${created.id}`;
  await c.put(base, {
    version: created.version, summary: 'Không bao giờ đưa mã OTP cho ai.', targetGroups: ['citizen'],
    competencies: [{ code: '4.2', level: 1 }], estimatedMinutes: 20, ordering: 'sequential',
  }).expect(200);
  await c.agent.post(`${base}/media?name=otp.svg&alt=${encodeURIComponent('Màn hình nhập mã OTP')}`)
    .set('x-csrf-token', c.csrf).set('content-type', 'application/octet-stream').send(Buffer.from(SVG)).expect(201);
  await c.post(`${base}/lessons`, {
    slug: 'ma-otp', title: 'Mã OTP là gì', competencies: ['4.2'], estimatedMinutes: 5,
    body: 'Mã **OTP** là mật khẩu dùng một lần.\n\n![Màn hình nhập mã OTP](../media/otp.svg)\n',
  }).expect(201);
  await c.post(`${base}/lessons`, { slug: 'khi-bi-hoi', title: 'Khi có người hỏi mã', competencies: ['4.2'], estimatedMinutes: 5, body: 'Không đọc mã cho ai.\n' }).expect(201);
  await c.post(`${base}/questions/gift`, { text: GIFT_BANK }).expect(201);
  await c.post(`${base}/quizzes`, {
    slug: 'kiem-tra', title: 'Bài kiểm tra', draw: [{ competency: '4.2', level: 1, count: 2 }, { competency: '4.2', level: 2, count: 1 }], passPercent: 60,
  }).expect(201);
  return (await c.get(base).expect(200)).body as StudioCourse;
}
