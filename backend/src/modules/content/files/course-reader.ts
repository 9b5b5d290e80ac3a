import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { competencyCodes, type CourseDraft, type FrameworkDraft, type LessonDraft, matchesRule, type QuestionDraft, type QuizDraft } from './content-model';
import { splitFrontMatter } from './front-matter';
import { parseGift } from './gift-parser';
import { ProblemSink } from './problems';
import { bankSchema, check, courseSchema, lessonSchema } from './schemas';
import { readYamlQuestions } from './yaml-questions';
import { YamlSource } from './yaml-source';

const IMAGE = /!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g;
const HTML_TAG = /<\/?[a-zA-Z][^>]*>/;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/** Reads one course folder, checking everything it can and reporting every problem with its line. */
export function readCourse(contentDir: string, folder: string, framework: FrameworkDraft): { course: CourseDraft | null; sinks: ProblemSink[] } {
  const dir = path.join(contentDir, 'courses', folder);
  const rel = (full: string) => path.relative(contentDir, full);
  const sinks: ProblemSink[] = [];
  const sinkFor = (full: string) => {
    const s = new ProblemSink(rel(full));
    sinks.push(s);
    return s;
  };
  const codes = competencyCodes(framework);
  const groups = new Set(framework.targetGroups.map((g) => g.code));

  const courseFile = path.join(dir, 'course.yaml');
  const courseSink = sinkFor(courseFile);
  if (!existsSync(courseFile)) {
    courseSink.add(1, 'missing file course.yaml');
    return { course: null, sinks };
  }
  const source = YamlSource.parse(readFileSync(courseFile, 'utf8'), courseSink);
  const meta = source && check(courseSchema, source.value, source, courseSink);
  if (!source || !meta) return { course: null, sinks };

  meta.targetGroups.forEach((g, i) => {
    if (!groups.has(g)) courseSink.add(source.lineOf(['targetGroups', i]), `unknown target group ${g}`);
  });
  meta.competencies.forEach((c, i) => {
    if (!codes.has(c.code)) courseSink.add(source.lineOf(['competencies', i]), `unknown competency ${c.code}`);
  });

  // Lessons: listed ⇔ present, front matter valid, images described and present.
  const lessonDir = path.join(dir, 'lessons');
  const present = new Set(filesUnder(lessonDir).filter((f) => f.endsWith('.md')).map((f) => path.basename(f)));
  const seen = new Set<string>();
  const lessons: LessonDraft[] = [];
  meta.lessons.forEach((name, i) => {
    const line = source.lineOf(['lessons', i]);
    if (seen.has(name)) return courseSink.add(line, `lesson ${name} is listed twice`);
    seen.add(name);
    if (!present.has(name)) return courseSink.add(line, `missing file lessons/${name}`);
    const lesson = readLesson(path.join(lessonDir, name), i, sinkFor, codes, dir);
    if (lesson) lessons.push(lesson);
  });
  for (const name of present) {
    if (!seen.has(name)) courseSink.add(source.lineOf(['lessons']), `lessons/${name} is not listed in course.yaml`);
  }

  // Question banks: every file under questions/, YAML or GIFT, ids unique across the course.
  const questions: QuestionDraft[] = [];
  const bankFiles = filesUnder(path.join(dir, 'questions')).sort();
  for (const file of bankFiles) {
    const sink = sinkFor(file);
    const text = readFileSync(file, 'utf8');
    const relToCourse = path.relative(dir, file);
    let found: QuestionDraft[] = [];
    if (file.endsWith('.gift')) found = parseGift(text, relToCourse, sink);
    else if (file.endsWith('.yaml') || file.endsWith('.yml')) {
      const bank = YamlSource.parse(text, sink);
      if (bank && check(bankSchema, bank.value, bank, sink)) found = readYamlQuestions(bank, relToCourse, sink);
    } else sink.add(1, 'question banks must be .yaml or .gift');
    for (const q of found) {
      if (!codes.has(q.competency)) sink.add(1, `question ${q.externalId}: unknown competency ${q.competency}`);
      if (questions.some((o) => o.externalId === q.externalId)) sink.add(1, `question id ${q.externalId} is used twice in this course`);
    }
    questions.push(...found);
  }

  const quizzes = meta.quizzes.map((quiz, i): QuizDraft => {
    quiz.banks.forEach((bank, j) => {
      if (!existsSync(path.join(dir, bank))) courseSink.add(source.lineOf(['quizzes', i, 'banks', j]), `missing file ${bank}`);
    });
    const pool = questions.filter((q) => quiz.banks.includes(q.file));
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
      if (matching < rule.count) courseSink.add(source.lineOf(['quizzes', i, 'draw', j]), `draw rule asks ${rule.count} questions but the banks have ${matching} that match`);
    });
    if (pool.length < questionCount) {
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

  const hash = createHash('sha256').update(framework.version);
  for (const file of filesUnder(dir).sort()) hash.update(rel(file)).update('\0').update(readFileSync(file)).update('\0');
  return {
    course: {
      slug: meta.slug ?? folder,
      title: meta.title,
      summary: meta.summary,
      targetGroups: meta.targetGroups,
      competencies: meta.competencies,
      estimatedMinutes: meta.estimatedMinutes,
      ordering: meta.ordering,
      lessons,
      questions,
      quizzes,
      contentHash: hash.digest('hex'),
    },
    sinks,
  };
}

function readLesson(
  file: string,
  position: number,
  sinkFor: (f: string) => ProblemSink,
  codes: Set<string>,
  courseDir: string,
): LessonDraft | null {
  const sink = sinkFor(file);
  const text = readFileSync(file, 'utf8');
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
  parts.body.split('\n').forEach((line, i) => {
    const at = parts.bodyLine + i;
    for (const m of line.matchAll(IMAGE)) {
      const [, alt = '', src = ''] = m;
      if (!alt.trim()) sink.add(at, `image ${src} has no alt text`);
      if (/^[a-z]+:/i.test(src)) sink.add(at, `image ${src} must be a file of this course (../media/…), not a web address`);
      else if (!path.posix.normalize(path.posix.join('lessons', src)).startsWith('media/')) sink.add(at, `image ${src} must be in the course's media folder`);
      else if (!existsSync(path.resolve(path.dirname(file), src))) sink.add(at, `missing file ${src}`);
    }
    if (HTML_TAG.test(line)) sink.add(at, 'raw HTML is not allowed in lessons; write Markdown');
  });
  if (meta.video) {
    for (const key of ['src', 'captions'] as const) {
      if (!existsSync(path.join(courseDir, meta.video[key]))) sink.add(source.lineOf(['video', key]), `missing file ${meta.video[key]}`);
    }
  }
  return {
    slug: path.basename(file, '.md'),
    position,
    title: meta.title,
    competencies: meta.competencies,
    estimatedMinutes: meta.estimatedMinutes,
    required: meta.required,
    body: parts.body,
    video: meta.video ?? null,
  };
}
