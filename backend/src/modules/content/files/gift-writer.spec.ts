import { writeCourseYaml, writeLesson, writeYamlBank } from './course-writer';
import { parseGift } from './gift-parser';
import { writeGiftBank } from './gift-writer';
import { ProblemSink } from './problems';
import { parseQuestionBank } from './question-bank';
import { splitFrontMatter } from './front-matter';

const withoutLine = <T extends { line: number }>({ line: _line, ...rest }: T) => rest;
const read = (text: string, format: 'gift' | 'yaml') => {
  const sink = new ProblemSink(`bank.${format}`);
  const questions = format === 'gift' ? parseGift(text, `bank.${format}`, sink) : parseQuestionBank(text, 'yaml', `bank.${format}`, sink);
  return { questions: questions.map(withoutLine), errors: sink.problems.filter((p) => !p.warning) };
};

const BANK = `// @competency 4.2
// @level 1
::nhieu:: Những việc nào {giúp} bảo vệ tài khoản\\: chọn hai? {
  ~%50%Bật xác thực hai bước #Đúng \\= an toàn.
  ~%50%Dùng mật khẩu <b>khác nhau</b> #Đúng.
  ~%-100%Gửi OTP cho người lạ #Không bao giờ!
  ####Hai lớp bảo vệ và mật khẩu riêng.\\nDòng hai.
}

// @level 3
::dung-sai:: OTP là bí mật.{TRUE#Sai rồi.#Đúng vậy.####Chỉ mình bạn biết.}
`;

describe('GIFT writer', () => {
  it('writes what the GIFT reader reads back to the same questions: weights, escapes, markup kept as text', () => {
    const first = read(BANK.replace('{giúp}', '\\{giúp\\}'), 'gift');
    expect(first.errors).toEqual([]);
    expect(first.questions[0]!.options![1]!.text).toBe('Dùng mật khẩu khác nhau');
    const written = writeGiftBank(first.questions.map((q) => ({ ...q, line: 1 })));
    expect(written.marks.map((m) => m.key)).toEqual(['nhieu', 'dung-sai']);
    expect(read(written.text, 'gift')).toEqual(first);
  });

  it('uses [plain] when Moodle would change a text, and leaves ordering questions out by name', () => {
    const q = { externalId: 'the', type: 'single' as const, competency: '4.2', level: 1, prompt: 'Thẻ <b> có nghĩa gì?', explanation: 'Giải &amp; thích', file: 'bank.gift', line: 1,
      options: [{ id: 'a', text: 'In đậm', correct: true, weight: 100, feedback: 'Đúng.' }, { id: 'b', text: 'Nghiêng', correct: false, weight: 0, feedback: 'Chưa.' }] };
    const written = writeGiftBank([q, { ...q, externalId: 'thu-tu', type: 'ordering' }]);
    expect(written.text).toContain('::the:: [plain]Thẻ <b> có nghĩa gì?');
    expect(written.skipped).toEqual(['thu-tu']);
    expect(read(written.text, 'gift').questions).toEqual([withoutLine(q)]);
  });
});

describe('folder writers', () => {
  it('writes a YAML bank the reader reads back, marked by question', () => {
    const q = { externalId: 'so', type: 'numerical' as const, competency: '4.2', level: 2, prompt: 'Mấy chữ số?', explanation: 'Sáu.', file: 'bank.yaml', line: 1,
      numbers: [{ value: 6, tolerance: 0, weight: 100, feedback: 'Đúng.' }], feedback: { correct: 'Đúng.', incorrect: 'Chưa đúng.' } };
    const written = writeYamlBank([q]);
    expect(written.marks).toEqual([{ line: 2, key: 'so' }]);
    expect(read(written.text, 'yaml')).toEqual({ questions: [withoutLine(q)], errors: [] });
  });

  it('keeps a lesson body exactly and says where it starts', () => {
    const body = '\nDòng một với "ngoặc" và: hai chấm.\n---\nHết.\n';
    const written = writeLesson({ title: 'Bài: một', competencies: ['4.2'], estimatedMinutes: 5, required: false, body, video: null });
    expect(splitFrontMatter(written.text)).toMatchObject({ body, bodyLine: written.bodyStart });
    const course = writeCourseYaml({
      slug: 's', title: 'T', summary: 'S', coverImage: null, targetGroups: ['citizen'], competencies: [{ code: '4.2', level: 1 }], estimatedMinutes: 5,
      ordering: 'free', questionDefaults: null, lessons: [{ file: 'a.md', key: 'lesson:1' }], quizzes: [],
    });
    expect(course.marks.find((m) => m.key === 'lesson:1')).toEqual({ line: 10, key: 'lesson:1' });
  });
});
