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

/** A content folder in a temp dir: the real framework plus the given courses (slug → files). */
export function makeContent(courses: Record<string, Record<string, string>>): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), 'bdhvs-content-'));
  cpSync(path.join(REPO_ROOT, 'content', 'framework'), path.join(dir, 'framework'), { recursive: true });
  for (const [slug, files] of Object.entries(courses)) {
    for (const [name, text] of Object.entries(files)) {
      const file = path.join(dir, 'courses', slug, name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
    }
  }
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
