import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested,
} from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';
import { QUESTION_TYPES, type QuestionType, SHOW_ANSWERS, type ShowAnswers } from '../../content/files/content-model';
import { AnswerValueDto, LearnerQuestionDto, QuestionResultDto } from '../../learning/dto/quiz.dto';
import { AUTHOR_ROLES, type AuthorRole, STUDIO_STATUSES, type StudioStatus } from '../entities/studio-course.entity';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const CODE = /^\d\.\d$/;
const slugMessage = (field: string) => ({ message: `${field} must be lowercase letters, digits and single hyphens` });

// ---------------------------------------------------------------- problems

export class StudioProblemDto {
  @ApiProperty({ description: 'The file of the folder format the problem was found in (course.yaml, lessons/x.md, questions/x.gift, media/x)' }) file: string;
  @ApiProperty() line: number;
  @ApiProperty({ description: 'The validator’s message (English; the UI shows it beside the field)' }) message: string;
  @ApiProperty() warning: boolean;
  @ApiProperty({ enum: ['course', 'lesson', 'question', 'quiz', 'media'], nullable: true, type: String, description: 'What the problem is about, when known' })
  entity: 'course' | 'lesson' | 'question' | 'quiz' | 'media' | null;
  @ApiProperty({ type: String, nullable: true, description: 'The studio id of the lesson, question or quiz; the media name' }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The field, e.g. title, competencies, body, video.src, draw' }) field: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'For a lesson body: the line within the body (1-based)' }) bodyLine: number | null;
}

// ---------------------------------------------------------------- course

export class CompetencyLevelDto {
  @ApiProperty({ example: '4.2' }) @IsString() @Matches(CODE, { message: "code must be a competency code such as '4.2'" }) code: string;
  @ApiProperty({ minimum: 1, maximum: 8 }) @IsInt() @Min(1) @Max(8) level: number;
}

export class QuestionDefaultsDto {
  @ApiPropertyOptional({ example: '4.2' }) @IsOmittable() @IsString() @Matches(CODE, { message: "competency must be a competency code such as '4.2'" }) competency?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 8 }) @IsOmittable() @IsInt() @Min(1) @Max(8) level?: number;
}

export class CreateStudioCourseDto {
  @ApiProperty({ example: 'thanh-toan-qr' }) @IsString() @MaxLength(120) @Matches(SLUG, slugMessage('slug')) slug: string;
  @ApiProperty({ example: 'Thanh toán bằng mã QR' }) @IsString() @MinLength(1) @MaxLength(300) title: string;
}

export class UpdateStudioCourseDto {
  @ApiProperty({ description: 'The version the edit started from; an older one is a 409 EDIT_CONFLICT' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(4000) summary?: string;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'A media name of this course (an image), or null' })
  @IsOptional() @IsString() @MaxLength(130) coverImage?: string | null;
  @ApiPropertyOptional({ type: [String], example: ['citizen'] }) @IsOmittable() @IsArray() @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(20, { each: true }) targetGroups?: string[];
  @ApiPropertyOptional({ type: [CompetencyLevelDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => CompetencyLevelDto) competencies?: CompetencyLevelDto[];
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(6000) estimatedMinutes?: number;
  @ApiPropertyOptional({ enum: ['sequential', 'free'] }) @IsOmittable() @IsIn(['sequential', 'free']) ordering?: 'sequential' | 'free';
  @ApiPropertyOptional({ type: QuestionDefaultsDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => QuestionDefaultsDto) questionDefaults?: QuestionDefaultsDto | null;
}

export class StudioCanDto {
  @ApiProperty({ description: 'Change the draft (authors)' }) edit: boolean;
  @ApiProperty({ description: 'Comment, return and publish (reviewers who are not authors)' }) review: boolean;
  @ApiProperty() publish: boolean;
  @ApiProperty({ description: 'Add and remove authors (owners)' }) manageAuthors: boolean;
  @ApiProperty() archive: boolean;
}

export class StudioCourseSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: STUDIO_STATUSES }) status: StudioStatus;
  @ApiProperty({ enum: ['owner', 'coauthor', 'reviewer'] }) myRole: AuthorRole | 'reviewer';
  @ApiProperty({ description: 'The draft differs from what learners see (always true before the first publish)' }) hasUnpublishedChanges: boolean;
  @ApiProperty({ description: 'Optimistic-lock version of the course fields' }) version: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The version learners see (courses.version), null before the first publish' }) publishedVersion: number | null;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StudioVideoDto {
  @ApiProperty({ example: 'media/bai-1.webm', description: 'media/<name> of a video or audio file of this course' }) @IsString() @MaxLength(140) src: string;
  @ApiProperty({ example: 'media/bai-1.vtt', description: 'media/<name> of WebVTT captions' }) @IsString() @MaxLength(140) captions: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(20000) transcript: string;
}

