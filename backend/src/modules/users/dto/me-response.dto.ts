import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../organisations/entities/organisation.entity';
import { ROLES, type Role, SCOPE_LEVELS, type ScopeLevel, TARGET_GROUPS, type TargetGroup } from '../entities/user.entity';

export class UnitRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() fullName: string;
}

export class OrganisationRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
}

export class ScopeDto {
  @ApiProperty({ enum: SCOPE_LEVELS }) level: ScopeLevel;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ example: 'Toàn quốc' }) name: string;
}

/** What a person sees of their own account. */
export class MeResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String, example: '0912345678' }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty() fullName: string;
  @ApiProperty({ example: 1958 }) birthYear: number;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeDto, nullable: true }) scope: ScopeDto | null;
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
  @ApiProperty({ type: UnitRefDto }) province: UnitRefDto;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation: OrganisationRefDto | null;
  @ApiProperty({ type: String, nullable: true, example: 'VNeID', description: 'The identity provider that verified who this person is' }) identityVerifiedBy: string | null;
  @ApiProperty({ description: 'Whether the account has a password (an account made through an identity provider may not)' }) hasPassword: boolean;
  @ApiProperty({ nullable: true, type: String }) consentVersion: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) consentAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
