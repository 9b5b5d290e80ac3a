import type { Question } from '../entities/question.entity';
import { gradeQuestion } from '../../learning/quiz/quiz-grader';
import { drawAttempt } from '../../learning/quiz/quiz-draw';
import type { QuestionDraft } from './content-model';
import { renderQuizText } from '../../learning/lesson-renderer';
import { fromCategory, idFromTitle, parseGift } from './gift-parser';
import { ProblemSink } from './problems';
import { parseQuestionBank } from './question-bank';
import { readYamlQuestions } from './yaml-questions';
import { YamlSource } from './yaml-source';

const parse = (text: string, defaults = {}) => {
  const sink = new ProblemSink('bank.gift');
  return { questions: parseGift(text, 'bank.gift', sink, defaults), sink, errors: sink.problems.filter((p) => !p.warning).map((p) => `${p.line}: ${p.message}`), warnings: sink.problems.filter((p) => p.warning).map((p) => `${p.line}: ${p.message}`) };
};
const one = (text: string) => {
  const { questions, errors } = parse(`// @competency 4.2\n// @level 1\n${text}`);
  expect(errors).toEqual([]);
  expect(questions).toHaveLength(1);
  return questions[0]!;
};

/** Grades a parsed question as the quiz does: drawn with its keys, answered by option text or pair text. */
function grade(q: QuestionDraft, answer: { choose?: string[]; text?: string; match?: Record<string, string> }): number {
  const question = { id: 'q1', type: q.type, competency: q.competency, level: q.level, prompt: q.prompt, explanation: q.explanation, payload: { options: q.options, accepted: q.accepted, answers: q.answers, numbers: q.numbers, pairs: q.pairs, feedback: q.feedback, grading: q.grading } } as Question;
  const [drawn] = drawAttempt([question], [], 1);
  const keyOf = (text: string) => drawn!.options!.find((o) => q.options!.find((x) => x.id === o.optionId)!.text === text)!.key;
  const leftKey = (text: string) => drawn!.left!.find((l) => q.pairs![l.pair]!.left === text)!.key;
  const rightKey = (text: string) => drawn!.right!.find((r) => q.pairs![r.pair]!.right === text)!.key;
  return gradeQuestion(question, drawn!, {
    choices: answer.choose?.map(keyOf),
    text: answer.text,
    matches: answer.match && Object.fromEntries(Object.entries(answer.match).map(([l, r]) => [leftKey(l), rightKey(r)])),
  });
}

const ALL = `// Moodle export, with our directives
// @competency 4.2
// @level 1
$CATEGORY: $course$/An toàn

::mc:: [markdown]Mật khẩu nào **an toàn** nhất? {
  =Một cụm từ dài, riêng cho mỗi tài khoản #Đúng: dài và không dùng lại.
  ~12345678 #Bị đoán đầu tiên.
  ~Ngày sinh #Ai cũng tìm được.
  ####Mật khẩu dài và riêng là tốt nhất.
}

::multi:: Những việc nào giúp bảo vệ tài khoản? {
  ~%50%Bật xác thực hai bước #Đúng.
  ~%50%Dùng mật khẩu khác nhau #Đúng.
  ~%-100%Gửi OTP cho người lạ #Không bao giờ.
  ####Hai lớp bảo vệ và mật khẩu riêng.
}

// @level 2
::tf:: Ngân hàng gọi điện hỏi mã OTP là bình thường.{FALSE#Sai rồi: ngân hàng không hỏi OTP.#Đúng: đó là lừa đảo.####OTP chỉ mình bạn biết.}

::short:: Ứng dụng định danh điện tử quốc gia tên là gì? {=VNeID =VNeID app#Đúng. ####Tên ứng dụng là VNeID.}

::match:: Ghép mỗi việc với mục đích {
  =OTP -> xác nhận giao dịch
  =Mật khẩu -> đăng nhập
  =Sao lưu -> giữ dữ liệu khi mất máy
  ####Mỗi công cụ một việc.
}

::missing:: Không bao giờ {=chia sẻ ~ghi nhớ} mã OTP cho người khác.
`;

