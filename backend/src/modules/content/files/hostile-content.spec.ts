import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeContent, VALID_COURSE } from '../../../../test/support/content-fixture';
import { readContent } from './content-reader';
import { DEFAULT_LIMITS } from './content-tree';
import { validateMediaFile } from './media-check';
import { formatProblem } from './problems';

const COURSE = 'courses/thanh-toan-qr';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

/** Validates the valid course with `change` applied to its folder (paths relative to the course). */
async function errorsWith(change: (courseDir: string) => void, limits = DEFAULT_LIMITS): Promise<string[]> {
  const { dir, cleanup } = makeContent({ 'thanh-toan-qr': VALID_COURSE });
  try {
    change(path.join(dir, COURSE));
    const result = await readContent(dir, limits);
    return result.problems.filter((p) => !p.warning).map(formatProblem);
  } finally {
    cleanup();
  }
}
const write = (courseDir: string, rel: string, data: string | Buffer) => {
  mkdirSync(path.dirname(path.join(courseDir, rel)), { recursive: true });
  writeFileSync(path.join(courseDir, rel), data);
};
const withLesson = (body: string) => (courseDir: string) =>
  write(courseDir, 'lessons/02-kiem-tra.md', `---\ntitle: Kiểm tra người nhận\ncompetencies: ['2.1']\nestimatedMinutes: 8\n---\n${body}\n`);

