import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import type { FrameworkNames } from '../../assessment/framework-names';
import { verifyUrl } from '../credential/open-badge';
import type { CompletionRecord, PdfStatus } from '../entities/completion-record.entity';
import type { CertificationStatus } from '../completion-records.service';
import type { PolicyShortfall } from '../policy-evaluator';

export class RecordCompetencyDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty() level: number;
  @ApiProperty() levelName: string;
}

/** A completion record as its holder sees it. */
export class RecordDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: '7K3M-9QX2-HT4P' }) code: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty() frameworkTitle: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty() targetGroupName: string;
  @ApiProperty() overallScore: number;
  @ApiProperty() overallLevelName: string;
  @ApiProperty({ type: [RecordCompetencyDto] }) competencies: RecordCompetencyDto[];
  @ApiProperty({ type: [String] }) coursesCompleted: string[];
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) pdfStatus: PdfStatus;
  @ApiProperty({ description: 'The public verification page' }) verifyUrl: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) revokedReason: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'VNeID', description: 'The identity provider that had verified the holder at issue' }) identityVerifiedBy: string | null;

  static from(r: CompletionRecord, names: FrameworkNames, publicUrl: string): RecordDto {
    return {
      id: r.id, code: r.code, status: r.revokedAt ? 'revoked' : 'valid', issuedAt: r.issuedAt.toISOString(),
      frameworkVersion: names.version.version, frameworkTitle: names.version.title,
      targetGroup: r.targetGroup as TargetGroup, targetGroupName: names.targetGroup(r.targetGroup),
      overallScore: r.overallScore, overallLevelName: names.level(r.overallLevel),
      competencies: r.competencies.map((c) => ({ code: c.code, name: c.name, level: c.level, levelName: names.level(c.level) })),
      coursesCompleted: r.coursesCompleted, pdfStatus: r.pdfStatus, verifyUrl: verifyUrl(publicUrl, r.code),
      revokedAt: r.revokedAt?.toISOString() ?? null, revokedReason: r.revokedReason, identityVerifiedBy: r.holderIdentityVerifiedBy,
    };
  }
}

export class MissingCourseDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class ShortfallDto {
  @ApiProperty({ enum: ['NO_POLICY', 'NO_ASSESSMENT', 'OVERALL_BELOW', 'DOMAIN_BELOW', 'COMPETENCY_BELOW', 'COURSES_MISSING'] })
  code: PolicyShortfall['code'];
  @ApiPropertyOptional() score?: number;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() domain?: string;
  @ApiPropertyOptional() domainName?: string;
  @ApiPropertyOptional() competency?: string;
  @ApiPropertyOptional() competencyName?: string;
  @ApiPropertyOptional() levelName?: string;
  @ApiPropertyOptional() minLevelName?: string;
  @ApiPropertyOptional({ type: [MissingCourseDto], description: 'The required courses not completed yet' }) courses?: MissingCourseDto[];
}

export class PolicySummaryDto {
  @ApiProperty({ type: [String] }) requiredCourses: string[];
  @ApiProperty() minOverallScore: number;
  @ApiProperty() minDomainScore: number;
  @ApiProperty() requireProfileLevels: boolean;
}

export class CertificationStatusDto {
  @ApiProperty() frameworkVersion: string;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty() targetGroupName: string;
  @ApiProperty({ type: PolicySummaryDto, nullable: true }) policy: PolicySummaryDto | null;
  @ApiProperty({ type: [ShortfallDto], description: 'What is still missing; empty when the record is issued' }) shortfalls: ShortfallDto[];
  @ApiProperty({ type: RecordDto, nullable: true, description: 'The valid record, once issued' }) record: RecordDto | null;

  static from(s: CertificationStatus, publicUrl: string): CertificationStatusDto {
    const n = s.names;
    return {
      frameworkVersion: n.version.version, targetGroup: s.targetGroup as TargetGroup, targetGroupName: n.targetGroup(s.targetGroup),
      policy: s.policy && { requiredCourses: s.policy.requiredCourses, minOverallScore: s.policy.minOverallScore, minDomainScore: s.policy.minDomainScore, requireProfileLevels: s.policy.requireProfileLevels },
      shortfalls: s.shortfalls.map((g): ShortfallDto => {
        switch (g.code) {
          case 'DOMAIN_BELOW':
            return { ...g, domainName: n.domain(g.domain) };
          case 'COMPETENCY_BELOW':
            return { code: g.code, competency: g.competency, competencyName: n.competency(g.competency), levelName: n.level(g.level), minLevelName: n.level(g.min) };
          case 'COURSES_MISSING':
            return { code: g.code, courses: g.courses.map((slug) => ({ slug, title: s.courseTitles.get(slug) ?? slug })) };
          case 'NO_POLICY':
          case 'NO_ASSESSMENT':
          case 'OVERALL_BELOW':
            return g;
        }
      }),
      record: s.record && RecordDto.from(s.record, n, publicUrl),
    };
  }
}

