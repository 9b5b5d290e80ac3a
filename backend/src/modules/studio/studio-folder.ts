import type { QuestionDraft } from '../content/files/content-model';
import { type ContentLimits, DEFAULT_LIMITS } from '../content/files/content-tree';
import { keyAt, writeCourseYaml, writeLesson, writeYamlBank, type Written } from '../content/files/course-writer';
import { writeGiftBank } from '../content/files/gift-writer';
import type { Problem } from '../content/files/problems';
import type { StudioProblemDto } from './dto/studio.dto';
import type { StudioLesson, StudioMedia, StudioQuestion, StudioQuiz } from './entities/studio-content.entity';
import type { StudioCourse } from './entities/studio-course.entity';

/**
 * The studio's limits: the files' own, with media kept smaller because a draft's media live in the
 * database (bytea) and arrive in one request. Courses are bounded in files and bytes like a folder.
 */
export const STUDIO_LIMITS: ContentLimits = {
  ...DEFAULT_LIMITS,
  media: { image: 5 * 1024 * 1024, svg: 512 * 1024, audio: 20 * 1024 * 1024, video: 60 * 1024 * 1024, captions: 512 * 1024, pdf: 10 * 1024 * 1024 },
  courseBytes: 200 * 1024 * 1024,
  filesPerCourse: 400,
};

/** Everything a draft is made of (media without their bytes). */
export type StudioDraft = { course: StudioCourse; lessons: StudioLesson[]; questions: StudioQuestion[]; quizzes: StudioQuiz[]; media: StudioMedia[] };

/** The content model's question from the studio's row. */
export const questionDraftOf = (q: StudioQuestion, line = 1): QuestionDraft => ({
  externalId: q.externalId, type: q.type, competency: q.competency, level: q.level, prompt: q.prompt, explanation: q.explanation,
  ...Object.fromEntries(Object.entries(q.payload).filter(([, v]) => v !== undefined && v !== null)),
  file: `questions/${q.bank}`, line,
});

export const isGiftBank = (bank: string) => /\.gift$/i.test(bank);

/** A bank file written from its questions, in its format. Ordering questions have no GIFT form: they are named in `skipped`. */
export function writeBank(bank: string, questions: QuestionDraft[]): Written & { skipped: string[] } {
  return isGiftBank(bank) ? writeGiftBank(questions) : { ...writeYamlBank(questions), skipped: [] };
}

type Where = Pick<StudioProblemDto, 'entity' | 'entityId' | 'field' | 'bodyLine'>;
const nowhere: Where = { entity: null, entityId: null, field: null, bodyLine: null };

/**
 * The draft in the folder format, as text files (path inside the course folder → text), with what
 * each line of each file is about, so that the reader's problems can be shown beside their field.
 */
export class StudioFolder {
  readonly texts = new Map<string, string>();
  private readonly written = new Map<string, Written & { bodyStart?: number }>();
  private readonly lessonBySlug = new Map<string, string>();
  private readonly questionByExternal = new Map<string, string>();
  /** Problems of the writing itself (a question its bank's format cannot hold). */
  readonly problems: StudioProblemDto[] = [];

  constructor(readonly draft: StudioDraft) {
    const { course, lessons, questions, quizzes } = draft;
    const banks = [...new Set(questions.map((q) => q.bank))].sort();
    this.put('course.yaml', writeCourseYaml({
      slug: course.slug, title: course.title, summary: course.summary, coverImage: course.coverImage === null ? null : `media/${course.coverImage}`,
      targetGroups: course.targetGroups, competencies: course.competencies, estimatedMinutes: course.estimatedMinutes, ordering: course.ordering,
      questionDefaults: course.questionDefaults,
      lessons: lessons.map((l) => ({ file: `${l.slug}.md`, key: `lesson:${l.id}` })),
      quizzes: quizzes.map((z) => ({ ...z, key: `quiz:${z.id}`, banks: (z.banks.length ? z.banks : banks).map((b) => `questions/${b}`) })),
    }));
    for (const l of lessons) {
      this.lessonBySlug.set(l.slug, l.id);
      this.put(`lessons/${l.slug}.md`, writeLesson(l));
    }
    for (const q of questions) this.questionByExternal.set(q.externalId, q.id);
    for (const bank of banks) {
      const inBank = questions.filter((q) => q.bank === bank);
      const written = writeBank(bank, inBank.map((q) => questionDraftOf(q)));
      this.put(`questions/${bank}`, written);
      for (const externalId of written.skipped) {
        this.problems.push({
          file: `questions/${bank}`, line: 1, message: `question ${externalId}: ordering questions cannot be written in GIFT; move it to a .yaml bank`,
          warning: false, entity: 'question', entityId: this.questionByExternal.get(externalId) ?? null, field: 'bank', bodyLine: null,
        });
      }
    }
  }

  private put(file: string, written: Written & { bodyStart?: number }): void {
    this.texts.set(file, written.text);
    this.written.set(file, written);
  }

  /** A reader's problem (path relative to the content root) told about the studio's own entities. */
  locate(p: Problem): StudioProblemDto {
    const prefix = `courses/${this.draft.course.slug}/`;
    const file = p.file.startsWith(prefix) ? p.file.slice(prefix.length) : p.file;
    return { file, line: p.line, message: p.message, warning: p.warning === true, ...this.where(file, p.line) };
  }

  private where(file: string, line: number): Where {
    const written = this.written.get(file);
    const key = written ? keyAt(written, line) : null;
    if (file === 'course.yaml') {
      if (key?.startsWith('lesson:')) return { ...nowhere, entity: 'lesson', entityId: key.slice('lesson:'.length) };
      if (key?.startsWith('quiz:')) {
        const [id, field] = key.slice('quiz:'.length).split('.') as [string, string | undefined];
        return { ...nowhere, entity: 'quiz', entityId: id, field: field ?? null };
      }
      return { ...nowhere, entity: 'course', field: key };
    }
    const lesson = /^lessons\/(.+)\.md$/.exec(file)?.[1];
    if (lesson !== undefined) {
      const bodyLine = key === 'body' && written?.bodyStart ? line - written.bodyStart + 1 : null;
      return { entity: 'lesson', entityId: this.lessonBySlug.get(lesson) ?? null, field: key, bodyLine };
    }
    if (file.startsWith('questions/')) return { ...nowhere, entity: 'question', entityId: key ? (this.questionByExternal.get(key) ?? null) : null };
    if (file.startsWith('media/')) return { ...nowhere, entity: 'media', entityId: file.slice('media/'.length) };
    return nowhere;
  }
}

/** JSON with object keys sorted and undefined left out: equal texts for equal values. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two questions say the same (where in which file they were read aside). */
export function sameQuestion(a: QuestionDraft, b: QuestionDraft): boolean {
  const strip = ({ file: _f, line: _l, ...rest }: QuestionDraft) => canonical(rest);
  return strip(a) === strip(b);
}
