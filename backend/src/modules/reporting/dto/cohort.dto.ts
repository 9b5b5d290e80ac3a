import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import { COMMUNITY_GROUPS, type CommunityGroup } from '../community-cohorts';

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** A cohort: every filter optional; the unit is a drill-down inside the viewer's scope. */
export class CohortQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'A province or commune inside your scope (default: your scope)' })
  @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: TargetGroup;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() courseId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'A class of a commune inside your scope: its members, wherever they live' })
  @IsOptional() @IsUUID() classId?: string;
  @ApiPropertyOptional({ example: '2025.1' }) @IsOptional() @IsString() @MaxLength(40) frameworkVersion?: string;
  @ApiPropertyOptional({ description: '1: under 25, 2: 25–34, 3: 35–44, 4: 45–54, 5: 55–64, 6: 65 and over, 0: not stated' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(6) ageBand?: number;
  @ApiPropertyOptional({ example: '2026-01', description: 'First month of the period (default: January of this year)' })
  @IsOptional() @Matches(MONTH, { message: 'from must be a month, YYYY-MM' }) from?: string;
  @ApiPropertyOptional({ example: '2026-12', description: 'Last month of the period (default: this month)' })
  @IsOptional() @Matches(MONTH, { message: 'to must be a month, YYYY-MM' }) to?: string;
}

/** A cohort that may be narrowed to a community cohort: the person list and its export. */
export class PeopleFilterDto extends CohortQueryDto {
  @ApiPropertyOptional({ enum: COMMUNITY_GROUPS, description: 'Only the people of a community cohort (team members, residents they registered, ambassadors, mentees, household members, verified identities)' })
  @IsOptional() @IsIn(COMMUNITY_GROUPS) community?: CommunityGroup;
}

export class PeopleQueryDto extends PeopleFilterDto {
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 50 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize?: number;
}

/**
 * The measures of a cohort. A null count is suppressed (fewer than the threshold, a small cell could
 * identify someone) or does not apply to the filters (e.g. records have no course).
 */
export class MeasuresDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Accounts registered now (not deleted)' }) registered: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'First enrolments in the period' }) enrolled: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Distinct learners active per month, summed over the months of the period; null with a course or framework filter' }) active: number | null;
  @ApiProperty({ nullable: true, type: Number }) lessonsCompleted: number | null;
  @ApiProperty({ nullable: true, type: Number }) quizzesPassed: number | null;
  @ApiProperty({ nullable: true, type: Number }) coursesCompleted: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'coursesCompleted ÷ enrolled, in percent' }) completionRate: number | null;
  @ApiProperty({ nullable: true, type: Number }) selfAssessments: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean overall self-assessment score (0–100)' }) averageScore: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Completion records issued in the period' }) recordsIssued: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Valid completion records at the end of the period' }) recordHolders: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'recordHolders ÷ registered, in percent' }) recordShare: number | null;
}

export class TargetStatusDto {
  @ApiProperty({ description: 'Head-count to reach this year' }) targetCount: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Record holders now (null when suppressed)' }) actual: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'actual ÷ targetCount, in percent' }) percent: number | null;
  @ApiProperty({ description: 'Behind the share of the year gone by' }) behind: boolean;
}

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['province', 'commune'] }) level: 'province' | 'commune';
}

export class CohortRowDto {
  @ApiProperty({ type: MeasuresDto }) measures: MeasuresDto;
  @ApiProperty({ type: TargetStatusDto, nullable: true }) target: TargetStatusDto | null;
}

export class ChildUnitRowDto extends CohortRowDto {
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
}

export class GroupRowDto extends CohortRowDto {
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
}

export class MonthRowDto {
  @ApiProperty({ example: '2026-03' }) month: string;
  @ApiProperty({ nullable: true, type: Number }) enrolled: number | null;
  @ApiProperty({ nullable: true, type: Number }) coursesCompleted: number | null;
  @ApiProperty({ nullable: true, type: Number }) active: number | null;
  @ApiProperty({ nullable: true, type: Number }) recordsIssued: number | null;
}

export class ScoreCellDto {
  @ApiProperty({ description: 'Domain or competency code' }) code: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The child unit; null for the whole cohort' }) unitId: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean score 0–100; null when suppressed' }) average: number | null;
}

export class ClassRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class CohortReportDto {
  @ApiProperty({ format: 'date-time', description: 'When these figures were computed (answers are kept for REPORTING_CACHE_SECONDS)' }) computedAt: string;
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'The unit viewed; null for the nation' }) unit: UnitRefDto | null;
  @ApiProperty({ type: ClassRefDto, nullable: true, description: 'The class viewed (its members; `unit` is its commune); null otherwise' }) class: ClassRefDto | null;
  @ApiProperty({ type: [UnitRefDto], description: 'From the nation down to the unit viewed' }) trail: UnitRefDto[];
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ description: 'Counts below this are suppressed' }) minCount: number;
  @ApiProperty({ type: CohortRowDto }) total: CohortRowDto;
  @ApiProperty({ type: [ChildUnitRowDto], description: 'Provinces (nation), communes (province); empty for a commune' }) children: ChildUnitRowDto[];
  @ApiProperty({ type: [GroupRowDto] }) groups: GroupRowDto[];
  @ApiProperty({ type: [MonthRowDto] }) months: MonthRowDto[];
  @ApiProperty({ type: [ScoreCellDto], description: 'Mean score per domain, for the cohort and per child unit (the heat map)' }) domainScores: ScoreCellDto[];
  @ApiProperty({ type: [ScoreCellDto], description: 'Mean score per competency, for the cohort' }) competencyScores: ScoreCellDto[];
}

export class CohortPersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty() unitName: string;
  @ApiProperty() enrolled: number;
  @ApiProperty() coursesCompleted: number;
  @ApiProperty() lessonsCompleted: number;
  @ApiProperty() holdsRecord: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastActiveAt: string | null;
}

export class CohortPeoplePageDto {
  @ApiProperty({ type: [CohortPersonDto] }) items: CohortPersonDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class OptionDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class CohortOptionsDto {
  @ApiProperty({ type: [OptionDto] }) courses: OptionDto[];
  @ApiProperty({ type: [String] }) frameworkVersions: string[];
  @ApiProperty({ type: [OptionDto], description: 'Organisations inside your scope' }) organisations: OptionDto[];
}
