import { createHash } from 'node:crypto';
import path from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { competencyCodes, type CourseDraft, type FrameworkDraft, type LessonDraft, matchesRule, type QuestionDraft, type QuizDraft } from './content-model';
import type { ContentTree } from './content-tree';
import { splitFrontMatter } from './front-matter';
import { crowdedMarkdown, hasHtmlTag, imagesIn, MAX_OPENERS_PER_LESSON, MAX_OPENERS_PER_PARAGRAPH } from './markdown-scan';
import { validateMediaFile } from './media-check';
import { ProblemSink } from './problems';
import { bankFormatOf, parseQuestionBank, PARSER_VERSION } from './question-bank';
import { check, courseSchema, lessonSchema } from './schemas';
import { YamlSource } from './yaml-source';

/** A media file name the media route serves: one plain name directly in `media/`. */
export const MEDIA_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/;

/** `media/<name>` for a path written relative to `fromDir` (inside the course), or null when it leaves media/. */
function mediaPath(fromDir: string, src: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/')) return null;
  const normal = path.posix.normalize(path.posix.join(fromDir, src));
  const name = normal.startsWith('media/') ? normal.slice('media/'.length) : '';
  return MEDIA_FILE.test(name) ? normal : null;
}

/**
 * Reads one course folder from the snapshot, checking everything it can and reporting every problem
 * with its line. Never throws for anything a file holds: an unexpected error becomes a problem.
 */
export async function readCourse(tree: ContentTree, folder: string, framework: FrameworkDraft): Promise<{ course: CourseDraft | null; sinks: ProblemSink[] }> {
  const dir = `courses/${folder}`;
  const sinks: ProblemSink[] = [];
  const sinkFor = (rel: string) => {
    let s = sinks.find((x) => x.file === rel);
    if (!s) {
      s = new ProblemSink(rel);
      sinks.push(s);
    }
    return s;
  };
  const courseFile = `${dir}/course.yaml`;
  const courseSink = sinkFor(courseFile);
  try {
    return { course: await readCourseFiles(tree, dir, folder, framework, sinkFor), sinks };
  } catch (err) {
    courseSink.add(1, `the course could not be read: ${(err as Error).message}`);
    return { course: null, sinks };
  }
}

