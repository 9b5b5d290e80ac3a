import { ApiProperty } from '@nestjs/swagger';
import type { ProgressSummary, SummaryNextStep } from '../progress-summary.service';

export class NextStepSummaryDto implements SummaryNextStep {
  @ApiProperty({ enum: ['lesson', 'quiz', 'self_assessment', 'choose_course'] }) kind: SummaryNextStep['kind'];
  @ApiProperty({ type: String, nullable: true }) courseSlug: string | null;
  @ApiProperty({ type: String, nullable: true }) courseTitle: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The lesson or quiz' }) title: string | null;
}

/** What a person shares with those they chose (their ambassador, their household): counts, the record, where they are. */
export class ProgressSummaryDto {
  @ApiProperty() coursesEnrolled: number;
  @ApiProperty() coursesCompleted: number;
  @ApiProperty() lessonsCompleted: number;
  @ApiProperty() holdsRecord: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastActiveAt: string | null;
  @ApiProperty({ type: NextStepSummaryDto, nullable: true, description: 'Null when everything is done' }) nextStep: NextStepSummaryDto | null;

  static from(s: ProgressSummary): ProgressSummaryDto {
    return { ...s, lastActiveAt: s.lastActiveAt?.toISOString() ?? null };
  }
}
