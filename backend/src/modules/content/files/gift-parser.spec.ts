import { parseGift } from './gift-parser';
import { ProblemSink } from './problems';
import { readYamlQuestions } from './yaml-questions';
import { YamlSource } from './yaml-source';

const parse = (text: string) => {
  const sink = new ProblemSink('bank.gift');
  return { questions: parseGift(text, 'bank.gift', sink), sink };
};

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

::missing:: Không bao giờ {=chia sẻ ~ghi nhớ} mã OTP cho người khác.{}
`;

describe('GIFT parser', () => {
  it('maps every supported construct into the common model', () => {
    const text = ALL.replace('cho người khác.{}', 'cho người khác.');
    const { questions, sink } = parse(text);
    expect(sink.problems.filter((p) => !p.warning)).toEqual([]);
    const byId = Object.fromEntries(questions.map((q) => [q.externalId, q]));
    expect(byId.mc).toMatchObject({ type: 'single', competency: '4.2', level: 1, prompt: 'Mật khẩu nào **an toàn** nhất?', explanation: 'Mật khẩu dài và riêng là tốt nhất.' });
    expect(byId.mc!.options!.map((o) => [o.text, o.correct, o.feedback])).toEqual([
      ['Một cụm từ dài, riêng cho mỗi tài khoản', true, 'Đúng: dài và không dùng lại.'],
      ['12345678', false, 'Bị đoán đầu tiên.'],
      ['Ngày sinh', false, 'Ai cũng tìm được.'],
    ]);
    expect(byId.multi).toMatchObject({ type: 'multiple' });
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
    expect({ ...fromGift, file: '' }).toEqual({ ...fromYaml, file: '' });
  });

  it('reports constructs it cannot represent, with their lines, instead of dropping them', () => {
    const { questions, sink } = parse(`// @competency 1.1
// @level 1
::num:: Bao nhiêu tỉnh thành? {#34}

::essay:: Hãy kể về chiếc điện thoại đầu tiên của bạn. {}

Chỉ là một đoạn mô tả.

::nokey:: Câu hỏi không có đáp án đúng {~a ~b}
`);
    expect(questions).toEqual([]);
    expect(sink.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      '3: GIFT numerical questions are not supported',
      '5: GIFT essay questions are not supported',
      '7: GIFT description (text with no answers) is not supported: it is not a question',
      '9: question has no correct answer',
    ]);
  });

  it('requires the competency and level directives', () => {
    const { sink } = parse('::q:: Câu hỏi {T}');
    expect(sink.problems.filter((p) => !p.warning).map((p) => p.message)).toEqual([
      'no // @competency comment before this question',
      'no valid // @level 1-8 comment before this question',
    ]);
  });
});
