import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { AnswerValueDto, LearnerQuestionDto, QuestionResultDto } from '../../learning/dto/quiz.dto';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import { minScoreOf, SELF_RATINGS } from '../assessment-scoring';
import type { AssessmentAttempt } from '../entities/assessment-attempt.entity';
import type { FrameworkNames } from '../framework-names';
import type { PathStep } from '../learning-path.service';
import type { AssessmentOverview, AssessmentView } from '../self-assessment.service';
import { IsOmittable } from '../../../common/http/is-omittable';

export class RatedCompetencyDto {
  @ApiProperty({ example: '4.2' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: '4' }) domainCode: string;
  @ApiProperty() domainName: string;
  @ApiProperty({ description: 'The profile’s minimum level for this group' }) minLevel: number;
  @ApiProperty() minLevelName: string;
}

export class AssessmentRulesDto {
  @ApiProperty() questionsPerCompetency: number;
  @ApiProperty({ description: 'Share of the self-rating in a competency’s score, percent' }) selfRatingWeight: number;
  @ApiProperty({ type: Number, nullable: true }) maxAttempts: number | null;
  @ApiProperty() cooldownHours: number;
  @ApiProperty({ type: Number, nullable: true }) timeLimitMinutes: number | null;
}

export class AssessmentAttemptSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty() number: number;
  @ApiProperty({ enum: ['in_progress', 'submitted'] }) status: 'in_progress' | 'submitted';
  @ApiProperty({ type: Number, nullable: true }) overallScore: number | null;
  @ApiProperty({ type: Number, nullable: true }) overallLevel: number | null;
  @ApiProperty({ type: String, nullable: true }) overallLevelName: string | null;
  @ApiProperty() late: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: string | null;

  static fromAttempt(a: AssessmentAttempt, names: FrameworkNames): AssessmentAttemptSummaryDto {
    const level = a.result?.overall.level ?? null;
    return {
      id: a.id, number: a.number, status: a.status, overallScore: a.overallScore, overallLevel: level, overallLevelName: level === null ? null : names.level(level), late: a.late,
      startedAt: a.startedAt.toISOString(), submittedAt: a.submittedAt?.toISOString() ?? null,
    };
  }
}

export class AssessmentOverviewDto {
  @ApiProperty({ example: 'tt02-2025.1' }) frameworkVersion: string;
  @ApiProperty() frameworkTitle: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty() targetGroupName: string;
  @ApiProperty({ type: [String], description: 'The five-point scale, lowest first; a rating is an index into it' }) scale: string[];
  @ApiProperty({ type: [RatedCompetencyDto] }) competencies: RatedCompetencyDto[];
  @ApiProperty({ type: AssessmentRulesDto }) rules: AssessmentRulesDto;
  @ApiProperty({ type: [AssessmentAttemptSummaryDto], description: 'Newest first' }) attempts: AssessmentAttemptSummaryDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextAttemptAt: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Null: unlimited' }) attemptsLeft: number | null;
  @ApiProperty({ format: 'date-time' }) serverNow: string;

  static from(o: AssessmentOverview): AssessmentOverviewDto {
    return {
      frameworkVersion: o.names.version.version, frameworkTitle: o.names.version.title,
      targetGroup: o.targetGroup as TargetGroup, targetGroupName: o.names.targetGroup(o.targetGroup),
      scale: [...SELF_RATINGS],
      competencies: o.profile.map((p) => ratedCompetency(o.names, p.competency, p.minLevel)),
      rules: o.rules, attempts: o.attempts.map((a) => AssessmentAttemptSummaryDto.fromAttempt(a, o.names)),
      nextAttemptAt: o.nextAttemptAt?.toISOString() ?? null, attemptsLeft: o.attemptsLeft, serverNow: new Date().toISOString(),
    };
  }
}

const ratedCompetency = (names: FrameworkNames, code: string, minLevel: number): RatedCompetencyDto => {
  const domainCode = names.domainOf(code);
  return { code, name: names.competency(code), domainCode, domainName: names.domain(domainCode), minLevel, minLevelName: names.level(minLevel) };
};

export class CompetencyResultDto extends RatedCompetencyDto {
  @ApiProperty({ description: 'Self-rating, index into the scale' }) rating: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Share of this competency’s questions answered right; null when none was drawn' }) knowledgePercent: number | null;
  @ApiProperty({ description: '0–100' }) score: number;
  @ApiProperty({ description: '0 (below level 1) to 4' }) level: number;
  @ApiProperty() levelName: string;
  @ApiProperty({ description: 'At or above the profile’s minimum level' }) met: boolean;
  @ApiProperty({ description: 'The score that reaches the profile’s minimum level' }) minScore: number;
}