export class StudioLessonSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stable id: learners’ completions follow it across publishes' }) slug: string;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) competencies: string[];
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ description: 'Needed to complete the course (the completion rule: every required lesson and quiz)' }) required: boolean;
  @ApiProperty({ type: StudioVideoDto, nullable: true }) video: StudioVideoDto | null;
  @ApiProperty() version: number;
  @ApiProperty({ description: 'Archived: was published once, kept for learners’ history, left out of the next publish' }) archived: boolean;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class StudioLessonDto extends StudioLessonSummaryDto {
  @ApiProperty({ description: 'Markdown' }) body: string;
}

export class CreateStudioLessonDto {
  @ApiPropertyOptional({ description: 'Stable id; made from the title when left out' }) @IsOmittable() @IsString() @MaxLength(100) @Matches(SLUG, slugMessage('slug')) slug?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(262144) body?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @Matches(CODE, { each: true, message: "competencies must be competency codes such as '4.2'" }) competencies?: string[];
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(600) estimatedMinutes?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ type: StudioVideoDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => StudioVideoDto) video?: StudioVideoDto | null;
}

export class UpdateStudioLessonDto {
  @ApiProperty({ description: 'The version the edit started from; an older one is a 409 EDIT_CONFLICT with both texts' }) @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MinLength(1) @MaxLength(300) title?: string;
  @ApiPropertyOptional() @IsOmittable() @IsString() @MaxLength(262144) body?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @Matches(CODE, { each: true, message: "competencies must be competency codes such as '4.2'" }) competencies?: string[];
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(600) estimatedMinutes?: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ type: StudioVideoDto, nullable: true }) @IsOptional() @ValidateNested() @Type(() => StudioVideoDto) video?: StudioVideoDto | null;
}

export class LessonOrderDto {
  @ApiProperty({ type: [String], description: 'Every live lesson id of the course, in the new order' }) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) lessonIds: string[];
}

// ---------------------------------------------------------------- questions

export class StudioOptionDto {
  @ApiPropertyOptional({ description: 'Kept from the bank (a, b, c… or true/false); given anew when left out' }) @IsOmittable() @IsString() @MaxLength(20) id?: string;
  @ApiProperty() @IsString() @MaxLength(2000) text: string;
  @ApiProperty() @IsBoolean() correct: boolean;
  @ApiPropertyOptional({ description: 'Share of the mark, -100..100 (GIFT); left out: all-or-nothing' }) @IsOmittable() @IsInt() @Min(-100) @Max(100) weight?: number;
  @ApiProperty() @IsString() @MaxLength(2000) feedback: string;
}

export class StudioWeightedAnswerDto {
  @ApiProperty() @IsString() @MaxLength(500) text: string;
  @ApiProperty() @IsInt() @Min(-100) @Max(100) weight: number;
  @ApiProperty() @IsString() @MaxLength(2000) feedback: string;
}

export class StudioNumberDto {
  @ApiProperty({ type: Number, nullable: true, description: 'null matches any number' }) @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) value: number | null;
  @ApiProperty() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) tolerance: number;
  @ApiProperty() @IsInt() @Min(-100) @Max(100) weight: number;
  @ApiProperty() @IsString() @MaxLength(2000) feedback: string;
}

export class StudioPairDto {
  @ApiProperty({ description: 'Empty: a distractor on the right only' }) @IsString() @MaxLength(500) left: string;
  @ApiProperty() @IsString() @MaxLength(500) right: string;
}

export class StudioFeedbackDto {
  @ApiProperty() @IsString() @MaxLength(2000) correct: string;
  @ApiProperty() @IsString() @MaxLength(2000) incorrect: string;
}

export class StudioQuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Stable id: learners’ attempts follow it across publishes' }) externalId: string;
  @ApiProperty({ example: 'cau-hoi.yaml', description: 'The bank file it belongs to (.yaml or .gift)' }) bank: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() competency: string;
  @ApiProperty() level: number;
  @ApiProperty() prompt: string;
  @ApiProperty() explanation: string;
  @ApiPropertyOptional({ type: [StudioOptionDto] }) options?: StudioOptionDto[];
  @ApiPropertyOptional({ type: [String] }) accepted?: string[];
  @ApiPropertyOptional({ type: [StudioWeightedAnswerDto] }) answers?: StudioWeightedAnswerDto[];
  @ApiPropertyOptional({ type: [StudioNumberDto] }) numbers?: StudioNumberDto[];
  @ApiPropertyOptional({ type: [StudioPairDto] }) pairs?: StudioPairDto[];
  @ApiPropertyOptional({ type: StudioFeedbackDto }) feedback?: StudioFeedbackDto;
  @ApiPropertyOptional({ enum: ['weights'] }) grading?: 'weights';
  @ApiProperty() version: number;
  @ApiProperty() archived: boolean;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Set when the assistant drafted it from this lesson (“gợi ý câu hỏi”)' }) suggestedFromLessonId: string | null;
}

