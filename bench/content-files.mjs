// Content files under hostile and large input: how long the validator reads a content folder, how
// long the event loop is held meanwhile (what an import started from the API costs the other
// requests), and how long the scanners, GIFT's HTML reader and the lesson renderer take on the worst
// text allowed.
// Usage: npm run build -w backend && node bench/content-files.mjs [--courses 10]
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'backend/dist/backend/src');
const require = createRequire(path.join(SRC, 'main.js'));
const { readContent } = require('./modules/content/files/content-reader.js');
const { imagesIn, hasHtmlTag } = require('./modules/content/files/markdown-scan.js');
const { renderLesson } = require('./modules/learning/lesson-renderer.js');
const { htmlToMarkdown } = require('./modules/content/files/rich-text.js');
const { values } = parseArgs({ options: { courses: { type: 'string', default: '10' } } });
const COURSES = Number(values.courses);

const ms = (start) => Number(process.hrtime.bigint() - start) / 1e6;
const time = (fn) => {
  const start = process.hrtime.bigint();
  fn();
  return ms(start).toFixed(1);
};

// A content folder: each course with 20 lessons of ~200 KB, a GIFT bank of 1,500 questions (~230 KB)
// and a 200 MB video (sparse: read and hashed in full all the same).
const dir = mkdtempSync(path.join(os.tmpdir(), 'bdhvs-bench-content-'));
cpSync(path.join(ROOT, 'content/framework'), path.join(dir, 'framework'), { recursive: true, filter: (f) => !f.endsWith('certification-policies.yaml') });
const paragraph = `Mở ứng dụng ngân hàng, chọn [quét mã](https://example.vn) và kiểm tra **tên người nhận**. ${'Luôn đọc kỹ tên và số tiền trước khi bấm xác nhận. '.repeat(20)}`;
for (let c = 0; c < COURSES; c++) {
  const course = path.join(dir, 'courses', `khoa-${c}`);
  mkdirSync(path.join(course, 'lessons'), { recursive: true });
  mkdirSync(path.join(course, 'questions'));
  mkdirSync(path.join(course, 'media'));
  const lessons = Array.from({ length: 20 }, (_, i) => `bai-${String(i).padStart(2, '0')}.md`);
  for (const name of lessons) {
    writeFileSync(path.join(course, 'lessons', name), `---\ntitle: Bài học\ncompetencies: ['4.2']\nestimatedMinutes: 10\n---\n${Array.from({ length: 200 }, () => paragraph).join('\n\n').slice(0, 150_000)}\n`);
  }
  const bank = Array.from({ length: 1500 }, (_, i) => `::c${i}:: Câu hỏi số ${i}: mã OTP nên chia sẻ với ai? {=Không ai cả #Đúng. ~Nhân viên ngân hàng #Không. ~Người thân #Không. ####Không ai được biết OTP.}`).join('\n\n');
  writeFileSync(path.join(course, 'questions', 'ngan-hang.gift'), `// @competency 4.2\n// @level 1\n${bank}\n`);
  const video = path.join(course, 'media', 'video.webm');
  writeFileSync(video, Buffer.from([0x1a, 0x45, 0xdf, 0xa3]));
  truncateSync(video, 200 * 1024 * 1024);
  writeFileSync(path.join(course, 'course.yaml'), `title: Khóa ${c}\nsummary: Khóa học đo thời gian.\ntargetGroups: [citizen]\ncompetencies:\n  - { code: '4.2', level: 1 }\nestimatedMinutes: 60\nordering: free\nlessons:\n${lessons.map((l) => `  - ${l}`).join('\n')}\nquizzes:\n  - { slug: kiem-tra, title: Kiểm tra, banks: [questions/ngan-hang.gift], questionCount: 10, passPercent: 70 }\n`);
}
const fifo = path.join(dir, 'courses', 'khoa-0', 'media', 'ong.webm');
execFileSync('mkfifo', [fifo]);

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const start = process.hrtime.bigint();
const result = await readContent(dir);
const readMs = ms(start);
loop.disable();
for (const p of result.problems.filter((x) => !x.warning).slice(0, 3)) console.log(`  ${p.file}:${p.line}: ${p.message}`);
const questions = result.courses.reduce((n, c) => n + c.questions.length, 0);
console.log(`read ${COURSES} courses (${COURSES * 20} lessons of ~200 KB, ${questions} GIFT questions, ${COURSES} videos of 200 MB, one FIFO): ${readMs.toFixed(0)} ms; ${result.errors} errors`);
console.log(`event loop held meanwhile: max ${(loop.max / 1e6).toFixed(1)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(1)} ms, mean ${(loop.mean / 1e6).toFixed(1)} ms`);
rmSync(dir, { recursive: true, force: true });

console.log(`scanners on a 1 MB line: "<a‹a"×170k ${time(() => hasHtmlTag('<a‹a'.repeat(170_000)))} ms, "![!["×250k ${time(() => imagesIn('![!['.repeat(250_000)))} ms, "![](![](…"×170k ${time(() => imagesIn('![]('.repeat(170_000)))} ms`);
const worstParagraphs = Array.from({ length: 10 }, () => '['.repeat(100) + 'a'.repeat(25_000)).join('\n\n');
const worstMany = Array.from({ length: 1300 }, () => '[a'.repeat(1) + 'b'.repeat(190)).join('\n\n');
renderLesson('warm up [a](b) **c**', 'x');
console.log(`lesson renderer on the worst lessons allowed (256 KB): 10 paragraphs of 100 "[" and 25 KB ${time(() => renderLesson(worstParagraphs, 'x'))} ms, 1,000 "[" in 1,300 paragraphs ${time(() => renderLesson(worstMany.slice(0, 256_000), 'x'))} ms`);
console.log(`GIFT [html] to Markdown on a 1 MB line: "<b>x</b>"×125k ${time(() => htmlToMarkdown('<b>x</b>'.repeat(125_000), false))} ms, "<b><i>"×170k unclosed ${time(() => htmlToMarkdown('<b><i>'.repeat(170_000), false))} ms, "<a‹"×330k ${time(() => htmlToMarkdown('<a‹'.repeat(330_000), true))} ms`);