/** Parses one course, giving the event loop back after each lesson and bank (each is bounded in size). */
async function readCourseFiles(tree: ContentTree, dir: string, folder: string, framework: FrameworkDraft, sinkFor: (rel: string) => ProblemSink): Promise<CourseDraft | null> {
  const codes = competencyCodes(framework);
  const groups = new Set(framework.targetGroups.map((g) => g.code));
  const courseFile = `${dir}/course.yaml`;
  const courseSink = sinkFor(courseFile);
  if (!tree.has(courseFile)) {
    courseSink.add(1, 'missing file course.yaml');
    return null;
  }
  const text = tree.text(courseFile, courseSink);
  const source = text === null ? null : YamlSource.parse(text, courseSink);
  const meta = source && check(courseSchema, source.value, source, courseSink);
  if (!source || !meta) return null;

  meta.targetGroups.forEach((g, i) => {
    if (!groups.has(g)) courseSink.add(source.lineOf(['targetGroups', i]), `unknown target group ${g}`);
  });
  meta.competencies.forEach((c, i) => {
    if (!codes.has(c.code)) courseSink.add(source.lineOf(['competencies', i]), `unknown competency ${c.code}`);
  });
  if (!meta.slug && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(folder)) courseSink.add(1, `folder name ${folder} is not a slug (lowercase letters, digits, hyphens); rename it or set slug:`);
  if (folder.length > 120) courseSink.add(1, 'the folder name is longer than 120 characters');
  const defaults = meta.questionDefaults ?? (meta.competencies.length === 1 ? { competency: meta.competencies[0]!.code, level: meta.competencies[0]!.level } : {});

  // Every file has a place: course.yaml, lessons/*.md, questions/*, media/<name>.
  const files = tree.filesUnder(dir);
  for (const f of files) {
    const inCourse = f.slice(dir.length + 1);
    const known = inCourse === 'course.yaml' || /^lessons\/[^/]+\.md$/.test(inCourse) || /^questions\/[^/]+$/.test(inCourse) || /^media\/[^/]+$/.test(inCourse);
    if (!known) sinkFor(f).add(1, 'file is not part of a course: only course.yaml, lessons/*.md, questions/* and media/* are read');
  }

  // Media: each file checked by its bytes.
  const media = new Map<string, string>();
  for (const f of files.filter((x) => x.startsWith(`${dir}/media/`))) {
    const name = f.slice(`${dir}/media/`.length);
    const file = tree.files.get(f)!;
    if (!MEDIA_FILE.test(name)) sinkFor(f).add(1, 'media file names are letters, digits, ".", "-" and "_" only');
    const verdict = validateMediaFile(file.data, name, { size: file.size, limits: tree.limits.media });
    for (const p of verdict.problems) sinkFor(f).add(p.line, p.message);
    if (verdict.kind && verdict.problems.length === 0) media.set(`media/${name}`, verdict.kind);
  }

  if (meta.coverImage !== undefined) {
    const cover = mediaPath('', meta.coverImage);
    const line = source.lineOf(['coverImage']);
    if (!cover) courseSink.add(line, `coverImage ${meta.coverImage} must be an image in the course's media folder (media/…)`);
    else if (!tree.has(`${dir}/${cover}`)) courseSink.add(line, `missing file ${meta.coverImage}`);
    else if (media.get(cover) !== 'image' && media.get(cover) !== 'svg') courseSink.add(line, `coverImage ${meta.coverImage} is not a valid image`);
  }

  // Lessons: listed ⇔ present, front matter valid, images described and present.
  const present = new Set([...files, ...tree.refusedUnder(dir)].filter((f) => /\/lessons\/[^/]+\.md$/.test(f)).map((f) => path.posix.basename(f)));
  const seen = new Set<string>();
  const lessons: LessonDraft[] = [];
  for (const [i, name] of meta.lessons.entries()) {
    const line = source.lineOf(['lessons', i]);
    if (seen.has(name)) {
      courseSink.add(line, `lesson ${name} is listed twice`);
      continue;
    }
    seen.add(name);
    if (!present.has(name)) courseSink.add(line, `missing file lessons/${name}`);
    // A refused file (link, size…) is reported already, with its reason.
    else if (tree.has(`${dir}/lessons/${name}`)) {
      const lesson = readLesson(tree, `${dir}/lessons/${name}`, i, sinkFor(`${dir}/lessons/${name}`), codes, media);
      if (lesson) lessons.push(lesson);
      await yieldToLoop();
    }
  }
  for (const name of present) {
    if (!seen.has(name)) courseSink.add(source.lineOf(['lessons']), `lessons/${name} is not listed in course.yaml`);
  }

  // Question banks: every file under questions/, YAML or GIFT, ids unique across the course.
  const questions: QuestionDraft[] = [];
  const where = new Map<string, string>();
  // Banks refused or with errors: their questions are not all known, so draw counts are not judged.
  const broken = new Set(tree.refusedUnder(`${dir}/questions`).map((f) => f.slice(dir.length + 1)));
  for (const file of files.filter((f) => f.startsWith(`${dir}/questions/`))) {
    const sink = sinkFor(file);
    const relToCourse = file.slice(dir.length + 1);
    const format = bankFormatOf(file);
    if (relToCourse.length > 200) sink.add(1, 'the bank file name is longer than 200 characters');
    if (!format) {
      sink.add(1, 'question banks must be .yaml or .gift');
      continue;
    }
    const text = tree.text(file, sink);
    if (text === null) {
      broken.add(relToCourse);
      continue;
    }
    const before = sink.problems.filter((p) => !p.warning).length;
    const found = parseQuestionBank(text, format, relToCourse, sink, defaults);
    if (sink.problems.filter((p) => !p.warning).length > before) broken.add(relToCourse);
    await yieldToLoop();
    for (const q of found) {
      if (!codes.has(q.competency)) sink.add(q.line, `question ${q.externalId}: unknown competency ${q.competency}`);
      const other = where.get(q.externalId);
      if (other && other.split(':')[0] !== relToCourse) sink.add(q.line, `question id ${q.externalId} is used twice in this course (also ${other})`);
      else if (!other) where.set(q.externalId, `${relToCourse}:${q.line}`);
    }
    questions.push(...found);
  }

  const quizzes = meta.quizzes.map((quiz, i): QuizDraft => {
    quiz.banks.forEach((bank, j) => {
      const inCourse = `${dir}/${path.posix.normalize(bank)}`;
      if ((!tree.has(inCourse) && !tree.refused.has(inCourse)) || !path.posix.normalize(bank).startsWith('questions/')) {
        courseSink.add(source.lineOf(['quizzes', i, 'banks', j]), `missing file ${bank}`);
      }
    });
    const pool = questions.filter((q) => quiz.banks.includes(q.file));
    const judged = !quiz.banks.some((b) => broken.has(path.posix.normalize(b)));
    const draw = quiz.draw ?? [];
    const drawTotal = draw.reduce((n, r) => n + r.count, 0);
    const questionCount = quiz.questionCount ?? drawTotal;
    if (!quiz.questionCount && !quiz.draw) courseSink.add(source.lineOf(['quizzes', i]), `quiz ${quiz.slug} needs questionCount or draw`);
    if (quiz.questionCount && quiz.draw && quiz.questionCount !== drawTotal) {
      courseSink.add(source.lineOf(['quizzes', i, 'questionCount']), `quiz ${quiz.slug}: questionCount ${quiz.questionCount} differs from the draw total ${drawTotal}`);
    }
    draw.forEach((rule, j) => {
      if (rule.competency === undefined && rule.level === undefined) courseSink.add(source.lineOf(['quizzes', i, 'draw', j]), 'a draw rule needs a competency, a level or both');
      const matching = pool.filter((q) => matchesRule(q, rule)).length;
      if (judged && matching < rule.count) courseSink.add(source.lineOf(['quizzes', i, 'draw', j]), `draw rule asks ${rule.count} questions but the banks have ${matching} that match`);
    });
    if (judged && pool.length < questionCount) {
      courseSink.add(source.lineOf(['quizzes', i, 'questionCount']), `quiz ${quiz.slug} draws ${questionCount} questions but its banks have ${pool.length}`);
    }
    return {
      slug: quiz.slug,
      title: quiz.title,
      banks: quiz.banks,
      questionCount,
      draw,
      passPercent: quiz.passPercent,
      required: quiz.required,
      maxAttempts: quiz.maxAttempts ?? null,
      cooldownSeconds: Math.round(quiz.cooldownMinutes * 60),
      timeLimitSeconds: quiz.timeLimitMinutes ? Math.round(quiz.timeLimitMinutes * 60) : null,
      showAnswers: quiz.showAnswers,
    };
  });

  // The parser's version is part of the hash: when the reading of a file changes, courses re-import.
  const hash = createHash('sha256').update(framework.version).update('\0').update(PARSER_VERSION);
  for (const f of files) hash.update(f).update('\0').update(tree.files.get(f)!.digest).update('\0');
  return {
    slug: meta.slug ?? folder,
    folder,
    title: meta.title,
    summary: meta.summary,
    coverImage: meta.coverImage ?? null,
    targetGroups: meta.targetGroups,
    competencies: meta.competencies,
    estimatedMinutes: meta.estimatedMinutes,
    ordering: meta.ordering,
    questionDefaults: meta.questionDefaults ?? null,
    lessons,
    questions,
    quizzes,
    contentHash: hash.digest('hex'),
  };
}

