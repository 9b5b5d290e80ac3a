import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';

export class CourseListQueryDto {
  @ApiPropertyOptional({ description: 'Words to find, with or without diacritics' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: TargetGroup;
  @ApiPropertyOptional({ example: '4' }) @IsOptional() @Matches(/^\d$/, { message: 'domain must be a domain code such as 4' }) domain?: string;
  @ApiPropertyOptional({ example: '4.2' }) @IsOptional() @Matches(/^\d\.\d$/, { message: 'competency must be a code such as 4.2' }) competency?: string;
  @ApiPropertyOptional({ minimum: 1, maximum: 8 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(8) level?: number;
}

export class CourseCompetencyDto {
  @ApiProperty({ example: '4.2' }) code: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 1 }) level: number;
}

export class CourseSummaryDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ enum: TARGET_GROUPS, isArray: true }) targetGroups: TargetGroup[];
  @ApiProperty({ type: [CourseCompetencyDto] }) competencies: CourseCompetencyDto[];
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty() lessonCount: number;
  @ApiProperty({ enum: ['sequential', 'free'] }) ordering: 'sequential' | 'free';
}

export class SyllabusLessonDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty({ type: [String] }) competencies: string[];
}

export class SyllabusQuizDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty() questionCount: number;
  @ApiProperty() passPercent: number;
  @ApiProperty() required: boolean;
}

export class CourseDetailDto extends CourseSummaryDto {
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ type: [SyllabusLessonDto] }) lessons: SyllabusLessonDto[];
  @ApiProperty({ type: [SyllabusQuizDto] }) quizzes: SyllabusQuizDto[];
}

export class FrameworkCompetencyDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class FrameworkDomainDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
  @ApiProperty() optional: boolean;
  @ApiProperty({ type: [FrameworkCompetencyDto] }) competencies: FrameworkCompetencyDto[];
}

export class FrameworkLevelDto {
  @ApiProperty() level: number;
  @ApiProperty({ example: 'CB1' }) code: string;
  @ApiProperty({ example: 'Cơ bản' }) tier: string;
  @ApiProperty() name: string;
}

export class FrameworkTargetGroupDto {
  @ApiProperty({ enum: TARGET_GROUPS }) code: TargetGroup;
  @ApiProperty() name: string;
  @ApiProperty() nameEn: string;
}

export class FrameworkDto {
  @ApiProperty() version: string;
  @ApiProperty() title: string;
  @ApiProperty({ type: [FrameworkLevelDto] }) levels: FrameworkLevelDto[];
  @ApiProperty({ type: [FrameworkDomainDto] }) domains: FrameworkDomainDto[];
  @ApiProperty({ type: [FrameworkTargetGroupDto] }) targetGroups: FrameworkTargetGroupDto[];
}