/** A question as the editor sends it; checked by the one validator (its bank's format) before it is kept. */
export class SaveStudioQuestionDto {
  @ApiPropertyOptional({ description: 'Required on PUT: the version the edit started from' }) @IsOmittable() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'Stable id (letters, digits, - and _); made from the prompt when left out' }) @IsOmittable() @IsString() @MaxLength(100) @Matches(/^[\p{L}\p{M}\p{N}_-]+$/u, { message: 'externalId must be letters, digits, - or _' }) externalId?: string;
  @ApiPropertyOptional({ example: 'cau-hoi.yaml', description: 'Bank file; default cau-hoi.yaml' }) @IsOmittable() @IsString() @MaxLength(120) @Matches(/^[a-z0-9][a-z0-9._-]*\.(ya?ml|gift)$/, { message: 'bank must be a file name ending in .yaml or .gift' }) bank?: string;
  @ApiProperty({ enum: QUESTION_TYPES }) @IsIn(QUESTION_TYPES) type: QuestionType;
  @ApiProperty({ example: '4.2' }) @IsString() @Matches(CODE, { message: "competency must be a competency code such as '4.2'" }) competency: string;
  @ApiProperty() @IsInt() @Min(1) @Max(8) level: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) prompt: string;
  @ApiProperty() @IsString() @MaxLength(4000) explanation: string;
  @ApiPropertyOptional({ type: [StudioOptionDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StudioOptionDto) options?: StudioOptionDto[];
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(500, { each: true }) accepted?: string[];
  @ApiPropertyOptional({ type: [StudioWeightedAnswerDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StudioWeightedAnswerDto) answers?: StudioWeightedAnswerDto[];
  @ApiPropertyOptional({ type: [StudioNumberDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StudioNumberDto) numbers?: StudioNumberDto[];
  @ApiPropertyOptional({ type: [StudioPairDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => StudioPairDto) pairs?: StudioPairDto[];
  @ApiPropertyOptional({ type: StudioFeedbackDto }) @IsOmittable() @ValidateNested() @Type(() => StudioFeedbackDto) feedback?: StudioFeedbackDto;
  @ApiPropertyOptional({ enum: ['weights'] }) @IsOmittable() @IsIn(['weights']) grading?: 'weights';
}

export class GiftImportDto {
  @ApiProperty({ description: 'GIFT text (Moodle); questions with an id already in the course replace it' }) @IsString() @MinLength(1) @MaxLength(1048576) text: string;
  @ApiPropertyOptional({ example: 'gift.gift', description: 'Bank file for the new questions; default the course’s first .gift bank, else gift.gift' })
  @IsOmittable() @IsString() @MaxLength(120) @Matches(/^[a-z0-9][a-z0-9._-]*\.gift$/, { message: 'bank must be a file name ending in .gift' }) bank?: string;
}

export class GiftImportResultDto {
  @ApiProperty({ type: [StudioQuestionDto], description: 'The questions read (created or replaced)' }) questions: StudioQuestionDto[];
  @ApiProperty({ type: [StudioProblemDto], description: 'Warnings (nothing refused)' }) problems: StudioProblemDto[];
}

// ---------------------------------------------------------------- quizzes

export class DrawRuleDto {
  @ApiPropertyOptional({ example: '4.2' }) @IsOmittable() @IsString() @Matches(CODE, { message: "competency must be a competency code such as '4.2'" }) competency?: string;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1) @Max(8) level?: number;
  @ApiProperty() @IsInt() @Min(1) @Max(200) count: number;
}

export class StudioQuizDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [String], description: 'Bank files it draws from; empty = every bank' }) banks: string[];
  @ApiProperty({ type: Number, nullable: true, description: 'Null: the sum of the draw rules' }) questionCount: number | null;
  @ApiProperty({ type: [DrawRuleDto] }) draw: DrawRuleDto[];
  @ApiProperty() passPercent: number;
  @ApiProperty() required: boolean;
  @ApiProperty({ type: Number, nullable: true }) maxAttempts: number | null;
  @ApiProperty() cooldownSeconds: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitSeconds: number | null;
  @ApiProperty({ enum: SHOW_ANSWERS }) showAnswers: ShowAnswers;
  @ApiProperty() version: number;
  @ApiProperty() archived: boolean;
}

export class SaveStudioQuizDto {
  @ApiPropertyOptional({ description: 'Required on PUT: the version the edit started from' }) @IsOmittable() @IsInt() @Min(1) version?: number;
  @ApiPropertyOptional({ description: 'Stable id; made from the title when left out (POST only)' }) @IsOmittable() @IsString() @MaxLength(120) @Matches(SLUG, slugMessage('slug')) slug?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(300) title: string;
  @ApiPropertyOptional({ type: [String] }) @IsOmittable() @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(120, { each: true }) banks?: string[];
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(200) questionCount?: number | null;
  @ApiPropertyOptional({ type: [DrawRuleDto] }) @IsOmittable() @IsArray() @ArrayMaxSize(40) @ValidateNested({ each: true }) @Type(() => DrawRuleDto) draw?: DrawRuleDto[];
  @ApiProperty() @IsInt() @Min(0) @Max(100) passPercent: number;
  @ApiPropertyOptional() @IsOmittable() @IsBoolean() required?: boolean;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(1) @Max(100) maxAttempts?: number | null;
  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(0) @Max(604800) cooldownSeconds?: number;
  @ApiPropertyOptional({ type: Number, nullable: true }) @IsOptional() @IsInt() @Min(30) @Max(36000) timeLimitSeconds?: number | null;
  @ApiPropertyOptional({ enum: SHOW_ANSWERS }) @IsOmittable() @IsIn(SHOW_ANSWERS) showAnswers?: ShowAnswers;
}

// ---------------------------------------------------------------- media, authors, comments

export class StudioMediaDto {
  @ApiProperty({ example: 'quet-ma.png' }) name: string;
  @ApiProperty({ enum: ['image', 'svg', 'audio', 'video', 'captions', 'pdf'] }) kind: string;
  @ApiProperty({ example: 'image/png' }) type: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, nullable: true, description: 'Alternative text (required for images)' }) alt: string | null;
  @ApiProperty({ description: 'The studio media route (for people who may see the draft)' }) url: string;
  @ApiProperty({ description: 'What to write in a lesson: ![alt](../media/name) or media/name for a video' }) path: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class UploadMediaQueryDto {
  @ApiProperty({ example: 'quet-ma.png', description: 'File name: letters, digits, ".", "-" and "_", with an allowed extension' }) @IsString() @MaxLength(121) @Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/, { message: 'name must be letters, digits, ".", "-" and "_"' }) name: string;
  @ApiPropertyOptional({ description: 'Alternative text; required for images' }) @IsOmittable() @IsString() @MaxLength(500) alt?: string;
}

export class StudioAuthorDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: AUTHOR_ROLES }) role: AuthorRole;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class AddAuthorDto {
  @ApiProperty({ description: 'Phone or email of a teacher or administrator' }) @IsString() @MinLength(3) @MaxLength(254) login: string;
  @ApiProperty({ enum: AUTHOR_ROLES }) @IsIn(AUTHOR_ROLES) role: AuthorRole;
}

