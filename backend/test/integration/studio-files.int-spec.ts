import { strToU8, zipSync } from 'fflate';
import { deflateRawSync } from 'node:zlib';
import { VALID_COURSE } from '../support/content-fixture';
import { createUser, loginAs, unitsOf } from '../support/factories';
import { buildCourse, GIFT_BANK, type StudioCourse } from '../support/studio';
import { startTestApp, type TestApp, type TestClient } from '../support/test-app';

type Problem = StudioCourse['problems'][number];
type Question = { externalId: string; bank: string; type: string; competency: string; level: number; prompt: string; explanation: string; options?: unknown; answers?: unknown; numbers?: unknown; pairs?: unknown; feedback?: unknown; grading?: unknown; accepted?: unknown };

/**
 * A zip of one entry written byte by byte, for what zip libraries will not write: a unix symbolic link
 * (external attributes 0o120777 << 16) or a size that lies about what the data inflates to.
 */
function oneEntryZip({ name, data, method, declared = data.length, symlink = false }: { name: string; data: Buffer; method: 0 | 8; declared?: number; symlink?: boolean }): Buffer {
  const file = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(0, 14); // crc is not reached: the entry is refused first
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(declared, 22);
  local.writeUInt16LE(file.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(symlink ? (3 << 8) | 20 : 20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(declared, 24);
  central.writeUInt16LE(file.length, 28);
  if (symlink) central.writeUInt32LE((0o120777 << 16) >>> 0, 38);
  const body = Buffer.concat([local, file, data]);
  const cd = Buffer.concat([central, file]);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(body.length, 16);
  return Buffer.concat([body, cd, end]);
}

const zipWithSymlink = () => oneEntryZip({ name: 'khoa/course.yaml', data: Buffer.from('/etc/passwd'), method: 0, symlink: true });

/** A zip of a single deflated entry that declares `declared` bytes but holds `real` zeros (a lying zip bomb). */
const lyingZip = (real: number, declared: number) => oneEntryZip({ name: 'course.yaml', data: deflateRawSync(Buffer.alloc(real)), method: 8, declared });

describe('authoring studio: files both ways and hostile uploads', () => {
  let t: TestApp;
  let c: TestClient;
  let seq = 0;
  const slug = () => `khoa-tep-${process.pid}-${++seq}`;

  beforeAll(async () => {
    t = await startTestApp();
    const { communes } = await unitsOf(t.dataSource, '01');
    const teacher = await createUser(t, { commune: communes[0]!, role: 'teacher' });
    c = await loginAs(t, teacher.phone);
  });
  afterAll(() => t.close());

  const upload = (url: string, body: Buffer, type = 'application/octet-stream') =>
    c.agent.post(url).set('x-csrf-token', c.csrf).set('content-type', type).send(body);
  const download = async (url: string) =>
    (await c.agent.get(url).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (d: Buffer) => chunks.push(d));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    }).expect(200)).body as Buffer;
  const strip = (q: Question) => ({ ...q, id: undefined, version: undefined, archived: undefined });

  it('exports a course as the folder format and imports the zip back to the identical course', async () => {
    const course = await buildCourse(c, slug());
    const zip = await download(`/api/studio/courses/${course.id}/export.zip`);
    const copy = (await upload(`/api/studio/courses/import?slug=${course.slug}-ban-sao`, zip, 'application/zip').expect(201)).body as StudioCourse & { questions: Question[] };
    const [a, b] = [(await c.get(`/api/studio/courses/${course.id}`).expect(200)).body, copy] as (StudioCourse & Record<string, unknown> & { questions: Question[] })[];
    for (const field of ['title', 'summary', 'targetGroups', 'competencies', 'estimatedMinutes', 'ordering', 'coverImage']) expect([field, b![field]]).toEqual([field, a![field]]);
    expect(b!.lessons.map((l) => ({ ...l, id: 0, updatedAt: 0, version: 0 }))).toEqual(a!.lessons.map((l) => ({ ...l, id: 0, updatedAt: 0, version: 0 })));
    expect(b!.questions.map(strip)).toEqual(a!.questions.map(strip));
    expect((b!.quizzes as Record<string, unknown>[]).map((z) => ({ ...z, id: 0 }))).toEqual((a!.quizzes as Record<string, unknown>[]).map((z) => ({ ...z, id: 0 })));
    expect((b!.media as { name: string; size: number }[]).map((m) => [m.name, m.size])).toEqual((a!.media as { name: string; size: number }[]).map((m) => [m.name, m.size]));
    // And the copy exports to the same files, but for its slug.
    const again = await download(`/api/studio/courses/${copy.id}/export.zip`);
    const { unzipSync, strFromU8 } = await import('fflate');
    const files = (z: Buffer, s: string) => Object.fromEntries(Object.entries(unzipSync(z)).map(([k, v]) => [k.slice(s.length + 1), strFromU8(v).replace(`slug: "${s}"`, 'slug')]));
    expect(files(again, copy.slug)).toEqual(files(zip, course.slug));
  });

  it('imports a course folder written by hand, and refuses one with problems, each by file and line', async () => {
    const files = Object.fromEntries(Object.entries(VALID_COURSE).map(([name, text]) => [`thanh-toan/${name}`, strToU8(text)]));
    const s = slug();
    const imported = (await upload(`/api/studio/courses/import?slug=${s}`, Buffer.from(zipSync(files)), 'application/zip').expect(201)).body as StudioCourse;
    expect(imported).toMatchObject({ slug: s, status: 'draft', lessons: [{ slug: '01-quet-ma' }, { slug: '02-kiem-tra' }] });
    expect(imported.questions.map((q) => q.externalId).sort()).toEqual(['qr-1', 'qr-2', 'qr-3']);

    const broken = { ...files, 'thanh-toan/lessons/02-kiem-tra.md': strToU8('---\ntitle: Kiểm tra\ncompetencies: [\'9.9\']\nestimatedMinutes: 8\n---\n<script>alert(1)</script>\n') };
    const refused = await upload('/api/studio/courses/import', Buffer.from(zipSync(broken)), 'application/zip').expect(422);
    expect(refused.body.code).toBe('STUDIO_INVALID');
    const problems = (refused.body.details as { problems: Problem[] }).problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(problems).toEqual(expect.arrayContaining(['lessons/02-kiem-tra.md:3: unknown competency 9.9', 'lessons/02-kiem-tra.md:6: raw HTML is not allowed in lessons; write Markdown']));
  });

  it('shows the validator’s problems beside the field, lesson line, question or quiz they concern', async () => {
    const course = await buildCourse(c, slug());
    const base = `/api/studio/courses/${course.id}`;
    await c.put(`${base}/lessons/${course.lessons[1]!.id}`, { version: 1, body: 'Dòng một.\n\n![](../media/khong-co.png)\n' }).expect(200);
    await c.put(`${base}/quizzes/${course.quizzes[0]!.id}`, { version: 1, title: 'Bài kiểm tra', draw: [{ competency: '4.2', level: 1, count: 9 }], passPercent: 60 }).expect(200);
    const problems = ((await c.get(base).expect(200)).body as StudioCourse).problems.filter((p) => !p.warning);
    expect(problems).toEqual(expect.arrayContaining([
      expect.objectContaining({ entity: 'lesson', entityId: course.lessons[1]!.id, field: 'body', bodyLine: 3, message: 'image ../media/khong-co.png has no alt text' }),
      expect.objectContaining({ entity: 'quiz', entityId: course.quizzes[0]!.id, field: 'draw' }),
    ]));
    const submitted = await c.post(`${base}/submit`).expect(422);
    expect(submitted.body.code).toBe('STUDIO_INVALID');
    // A course field the reader refuses (it reads no further until it is fixed).
    await c.put(base, { version: course.version, summary: ' ' }).expect(200);
    expect(((await c.get(base).expect(200)).body as StudioCourse).problems).toEqual([
      expect.objectContaining({ entity: 'course', field: 'summary', file: 'course.yaml', message: 'summary: must not be empty' }),
    ]);
  });

  it('exports the bank as GIFT that imports again to the same questions', async () => {
    const course = await buildCourse(c, slug());
    const before = ((await c.get(`/api/studio/courses/${course.id}/questions`).expect(200)).body as Question[]).map(strip);
    expect(before).toHaveLength(5);
    const gift = (await c.get(`/api/studio/courses/${course.id}/questions/export.gift`).expect(200)).text;
    const other = (await c.post('/api/studio/courses', { slug: slug(), title: 'Ngân hàng câu hỏi' }).expect(201)).body as StudioCourse;
    const read = (await c.post(`/api/studio/courses/${other.id}/questions/gift`, { text: gift }).expect(201)).body as { questions: Question[]; problems: Problem[] };
    expect(read.questions.map(strip)).toEqual(before);
    // Pasting it again replaces, never doubles.
    await c.post(`/api/studio/courses/${other.id}/questions/gift`, { text: gift }).expect(201);
    expect(((await c.get(`/api/studio/courses/${other.id}/questions`).expect(200)).body as Question[]).map(strip)).toEqual(before);
    // GIFT with a mistake is refused with its line.
    const bad = await c.post(`/api/studio/courses/${other.id}/questions/gift`, { text: `${GIFT_BANK}\n::hong:: Câu hỏi hỏng {=A ~B\n` }).expect(422);
    expect((bad.body.details as { problems: Problem[] }).problems[0]).toMatchObject({ line: 24, message: expect.stringContaining('unmatched {') });
  });

  it('refuses hostile uploads with a clear reason', async () => {
    const course = (await c.post('/api/studio/courses', { slug: slug(), title: 'Tệp nguy hiểm' }).expect(201)).body as StudioCourse;
    const media = (name: string, alt = 'Hình') => `/api/studio/courses/${course.id}/media?name=${name}&alt=${encodeURIComponent(alt)}`;
    const refused = async (res: { body: { code: string; details: { field: string; message: string }[] } }) => `${res.body.code}: ${res.body.details[0]!.message}`;

    expect(await refused(await upload(media('hinh.svg'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')).expect(422))).toMatch(/^MEDIA_REFUSED: .*script/);
    expect(await refused(await upload(media('hinh.svg'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><rect onload="alert(1)"/></svg>')).expect(422))).toMatch(/^MEDIA_REFUSED/);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(200)]);
    expect(await refused(await upload(media('anh.png'), exe).expect(422))).toBe('MEDIA_REFUSED: content is not image/png (the bytes do not match the .png name)');
    expect(await refused(await upload(media('chay.exe'), exe).expect(422))).toMatch(/^MEDIA_REFUSED: media type not allowed/);
    const big = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(6 * 1024 * 1024)]);
    expect(await refused(await upload(media('lon.png'), big).expect(422))).toMatch(/^MEDIA_REFUSED: file is \d+ bytes; image files may be at most 5242880 bytes/);
    await upload(media('ok.svg', ''), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).expect(422).expect((res) => expect(res.body.code).toBe('ALT_REQUIRED'));
    await upload(media('..%2Fthoat.png'), exe).expect(400);
    expect((await c.post(media('x.png'), { not: 'a file' }).expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    // Anywhere else, a binary body is not even read.
    expect((await upload('/api/classes', Buffer.from('x'), 'application/octet-stream').expect(415)).body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    // A good file is served inert to those who may see the draft.
    await upload(media('ok.svg'), Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')).expect(201);
    const served = await c.get(`/api/studio/courses/${course.id}/media/ok.svg`).expect(200);
    expect(served.headers).toMatchObject({ 'content-type': 'image/svg+xml', 'x-content-type-options': 'nosniff', 'content-disposition': 'attachment; filename="ok.svg"' });
    expect(served.headers['content-security-policy']).toContain('sandbox');

    const zip = (files: Record<string, string>) => Buffer.from(zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)]))));
    const importing = async (body: Buffer) => {
      const res = await upload('/api/studio/courses/import', body, 'application/zip');
      expect(res.status).toBe(422);
      return `${res.body.code}: ${(res.body.details as { message: string }[])[0]!.message}`;
    };
    expect(await importing(zip({ 'khoa/course.yaml': 'x', '../../etc/cron.d/x': 'y' }))).toMatch(/^ZIP_REFUSED: .*paths leaving the folder/);
    expect(await importing(zip({ '/etc/passwd': 'y' }))).toMatch(/^ZIP_REFUSED: .*absolute paths/);
    expect(await importing(zip({ 'khoa\\course.yaml': 'x' }))).toMatch(/^ZIP_REFUSED: .*backslashes/);
    expect(await importing(zipWithSymlink())).toMatch(/^ZIP_REFUSED: khoa\/course.yaml: symbolic links are not accepted/);
    const bomb = Buffer.from(zipSync({ 'khoa/course.yaml': strToU8('x'), 'khoa/media/bom.png': new Uint8Array(50 * 1024 * 1024) }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await importing(bomb)).toMatch(/^ZIP_REFUSED: khoa\/media\/bom.png: expands \d+ times; at most 100 is accepted \(zip bomb\)/);
    expect(await importing(lyingZip(10 * 1024 * 1024, 100))).toMatch(/^ZIP_REFUSED: course.yaml: the data is larger than declared/);
    expect(await importing(zip(Object.fromEntries(Array.from({ length: 801 }, (_, i) => [`khoa/media/${i}.txt`, 'x']))))).toMatch(/^ZIP_REFUSED: the zip has 801 entries; at most 800/);
    expect(await importing(Buffer.from('không phải zip'))).toBe('ZIP_REFUSED: not a zip file');
  });
});
