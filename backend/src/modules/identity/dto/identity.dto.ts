import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';
import { NAME_PATTERN, RegisterDto } from '../../auth/dto/register.dto';
import { IsStrongPassword } from '../../users/validators';

export class IdentityProviderDto {
  @ApiProperty({ example: 'vneid' }) id: string;
  @ApiProperty({ example: 'VNeID' }) label: string;
}

export class IdentityStartDto {
  @ApiProperty({ enum: ['signin', 'reset'], description: 'signin: sign in or create an account; reset: choose a new password' })
  @IsIn(['signin', 'reset'], { message: 'intent must be signin or reset' })
  intent: 'signin' | 'reset';
}

export class AuthorizationUrlDto {
  @ApiProperty({ description: 'Send the browser here (the identity provider)' }) url: string;
}

/** What the provider said about the person waiting to register (the identity number is never shown). */
export class IdentityPendingDto {
  @ApiProperty() providerLabel: string;
  @ApiProperty({ type: String, nullable: true }) fullName: string | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear: number | null;
  @ApiProperty({ type: String, nullable: true, example: '091*****78' }) phone: string | null;
}

/** The registration form's choices (group, place, organisation, consent); the person's details come from the provider. */
export class IdentityRegisterDto extends PickType(RegisterDto, ['targetGroup', 'unitId', 'organisationName', 'organisationKind', 'consent', 'consentVersion'] as const) {
  @ApiPropertyOptional({ description: 'Only when the provider gave no name' })
  @IsOmittable()
  @IsString()
  @Length(2, 120)
  @Matches(NAME_PATTERN, { message: 'fullName must contain letters only' })
  fullName?: string;

  @ApiPropertyOptional({ description: 'Only when the provider gave no birth date' })
  @IsOmittable()
  @IsInt()
  @Min(1900)
  @Max(new Date().getFullYear())
  birthYear?: number;
}

export class IdentityPasswordDto {
  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @IsStrongPassword()
  newPassword: string;
}

export class IdentityLinkDto {
  @ApiProperty() provider: string;
  @ApiProperty() providerLabel: string;
  @ApiProperty({ format: 'date-time' }) linkedAt: string;
}
