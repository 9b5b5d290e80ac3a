import { rmSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ContentImportService } from '../../src/modules/content/content-import.service';
import { Course } from '../../src/modules/content/entities/course.entity';
import { Lesson } from '../../src/modules/content/entities/lesson.entity';
import { Question } from '../../src/modules/content/entities/question.entity';
import { makeContent, VALID_COURSE } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';

const SECOND_COURSE: Record<string, string> = {
  ...VALID_COURSE,
  'course.yaml': VALID_COURSE['course.yaml']!
    .replace('Thanh toán bằng mã QR', 'Dịch vụ công trực tuyến')
    .replace('Quét mã QR để trả tiền an toàn.', 'Nộp hồ sơ trên Cổng Dịch vụ công.')
    .replace('targetGroups: [citizen, worker]', 'targetGroups: [public_servant]')
    .replace("code: '4.2', level: 1", "code: '2.3', level: 2"),
};

/** An app whose content folder holds `courses` and whose database starts with no course (the template holds the shipped ones). */
function contentApp(courses: () => Record<string, Record<string, string>>) {
  const app = {} as { t: TestApp; content: ReturnType<typeof makeContent>; importer: ContentImportService };
  beforeAll(async () => {
    app.content = makeContent(courses());
    app.t = await startTestApp({ CONTENT_DIR: app.content.dir });
    app.importer = app.t.app.get(ContentImportService);
    await app.t.dataSource.query('DELETE FROM courses');
  });
  afterAll(async () => {
    await app.t.close();
    app.content.cleanup();
  });
  return app;
}