describe('hostile course files', () => {
  it('refuses an SVG that loads a script, and the script beside it', async () => {
    const errors = await errorsWith((d) => {
      write(d, 'media/quet-ma.svg', '<svg xmlns="http://www.w3.org/2000/svg">\n<script href="helper.js"></script>\n</svg>');
      write(d, 'media/helper.js', 'fetch("/api/auth/me").then((r) => r.text()).then(alert)');
    });
    expect(errors).toEqual(expect.arrayContaining([
      `${COURSE}/media/quet-ma.svg:2: element <script> is not allowed in an SVG (only drawing elements: no scripts, HTML or embedded documents)`,
      `${COURSE}/media/quet-ma.svg:2: href="helper.js" points outside the file; only #id references are allowed`,
      `${COURSE}/media/helper.js:1: media type not allowed; use one of .png .jpg .jpeg .gif .webp .svg .mp3 .m4a .ogg .oga .wav .mp4 .m4v .webm .ogv .vtt .pdf`,
    ]));
  });

  it('refuses SVG event handlers, foreign HTML, external references and entities', () => {
    const check = (svg: string) => validateMediaFile(Buffer.from(svg), 'a.svg').problems.map((p) => `${p.line}: ${p.message}`);
    expect(check('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>')).toEqual(['1: attribute onload (an event handler) is not allowed in an SVG']);
    expect(check('<svg><foreignObject><iframe src="/api/auth/me"/></foreignObject></svg>')).toHaveLength(2);
    expect(check('<svg><image xlink:href="https://example.com/track.png"/></svg>')[0]).toMatch(/element <image> is not allowed/);
    expect(check('<svg><rect style="fill: url(https://example.com/x)"/></svg>')).toEqual(['1: attribute style holds a url() outside the file']);
    expect(check('<!DOCTYPE svg [<!ENTITY x "y">]><svg/>')).toEqual(['1: SVG must not declare a DOCTYPE or entities']);
    expect(check('<svg xmlns="http://www.w3.org/2000/svg"><defs><linearGradient id="g"/></defs><rect fill="url(#g)"/><use href="#g"/></svg>')).toEqual([]);
  });

  it('checks media by their bytes, not their names', () => {
    expect(validateMediaFile(Buffer.from('root:x:0:0:root:/root:/bin/bash\n'), 'anh.png').problems).toEqual([{ line: 1, message: 'content is not image/png (the bytes do not match the .png name)' }]);
    expect(validateMediaFile(PNG, 'anh.png')).toEqual({ kind: 'image', mime: 'image/png', problems: [] });
    expect(validateMediaFile(Buffer.from('<html><script>alert(1)</script>'), 'trang.html').problems[0]!.message).toMatch(/^media type not allowed/);
    expect(validateMediaFile(Buffer.from('1\n00:00.000 --> 00:01.000\nxin chào\n'), 'phu-de.vtt').problems).toEqual([{ line: 1, message: 'captions must be WebVTT (the file starts with WEBVTT)' }]);
  });

  it('never follows a symlink: to /etc/passwd, to a FIFO, or a folder loop; a FIFO itself is refused without hanging', async () => {
    const errors = await errorsWith((d) => {
      symlinkSync('/etc/passwd', path.join(d, 'media/anh.png'));
      execFileSync('mkfifo', [path.join(d, 'media/ong.webm')]);
      symlinkSync(path.join(d, 'media/ong.webm'), path.join(d, 'media/den-ong.webm'));
      symlinkSync('..', path.join(d, 'media/vong'));
      execFileSync('mkfifo', [path.join(d, 'questions/them-nua.gift')]);
    });
    expect(errors).toEqual(expect.arrayContaining([
      `${COURSE}/media/anh.png:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)`,
      `${COURSE}/media/ong.webm:1: is a FIFO (named pipe); only regular files and folders are allowed (nothing is followed)`,
      `${COURSE}/media/den-ong.webm:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)`,
      `${COURSE}/media/vong:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)`,
      `${COURSE}/questions/them-nua.gift:1: is a FIFO (named pipe); only regular files and folders are allowed (nothing is followed)`,
    ]));
  });

  it('refuses a symlinked course folder and a symlinked lessons folder', async () => {
    const errors = await errorsWith((d) => {
      symlinkSync(d, path.join(d, '..', 'ban-sao'));
      renameSync(path.join(d, 'lessons'), path.join(d, '..', '..', 'bai-hoc-that'));
      symlinkSync(path.join(d, '..', '..', 'bai-hoc-that'), path.join(d, 'lessons'));
    });
    expect(errors).toEqual(expect.arrayContaining([
      'courses/ban-sao:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)',
      `${COURSE}/lessons:1: is a symbolic link; only regular files and folders are allowed (nothing is followed)`,
      `${COURSE}/course.yaml:10: missing file lessons/01-quet-ma.md`,
    ]));
  });

  it('refuses video and caption paths outside the course media folder', async () => {
    const errors = await errorsWith((d) =>
      write(d, 'lessons/02-kiem-tra.md', `---\ntitle: Kiểm tra\ncompetencies: ['2.1']\nestimatedMinutes: 8\nvideo:\n  src: ../../../../etc/passwd\n  captions: media/../../khac/phu-de.vtt\n  transcript: Lời thoại.\n---\nXem video.\n`),
    );
    expect(errors).toEqual(expect.arrayContaining([
      `${COURSE}/lessons/02-kiem-tra.md:6: video.src ../../../../etc/passwd must be a file in the course's media folder (media/…)`,
      `${COURSE}/lessons/02-kiem-tra.md:7: video.captions media/../../khac/phu-de.vtt must be a file in the course's media folder (media/…)`,
    ]));
  });

  it('refuses a YAML alias bomb with its line instead of crashing', async () => {
    const bomb = `questions:\n  - &a [x, x, x, x, x, x, x, x, x]\n  - &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n  - &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\n  - &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n`;
    const errors = await errorsWith((d) => write(d, 'questions/cau-hoi.yaml', bomb));
    expect(errors).toContain(`${COURSE}/questions/cau-hoi.yaml:3: YAML aliases (*a) are not allowed; write the value out`);
  });

  it('scans a 1 MB line of tag and image openers in linear time, and refuses paragraphs that would make the renderer slow', async () => {
    // The scanners' own bound is the text limit (1 MB); lessons are smaller by default, so it is raised here.
    const big = { ...DEFAULT_LIMITS, lessonBytes: DEFAULT_LIMITS.textFileBytes };
    expect(await errorsWith(withLesson('<a‹a'.repeat(170_000)), big)).toEqual([]);
    expect(await errorsWith(withLesson(`${'<a '.repeat(300_000)}>`), big)).toEqual([`${COURSE}/lessons/02-kiem-tra.md:6: raw HTML is not allowed in lessons; write Markdown`]);
    const crowded = `${COURSE}/lessons/02-kiem-tra.md:6: paragraph holds more than 100 [ or more than 100 * and _; split it (the renderer slows down on such text)`;
    expect(await errorsWith(withLesson('![!['.repeat(200_000) + '](x'), big)).toEqual([crowded, `${COURSE}/lessons/02-kiem-tra.md:6: the lesson holds more than 1000 [ or more than 1000 * and _; split it into several lessons`]);
    expect(await errorsWith(withLesson('*a'.repeat(200)))).toEqual([crowded]);
    const many = Array.from({ length: 30 }, () => '[a] '.repeat(50)).join('\n\n');
    expect(await errorsWith(withLesson(many))).toEqual([`${COURSE}/lessons/02-kiem-tra.md:46: the lesson holds more than 1000 [ or more than 1000 * and _; split it into several lessons`]);
    // Code blocks are not rendered as Markdown inline text, and prose with a few links is fine.
    expect(await errorsWith(withLesson('```\n' + 'x = [1, 2]\n'.repeat(300) + '```\n\n' + '[Cổng](https://dichvucong.gov.vn) '.repeat(20)))).toEqual([]);
  });

  it('refuses files over the size limits: per text file, per lesson and per course', async () => {
    const lesson = `---\ntitle: Kiểm tra người nhận\ncompetencies: ['2.1']\nestimatedMinutes: 8\n---\n${'Chữ. '.repeat(60_000)}\n`;
    expect(await errorsWith(withLesson('Chữ. '.repeat(60_000)))).toEqual([`${COURSE}/lessons/02-kiem-tra.md:1: lesson is ${Buffer.byteLength(lesson)} bytes; a lesson may be at most 262144 bytes (split it into several lessons)`]);
    const bank = 'questions: []\n' + '# chú thích\n'.repeat(100_000);
    expect(await errorsWith((d) => write(d, 'questions/cau-hoi.yaml', bank))).toEqual([`${COURSE}/questions/cau-hoi.yaml:1: file is ${Buffer.byteLength(bank)} bytes; text files may be at most 1048576 bytes`]);
    const small = { ...DEFAULT_LIMITS, courseBytes: 3000 };
    const errors = await errorsWith((d) => write(d, 'media/anh.png', Buffer.concat([PNG, Buffer.alloc(4000)])), small);
    expect(errors).toContain(`${COURSE}/course.yaml:1: the course's files exceed 3000 bytes together`);
    const folders = await errorsWith((d) => {
      for (let i = 0; i < 30; i++) mkdirSync(path.join(d, 'media', `thu-muc-${i}`));
    }, { ...DEFAULT_LIMITS, filesPerCourse: 20 });
    expect(folders).toContain(`${COURSE}/course.yaml:1: the course has more than 20 files and folders`);
  });

  it('reads text as strict UTF-8: invalid bytes and Windows-1258 refused with their line, a BOM accepted, NUL refused', async () => {
    const lesson = (body: Buffer) => (d: string) => write(d, 'lessons/02-kiem-tra.md', Buffer.concat([Buffer.from(`---\ntitle: Kiểm tra\ncompetencies: ['2.1']\nestimatedMinutes: 8\n---\n`), body]));
    // "Tiếng Việt" in Windows-1258: ê = 0xEA then a combining acute 0xEC; ệ = 0xEA + 0xF2.
    const cp1258 = Buffer.from([0x54, 0x69, 0xea, 0xec, 0x6e, 0x67, 0x20, 0x56, 0x69, 0xea, 0xf2, 0x74, 0x0a]);
    expect(await errorsWith(lesson(cp1258))).toEqual([`${COURSE}/lessons/02-kiem-tra.md:6: not valid UTF-8 at byte ${Buffer.byteLength(`---\ntitle: Kiểm tra\ncompetencies: ['2.1']\nestimatedMinutes: 8\n---\n`) + 2} (save the file as UTF-8; Windows-1258 and other code pages are refused)`]);
    expect(await errorsWith(lesson(Buffer.from('Dòng một\nDòng\u0000 hai\n')))).toEqual([`${COURSE}/lessons/02-kiem-tra.md:7: contains a NUL byte, which text files cannot hold`]);
    const bom = (d: string) => write(d, 'course.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID_COURSE['course.yaml']!)]));
    expect(await errorsWith(bom)).toEqual([]);
    const bomLesson = (d: string) => write(d, 'lessons/02-kiem-tra.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VALID_COURSE['lessons/02-kiem-tra.md']!)]));
    expect(await errorsWith(bomLesson)).toEqual([]);
  });

  it('refuses the same question id twice in one YAML bank, so a quiz never draws from fewer than it counts', async () => {
    const twice = VALID_COURSE['questions/cau-hoi.yaml']!.replace('  - id: qr-2', '  - id: qr-1');
    const errors = await errorsWith((d) => write(d, 'questions/cau-hoi.yaml', twice));
    expect(errors).toEqual([`${COURSE}/questions/cau-hoi.yaml:11: question id qr-1 is used twice in this bank (also line 2)`]);
  });

  it('refuses the same id in two banks of a course, naming both places', async () => {
    const errors = await errorsWith((d) => write(d, 'questions/them.gift', VALID_COURSE['questions/them.gift']!.replace('::qr-3::', '::qr-1::')));
    expect(errors).toContain(`${COURSE}/questions/them.gift:3: question id qr-1 is used twice in this course (also questions/cau-hoi.yaml:2)`);
  });
});
