import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsString, IsUUID, Length, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';
import { RegisterDto } from '../../auth/dto/register.dto';
import { CONSENT_METHODS, type ConsentMethod } from '../entities/resident-registration.entity';

/** A resident registered on a member's phone: their commune is the member's; no password (they get a card). */
export class RegisterResidentDto extends PickType(RegisterDto, ['phone', 'fullName', 'birthYear', 'targetGroup', 'consent', 'consentVersion'] as const) {
  @ApiProperty({ enum: CONSENT_METHODS, description: 'How the resident gave consent: read and ticked on screen, read aloud and agreed, or signed on paper' })
  @IsIn(CONSENT_METHODS, { message: `consentMethod must be one of ${CONSENT_METHODS.join(', ')}` })
  consentMethod: ConsentMethod;
}

export class SignInCardDto {
  @ApiProperty({ example: '7K3M-9QX2-HT4P-A1B2', description: 'Shown once: print it or show it on screen' }) code: string;
  @ApiProperty({ description: 'The address in the QR code' }) url: string;
  @ApiProperty({ description: 'The QR code as SVG' }) qrSvg: string;
}

export class ResidentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) fullName: string | null;
  @ApiProperty({ type: Number, nullable: true }) birthYear: number | null;
  @ApiProperty() registeredByMe: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) registeredAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastAssistedAt: string | null;
  @ApiProperty() coursesEnrolled: number;
  @ApiProperty() coursesCompleted: number;
}

export class RegisteredResidentDto {
  @ApiProperty({ type: ResidentDto }) resident: ResidentDto;
  @ApiProperty({ type: SignInCardDto }) card: SignInCardDto;
}

export class CardSignInDto {
  @ApiProperty({ example: '7K3M-9QX2-HT4P-A1B2' })
  @IsString()
  @Length(16, 40)
  code: string;
}

export class AssistDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  residentId: string;
}

export class AssistedSessionDto {
  @ApiProperty({ format: 'uuid' }) residentId: string;
  @ApiProperty({ type: String, nullable: true }) residentName: string | null;
}

export class HouseholdVisitDto {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the phone, so a visit sent twice is stored once' })
  @IsUUID()
  id: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'visitedAt must be a date and time' })
  visitedAt: string;

  @ApiProperty({ minimum: 0, maximum: 50 })
  @IsInt()
  @Min(0)
  @Max(50)
  peopleHelped: number;

  @ApiPropertyOptional({ type: [String], description: 'Residents helped during the visit (yours)' })
  @IsOmittable()
  @IsUUID('all', { each: true })
  @ArrayMaxSize(20)
  residentIds?: string[];

  @ApiPropertyOptional({ maxLength: 300 })
  @IsOmittable()
  @IsString()
  @MaxLength(300)
  note?: string;
}

export class HouseholdVisitViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) visitedAt: string;
  @ApiProperty() peopleHelped: number;
  @ApiProperty({ type: [String] }) residentIds: string[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
}

export class TeamMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty({ type: String, nullable: true }) fullName: string | null;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'date-time' }) appointedAt: string;
  @ApiProperty() residents: number;
  @ApiProperty() visits: number;
}

export class MembershipDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
}