describe('GIFT parser', () => {
  it('maps the common constructs into the common model', () => {
    const { questions, errors } = parse(ALL);
    expect(errors).toEqual([]);
    const byId = Object.fromEntries(questions.map((q) => [q.externalId, q]));
    // [markdown] goes through the Markdown renderer: the quiz shows the text, not the asterisks.
    expect(byId.mc).toMatchObject({ type: 'single', competency: '4.2', level: 1, prompt: 'Mật khẩu nào an toàn nhất?', explanation: 'Mật khẩu dài và riêng là tốt nhất.', line: 6 });
    expect(byId.mc!.options!.map((o) => [o.text, o.correct, o.feedback])).toEqual([
      ['Một cụm từ dài, riêng cho mỗi tài khoản', true, 'Đúng: dài và không dùng lại.'],
      ['12345678', false, 'Bị đoán đầu tiên.'],
      ['Ngày sinh', false, 'Ai cũng tìm được.'],
    ]);
    expect(byId.multi).toMatchObject({ type: 'multiple', grading: 'weights' });
    expect(byId.multi!.options!.map((o) => [o.correct, o.weight])).toEqual([[true, 50], [true, 50], [false, -100]]);
    expect(byId.tf).toMatchObject({ type: 'true_false', level: 2, explanation: 'OTP chỉ mình bạn biết.' });
    expect(byId.tf!.options).toEqual([
      { id: 'true', text: 'Đúng', correct: false, weight: 0, feedback: 'Sai rồi: ngân hàng không hỏi OTP.' },
      { id: 'false', text: 'Sai', correct: true, weight: 100, feedback: 'Đúng: đó là lừa đảo.' },
    ]);
    expect(byId.short).toMatchObject({ type: 'short_text', accepted: ['VNeID', 'VNeID app'] });
    expect(byId.match!.pairs).toEqual([
      { left: 'OTP', right: 'xác nhận giao dịch' },
      { left: 'Mật khẩu', right: 'đăng nhập' },
      { left: 'Sao lưu', right: 'giữ dữ liệu khi mất máy' },
    ]);
    expect(byId.missing).toMatchObject({ type: 'single', prompt: 'Không bao giờ _____ mã OTP cho người khác.' });
  });

  it('imports into the same model as the equivalent YAML question', () => {
    const yamlSink = new ProblemSink('bank.yaml');
    const source = YamlSource.parse(
      `questions:
  - id: tf
    type: true_false
    competency: '4.2'
    level: 2
    prompt: Ngân hàng gọi điện hỏi mã OTP là bình thường.
    answer: false
    feedback: { true: 'Sai rồi: ngân hàng không hỏi OTP.', false: 'Đúng: đó là lừa đảo.' }
    explanation: OTP chỉ mình bạn biết.
`,
      yamlSink,
    )!;
    const [fromYaml] = readYamlQuestions(source, 'bank.yaml', yamlSink);
    const fromGift = parse(ALL).questions.find((q) => q.externalId === 'tf');
    expect({ ...fromGift, file: '', line: 0 }).toEqual({ ...fromYaml, file: '', line: 0 });
  });

  it('keeps one right answer plus partial credit (= with ~%25%) a single choice with partial credit', () => {
    const q = one(`::partial:: Cách nào an toàn nhất để đăng nhập trên máy tính công cộng? {
  =Dùng chế độ ẩn danh và đăng xuất khi xong #Đúng.
  ~%25%Đăng xuất khi xong #Mới đúng một phần.
  ~Lưu mật khẩu trên trình duyệt #Không an toàn.
}`);
    expect(q.type).toBe('single');
    expect(q.options!.map((o) => [o.weight, o.correct])).toEqual([[100, true], [25, false], [0, false]]);
    expect(grade(q, { choose: ['Dùng chế độ ẩn danh và đăng xuất khi xong'] })).toBe(1);
    expect(grade(q, { choose: ['Đăng xuất khi xong'] })).toBe(0.25);
    expect(grade(q, { choose: ['Lưu mật khẩu trên trình duyệt'] })).toBe(0);
    // A single choice takes one answer: ticking all three is not a right answer.
    expect(grade(q, { choose: ['Dùng chế độ ẩn danh và đăng xuất khi xong', 'Đăng xuất khi xong', 'Lưu mật khẩu trên trình duyệt'] })).toBe(0);
  });

  it('grades a multiple-answer question as Moodle does: the sum of the chosen weights, between 0 and 1', () => {
    const q = one(`::nhieu:: Chọn các cách bảo vệ tài khoản {~%50%Xác thực hai bước ~%50%Mật khẩu riêng ~%-100%Đưa OTP cho người lạ ~Đổi ảnh đại diện}`);
    expect(grade(q, { choose: ['Xác thực hai bước', 'Mật khẩu riêng'] })).toBe(1);
    expect(grade(q, { choose: ['Xác thực hai bước', 'Đổi ảnh đại diện'] })).toBe(0.5);
    expect(grade(q, { choose: ['Xác thực hai bước', 'Mật khẩu riêng', 'Đưa OTP cho người lạ'] })).toBe(0);
  });

  it('reads weighted and wildcard short answers: the first answer that matches gives its weight, and * alone is "anything else"', () => {
    const q = one(`::ngan:: Ứng dụng định danh điện tử quốc gia tên là gì? {
  =VNeID #Đúng.
  =%50%VNe* #Gần đúng, tên đầy đủ là VNeID.
  =%0%* #Chưa đúng: đó là VNeID.
}`);
    expect(q.type).toBe('short_text');
    expect(q.answers).toEqual([
      { text: 'VNeID', weight: 100, feedback: 'Đúng.' },
      { text: 'VNe*', weight: 50, feedback: 'Gần đúng, tên đầy đủ là VNeID.' },
      { text: '*', weight: 0, feedback: 'Chưa đúng: đó là VNeID.' },
    ]);
    expect(q.accepted).toEqual(['VNeID']);
    expect(grade(q, { text: 'vneid' })).toBe(1);
    expect(grade(q, { text: 'VNeApp' })).toBe(0.5);
    expect(grade(q, { text: '*' })).toBe(0);
    expect(grade(q, { text: 'Zalo' })).toBe(0);
  });

  it('reads a matching distractor (= -> Chat) as an extra choice, and a perfect answer scores 1', () => {
    const q = one(`::ghep:: Ghép ứng dụng với việc {
  =VNeID -> Định danh điện tử
  =Cổng Dịch vụ công -> Nộp hồ sơ trực tuyến
  = -> Chat
}`);
    expect(q.pairs).toEqual([
      { left: 'VNeID', right: 'Định danh điện tử' },
      { left: 'Cổng Dịch vụ công', right: 'Nộp hồ sơ trực tuyến' },
      { left: '', right: 'Chat' },
    ]);
    expect(grade(q, { match: { VNeID: 'Định danh điện tử', 'Cổng Dịch vụ công': 'Nộp hồ sơ trực tuyến' } })).toBe(1);
    expect(grade(q, { match: { VNeID: 'Chat', 'Cổng Dịch vụ công': 'Nộp hồ sơ trực tuyến' } })).toBe(0.5);
  });

  it('renders [html], [markdown] and [plain] markers in the question, answers and feedback instead of showing them', () => {
    const q = one(`::dinh-dang:: [html]<p>Chọn <b>mật khẩu</b> mạnh &amp; dễ nhớ</p><script>alert(1)</script>{
  =[markdown]**Cụm từ dài** #[html]<i>Đúng</i>
  ~[plain]<b>123456</b> #Quá ngắn.
  ####[html]<p>Dài &gt; phức tạp.</p>
}`);
    expect(q.prompt).toBe('Chọn mật khẩu mạnh & dễ nhớ');
    expect(q.options!.map((o) => [o.text, o.feedback])).toEqual([
      ['Cụm từ dài', 'Đúng'],
      // [plain] is text: its angle brackets are the author's characters, shown as such (escaped by the page).
      ['<b>123456</b>', 'Quá ngắn.'],
    ]);
    expect(q.explanation).toBe('Dài > phức tạp.');
    // What is formatted is shown formatted, through the lesson renderer: the bold of the prompt and
    // the answer, the paragraph of the explanation; the script is gone, [plain] stays text.
    expect(q.rich).toEqual({ prompt: 'Chọn **mật khẩu** mạnh & dễ nhớ', explanation: 'Dài \\> phức tạp\\.', options: { a: '**Cụm từ dài**' } });
    expect(renderQuizText(q.rich!.prompt!)).toBe('<p>Chọn <strong>mật khẩu</strong> mạnh &amp; dễ nhớ</p>\n');
    expect(renderQuizText(q.rich!.explanation!)).toBe('<p>Dài &gt; phức tạp.</p>\n');
    // Moodle's auto-format with a tag is formatted too; without one there is nothing beyond the text.
    expect(one('::tu-dong:: Bấm <b>Gửi</b>\nrồi chờ {=Đúng ~Sai}').rich).toEqual({ prompt: 'Bấm **Gửi**\\\nrồi chờ' });
    expect(one('::so-sanh-2:: Chọn *101# để xem {=Đúng ~Sai}').rich).toBeUndefined();
    // Moodle's default format keeps text that only looks like a comparison.
    expect(one('::so-sanh:: Số nào lớn hơn: 2 < 3 hay 3 > 2? {=Bằng nhau ~Không so được}').prompt).toBe('Số nào lớn hơn: 2 < 3 hay 3 > 2?');
  });

  it('refuses a formatted text the renderer could not show quickly, with its line', () => {
    const { questions, errors } = parse(`::ok:: [markdown]**Đủ** {=Đúng ~Sai}\n\n::qua-nhieu:: [markdown]${'*a'.repeat(150)} {=Đúng ~Sai}`, { competency: '4.2', level: 1 });
    expect(questions.map((q) => q.externalId)).toEqual(['ok']);
    expect(errors).toEqual([expect.stringMatching(/^3: the formatted text holds too many \[ or \* and _/)]);
  });

  it('reads numerical questions with tolerance, ranges and weighted answers, graded on the server', () => {
    const tolerance = one('::so-1:: Số tỉnh, thành phố của Việt Nam từ ngày 1/7/2025 là bao nhiêu? {#34:0}');
    expect(tolerance).toMatchObject({ type: 'numerical', numbers: [{ value: 34, tolerance: 0, weight: 100, feedback: '' }] });
    expect(grade(tolerance, { text: '34' })).toBe(1);
    expect(grade(tolerance, { text: '35' })).toBe(0);
    const margin = one('::so-2:: Nhập một số gần 3 {#3:0.5}');
    expect([grade(margin, { text: '2.5' }), grade(margin, { text: '3,4' }), grade(margin, { text: '3.6' }), grade(margin, { text: 'ba' })]).toEqual([1, 1, 0, 0]);
    const range = one('::so-3:: Một số từ 1 đến 5 {#1..5}');
    expect(range.numbers).toEqual([{ value: 3, tolerance: 2, weight: 100, feedback: '' }]);
    expect([grade(range, { text: '1' }), grade(range, { text: '5' }), grade(range, { text: '5.01' })]).toEqual([1, 1, 0]);
    const weighted = one('::so-4:: Bao nhiêu? {#=3:0 #Đúng. =%50%2:1 #Gần đúng. ~#Chưa đúng.}');
    expect(weighted.numbers).toEqual([
      { value: 3, tolerance: 0, weight: 100, feedback: 'Đúng.' },
      { value: 2, tolerance: 1, weight: 50, feedback: 'Gần đúng.' },
      { value: null, tolerance: 0, weight: 0, feedback: 'Chưa đúng.' },
    ]);
    // The first answer whose range holds the number counts: 3 is in both, and gets 100 %.
    expect([grade(weighted, { text: '3' }), grade(weighted, { text: '1.5' }), grade(weighted, { text: '9' })]).toEqual([1, 0.5, 0]);
  });

  it('skips descriptions with a warning and refuses essays with their line', () => {
    const { questions, errors, warnings } = parse(`// @competency 1.1
// @level 1
Phần này nói về mật khẩu.

::essay:: Hãy kể về chiếc điện thoại đầu tiên của bạn. {}

::nokey:: Câu hỏi không có đáp án đúng {~a ~b}
`);
    expect(questions).toEqual([]);
    expect(warnings).toContain('3: a description (text with no answers) is not a question: skipped');
    expect(errors).toEqual([
      '5: essay questions ({}) have free answers that cannot be graded on the server: rewrite as another type or remove',
      '7: the positive weights add up to 0%, not 100% (Moodle refuses this question)',
    ]);
  });

  it('takes competency and level from $CATEGORY, then from the course defaults, when // @ comments are absent', () => {
    expect(fromCategory('$course$/top/4.2 Bảo vệ thiết bị/Mức 2')).toEqual({ competency: '4.2', level: 2 });
    const { questions, errors } = parse(
      `$CATEGORY: $course$/top/1.1 Tìm kiếm/Mức 2

::a:: Câu một {T}

$CATEGORY: $course$/top/Chung

::b:: Câu hai {F}
`,
      { competency: '3.1', level: 1 },
    );
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.externalId, q.competency, q.level])).toEqual([['a', '1.1', 2], ['b', '1.1', 2]]);
    const plain = parse('::c:: Một file Moodle không sửa gì {T}', { competency: '3.1', level: 1 });
    expect(plain.errors).toEqual([]);
    expect(plain.questions[0]).toMatchObject({ competency: '3.1', level: 1 });
    expect(parse('::c:: Không có gì {T}').errors).toEqual([
      '1: no competency for this question: add a // @competency comment, a $CATEGORY naming it (…/4.2 …) or questionDefaults in course.yaml',
      '1: no valid level 1-8 for this question: add a // @level comment, a $CATEGORY naming it (…/Mức 1) or questionDefaults in course.yaml',
    ]);
  });

  it('follows Moodle\'s blank-line rules and warns where Moodle would merge two questions', () => {
    const merged = parse(`// @competency 4.2
// @level 1
::q1:: Câu một {T}
::q2:: Câu hai {F}
`);
    expect(merged.warnings).toContain('3: Moodle reads the next question as part of this one: separate questions with a blank line');
    expect(merged.questions).toHaveLength(1);
    const split = parse(`// @competency 4.2
// @level 1
::q3:: Câu ba {
  =a

  ~b
}
`);
    expect(split.errors).toContain('3: unmatched { or } (a blank line inside { } ends the question in Moodle; escape a literal brace as \\{ or \\})');
    const category = parse('$CATEGORY: $course$/x\n::q:: Câu {T}\n');
    expect(category.errors).toEqual(['1: $CATEGORY must be followed by a blank line: Moodle reads the lines after it as part of the category name, and the question is lost']);
  });

  it('reads the escapes \\= \\~ \\# \\{ \\} \\: as the characters themselves', () => {
    const q = one('::esc\\:1:: Trong bảng tính, công thức \\{\\=A1\\~B1\\} có dấu \\# nào? {=dấu \\= #Đúng\\: dấu bằng. ~dấu \\~}');
    expect(q.externalId).toBe('esc-1');
    expect(q.prompt).toBe('Trong bảng tính, công thức {=A1~B1} có dấu # nào?');
    expect(q.options!.map((o) => [o.text, o.feedback])).toEqual([['dấu =', 'Đúng: dấu bằng.'], ['dấu ~', 'Chưa đúng.']]);
  });

  it('gives different ids to titles that differ only in diacritics, and hashes untitled questions by their text', () => {
    expect(idFromTitle('Câu 1')).toBe('Câu-1');
    expect(idFromTitle('Cầu 1')).toBe('Cầu-1');
    const { questions, errors } = parse('// @competency 4.2\n// @level 1\n::Câu 1:: Một {T}\n\n::Cầu 1:: Hai {T}\n\nKhông tên {F}\n');
    expect(errors).toEqual([]);
    expect(new Set(questions.map((q) => q.externalId)).size).toBe(3);
    const untitled = questions[2]!.externalId;
    expect(untitled).toMatch(/^q-[0-9a-f]{16}$/);
    // A question added at the top changes no other question's id.
    const again = parse('// @competency 4.2\n// @level 1\nCâu mới ở đầu {T}\n\n::Câu 1:: Một {T}\n\n::Cầu 1:: Hai {T}\n\nKhông tên {F}\n');
    expect(again.questions.slice(1).map((q) => q.externalId)).toEqual(questions.map((q) => q.externalId));
    // Editing an untitled question makes it another question; a titled one keeps its id.
    const edited = parse('// @competency 4.2\n// @level 1\n::Câu 1:: Một, sửa lại {T}\n\n::Cầu 1:: Hai {T}\n\nKhông tên, sửa lại {F}\n');
    expect(edited.questions.map((q) => q.externalId)).toEqual(['Câu-1', 'Cầu-1', expect.not.stringMatching(untitled)]);
  });

  it('reads a Moodle 4 export as it is: comments, $CATEGORY, [id:…] idnumbers before titles, [html] answers', () => {
    const { questions, errors } = parse(
      `// question: 0  name: Switch category to $course$/top/4.2 Bảo vệ dữ liệu/Mức 1
$CATEGORY: $course$/top/4.2 Bảo vệ dữ liệu/Mức 1


// question: 1201  name: Câu 1
// [id:BV-01] [tag:otp]
::Câu 1::[html]<p>Ai được biết mã OTP của bạn?</p>{
\t=<p>Chỉ mình bạn</p>#<p>Đúng.</p>
\t~<p>Nhân viên ngân hàng</p>#<p>Ngân hàng không hỏi OTP.</p>
\t####<p>OTP là của riêng bạn.</p>
}


// question: 1202  name: Câu 2
::Câu 2::[html]<p>Mật khẩu \\{an toàn\\} có ít nhất mấy ký tự theo bài?</p>{#8..64}
`,
    );
    expect(errors).toEqual([]);
    expect(questions.map((q) => [q.externalId, q.type, q.competency, q.level, q.prompt])).toEqual([
      ['BV-01', 'single', '4.2', 1, 'Ai được biết mã OTP của bạn?'],
      ['Câu-2', 'numerical', '4.2', 1, 'Mật khẩu {an toàn} có ít nhất mấy ký tự theo bài?'],
    ]);
    expect(questions[0]!.options!.map((o) => [o.text, o.feedback])).toEqual([['Chỉ mình bạn', 'Đúng.'], ['Nhân viên ngân hàng', 'Ngân hàng không hỏi OTP.']]);
  });

  it('refuses the same id twice in a bank, GIFT and YAML alike', () => {
    const sink = new ProblemSink('bank.gift');
    parseQuestionBank('// @competency 4.2\n// @level 1\n::a:: Một {T}\n\n::a:: Hai {F}\n', 'gift', 'bank.gift', sink);
    expect(sink.problems.filter((p) => !p.warning).map((p) => `${p.line}: ${p.message}`)).toEqual(['5: question id a is used twice in this bank (also line 3)']);
    const yamlSink = new ProblemSink('bank.yaml');
    const q = (id: string, prompt: string) => `  - id: ${id}\n    type: true_false\n    competency: '4.2'\n    level: 1\n    prompt: ${prompt}\n    answer: true\n    feedback: { true: Đúng., false: Sai. }\n    explanation: Vì vậy.\n`;
    const found = parseQuestionBank(`questions:\n${q('qr-1', 'Một')}${q('qr-1', 'Hai')}`, 'yaml', 'bank.yaml', yamlSink);
    expect(found).toHaveLength(2);
    expect(yamlSink.problems.map((p) => `${p.line}: ${p.message}`)).toEqual(['10: question id qr-1 is used twice in this bank (also line 2)']);
  });
});
