import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../organisations/entities/organisation.entity';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import { IsEmailAddress, IsVietnameseMobile } from '../../users/validators';
import { NAME_PATTERN, ORGANISATION_NAME_MESSAGE, ORGANISATION_NAME_PATTERN } from '../../auth/dto/register.dto';
import { IsOmittable } from '../../../common/http/is-omittable';

/** Every field optional; `null` for phone, email or organisation removes it. */
export class UpdateProfileDto {
  @ApiPropertyOptional() @IsOmittable() @IsString() @Length(2, 120) @Matches(NAME_PATTERN, { message: 'fullName must contain letters only' })
  fullName?: string;

  @ApiPropertyOptional() @IsOmittable() @IsInt() @Min(1900) @Max(new Date().getFullYear())
  birthYear?: number;

  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOmittable() @IsIn(TARGET_GROUPS)
  targetGroup?: TargetGroup;

  @ApiPropertyOptional({ format: 'uuid' }) @IsOmittable() @IsUUID()
  unitId?: string;

  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsVietnameseMobile()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsEmailAddress()
  email?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String }) @ValidateIf((_, v) => v !== null && v !== undefined) @IsString() @Length(2, 200)
  @Matches(ORGANISATION_NAME_PATTERN, { message: ORGANISATION_NAME_MESSAGE })
  organisationName?: string | null;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS }) @IsOmittable() @IsIn(ORGANISATION_KINDS)
  organisationKind?: OrganisationKind;
}