function readLesson(tree: ContentTree, file: string, position: number, sink: ProblemSink, codes: Set<string>, media: Map<string, string>): LessonDraft | null {
  const size = tree.files.get(file)?.size ?? 0;
  if (size > tree.limits.lessonBytes) {
    sink.add(1, `lesson is ${size} bytes; a lesson may be at most ${tree.limits.lessonBytes} bytes (split it into several lessons)`);
    return null;
  }
  const text = tree.text(file, sink);
  if (text === null) return null;
  const parts = splitFrontMatter(text);
  if (!parts) {
    sink.add(1, 'lesson must start with front matter between --- lines');
    return null;
  }
  const source = YamlSource.parse(parts.yaml, sink, 1);
  const meta = source && check(lessonSchema, source.value, source, sink);
  if (!source || !meta) return null;
  meta.competencies.forEach((c, i) => {
    if (!codes.has(c)) sink.add(source.lineOf(['competencies', i]), `unknown competency ${c}`);
  });
  const bodyLines = parts.body.split('\n');
  const crowded = crowdedMarkdown(bodyLines);
  for (const at of crowded.paragraphs) {
    sink.add(parts.bodyLine + at, `paragraph holds more than ${MAX_OPENERS_PER_PARAGRAPH} [ or more than ${MAX_OPENERS_PER_PARAGRAPH} * and _; split it (the renderer slows down on such text)`);
  }
  if (crowded.lesson !== null) {
    sink.add(parts.bodyLine + crowded.lesson, `the lesson holds more than ${MAX_OPENERS_PER_LESSON} [ or more than ${MAX_OPENERS_PER_LESSON} * and _; split it into several lessons`);
  }
  bodyLines.forEach((line, i) => {
    const at = parts.bodyLine + i;
    for (const { alt, src } of imagesIn(line)) {
      if (!alt.trim()) sink.add(at, `image ${src} has no alt text`);
      const inMedia = mediaPath('lessons', src);
      if (/^[a-z][a-z0-9+.-]*:/i.test(src)) sink.add(at, `image ${src} must be a file of this course (../media/…), not a web address`);
      else if (!inMedia) sink.add(at, `image ${src} must be in the course's media folder`);
      else if (!tree.has(`${path.posix.dirname(path.posix.dirname(file))}/${inMedia}`)) sink.add(at, `missing file ${src}`);
      else if (media.get(inMedia) !== 'image' && media.get(inMedia) !== 'svg') sink.add(at, `image ${src} is not a valid image`);
    }
    if (hasHtmlTag(line)) sink.add(at, 'raw HTML is not allowed in lessons; write Markdown');
  });
  if (meta.video) {
    const courseDir = path.posix.dirname(path.posix.dirname(file));
    for (const [key, kinds] of [['src', ['video', 'audio']], ['captions', ['captions']]] as const) {
      const written = meta.video[key];
      const inMedia = mediaPath('', written);
      const line = source.lineOf(['video', key]);
      if (!inMedia) sink.add(line, `video.${key} ${written} must be a file in the course's media folder (media/…)`);
      else if (!tree.has(`${courseDir}/${inMedia}`)) sink.add(line, `missing file ${written}`);
      else if (!(kinds as readonly string[]).includes(media.get(inMedia) ?? '')) sink.add(line, `video.${key} ${written} is not a valid ${kinds.join(' or ')} file`);
    }
  }
  return {
    slug: path.posix.basename(file, '.md'),
    position,
    title: meta.title,
    competencies: meta.competencies,
    estimatedMinutes: meta.estimatedMinutes,
    required: meta.required,
    body: parts.body,
    video: meta.video ?? null,
  };
}
