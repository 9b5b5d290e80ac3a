// Temporary shapes of the studio API until its DTOs land in api-schema.d.ts (issue-16-api).

export type CourseStatus = 'draft' | 'in_review' | 'published' | 'archived';
export type TargetGroup = 'public_servant' | 'student' | 'worker' | 'citizen';
export type QuestionType = 'single' | 'multiple' | 'true_false' | 'ordering' | 'short_text' | 'matching' | 'numerical';
export type ShowAnswers = 'never' | 'after_passing' | 'after_last_attempt' | 'always';

/** A validator problem, with what it concerns so it can be shown beside that field or line. */
export type Problem = {
  file: string;
  line: number;
  message: string;
  warning?: boolean;
  entity?: 'course' | 'lesson' | 'question' | 'quiz' | 'media';
  entityId?: string | null;
  field?: string | null;
};

export type CourseSummary = {
  id: string;
  slug: string;
  title: string;
  status: CourseStatus;
  editedAt: string;
  role: 'owner' | 'coauthor' | null;
};

export type CourseList = { mine: CourseSummary[]; toReview: CourseSummary[] };

export type LessonSummary = { id: string; slug: string; title: string; position: number; required: boolean; archived: boolean };
export type QuizSummary = { id: string; slug: string; title: string; position: number };
export type Author = { userId: string; fullName: string; role: 'owner' | 'coauthor' };

export type Permissions = { edit: boolean; submit: boolean; review: boolean; publish: boolean; archive: boolean; manageAuthors: boolean };

export type Course = {
  id: string;
  slug: string;
  title: string;
  summary: string;
  coverImage: string | null;
  targetGroups: TargetGroup[];
  competencies: { code: string; level: number }[];
  estimatedMinutes: number;
  ordering: 'sequential' | 'free';
  status: CourseStatus;
  version: number;
  editedAt: string;
  publishedAt: string | null;
  lessons: LessonSummary[];
  quizzes: QuizSummary[];
  authors: Author[];
  permissions: Permissions;
  problems: Problem[];
};

export type CourseInput = Pick<Course, 'title' | 'summary' | 'coverImage' | 'targetGroups' | 'competencies' | 'estimatedMinutes' | 'ordering'>;

export type Video = { src: string; captions: string; transcript: string };

export type Lesson = {
  id: string;
  slug: string;
  title: string;
  body: string;
  competencies: string[];
  estimatedMinutes: number;
  required: boolean;
  video: Video | null;
  version: number;
  updatedAt: string;
  archived: boolean;
};

export type LessonInput = Pick<Lesson, 'title' | 'body' | 'competencies' | 'estimatedMinutes' | 'required' | 'video'>;

export type ChoiceOption = { id?: string; text: string; correct: boolean; weight?: number; feedback: string };

export type Question = {
  id: string;
  externalId: string;
  type: QuestionType;
  competency: string;
  level: number;
  prompt: string;
  explanation: string;
  options?: ChoiceOption[];
  accepted?: string[];
  numbers?: { value: number | null; tolerance: number; weight?: number; feedback?: string }[];
  pairs?: { left: string; right: string }[];
  feedback?: { correct: string; incorrect: string };
};

export type QuestionInput = Omit<Question, 'id'>;

export type DrawRule = { competency?: string; level?: number; count: number };

export type Quiz = {
  id: string;
  slug: string;
  title: string;
  questionCount: number | null;
  draw: DrawRule[];
  passPercent: number;
  required: boolean;
  maxAttempts: number | null;
  cooldownSeconds: number;
  timeLimitSeconds: number | null;
  showAnswers: ShowAnswers;
  version: number;
};

export type QuizInput = Omit<Quiz, 'id' | 'version'>;

export type Media = { name: string; kind: 'image' | 'svg' | 'audio' | 'video' | 'captions' | 'document'; mime: string; size: number; alt: string | null };

export type Comment = { id: string; lessonId: string | null; authorName: string; text: string; createdAt: string; resolvedAt: string | null };
