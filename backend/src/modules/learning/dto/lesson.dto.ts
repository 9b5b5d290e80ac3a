import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';

export class LessonLinkDto {
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class LessonVideoDto {
  @ApiProperty() src: string;
  @ApiProperty({ description: 'WebVTT captions' }) captions: string;
  @ApiProperty() transcript: string;
}

export class LessonDto {
  @ApiProperty() courseSlug: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: '1-based place in the syllabus' }) position: number;
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Sanitised HTML rendered from the lesson Markdown' }) html: string;
  @ApiProperty({ type: [String] }) competencies: string[];
  @ApiProperty() estimatedMinutes: number;
  @ApiProperty() required: boolean;
  @ApiProperty() done: boolean;
  @ApiProperty({ type: LessonVideoDto, nullable: true }) video: LessonVideoDto | null;
  @ApiProperty({ type: LessonLinkDto, nullable: true }) previous: LessonLinkDto | null;
  @ApiProperty({ type: LessonLinkDto, nullable: true }) next: LessonLinkDto | null;
}

export class CompleteLessonDto {
  @ApiPropertyOptional({ description: 'When it was done on the device (offline replays); the server clamps it to the past week' })
  @IsOmittable()
  @IsISO8601({ strict: true }, { message: 'occurredAt must be an ISO 8601 date-time' })
  occurredAt?: string;
}

export class LessonCompletionDto {
  @ApiProperty({ description: 'False when it was already done: nothing new was recorded' }) firstTime: boolean;
  @ApiProperty() courseCompleted: boolean;
}

export class LessonAudioDto {
  @ApiProperty({ enum: ['ready', 'preparing', 'unavailable'], description: 'preparing: the audio is being made, ask again in a few seconds' })
  status: 'ready' | 'preparing' | 'unavailable';
  @ApiProperty({ type: String, nullable: true, description: 'The MP3 of this version of the lesson (cached for good: its name is the hash of the words)' })
  src: string | null;
}
