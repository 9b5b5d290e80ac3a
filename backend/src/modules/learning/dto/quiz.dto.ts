import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { QUESTION_TYPES, type QuestionType, SHOW_ANSWERS, type ShowAnswers } from '../../content/files/content-model';
import type { QuizAttempt } from '../entities/quiz-attempt.entity';
import type { AttemptView } from '../quiz/quiz-attempts.service';
import { QuizStepDto } from './progress.dto';

export class ChoiceDto {
  @ApiProperty({ description: 'Opaque key of this attempt' }) key: string;
  @ApiProperty() text: string;
  @ApiPropertyOptional({ description: 'The formatted text as safe HTML from the lesson renderer, where the source is formatted' }) html?: string;
}

export class AnswerValueDto {
  @ApiPropertyOptional({ type: [String], description: 'single, multiple, true_false: chosen option keys' }) choices?: string[];
  @ApiPropertyOptional({ type: [String], description: 'ordering: option keys in the chosen order' }) order?: string[];
  @ApiPropertyOptional({ description: 'short_text: the answer; numerical: a number (3.5 or 3,5)' }) text?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'matching: left key → right key' }) matches?: Record<string, string>;
}

/** A question before submission: nothing of the answer key. */
export class LearnerQuestionDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() competency: string;
  @ApiProperty() level: number;
  @ApiProperty() prompt: string;
  @ApiPropertyOptional({ description: 'The formatted prompt as safe HTML from the lesson renderer, where the source is formatted' }) promptHtml?: string;
  @ApiPropertyOptional({ type: [ChoiceDto] }) options?: ChoiceDto[];
  @ApiPropertyOptional({ type: [ChoiceDto], description: 'matching: items to match' }) left?: ChoiceDto[];
  @ApiPropertyOptional({ type: [ChoiceDto], description: 'matching: choices for each item' }) right?: ChoiceDto[];
}

export class ResultChoiceDto extends ChoiceDto {
  @ApiProperty() correct: boolean;
  @ApiProperty() feedback: string;
}

@ApiExtraModels(AnswerValueDto)
export class QuestionResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ enum: QUESTION_TYPES }) type: QuestionType;
  @ApiProperty() competency: string;
  @ApiProperty() level: number;
  @ApiProperty() prompt: string;
  @ApiPropertyOptional() promptHtml?: string;
  @ApiProperty({ description: 'Share of the mark earned, 0..1' }) score: number;
  @ApiProperty({ type: AnswerValueDto }) answer: AnswerValueDto;
  @ApiPropertyOptional({ type: [ResultChoiceDto] }) options?: ResultChoiceDto[];
  @ApiPropertyOptional({ type: [ChoiceDto] }) left?: ChoiceDto[];
  @ApiPropertyOptional({ type: [ChoiceDto] }) right?: ChoiceDto[];
  @ApiPropertyOptional({ type: [String] }) correctOrder?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } }) correctMatches?: Record<string, string>;
  @ApiPropertyOptional({ type: [String] }) accepted?: string[];
  @ApiPropertyOptional() feedback?: string;
  @ApiProperty() explanation: string;
  @ApiPropertyOptional() explanationHtml?: string;
}

export class AttemptSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['in_progress', 'submitted'] }) status: 'in_progress' | 'submitted';
  @ApiProperty({ type: Number, nullable: true }) scorePercent: number | null;
  @ApiProperty({ type: Boolean, nullable: true }) passed: boolean | null;
  @ApiProperty() late: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;

  static fromAttempt(a: QuizAttempt): AttemptSummaryDto {
    return {
      id: a.id, number: a.number, status: a.status, scorePercent: a.scorePercent, passed: a.passed, late: a.late,
      startedAt: a.startedAt.toISOString(), submittedAt: a.submittedAt?.toISOString() ?? null,
    };
  }
}

export class QuizDto extends QuizStepDto {
  @ApiProperty() courseSlug: string;
  @ApiProperty() courseTitle: string;
  @ApiProperty({ type: [AttemptSummaryDto] }) attempts: AttemptSummaryDto[];
  @ApiProperty({ format: 'date-time', description: 'The server clock, to count down cooldowns' }) serverNow: string;
}

export class AttemptQuizDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() passPercent: number;
  @ApiProperty() courseSlug: string;
  @ApiProperty() courseTitle: string;
}

@ApiExtraModels(AnswerValueDto)
export class AttemptDto extends AttemptSummaryDto {
  @ApiProperty({ type: AttemptQuizDto }) quiz: AttemptQuizDto;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt: string | null;
  @ApiProperty({ format: 'date-time', description: 'The server clock, to count down the time limit' }) serverNow: string;
  @ApiProperty({ type: [LearnerQuestionDto] }) questions: LearnerQuestionDto[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(AnswerValueDto) } }) answers: Record<string, AnswerValueDto>;
  @ApiProperty({ type: [QuestionResultDto], nullable: true, description: 'Only after submission, and only when answersShown' }) results: QuestionResultDto[] | null;
  @ApiProperty({ description: "The quiz's author lets this graded attempt show the right answers (never / after passing / after the last attempt / always)" })
  answersShown: boolean;
  @ApiProperty({ enum: SHOW_ANSWERS, description: 'When graded attempts of this quiz show the right answers' }) showAnswers: ShowAnswers;

  static from(v: AttemptView): AttemptDto {
    return {
      ...AttemptSummaryDto.fromAttempt(v.attempt),
      quiz: { slug: v.quiz.slug, title: v.quiz.title, passPercent: v.quiz.passPercent, courseSlug: v.course.slug, courseTitle: v.course.title },
      deadlineAt: v.attempt.deadlineAt?.toISOString() ?? null,
      serverNow: new Date().toISOString(),
      questions: v.questions,
      answers: v.attempt.answers,
      results: v.results,
      answersShown: v.answersShown,
      showAnswers: v.quiz.showAnswers,
    };
  }
}

export class AnswersDto {
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(AnswerValueDto) }, description: 'question id → answer' })
  @IsObject({ message: 'answers must be an object of question id → answer' })
  answers: Record<string, AnswerValueDto>;
}
