import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/config';

export const VALID_COURSE: Record<string, string> = {
  'course.yaml': `title: Thanh toán bằng mã QR
summary: Quét mã QR để trả tiền an toàn.
targetGroups: [citizen, worker]
competencies:
  - { code: '4.2', level: 1 }
  - { code: '2.1', level: 2 }
estimatedMinutes: 30
ordering: sequential
lessons:
  - 01-quet-ma.md
  - 02-kiem-tra.md
quizzes:
  - slug: kiem-tra
    title: Bài kiểm tra
    banks: [questions/cau-hoi.yaml, questions/them.gift]
    questionCount: 3
    passPercent: 70
    required: true
`,
  'lessons/01-quet-ma.md': `---
title: Quét mã QR
competencies: ['4.2']
estimatedMinutes: 10
---
Mở ứng dụng ngân hàng và chọn quét mã.

![Điện thoại đang quét mã QR ở quầy hàng](../media/quet-ma.svg)
`,
  'lessons/02-kiem-tra.md': `---
title: Kiểm tra người nhận
competencies: ['2.1']
estimatedMinutes: 8
---
Luôn xem tên người nhận trước khi bấm xác nhận.
`,
  'media/quet-ma.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  'questions/cau-hoi.yaml': `questions:
  - id: qr-1
    type: single
    competency: '4.2'
    level: 1
    prompt: Trước khi xác nhận chuyển tiền, cần kiểm tra gì?
    options:
      - { text: Tên người nhận và số tiền, correct: true, feedback: Đúng. }
      - { text: Màu của mã QR, feedback: Màu không quan trọng. }
    explanation: Tên và số tiền cho biết tiền đi đâu.
  - id: qr-2
    type: true_false
    competency: '4.2'
    level: 1
    prompt: Ngân hàng có thể gọi điện hỏi mã OTP của bạn.
    answer: false
    feedback: { true: 'Sai: ngân hàng không bao giờ hỏi OTP.', false: 'Đúng: không ai được biết OTP.' }
    explanation: OTP chỉ mình bạn biết.
`,
  'questions/them.gift': `// @competency 2.1
// @level 2
::qr-3:: Mã OTP nên được chia sẻ với ai? {
  =Không ai cả #Đúng.
  ~Nhân viên ngân hàng #Ngân hàng không hỏi OTP.
  ####OTP là chìa khóa giao dịch.
}
`,
};

const BINARY = /\.(png|jpe?g|gif|webp|mp3|m4a|ogg|oga|wav|mp4|m4v|webm|ogv|pdf)$/i;

/** A content folder in a temp dir: the real framework plus the given courses (slug → files). */
export function makeContent(courses: Record<string, Record<string, string | Buffer>>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bdhvs-content-'));
  // The shipped policy proposal names shipped courses, which a fixture does not have.
  cpSync(path.join(REPO_ROOT, 'content', 'framework'), path.join(dir, 'framework'), {
    recursive: true,
    filter: (src) => path.basename(src) !== 'certification-policies.yaml',
  });
  for (const [slug, files] of Object.entries(courses)) {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, 'courses', slug, name);
      mkdirSync(path.dirname(file), { recursive: true });
      // Binary media written as strings are one byte per character.
      writeFileSync(file, text, typeof text === 'string' && BINARY.test(name) ? 'latin1' : 'utf8');
    }
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * A sequential course for the learner journey: two required lessons and an optional one, and a
 * quiz that draws one question of every type (three attempts, a cooldown, a time limit).
 */
export const LEARNING_COURSE: Record<string, string> = {
  'course.yaml': `title: Học thử an toàn số
summary: Khóa học mẫu cho kiểm thử hành trình người học.
targetGroups: [citizen]
competencies:
  - { code: '4.2', level: 1 }
  - { code: '2.1', level: 2 }
estimatedMinutes: 30
ordering: sequential
lessons:
  - 01-mat-khau.md
  - 02-otp.md
  - 03-doc-them.md
quizzes:
  - slug: kiem-tra
    title: Bài kiểm tra
    banks: [questions/cau-hoi.yaml, questions/them.gift]
    draw:
      - { competency: '4.2', count: 6 }
      - { competency: '2.1', count: 1 }
    passPercent: 70
    required: true
    maxAttempts: 3
    cooldownMinutes: 1
    timeLimitMinutes: 10
`,
  'lessons/01-mat-khau.md': `---
title: Mật khẩu mạnh
competencies: ['4.2']
estimatedMinutes: 5
---
Dùng **cụm từ dài**, khác nhau cho mỗi tài khoản.

![Ô nhập mật khẩu trên điện thoại](../media/mat-khau.svg)
`,
  'lessons/02-otp.md': `---
title: Giữ mã OTP
competencies: ['4.2', '2.1']
estimatedMinutes: 5
video:
  src: media/otp.webm
  captions: media/otp.vtt
  transcript: Mã OTP là chìa khóa của giao dịch. Không đọc mã cho ai.
---
Không đọc mã OTP cho bất kỳ ai.
`,
  'lessons/03-doc-them.md': `---
title: Đọc thêm
competencies: ['2.1']
estimatedMinutes: 5
required: false
---
Tài liệu đọc thêm, không bắt buộc.
`,
  'media/mat-khau.svg': '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>',
  // The first bytes of a WebM (EBML) file: media are recognised by their content.
  'media/otp.webm': '\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01',
  'media/otp.vtt': 'WEBVTT\n\n00:00.000 --> 00:03.000\nMã OTP là chìa khóa của giao dịch.\n',
  'questions/cau-hoi.yaml': `questions:
  - id: q-single
    type: single
    competency: '4.2'
    level: 1
    prompt: Mật khẩu nào an toàn nhất?
    options:
      - { text: "Mot-cum-tu-dai-chi-minh-biet", correct: true, feedback: "FB-single-right" }
      - { text: "12345678", feedback: "FB-single-wrong" }
    explanation: EXPL-single
  - id: q-multiple
    type: multiple
    competency: '4.2'
    level: 1
    prompt: Việc nào bảo vệ tài khoản?
    options:
      - { text: "Bật xác thực hai lớp", correct: true, feedback: "FB-multi-a" }
      - { text: "Dùng mật khẩu riêng", correct: true, feedback: "FB-multi-b" }
      - { text: "Đưa mật khẩu cho bạn", feedback: "FB-multi-c" }
    explanation: EXPL-multiple
  - id: q-tf
    type: true_false
    competency: '4.2'
    level: 1
    prompt: Ngân hàng có thể hỏi mã OTP.
    answer: false
    feedback: { true: "FB-tf-true", false: "FB-tf-false" }
    explanation: EXPL-tf
  - id: q-order
    type: ordering
    competency: '4.2'
    level: 1
    prompt: Sắp xếp các bước đổi mật khẩu.
    options:
      - { text: "Mở phần Bảo mật", feedback: "FB-order-1" }
      - { text: "Nhập mật khẩu cũ", feedback: "FB-order-2" }
      - { text: "Nhập mật khẩu mới", feedback: "FB-order-3" }
    explanation: EXPL-order
  - id: q-short
    type: short_text
    competency: '4.2'
    level: 1
    prompt: Mã dùng một lần gửi qua tin nhắn gọi là gì?
    accepted: ["ACCEPTED-OTP", "mã xác thực"]
    feedback: { correct: "FB-short-right", incorrect: "FB-short-wrong" }
    explanation: EXPL-short
  - id: q-match
    type: matching
    competency: '4.2'
    level: 1
    prompt: Ghép việc với mục đích.
    pairs:
      - { left: "Khóa màn hình", right: "PAIR-RIGHT-1" }
      - { left: "Sao lưu", right: "PAIR-RIGHT-2" }
    feedback: { correct: "FB-match-right", incorrect: "FB-match-wrong" }
    explanation: EXPL-match
`,
  'questions/them.gift': `// @competency 2.1
// @level 2
::q-gift:: Mã OTP nên được chia sẻ với ai? {
  =Không ai cả #FB-gift-right
  ~Nhân viên ngân hàng #FB-gift-wrong
  ####EXPL-gift
}
`,
};
