import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { Equals, IsInt, IsString, Length, Max, MaxLength, Min, MinLength } from 'class-validator';
import { ProgressSummaryDto } from '../../learning/dto/progress-summary.dto';

export class CreateHouseholdDto {
  @ApiProperty({ example: 'Gia đình bà Lan', minLength: 2, maxLength: 80 })
  @IsString()
  @MinLength(2)
  @MaxLength(80)
  name: string;
}

export class JoinHouseholdDto {
  @ApiProperty({ example: 'K7M2QX9A' })
  @IsString()
  @Length(8, 12)
  code: string;

  @ApiProperty({ description: 'The person agrees that the household’s members see their progress, until they leave' })
  @Equals(true, { message: 'consent must be given' })
  consent: boolean;
}

export class AcceptInvitationDto {
  @ApiProperty({ description: 'The person agrees that the household’s members see their progress, until they leave' })
  @Equals(true, { message: 'consent must be given' })
  consent: boolean;
}

export class InviteDto {
  @ApiProperty({ example: '0912345678', description: 'A phone number or email; the answer never says whether it has an account' })
  @IsString()
  @Length(3, 254)
  login: string;
}

export class InvitedDto {
  @ApiProperty({ example: '091*****78' }) loginHint: string;
}

export class HouseholdMemberDto extends ProgressSummaryDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ description: 'Counts as an adult under this year’s rule' }) adult: boolean;
  @ApiProperty() isOwner: boolean;
  @ApiProperty({ format: 'date-time' }) acceptedAt: string;
}

export class PendingInvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() loginHint: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class HouseholdRuleDto {
  @ApiProperty() year: number;
  @ApiProperty({ description: 'A member born in or before year − adultAge is an adult (an unknown birth year counts as adult)' }) adultAge: number;
  @ApiProperty({ description: 'Share of adult members who must hold a completion record, in percent (100 = all)' }) requiredPercent: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The year whose setting applies; null = the default' }) setForYear: number | null;
}

export class DigitalStatusDto {
  @ApiProperty() isDigital: boolean;
  @ApiProperty() adults: number;
  @ApiProperty({ description: 'Adult members holding a completion record' }) holders: number;
  @ApiProperty({ type: HouseholdRuleDto }) rule: HouseholdRuleDto;
}

export class HouseholdDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() isOwner: boolean;
  @ApiProperty({ description: 'The code and link to share with the family' }) inviteCode: string;
  @ApiProperty() inviteUrl: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: [HouseholdMemberDto], description: 'Only members who accepted' }) members: HouseholdMemberDto[];
  @ApiProperty({ type: [PendingInvitationDto], description: 'The owner’s open invitations (empty for other members)' }) pendingInvitations: PendingInvitationDto[];
  @ApiProperty({ type: DigitalStatusDto }) digital: DigitalStatusDto;
}

export class InvitationToMeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() householdName: string;
  @ApiProperty() inviterName: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MyHouseholdDto {
  @ApiProperty({ type: HouseholdDto, nullable: true }) household: HouseholdDto | null;
  @ApiProperty({ type: [InvitationToMeDto] }) invitations: InvitationToMeDto[];
}

export class HouseholdPreviewDto {
  @ApiProperty() householdName: string;
  @ApiProperty() ownerName: string;
  @ApiProperty() members: number;
}

export class SetHouseholdRuleDto {
  @ApiProperty({ minimum: 14, maximum: 25, example: 18 })
  @IsInt()
  @Min(14)
  @Max(25)
  adultAge: number;

  @ApiProperty({ minimum: 1, maximum: 100, example: 100 })
  @IsInt()
  @Min(1)
  @Max(100)
  requiredPercent: number;
}

export class YearParamDto {
  @ApiProperty({ minimum: 2025, maximum: 2100 })
  @Type(() => Number)
  @IsInt()
  @Min(2025)
  @Max(2100)
  year: number;
}