describe('content import and catalogue', () => {
  const app = contentApp(() => ({ 'thanh-toan-qr': VALID_COURSE, 'dich-vu-cong': SECOND_COURSE }));
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let importer: ContentImportService;
  beforeAll(() => ({ t, content, importer } = app));

  const snapshot = async () => JSON.stringify(await t.dataSource.query(
    `SELECT c.slug, c.updated_at, c.content_hash, (SELECT json_agg(l ORDER BY l.slug) FROM lessons l WHERE l.course_id = c.id) AS lessons,
            (SELECT json_agg(q ORDER BY q.external_id) FROM questions q WHERE q.course_id = c.id) AS questions
       FROM courses c ORDER BY c.slug`,
  ));

  it('imports the courses, and importing again changes nothing', async () => {
    expect(await importer.importDirectory(content.dir)).toEqual({ created: ['dich-vu-cong', 'thanh-toan-qr'], updated: [], unchanged: [], archived: [] });
    expect(await t.dataSource.getRepository(Question).count()).toBe(6);
    const before = await snapshot();
    expect(await importer.importDirectory(content.dir)).toEqual({ created: [], updated: [], unchanged: ['dich-vu-cong', 'thanh-toan-qr'], archived: [] });
    expect(await snapshot()).toBe(before);
  });

  it('lists the catalogue with filters, over HTTP', async () => {
    const c = await t.client();
    const slugs = async (query: string) => ((await c.get(`/api/courses${query}`).expect(200)).body as { slug: string }[]).map((x) => x.slug);
    expect(await slugs('')).toEqual(['dich-vu-cong', 'thanh-toan-qr']);
    expect(await slugs('?targetGroup=worker')).toEqual(['thanh-toan-qr']);
    expect(await slugs('?targetGroup=public_servant')).toEqual(['dich-vu-cong']);
    expect(await slugs('?competency=4.2')).toEqual(['thanh-toan-qr']);
    expect(await slugs('?competency=2.3&level=2')).toEqual(['dich-vu-cong']);
    expect(await slugs('?competency=2.3&level=1')).toEqual([]);
    expect(await slugs('?domain=4')).toEqual(['thanh-toan-qr']);
    const bad = await c.get('/api/courses?targetGroup=tourist&level=9').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['level', 'targetGroup']);
  });

  it('searches ignoring diacritics and case, in PostgreSQL', async () => {
    const c = await t.client();
    const search = async (q: string) => ((await c.get(`/api/courses?q=${encodeURIComponent(q)}`).expect(200)).body as { slug: string }[]).map((x) => x.slug);
    expect(await search('dich vu cong')).toEqual(['dich-vu-cong']);
    expect(await search('Dịch Vụ Công')).toEqual(['dich-vu-cong']);
    expect(await search('DỊCH VỤ CÔNG')).toEqual(['dich-vu-cong']);
    // Decomposed input (some Vietnamese keyboards) finds the same course.
    expect(await search('Dịch vụ công'.normalize('NFD'))).toEqual(['dich-vu-cong']);
    expect(await search('tra tien')).toEqual(['thanh-toan-qr']);
    // Lesson titles are searchable too.
    expect(await search('kiem tra nguoi nhan')).toEqual(['dich-vu-cong', 'thanh-toan-qr']);
    expect(await search('100%_')).toEqual([]);
  });

  it('shows a course with its syllabus and competencies, and never the answer key', async () => {
    const c = await t.client();
    const detail = (await c.get('/api/courses/thanh-toan-qr').expect(200)).body;
    expect(detail).toMatchObject({
      slug: 'thanh-toan-qr',
      frameworkVersion: 'tt02-2025.1',
      lessonCount: 2,
      lessons: [{ slug: '01-quet-ma', title: 'Quét mã QR' }, { slug: '02-kiem-tra', title: 'Kiểm tra người nhận' }],
      competencies: [{ code: '4.2', level: 1, name: 'Bảo vệ dữ liệu cá nhân và quyền riêng tư' }, { code: '2.1', level: 2, name: 'Tương tác thông qua công nghệ số' }],
      quizzes: [{ slug: 'kiem-tra', questionCount: 3, passPercent: 70, required: true }],
    });
    expect(JSON.stringify(detail)).not.toMatch(/correct|accepted|feedback/);
    await c.get('/api/courses/khong-co').expect(404);
    const framework = (await c.get('/api/framework').expect(200)).body;
    expect(framework.domains.map((d: { code: string }) => d.code)).toEqual(['0', '1', '2', '3', '4', '5', '6']);
    expect(framework.domains.flatMap((d: { competencies: unknown[] }) => d.competencies)).toHaveLength(26);
    expect(framework.levels).toHaveLength(8);
  });

  it('archives a removed lesson and a removed course, keeping their rows', async () => {
    rmSync(path.join(content.dir, 'courses/thanh-toan-qr/lessons/02-kiem-tra.md'));
    const yaml = path.join(content.dir, 'courses/thanh-toan-qr/course.yaml');
    const { readFileSync, writeFileSync } = await import('node:fs');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('  - 02-kiem-tra.md\n', ''));
    rmSync(path.join(content.dir, 'courses/dich-vu-cong'), { recursive: true });
    expect(await importer.importDirectory(content.dir)).toEqual({ created: [], updated: ['thanh-toan-qr'], unchanged: [], archived: ['dich-vu-cong'] });
    const qr = await t.dataSource.getRepository(Course).findOneByOrFail({ slug: 'thanh-toan-qr' });
    const lesson = await t.dataSource.getRepository(Lesson).findOneByOrFail({ courseId: qr.id, slug: '02-kiem-tra' });
    expect(lesson.archivedAt).not.toBeNull();
    expect((await t.dataSource.getRepository(Course).findOneByOrFail({ slug: 'dich-vu-cong' })).archivedAt).not.toBeNull();
    const c = await t.client();
    expect((await c.get('/api/courses/thanh-toan-qr').expect(200)).body.lessons).toHaveLength(1);
    await c.get('/api/courses/dich-vu-cong').expect(404);
  });

  it('refuses invalid content as a whole, writing nothing', async () => {
    const broken = makeContent({ 'hong': { ...VALID_COURSE, 'course.yaml': 'title: [' } });
    try {
      const before = await snapshot();
      await expect(importer.importDirectory(broken.dir)).rejects.toMatchObject({ problems: [expect.stringMatching(/^courses\/hong\/course\.yaml:\d+: invalid YAML/)] });
      expect(await snapshot()).toBe(before);
    } finally {
      broken.cleanup();
    }
  });

  it('lets a national administrator run an import as a job and watch it', async () => {
    const hanoi = await unitsOf(t.dataSource, '01');
    const nation = await createUser(t, { commune: hanoi.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } });
    const province = await createUser(t, { commune: hanoi.communes[0]!, role: 'admin', scope: { level: 'province', unitId: hanoi.province.id } });
    await (await loginAs(t, province.phone)).post('/api/admin/content/imports').expect(403);
    const c = await loginAs(t, nation.phone);
    const started = (await c.post('/api/admin/content/imports').expect(202)).body;
    let status = started;
    for (let i = 0; i < 100 && status.status !== 'done' && status.status !== 'failed'; i++) {
      await sleep(100);
      status = (await c.get(`/api/admin/content/imports/${started.id}`).expect(200)).body;
    }
    expect(status).toMatchObject({ status: 'done', progress: 100, report: { unchanged: ['thanh-toan-qr'] }, problems: [] });
  });
});

