/** What the course files say, parsed and checked: the importer's input, independent of file format. */

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'ordering', 'short_text', 'matching', 'numerical'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type ChoiceOption = {
  id: string;
  text: string;
  correct: boolean;
  /** Share of the mark, -100..100 (GIFT weights); YAML choices are all-or-nothing. */
  weight: number;
  feedback: string;
};

/** A short answer with its share of the mark (GIFT `=%50%…`); `*` in the text matches anything, as in Moodle. */
export type WeightedAnswer = { text: string; weight: number; feedback: string };

/** A numerical answer: `value ± tolerance` earns `weight` (0..100); a null value matches any number (Moodle's `*`). */
export type NumericAnswer = { value: number | null; tolerance: number; weight: number; feedback: string };

/** Competency and level for questions whose bank does not give them (GIFT without `// @` comments). */
export type QuestionDefaults = { competency?: string; level?: number };

/**
 * Formatted texts of a question (GIFT `[html]`, `[markdown]`, Moodle's auto-format with tags) as the
 * Markdown the lesson renderer shows; the plain texts beside them stay what grading and labels use.
 */
export type RichTexts = { prompt?: string; explanation?: string; /** Option id → text. */ options?: Record<string, string> };

export type QuestionDraft = {
  /** Explicit (YAML `id`, GIFT title) or a stable hash of the normalised question text. */
  externalId: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  explanation: string;
  /** single, multiple, true_false (Đúng/Sai) and ordering (in the correct order). */
  options?: ChoiceOption[];
  /** short_text: the answers that earn full marks (shown after submission). */
  accepted?: string[];
  /** short_text from GIFT: every answer in Moodle's order with its weight; the first that matches counts. */
  answers?: WeightedAnswer[];
  /** numerical: the first answer whose range holds the number counts. */
  numbers?: NumericAnswer[];
  /** matching; a pair with an empty `left` is a distractor: one more choice on the right. */
  pairs?: { left: string; right: string }[];
  feedback?: { correct: string; incorrect: string };
  /** multiple from GIFT: the mark is the sum of the chosen options' weights, clamped to 0..1 (Moodle). */
  grading?: 'weights';
  rich?: RichTexts;
  file: string;
  /** Where the question starts in its file, for problems. */
  line: number;
};

export type LessonDraft = {
  slug: string;
  position: number;
  title: string;
  competencies: string[];
  estimatedMinutes: number;
  /** Needed for course completion (front matter `required: false` makes a lesson optional). */
  required: boolean;
  body: string;
  video: { src: string; captions: string; transcript: string } | null;
};

/** One rule of a quiz draw: `count` questions matching the competency and/or level. */
export type DrawRule = { competency?: string; level?: number; count: number };

export const matchesRule = (q: { competency: string; level: number }, rule: DrawRule) =>
  (rule.competency === undefined || q.competency === rule.competency) && (rule.level === undefined || q.level === rule.level);

/**
 * When a graded attempt shows the right answers, feedback and explanations. The default does not hand
 * them to someone who just failed and may try again (copying them would pass the next attempt).
 */
export const SHOW_ANSWERS = ['never', 'after_passing', 'after_last_attempt', 'always'] as const;
export type ShowAnswers = (typeof SHOW_ANSWERS)[number];
export const DEFAULT_SHOW_ANSWERS: ShowAnswers = 'after_passing';

export type QuizDraft = {
  slug: string;
  title: string;
  banks: string[];
  questionCount: number;
  /** Empty: draw `questionCount` from the whole of the banks. */
  draw: DrawRule[];
  passPercent: number;
  required: boolean;
  maxAttempts: number | null;
  cooldownSeconds: number;
  timeLimitSeconds: number | null;
  showAnswers: ShowAnswers;
};

export type CourseDraft = {
  slug: string;
  /** The folder under courses/ (the slug unless course.yaml sets another). */
  folder: string;
  title: string;
  summary: string;
  /** `media/<name>` of an image of the course, or null. */
  coverImage: string | null;
  targetGroups: string[];
  competencies: { code: string; level: number }[];
  estimatedMinutes: number;
  ordering: 'sequential' | 'free';
  /** For question banks that name neither (course.yaml `questionDefaults`). */
  questionDefaults: QuestionDefaults | null;
  lessons: LessonDraft[];
  questions: QuestionDraft[];
  quizzes: QuizDraft[];
  /** Hash of every file of the course: an unchanged hash means nothing to import. */
  contentHash: string;
};

export type FrameworkDraft = {
  version: string;
  title: string;
  levels: { level: number; code: string; tier: string; name: string }[];
  domains: { code: string; name: string; nameEn: string; optional: boolean; competencies: { code: string; name: string; nameEn: string }[] }[];
  targetGroups: { code: string; order: number; name: string; nameEn: string }[];
  profiles: Record<string, { competency: string; minLevel: number }[]>;
  profilesStatus: string;
  /** The shipped proposal of confirmation policies per target group; administrators own them once loaded. */
  policies: Record<string, PolicyDraft>;
};

export type PolicyDraft = {
  requiredCourses: string[];
  minOverallScore: number;
  minDomainScore: number;
  requireProfileLevels: boolean;
  questionsPerCompetency: number;
  selfRatingWeight: number;
  maxAttempts: number | null;
  cooldownHours: number;
  timeLimitMinutes: number | null;
};

export const competencyCodes = (f: FrameworkDraft) => new Set(f.domains.flatMap((d) => d.competencies.map((c) => c.code)));
