import type { LessonDraft, QuestionDraft, ShowAnswers } from './content-model';

/**
 * The folder format written from the content model: course.yaml, lessons/*.md and YAML banks, the
 * inverse of the readers (GIFT banks: gift-writer.ts). The authoring studio writes its drafts with
 * it and lets the one reader judge them. Strings are written JSON-quoted (valid YAML, nothing to
 * escape by hand); each file comes with marks (line → key) so a reader's `file:line` problem can be
 * traced back to the field or item it is about.
 */
export type Written = { text: string; marks: { line: number; key: string }[] };

/** The key of the last mark at or before `line`, or null. */
export function keyAt(written: Written, line: number): string | null {
  let key: string | null = null;
  for (const m of written.marks) {
    if (m.line > line) break;
    key = m.key;
  }
  return key;
}

class Lines {
  private readonly lines: string[] = [];
  readonly marks: Written['marks'] = [];

  add(line: string, key?: string): this {
    this.lines.push(line);
    if (key) this.marks.push({ line: this.lines.length, key });
    return this;
  }

  get count(): number {
    return this.lines.length;
  }

  done(trailer = ''): Written {
    return { text: `${this.lines.join('\n')}\n${trailer}`, marks: this.marks };
  }
}

const q = (s: string) => JSON.stringify(s);
const list = (xs: string[]) => `[${xs.map(q).join(', ')}]`;

export type QuizFile = {
  slug: string; title: string; banks: string[]; questionCount: number | null; draw: { competency?: string; level?: number; count: number }[];
  passPercent: number; required: boolean; maxAttempts: number | null; cooldownSeconds: number; timeLimitSeconds: number | null; showAnswers: ShowAnswers;
};

export type CourseFile = {
  slug: string; title: string; summary: string; coverImage: string | null; targetGroups: string[]; competencies: { code: string; level: number }[];
  estimatedMinutes: number; ordering: string; questionDefaults: { competency?: string; level?: number } | null;
  /** Lesson file names, in order; each is marked with its key. */
  lessons: { file: string; key: string }[];
  quizzes: (QuizFile & { key: string })[];
};

/** course.yaml; marks: `title`, `summary`…, the lesson keys, and `<quiz key>.<field>`. */
export function writeCourseYaml(c: CourseFile): Written {
  const out = new Lines();
  out.add(`slug: ${q(c.slug)}`, 'slug');
  out.add(`title: ${q(c.title)}`, 'title');
  out.add(`summary: ${q(c.summary)}`, 'summary');
  if (c.coverImage !== null) out.add(`coverImage: ${q(c.coverImage)}`, 'coverImage');
  out.add(`targetGroups: ${list(c.targetGroups)}`, 'targetGroups');
  out.add(c.competencies.length ? 'competencies:' : 'competencies: []', 'competencies');
  for (const x of c.competencies) out.add(`  - { code: ${q(x.code)}, level: ${x.level} }`);
  out.add(`estimatedMinutes: ${c.estimatedMinutes}`, 'estimatedMinutes');
  out.add(`ordering: ${q(c.ordering)}`, 'ordering');
  if (c.questionDefaults) {
    const d = c.questionDefaults;
    const parts = [d.competency !== undefined ? `competency: ${q(d.competency)}` : '', d.level !== undefined ? `level: ${d.level}` : ''].filter(Boolean);
    out.add(`questionDefaults: { ${parts.join(', ')} }`, 'questionDefaults');
  }
  out.add(c.lessons.length ? 'lessons:' : 'lessons: []', 'lessons');
  for (const l of c.lessons) out.add(`  - ${q(l.file)}`, l.key);
  out.add(c.quizzes.length ? 'quizzes:' : 'quizzes: []', 'quizzes');
  for (const z of c.quizzes) {
    out.add(`  - slug: ${q(z.slug)}`, `${z.key}.slug`);
    out.add(`    title: ${q(z.title)}`, `${z.key}.title`);
    out.add(`    banks: ${list(z.banks)}`, `${z.key}.banks`);
    if (z.questionCount !== null) out.add(`    questionCount: ${z.questionCount}`, `${z.key}.questionCount`);
    if (z.draw.length) {
      out.add('    draw:', `${z.key}.draw`);
      for (const r of z.draw) {
        const parts = [r.competency !== undefined ? `competency: ${q(r.competency)}` : '', r.level !== undefined ? `level: ${r.level}` : '', `count: ${r.count}`].filter(Boolean);
        out.add(`      - { ${parts.join(', ')} }`);
      }
    }
    out.add(`    passPercent: ${z.passPercent}`, `${z.key}.passPercent`);
    out.add(`    required: ${z.required}`, `${z.key}.required`);
    if (z.maxAttempts !== null) out.add(`    maxAttempts: ${z.maxAttempts}`, `${z.key}.maxAttempts`);
    out.add(`    cooldownMinutes: ${z.cooldownSeconds / 60}`, `${z.key}.cooldownSeconds`);
    if (z.timeLimitSeconds !== null) out.add(`    timeLimitMinutes: ${z.timeLimitSeconds / 60}`, `${z.key}.timeLimitSeconds`);
    out.add(`    showAnswers: ${q(z.showAnswers)}`, `${z.key}.showAnswers`);
  }
  return out.done();
}

