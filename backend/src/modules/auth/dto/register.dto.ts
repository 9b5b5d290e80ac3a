import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsInt, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../organisations/entities/organisation.entity';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';
import { IsEmailAddress, IsStrongPassword, IsVietnameseMobile } from '../../users/validators';
import { IsOmittable } from '../../../common/http/is-omittable';

export const NAME_PATTERN = /^[\p{L}][\p{L}\p{M} .'-]*$/u;
/** An agency's, school's or company's name as people write it: letters, digits and the punctuation of such names, no markup. */
export const ORGANISATION_NAME_PATTERN = /^[\p{L}\p{N}][\p{L}\p{M}\p{N} .,'&()/–-]*$/u;
export const ORGANISATION_NAME_MESSAGE = 'organisationName must contain letters, digits, spaces and . , \' & ( ) / - only';

export class RegisterDto {
  @ApiPropertyOptional({ example: '0912345678', description: 'Vietnamese mobile; phone or email is required' })
  @IsOmittable()
  @IsVietnameseMobile()
  phone?: string;

  @ApiPropertyOptional({ example: 'an.nguyen@example.vn' })
  @IsOmittable()
  @IsEmailAddress()
  email?: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @IsStrongPassword()
  password: string;

  @ApiProperty({ example: 'Nguyễn Văn An' })
  @IsString()
  @Length(2, 120)
  @Matches(NAME_PATTERN, { message: 'fullName must contain letters only' })
  fullName: string;

  @ApiProperty({ example: 1958 })
  @IsInt()
  @Min(1900)
  @Max(new Date().getFullYear())
  birthYear: number;

  @ApiProperty({ enum: TARGET_GROUPS })
  @IsIn(TARGET_GROUPS)
  targetGroup: TargetGroup;

  @ApiProperty({ format: 'uuid', description: 'The commune or ward (xã, phường, đặc khu)' })
  @IsUUID()
  unitId: string;

  @ApiPropertyOptional({ example: 'Trường THPT Chu Văn An' })
  @IsOmittable()
  @IsString()
  @Length(2, 200)
  @Matches(ORGANISATION_NAME_PATTERN, { message: ORGANISATION_NAME_MESSAGE })
  organisationName?: string;

  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOmittable()
  @IsIn(ORGANISATION_KINDS)
  organisationKind?: OrganisationKind;

  @ApiProperty({ enum: [true] })
  @Equals(true, { message: 'consent must be given' })
  consent: boolean;

  @ApiProperty({ description: 'The version of the consent text shown' })
  @IsString()
  @Length(1, 32)
  consentVersion: string;
}