describe('hostile content and Moodle banks, end to end', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let importer: ContentImportService;
  const course = (rel: string) => path.join(content.dir, 'courses/an-toan', rel);
  const courseFiles = (): Record<string, string> => ({
    ...VALID_COURSE,
    'course.yaml': VALID_COURSE['course.yaml']!.replace('questionCount: 3', 'questionCount: 4').replace('banks: [questions/cau-hoi.yaml, questions/them.gift]', 'banks: [questions/cau-hoi.yaml, questions/them.gift, questions/moodle.gift]'),
    'media/anh.png': '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR',
    'media/otp.webm': '\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01' + 'v'.repeat(100),
    // An unmodified Moodle export: no // @ comments; the category names the competency and level.
    'questions/moodle.gift': `$CATEGORY: $course$/top/4.2 Bảo vệ dữ liệu/Mức 1

Mã OTP gồm mấy chữ số trong ví dụ: 482915? {#6}

Cách nào an toàn nhất để đăng nhập trên máy tính công cộng? {
  =Dùng chế độ ẩn danh và đăng xuất khi xong #Đúng.
  ~%25%Đăng xuất khi xong #Mới đúng một phần.
  ~Lưu mật khẩu trên trình duyệt #Không an toàn.
}
`,
  });

  const app = contentApp(() => ({ 'an-toan': courseFiles() }));
  beforeAll(() => ({ t, content, importer } = app));

  const questionRows = async () =>
    (await t.dataSource.query(`SELECT q.id, q.external_id, q.archived_at FROM questions q JOIN courses c ON c.id = q.course_id WHERE c.slug = 'an-toan' ORDER BY q.external_id`)) as { id: string; external_id: string; archived_at: Date | null }[];

  it('imports an unmodified Moodle bank, and inserting a question at its top changes nothing else on re-import', async () => {
    expect(await importer.importDirectory(content.dir)).toMatchObject({ created: ['an-toan'] });
    const before = await questionRows();
    expect(before).toHaveLength(5);
    const { readFileSync, writeFileSync } = await import('node:fs');
    const bank = course('questions/moodle.gift');
    writeFileSync(bank, readFileSync(bank, 'utf8').replace('Mức 1\n\n', 'Mức 1\n\nMật khẩu nên dài ít nhất bao nhiêu ký tự theo bài học? {#8..64}\n\n'));
    expect(await importer.importDirectory(content.dir)).toMatchObject({ updated: ['an-toan'] });
    const after = await questionRows();
    expect(after).toHaveLength(6);
    expect(after.filter((q) => before.some((b) => b.id === q.id))).toEqual(before);
    expect(after.filter((q) => q.archived_at !== null)).toEqual([]);
  });

  it('keeps the numerical answer and the partial credit out of the learner payload, and grades them on the server', async () => {
    const hanoi = await unitsOf(t.dataSource, '01');
    const user = await createUser(t, { commune: hanoi.communes[0]! });
    const c = await loginAs(t, user.phone);
    await t.dataSource.query(`UPDATE courses SET ordering = 'free' WHERE slug = 'an-toan'`);
    // The review with the answers is what this test reads: the author shows them always.
    await t.dataSource.query(`UPDATE quizzes SET show_answers = 'always' WHERE slug = 'kiem-tra' AND course_id = (SELECT id FROM courses WHERE slug = 'an-toan')`);
    await c.post('/api/courses/an-toan/enrolment').expect(201);
    await c.put('/api/courses/an-toan/lessons/01-quet-ma/completion', {}).expect(200);
    await c.put('/api/courses/an-toan/lessons/02-kiem-tra/completion', {}).expect(200);
    // Draw until the attempt holds both Moodle questions (4 of 6 are drawn).
    type Drawn = { id: string; type: string; prompt: string; options?: { key: string; text: string }[] };
    let attempt: { id: string; questions: Drawn[] } | null = null;
    for (let i = 0; i < 40; i++) {
      const a = (await c.post('/api/courses/an-toan/quizzes/kiem-tra/attempts').expect((r) => expect([200, 201]).toContain(r.status))).body as { id: string; questions: Drawn[] };
      if (a.questions.some((q) => q.type === 'numerical' && q.prompt.startsWith('Mã OTP')) && a.questions.some((q) => q.prompt.startsWith('Cách nào'))) {
        attempt = a;
        break;
      }
      await t.dataSource.query('DELETE FROM quiz_attempts WHERE id = $1', [a.id]);
    }
    expect(attempt).not.toBeNull();
    const text = JSON.stringify(attempt);
    expect(text).not.toMatch(/"numbers"|"tolerance"|"weight"|"correct"|"feedback"|Mới đúng một phần/);
    const numerical = attempt!.questions.find((q) => q.type === 'numerical' && q.prompt.startsWith('Mã OTP'))!;
    const partial = attempt!.questions.find((q) => q.prompt.startsWith('Cách nào'))!;
    expect(partial.type).toBe('single');
    const halfRight = partial.options!.find((o) => o.text === 'Đăng xuất khi xong')!.key;
    const graded = (await c.post(`/api/quiz-attempts/${attempt!.id}/submission`, { answers: { [numerical.id]: { text: '6' }, [partial.id]: { choices: [halfRight] } } }).expect(200)).body as {
      results: { id: string; score: number; accepted?: string[]; feedback?: string }[];
    };
    expect(graded.results.find((r) => r.id === numerical.id)).toMatchObject({ score: 1, accepted: ['6'] });
    expect(graded.results.find((r) => r.id === partial.id)).toMatchObject({ score: 0.25 });
  });

  it('serves media inert: nosniff, a sandboxing CSP, SVG as a download, ranges for video', async () => {
    const c = await t.client();
    const svg = await c.get('/api/courses/an-toan/media/quet-ma.svg').expect(200);
    expect(svg.headers).toMatchObject({
      'content-type': 'image/svg+xml',
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
      'content-disposition': 'attachment; filename="quet-ma.svg"',
    });
    const png = await c.get('/api/courses/an-toan/media/anh.png').expect(200);
    expect(png.headers).toMatchObject({ 'content-type': 'image/png', 'content-disposition': 'inline; filename="anh.png"' });
    const part = await c.get('/api/courses/an-toan/media/otp.webm').set('range', 'bytes=0-3').expect(206);
    expect(part.headers['content-range']).toBe('bytes 0-3/109');
    expect(Buffer.from(part.body as Buffer)).toEqual(Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  });

  it('serves nothing through a link, a FIFO or a file of the wrong type, even one placed after the import', async () => {
    const { execFileSync } = await import('node:child_process');
    const { symlinkSync, writeFileSync } = await import('node:fs');
    symlinkSync('/etc/passwd', course('media/mat-khau.png'));
    execFileSync('mkfifo', [course('media/ong.webm')]);
    writeFileSync(course('media/helper.js'), 'fetch("/api/auth/me")');
    writeFileSync(course('media/gia.png'), 'root:x:0:0:root:/root:/bin/bash\n');
    writeFileSync(course('media/xau.svg'), '<svg xmlns="http://www.w3.org/2000/svg"><script href="helper.js"/></svg>');
    const c = await t.client();
    for (const name of ['mat-khau.png', 'ong.webm', 'helper.js', 'gia.png', 'xau.svg']) {
      const res = await c.get(`/api/courses/an-toan/media/${name}`);
      expect({ name, status: res.status, leaked: res.text.includes('root:') || res.text.includes('fetch(') }).toEqual({ name, status: 404, leaked: false });
    }
  });

  it('ends an import started from the API as failed with file:line problems, and the API answers during it', async () => {
    const { mkdirSync, writeFileSync } = await import('node:fs');
    const before = await questionRows();
    mkdirSync(course('../bom'), { recursive: true });
    writeFileSync(course('../bom/course.yaml'), 'a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\n');
    const hanoi = await unitsOf(t.dataSource, '01');
    const nation = await createUser(t, { commune: hanoi.communes[0]!, role: 'admin', scope: { level: 'nation', unitId: null } });
    const c = await loginAs(t, nation.phone);
    const started = (await c.post('/api/admin/content/imports').expect(202)).body;
    let status = started;
    for (let i = 0; i < 100 && status.status !== 'done' && status.status !== 'failed'; i++) {
      await (await t.client()).get('/api/health').expect(200);
      await sleep(100);
      status = (await c.get(`/api/admin/content/imports/${started.id}`).expect(200)).body;
    }
    expect(status.status).toBe('failed');
    expect(status.problems).toEqual(expect.arrayContaining([
      'courses/bom/course.yaml:2: YAML aliases (*a) are not allowed; write the value out',
      'courses/an-toan/media/mat-khau.png:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)',
      'courses/an-toan/media/ong.webm:1: is a FIFO (named pipe); only regular files and folders are allowed (nothing is followed)',
      'courses/an-toan/media/gia.png:1: content is not image/png (the bytes do not match the .png name)',
    ]));
    expect(await questionRows()).toEqual(before);
  });

  it('is all or nothing: a NUL byte in the second of two new courses, or a course the database refuses, leaves the first uncommitted', async () => {
    const nul = makeContent({ 'a-truoc': VALID_COURSE, 'b-sau': { ...VALID_COURSE, 'lessons/02-kiem-tra.md': VALID_COURSE['lessons/02-kiem-tra.md']!.replace('Luôn xem', 'Luôn\u0000 xem') } });
    try {
      await expect(importer.importDirectory(nul.dir)).rejects.toMatchObject({ problems: ['courses/b-sau/lessons/02-kiem-tra.md:6: contains a NUL byte, which text files cannot hold'] });
      expect(await t.dataSource.query(`SELECT slug FROM courses WHERE slug IN ('a-truoc', 'b-sau')`)).toEqual([]);
    } finally {
      nul.cleanup();
    }
    // A refusal only the database sees (here a trigger of the test) rolls back the courses written before it.
    const two = makeContent({ 'a-truoc': VALID_COURSE, 'b-sau': VALID_COURSE });
    await t.dataSource.query(`CREATE FUNCTION refuse_b_sau() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$`);
    await t.dataSource.query(`CREATE TRIGGER refuse_b_sau BEFORE INSERT ON courses FOR EACH ROW WHEN (NEW.slug = 'b-sau') EXECUTE FUNCTION refuse_b_sau()`);
    try {
      await expect(importer.importDirectory(two.dir)).rejects.toMatchObject({ problems: ['courses/b-sau/course.yaml:1: the database refused this course: refused by the test'] });
      expect(await t.dataSource.query(`SELECT slug FROM courses WHERE slug IN ('a-truoc', 'b-sau')`)).toEqual([]);
    } finally {
      await t.dataSource.query('DROP TRIGGER refuse_b_sau ON courses; DROP FUNCTION refuse_b_sau()');
      two.cleanup();
    }
  });
});