/** lessons/<slug>.md: front matter (marks by field) then the body (mark `body`, whose first line is `bodyStart`). */
export function writeLesson(l: Pick<LessonDraft, 'title' | 'competencies' | 'estimatedMinutes' | 'required' | 'body' | 'video'>): Written & { bodyStart: number } {
  const out = new Lines();
  out.add('---');
  out.add(`title: ${q(l.title)}`, 'title');
  out.add(`competencies: ${list(l.competencies)}`, 'competencies');
  out.add(`estimatedMinutes: ${l.estimatedMinutes}`, 'estimatedMinutes');
  out.add(`required: ${l.required}`, 'required');
  if (l.video) {
    out.add('video:', 'video');
    out.add(`  src: ${q(l.video.src)}`, 'video.src');
    out.add(`  captions: ${q(l.video.captions)}`, 'video.captions');
    out.add(`  transcript: ${q(l.video.transcript)}`, 'video.transcript');
  }
  out.add('---', 'body');
  const bodyStart = out.count + 1;
  out.marks[out.marks.length - 1]!.line = bodyStart;
  return { ...out.done(l.body), bodyStart };
}

/** A YAML bank; each question is marked with its external id. Types or fields YAML cannot say are left to the reader's judgement. */
export function writeYamlBank(questions: QuestionDraft[]): Written {
  const out = new Lines();
  out.add(questions.length ? 'questions:' : 'questions: []');
  for (const x of questions) {
    out.add(`  - id: ${q(x.externalId)}`, x.externalId);
    out.add(`    type: ${q(x.type)}`);
    out.add(`    competency: ${q(x.competency)}`);
    out.add(`    level: ${x.level}`);
    out.add(`    prompt: ${q(x.prompt)}`);
    out.add(`    explanation: ${q(x.explanation)}`);
    const options = x.options ?? [];
    switch (x.type) {
      case 'single':
      case 'multiple':
        out.add('    options:');
        for (const o of options) out.add(`      - { text: ${q(o.text)}, correct: ${o.correct}, feedback: ${q(o.feedback)} }`);
        break;
      case 'ordering':
        out.add('    options:');
        for (const o of options) out.add(`      - { text: ${q(o.text)}, feedback: ${q(o.feedback)} }`);
        break;
      case 'true_false': {
        const yes = options.find((o) => o.id === 'true');
        const no = options.find((o) => o.id === 'false');
        out.add(`    answer: ${yes?.correct ?? true}`);
        out.add(`    feedback: { true: ${q(yes?.feedback ?? '')}, false: ${q(no?.feedback ?? '')} }`);
        break;
      }
      case 'short_text':
        out.add(`    accepted: ${list(x.accepted ?? [])}`);
        break;
      case 'numerical':
        out.add('    numbers:');
        for (const n of x.numbers ?? []) out.add(`      - { value: ${n.value === null ? 'null' : n.value}, tolerance: ${n.tolerance} }`);
        break;
      case 'matching':
        out.add('    pairs:');
        for (const p of x.pairs ?? []) out.add(`      - { left: ${q(p.left)}, right: ${q(p.right)} }`);
        break;
    }
    if (x.type !== 'true_false' && x.feedback) out.add(`    feedback: { correct: ${q(x.feedback.correct)}, incorrect: ${q(x.feedback.incorrect)} }`);
  }
  return out.done();
}
