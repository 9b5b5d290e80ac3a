/** What the course files say, parsed and checked: the importer's input, independent of file format. */

export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'ordering', 'short_text', 'matching'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export type ChoiceOption = {
  id: string;
  text: string;
  correct: boolean;
  /** Share of the mark, -100..100 (GIFT weights); YAML choices are all-or-nothing. */
  weight: number;
  feedback: string;
};

export type QuestionDraft = {
  externalId: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  explanation: string;
  /** single, multiple, true_false (Đúng/Sai) and ordering (in the correct order). */
  options?: ChoiceOption[];
  accepted?: string[];
  pairs?: { left: string; right: string }[];
  feedback?: { correct: string; incorrect: string };
  file: string;
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
  title: string;
  summary: string;
  targetGroups: string[];
  competencies: { code: string; level: number }[];
  estimatedMinutes: number;
  ordering: 'sequential' | 'free';
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
