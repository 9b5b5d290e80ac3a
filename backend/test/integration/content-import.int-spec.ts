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

describe('content import and catalogue', () => {
  let t: TestApp;
  let content: ReturnType<typeof makeContent>;
  let importer: ContentImportService;

  beforeAll(async () => {
    content = makeContent({ 'thanh-toan-qr': VALID_COURSE, 'dich-vu-cong': SECOND_COURSE });
    t = await startTestApp({ CONTENT_DIR: content.dir });
    importer = t.app.get(ContentImportService);
    // Start from no courses: the template holds the shipped catalogue.
    await t.dataSource.query('DELETE FROM courses');
  });
  afterAll(async () => {
    await t.close();
    content.cleanup();
  });

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