export class CredentialDto {
  @ApiProperty({ description: 'The OpenBadgeCredential as a VC-JWT (compact JWS, EdDSA)' }) jwt: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The same credential, decoded' }) credential: Record<string, unknown>;
}

/** What anyone may see of a record: no full name, no birth year, no scores. */
export class VerificationDto {
  @ApiProperty() code: string;
  @ApiProperty({ enum: ['valid', 'revoked'] }) status: 'valid' | 'revoked';
  @ApiProperty({ format: 'date-time' }) issuedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt: string | null;
  @ApiProperty({ example: 'N***** V** An', description: 'Every name but the last shown by its first letter' }) holderName: string;
  @ApiProperty() frameworkVersion: string;
  @ApiProperty() frameworkTitle: string;
  @ApiProperty() targetGroupName: string;
  @ApiProperty() overallLevelName: string;
  @ApiProperty({ type: [RecordCompetencyDto] }) competencies: RecordCompetencyDto[];
  @ApiProperty() issuerName: string;
  @ApiProperty({ type: String, nullable: true, example: 'VNeID', description: 'The identity provider that had verified the holder at issue' }) identityVerifiedBy: string | null;

  static from(r: CompletionRecord, names: FrameworkNames, issuerName: string): VerificationDto {
    return {
      code: r.code, status: r.revokedAt ? 'revoked' : 'valid', issuedAt: r.issuedAt.toISOString(), revokedAt: r.revokedAt?.toISOString() ?? null,
      holderName: maskName(r.holderName), frameworkVersion: names.version.version, frameworkTitle: names.version.title,
      targetGroupName: names.targetGroup(r.targetGroup), overallLevelName: names.level(r.overallLevel),
      competencies: r.competencies.map((c) => ({ code: c.code, name: c.name, level: c.level, levelName: names.level(c.level) })),
      issuerName, identityVerifiedBy: r.holderIdentityVerifiedBy,
    };
  }
}

/** "Nguyễn Thị Ánh Tuyết" → "N***** T** Á** Tuyết": enough to match a person in front of you, not to find them. */
export function maskName(name: string | null): string {
  const words = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '—';
  return words.map((w, i) => (i === words.length - 1 ? w : [...w][0] + '*'.repeat([...w].length - 1))).join(' ');
}

export class CredentialCheckDto {
  @ApiProperty({ description: 'A VC-JWT issued by this platform' })
  @IsString({ message: 'credential must be a string' })
  @MinLength(20, { message: 'credential must be a JWT' })
  @MaxLength(20_000, { message: 'credential is too long' })
  @Matches(/^[\w-]+\.[\w-]+\.[\w-]+$/, { message: 'credential must be a compact JWT (three base64url parts)' })
  credential: string;
}

export class CredentialCheckResultDto {
  @ApiProperty({ description: 'Signed by this platform, for a known record that is not revoked' }) valid: boolean;
  @ApiProperty({ enum: ['OK', 'SIGNATURE_INVALID', 'UNKNOWN_RECORD', 'REVOKED'] }) reason: 'OK' | 'SIGNATURE_INVALID' | 'UNKNOWN_RECORD' | 'REVOKED';
  @ApiProperty({ type: VerificationDto, nullable: true }) record: VerificationDto | null;
}

export class AdminRecordDto extends RecordDto {
  @ApiProperty({ type: String, nullable: true }) holderName: string | null;
  @ApiProperty() userId: string;
  @ApiProperty({ type: String, nullable: true }) reissueOfId: string | null;
}

export class AdminRecordPageDto {
  @ApiProperty({ type: [AdminRecordDto] }) items: AdminRecordDto[];
  @ApiProperty() total: number;
}

export class AdminRecordQueryDto {
  @ApiPropertyOptional({ enum: ['valid', 'revoked'] }) @IsOptional() @IsIn(['valid', 'revoked'], { message: 'status must be valid or revoked' }) status?: 'valid' | 'revoked';
  @ApiPropertyOptional({ description: 'A record code' }) @IsOptional() @IsString() @MaxLength(30) code?: string;
  @ApiPropertyOptional({ minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) page?: number;
  @ApiPropertyOptional({ minimum: 1, maximum: 100 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class RecordReasonDto {
  @ApiProperty({ minLength: 5, maxLength: 500 })
  @IsString({ message: 'reason must be text' })
  @MinLength(5, { message: 'reason must be at least 5 characters' })
  @MaxLength(500, { message: 'reason must be at most 500 characters' })
  reason: string;
}
