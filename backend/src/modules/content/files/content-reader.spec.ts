import { LEARNING_COURSE, makeContent, VALID_COURSE } from '../../../../test/support/content-fixture';
import { readContent } from './content-reader';
import { formatProblem } from './problems';

const errorsOf = async (courses: Record<string, Record<string, string | Buffer>>) => {
  const { dir, cleanup } = makeContent(courses);
  try {
    const result = await readContent(dir);
    return { result, lines: result.problems.filter((p) => !p.warning).map(formatProblem) };
  } finally {
    cleanup();
  }
};
const withFile = (name: string, text: string) => ({ ...VALID_COURSE, [name]: text });

describe('content validation', () => {
  it('accepts a valid course with YAML and GIFT banks', async () => {
    const { result, lines } = await errorsOf({ 'thanh-toan-qr': VALID_COURSE });
    expect(lines).toEqual([]);
    const [course] = result.courses;
    expect(course).toMatchObject({ slug: 'thanh-toan-qr', ordering: 'sequential', targetGroups: ['citizen', 'worker'] });
    expect(course!.lessons.map((l) => l.slug)).toEqual(['01-quet-ma', '02-kiem-tra']);
    expect(course!.questions.map((q) => [q.externalId, q.type])).toEqual([['qr-1', 'single'], ['qr-2', 'true_false'], ['qr-3', 'single']]);
  });

  it('reports every problem at once, each as file:line: message', async () => {
    const broken = {
      ...VALID_COURSE,
      'course.yaml': VALID_COURSE['course.yaml']!.replace("code: '2.1'", "code: '9.9'"),
      'lessons/01-quet-ma.md': VALID_COURSE['lessons/01-quet-ma.md']!.replace('![Điện thoại đang quét mã QR ở quầy hàng]', '![]'),
      'lessons/02-kiem-tra.md': VALID_COURSE['lessons/02-kiem-tra.md']!.replace('Luôn xem', '![Ảnh](../media/khong-co.png) Luôn xem'),
      'questions/cau-hoi.yaml': VALID_COURSE['questions/cau-hoi.yaml']!.replace('correct: true, ', ''),
    };
    const { lines } = await errorsOf({ 'thanh-toan-qr': broken });
    expect(lines).toEqual(
      expect.arrayContaining([
        'courses/thanh-toan-qr/course.yaml:6: unknown competency 9.9',
        'courses/thanh-toan-qr/lessons/01-quet-ma.md:8: image ../media/quet-ma.svg has no alt text',
        'courses/thanh-toan-qr/lessons/02-kiem-tra.md:6: missing file ../media/khong-co.png',
        'courses/thanh-toan-qr/questions/cau-hoi.yaml:2: question qr-1 has no correct answer',
      ]),
    );
  });

  it('reports bad YAML with its line', async () => {
    const { lines } = await errorsOf({ 'thanh-toan-qr': withFile('questions/cau-hoi.yaml', 'questions:\n  - id: x\n    prompt: [unclosed\n') });
    expect(lines.some((l) => /^courses\/thanh-toan-qr\/questions\/cau-hoi\.yaml:\d+: invalid YAML/.test(l))).toBe(true);
  });

  it('reports a lesson file that is listed but missing, and one present but not listed', async () => {
    const files: Record<string, string> = { ...VALID_COURSE, 'lessons/03-thua.md': VALID_COURSE['lessons/02-kiem-tra.md']! };
    delete files['lessons/02-kiem-tra.md'];
    const { lines } = await errorsOf({ 'thanh-toan-qr': files });
    expect(lines).toEqual(
      expect.arrayContaining([
        'courses/thanh-toan-qr/course.yaml:11: missing file lessons/02-kiem-tra.md',
        'courses/thanh-toan-qr/course.yaml:10: lessons/03-thua.md is not listed in course.yaml',
      ]),
    );
  });

  it('reports a duplicate slug and unknown fields', async () => {
    const twin = withFile('course.yaml', `slug: thanh-toan-qr\n${VALID_COURSE['course.yaml']}`);
    const { lines } = await errorsOf({ 'thanh-toan-qr': VALID_COURSE, 'ban-sao': twin, 'la-ma': withFile('course.yaml', `${VALID_COURSE['course.yaml']}color: red\n`) });
    expect(lines).toEqual(expect.arrayContaining(['courses/thanh-toan-qr/course.yaml:1: duplicate slug thanh-toan-qr (also courses/ban-sao)', 'courses/la-ma/course.yaml:1: file: unknown field color']));
  });

  it('reports a missing course.yaml and a single-choice question with two answers', async () => {
    const two = withFile('questions/cau-hoi.yaml', VALID_COURSE['questions/cau-hoi.yaml']!.replace('{ text: Màu của mã QR, feedback', '{ text: Màu của mã QR, correct: true, feedback'));
    const { lines } = await errorsOf({ 'khong-co-gi': { 'lessons/01.md': '' }, 'hai-dap-an': two });
    expect(lines).toEqual(
      expect.arrayContaining(['courses/khong-co-gi/course.yaml:1: missing file course.yaml', 'courses/hai-dap-an/questions/cau-hoi.yaml:2: question qr-1 is single choice but has several correct answers']),
    );
  });

  it('reads quiz rules, and reports draw rules the banks cannot satisfy', async () => {
    const { result } = await errorsOf({ 'hoc-thu': LEARNING_COURSE });
    expect(result.courses[0]!.quizzes[0]).toMatchObject({ questionCount: 7, maxAttempts: 3, cooldownSeconds: 60, timeLimitSeconds: 600, draw: [{ competency: '4.2', count: 6 }, { competency: '2.1', count: 1 }] });
    expect(result.courses[0]!.lessons.map((l) => l.required)).toEqual([true, true, false]);
    const greedy = { ...LEARNING_COURSE, 'course.yaml': LEARNING_COURSE['course.yaml']!.replace("{ competency: '2.1', count: 1 }", "{ competency: '2.1', count: 2 }").replace('    passPercent', '    questionCount: 7\n    passPercent') };
    const { lines } = await errorsOf({ 'hoc-thu': greedy });
    expect(lines).toEqual([
      'courses/hoc-thu/course.yaml:20: quiz kiem-tra: questionCount 7 differs from the draw total 8',
      'courses/hoc-thu/course.yaml:19: draw rule asks 2 questions but the banks have 1 that match',
    ]);
  });

  it('accepts images only from the course media folder', async () => {
    const lesson = VALID_COURSE['lessons/02-kiem-tra.md']! + '\n![Logo ngân hàng](https://example.com/logo.png)\n';
    const { lines } = await errorsOf({ 'thanh-toan-qr': withFile('lessons/02-kiem-tra.md', lesson) });
    expect(lines).toEqual(['courses/thanh-toan-qr/lessons/02-kiem-tra.md:8: image https://example.com/logo.png must be a file of this course (../media/…), not a web address']);
  });

  it('gives GIFT questions without // @ comments the course defaults from course.yaml', async () => {
    const course = withFile('questions/them.gift', '::qr-3:: Mã OTP nên được chia sẻ với ai? {=Không ai cả #Đúng. ~Nhân viên ngân hàng #Ngân hàng không hỏi OTP.####OTP là của riêng bạn.}\n');
    course['course.yaml'] = course['course.yaml']!.replace('ordering: sequential', "ordering: sequential\nquestionDefaults: { competency: '2.1', level: 2 }");
    const { result, lines } = await errorsOf({ 'thanh-toan-qr': course });
    expect(lines).toEqual([]);
    expect(result.courses[0]!.questions.find((q) => q.externalId === 'qr-3')).toMatchObject({ competency: '2.1', level: 2 });
  });

  it('refuses a course folder whose name is not a slug', async () => {
    const { lines } = await errorsOf({ 'Khóa Học': VALID_COURSE });
    expect(lines).toEqual(['courses/Khóa Học/course.yaml:1: folder name Khóa Học is not a slug (lowercase letters, digits, hyphens); rename it or set slug:']);
  });
});