export class DomainResultDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty() level: number;
  @ApiProperty() levelName: string;
}

export class OverallResultDto {
  @ApiProperty() score: number;
  @ApiProperty() level: number;
  @ApiProperty() levelName: string;
}

export class PathCourseDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ enum: ['not_enrolled', 'active', 'completed', 'left'] }) status: 'not_enrolled' | 'active' | 'completed' | 'left';
}

export class PathStepDto {
  @ApiProperty() competency: string;
  @ApiProperty() name: string;
  @ApiProperty() score: number;
  @ApiProperty() levelName: string;
  @ApiProperty() minLevelName: string;
  @ApiProperty({ type: [PathCourseDto] }) courses: PathCourseDto[];
}

export class AssessmentResultDto {
  @ApiProperty({ type: OverallResultDto }) overall: OverallResultDto;
  @ApiProperty({ type: [DomainResultDto] }) domains: DomainResultDto[];
  @ApiProperty({ type: [CompetencyResultDto] }) competencies: CompetencyResultDto[];
  @ApiProperty({ type: [PathStepDto], description: 'Weak competencies, weakest first, with the courses that build them' }) learningPath: PathStepDto[];
}

@ApiExtraModels(AnswerValueDto)
export class AssessmentAttemptDto extends AssessmentAttemptSummaryDto {
  @ApiProperty() frameworkVersion: string;
  @ApiProperty() frameworkTitle: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty() targetGroupName: string;
  @ApiProperty({ type: [String] }) scale: string[];
  @ApiProperty({ type: [RatedCompetencyDto], description: 'To rate, in display order' }) competencies: RatedCompetencyDto[];
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'competency code → rating' }) ratings: Record<string, number>;
  @ApiProperty({ type: [LearnerQuestionDto] }) questions: LearnerQuestionDto[];
  @ApiProperty({ type: 'object', additionalProperties: { $ref: getSchemaPath(AnswerValueDto) } }) answers: Record<string, AnswerValueDto>;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) deadlineAt: string | null;
  @ApiProperty({ format: 'date-time' }) serverNow: string;
  @ApiProperty({ type: AssessmentResultDto, nullable: true, description: 'Only after submission' }) result: AssessmentResultDto | null;
  @ApiProperty({ type: [QuestionResultDto], nullable: true, description: 'Only after submission' }) questionResults: QuestionResultDto[] | null;

  static from(v: AssessmentView, path: PathStep[] | null): AssessmentAttemptDto {
    const { attempt: a, names } = v;
    return {
      ...AssessmentAttemptSummaryDto.fromAttempt(a, names),
      frameworkVersion: names.version.version, frameworkTitle: names.version.title,
      targetGroup: a.targetGroup as TargetGroup, targetGroupName: names.targetGroup(a.targetGroup),
      scale: [...SELF_RATINGS],
      competencies: a.competencies.map((c) => ratedCompetency(names, c.code, c.minLevel)),
      ratings: a.ratings, questions: v.questions, answers: a.answers,
      deadlineAt: a.deadlineAt?.toISOString() ?? null, serverNow: new Date().toISOString(),
      result: !a.result ? null : {
        overall: { ...a.result.overall, levelName: names.level(a.result.overall.level) },
        domains: a.result.domains.map((d) => ({ ...d, name: names.domain(d.code), levelName: names.level(d.level) })),
        competencies: a.result.competencies.map((c) => ({ ...ratedCompetency(names, c.code, c.minLevel), rating: c.rating, knowledgePercent: c.knowledgePercent, score: c.score, level: c.level, levelName: names.level(c.level), met: c.met, minScore: minScoreOf(c.minLevel) })),
        learningPath: (path ?? []).map((s) => ({ competency: s.competency, name: names.competency(s.competency), score: s.score, levelName: names.level(s.level), minLevelName: names.level(s.minLevel), courses: s.courses })),
      },
      questionResults: v.results,
    };
  }
}

export class AssessmentAnswersDto {
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer', minimum: 0, maximum: 4 }, description: 'competency code → rating (index into the scale)' })
  @IsOmittable()
  @IsObject({ message: 'ratings must be an object of competency code → rating' })
  ratings?: Record<string, number>;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { $ref: getSchemaPath(AnswerValueDto) }, description: 'question id → answer' })
  @IsOmittable()
  @IsObject({ message: 'answers must be an object of question id → answer' })
  answers?: Record<string, AnswerValueDto>;
}