export class StudioCommentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) lessonId: string | null;
  @ApiProperty({ format: 'uuid' }) authorId: string;
  @ApiProperty() authorName: string;
  @ApiProperty() text: string;
  @ApiProperty() resolved: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: string | null;
}

export class AddCommentDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID('all', { message: 'lessonId must be a UUID' }) lessonId?: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(4000) text: string;
}

export class ReturnCourseDto {
  @ApiProperty({ description: 'What the authors should change (kept as a comment)' }) @IsString() @MinLength(1) @MaxLength(4000) comment: string;
}

export class StudioCourseDto extends StudioCourseSummaryDto {
  @ApiProperty() summary: string;
  @ApiProperty({ type: String, nullable: true }) coverImage: string | null;
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ type: [CompetencyLevelDto] }) competencies: CompetencyLevelDto[];
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ enum: ['sequential', 'free'] }) ordering: 'sequential' | 'free';
  @ApiProperty({ type: QuestionDefaultsDto, nullable: true }) questionDefaults: QuestionDefaultsDto | null;
  @ApiProperty({ type: String, nullable: true, description: 'The learner course’s slug once published (/khoa-hoc/<slug>)' }) publishedSlug: string | null;
  @ApiProperty({ type: StudioCanDto }) can: StudioCanDto;
  @ApiProperty({ type: [StudioLessonSummaryDto] }) lessons: StudioLessonSummaryDto[];
  @ApiProperty({ type: [StudioQuestionDto] }) questions: StudioQuestionDto[];
  @ApiProperty({ type: [StudioQuizDto] }) quizzes: StudioQuizDto[];
  @ApiProperty({ type: [StudioMediaDto] }) media: StudioMediaDto[];
  @ApiProperty({ type: [StudioAuthorDto] }) authors: StudioAuthorDto[];
  @ApiProperty({ type: [StudioCommentDto] }) comments: StudioCommentDto[];
  @ApiProperty({ type: [StudioProblemDto], description: 'What the validator finds in the draft now; errors block submit and publish' }) problems: StudioProblemDto[];
}

