import { ApiProperty } from '@nestjs/swagger';
import { Equals, IsString, Length } from 'class-validator';
import { ProgressSummaryDto } from '../../learning/dto/progress-summary.dto';

export class AmbassadorDto {
  @ApiProperty({ example: 'K7M2QX9A', description: 'The code mentees join with' }) inviteCode: string;
  @ApiProperty({ description: 'The address to share (QR code or message)' }) inviteUrl: string;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty({ description: 'Current mentees (who share their progress)' }) mentees: number;
}

export class AmbassadorStatusDto {
  @ApiProperty({ description: 'Holds a valid completion record, so may become an ambassador' }) eligible: boolean;
  @ApiProperty({ type: AmbassadorDto, nullable: true }) ambassador: AmbassadorDto | null;
}

export class MenteeDto extends ProgressSummaryDto {
  @ApiProperty({ format: 'uuid' }) menteeId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'date-time', description: 'When they joined and agreed to share their progress' }) consentedAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastReminderAt: string | null;
}

export class ReminderResultDto {
  @ApiProperty({ enum: ['sent', 'duplicate', 'muted'], description: '`duplicate`: already reminded today; `muted`: the mentee stopped reminders' })
  outcome: 'sent' | 'duplicate' | 'muted';
}

export class InvitationPreviewDto {
  @ApiProperty() ambassadorName: string;
}

export class JoinAmbassadorDto {
  @ApiProperty({ example: 'K7M2QX9A' })
  @IsString()
  @Length(8, 12)
  code: string;

  @ApiProperty({ description: 'The mentee agrees to share their progress with this ambassador until they withdraw' })
  @Equals(true, { message: 'consent must be given' })
  consent: boolean;
}

export class MentorshipDto {
  @ApiProperty({ type: String, nullable: true, description: 'The current ambassador; null when the person has none' }) ambassadorName: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since: string | null;
}
