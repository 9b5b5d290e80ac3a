import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsInt, Matches, Max, Min, ValidateIf } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import type { CertificationPolicy } from '../entities/certification-policy.entity';

/** What a national administrator sets for one target group. */
export class CertificationPolicySettingsDto {
  @ApiProperty({ type: [String], description: 'Slugs of the courses that must be completed' })
  @IsArray({ message: 'requiredCourses must be a list of course slugs' })
  @ArrayMaxSize(30)
  @Matches(/^[a-z0-9-]{1,120}$/, { each: true, message: 'requiredCourses must hold course slugs' })
  requiredCourses: string[];

  @ApiProperty({ minimum: 0, maximum: 100 }) @IsInt({ message: 'minOverallScore must be a whole number' }) @Min(0) @Max(100) minOverallScore: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Applies to every domain assessed' }) @IsInt({ message: 'minDomainScore must be a whole number' }) @Min(0) @Max(100) minDomainScore: number;
  @ApiProperty({ description: 'Every competency of the group’s profile at its minimum level' }) @IsBoolean({ message: 'requireProfileLevels must be true or false' }) requireProfileLevels: boolean;
  @ApiProperty({ minimum: 0, maximum: 10 }) @IsInt({ message: 'questionsPerCompetency must be a whole number' }) @Min(0) @Max(10) questionsPerCompetency: number;
  @ApiProperty({ minimum: 0, maximum: 100, description: 'Share of the self-rating in a competency’s score, percent' }) @IsInt({ message: 'selfRatingWeight must be a whole number' }) @Min(0) @Max(100) selfRatingWeight: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, description: 'Null: unlimited' })
  @ValidateIf((o: CertificationPolicySettingsDto) => o.maxAttempts !== null)
  @IsInt({ message: 'maxAttempts must be a whole number or null' }) @Min(1)
  maxAttempts: number | null;

  @ApiProperty({ minimum: 0, maximum: 8760 }) @IsInt({ message: 'cooldownHours must be a whole number' }) @Min(0) @Max(8760) cooldownHours: number;

  @ApiProperty({ type: Number, nullable: true, minimum: 1, maximum: 600, description: 'Null: untimed' })
  @ValidateIf((o: CertificationPolicySettingsDto) => o.timeLimitMinutes !== null)
  @IsInt({ message: 'timeLimitMinutes must be a whole number or null' }) @Min(1) @Max(600)
  timeLimitMinutes: number | null;
}

export class CertificationPolicyDto extends CertificationPolicySettingsDto {
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;

  static from(p: CertificationPolicy, frameworkVersion: string): CertificationPolicyDto {
    return {
      frameworkVersion, targetGroup: p.targetGroup as TargetGroup, updatedAt: p.updatedAt.toISOString(),
      requiredCourses: p.requiredCourses, minOverallScore: p.minOverallScore, minDomainScore: p.minDomainScore,
      requireProfileLevels: p.requireProfileLevels, questionsPerCompetency: p.questionsPerCompetency,
      selfRatingWeight: p.selfRatingWeight, maxAttempts: p.maxAttempts, cooldownHours: p.cooldownHours, timeLimitMinutes: p.timeLimitMinutes,
    };
  }
}