// ---------------------------------------------------------------- preview

export class PreviewMarkdownDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID('all', { message: 'courseId must be a UUID' }) courseId: string;
  @ApiProperty() @IsString() @MaxLength(262144) markdown: string;
}

export class PreviewHtmlDto {
  @ApiProperty({ description: 'Rendered by the learners’ lesson renderer; media links point at the studio media route' }) html: string;
}

export class PreviewQuizDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() passPercent: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitSeconds: number | null;
}

export class PreviewAttemptDto {
  @ApiProperty({ description: 'The draw, sealed: send it back with the answers to grade (nothing is stored)' }) attempt: string;
  @ApiProperty({ type: PreviewQuizDto }) quiz: PreviewQuizDto;
  @ApiProperty({ type: [LearnerQuestionDto] }) questions: LearnerQuestionDto[];
}

@ApiExtraModels(AnswerValueDto)
export class PreviewGradeDto {
  @ApiProperty({ description: 'The `attempt` of the preview attempt' }) @IsString() @MaxLength(200000) attempt: string;
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(AnswerValueDto) }, description: 'question id → answer' })
  @IsObject({ message: 'answers must be an object of question id → answer' }) answers: Record<string, AnswerValueDto>;
}

export class PreviewResultDto {
  @ApiProperty() scorePercent: number;
  @ApiProperty() passed: boolean;
  @ApiProperty({ type: [QuestionResultDto] }) results: QuestionResultDto[];
}

// ---------------------------------------------------------------- reviewers

export class GrantReviewerDto {
  @ApiPropertyOptional({ enum: ['nation', 'province', 'commune'], description: 'Default: the granting administrator’s own scope' })
  @IsOmittable() @IsIn(['nation', 'province', 'commune']) scopeLevel?: 'nation' | 'province' | 'commune';
  @ApiPropertyOptional({ format: 'uuid', description: 'The province or commune (not for nation)' }) @IsOmittable() @IsUUID('all', { message: 'scopeUnitId must be a UUID' }) scopeUnitId?: string;
}

export class ReviewerRightDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ description: 'Whether the teacher holds the reviewer right' }) reviewer: boolean;
  @ApiProperty({ enum: ['nation', 'province', 'commune'], nullable: true, type: String }) scopeLevel: 'nation' | 'province' | 'commune' | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) scopeUnitId: string | null;
  @ApiProperty({ type: String, nullable: true }) scopeUnitName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) grantedAt: string | null;
}

export class ImportCourseQueryDto {
  @ApiPropertyOptional({ description: 'The new draft’s slug instead of the one in course.yaml or the folder name' })
  @IsOmittable() @IsString() @MaxLength(120) @Matches(SLUG, slugMessage('slug')) slug?: string;
}

export const SUGGESTION_COUNT = { default: 5, max: 10 } as const;

export class SuggestQuestionsDto {
  @ApiPropertyOptional({ minimum: 1, maximum: SUGGESTION_COUNT.max, default: SUGGESTION_COUNT.default, description: 'How many questions to draft' })
  @IsOmittable() @IsInt() @Min(1) @Max(SUGGESTION_COUNT.max) count?: number;
}

export class QuestionSuggestionsDto {
  @ApiProperty({ type: [StudioQuestionDto], description: 'The drafted questions, saved in the bank as drafts (they reach learners only through review and publishing)' })
  questions: StudioQuestionDto[];
  @ApiProperty() requested: number;
  @ApiProperty({ description: 'Items the model gave that broke a rule (schema, lengths, one correct choice, markup, repeats) and were not kept' }) dropped: number;
  @ApiProperty({ description: 'True when this answers a resend: nothing new was made' }) replayed: boolean;
}

export class SuggestionAvailabilityDto {
  @ApiProperty() available: boolean;
  @ApiProperty({ enum: ['not_configured', 'turned_off'], nullable: true, type: String }) reason: 'not_configured' | 'turned_off' | null;
  @ApiProperty() defaultCount: number;
  @ApiProperty() maxCount: number;
}
