import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { REPORT_KINDS, type ReportKind } from '../report-calendar';

export class PeriodicQueryDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;
  @ApiPropertyOptional({ example: '2026-11', description: "'2026-11', '2026-Q4', '2026-H1' or '2026'; default: the current period" })
  @IsOptional() @IsString() @MaxLength(10) period?: string;
}

export class FreezeDto {
  @ApiProperty({ enum: REPORT_KINDS }) @IsIn(REPORT_KINDS) kind: ReportKind;
  @ApiProperty({ example: '2026-11' }) @IsString() @MaxLength(10) period: string;
}

export class PeriodicReportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty() period: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ enum: ['nation', 'province', 'commune'] }) level: 'nation' | 'province' | 'commune';
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The figures frozen at the cut-off: the cohort measures (total, children, groups) and the community measures (community.total, community.children)' }) figures: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) frozenAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
}

export class ChildReportStatusDto {
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) reportId: string | null;
  @ApiProperty({ enum: ['submitted', 'pending', 'late', 'not_frozen'] }) status: 'submitted' | 'pending' | 'late' | 'not_frozen';
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) submittedAt: string | null;
}

export class PeriodicOverviewDto {
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty() period: string;
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ format: 'date-time' }) cutoffAt: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ type: PeriodicReportDto, nullable: true, description: 'Your unit’s report, once frozen' }) report: PeriodicReportDto | null;
  @ApiProperty({ type: [ChildReportStatusDto], description: 'The units that report to yours' }) children: ChildReportStatusDto[];
}
