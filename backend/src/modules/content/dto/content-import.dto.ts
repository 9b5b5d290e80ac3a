import { ApiProperty } from '@nestjs/swagger';
import type { ContentImport } from '../entities/content-import.entity';

export class ContentImportReportDto {
  @ApiProperty({ type: [String] }) created: string[];
  @ApiProperty({ type: [String] }) updated: string[];
  @ApiProperty({ type: [String] }) unchanged: string[];
  @ApiProperty({ type: [String] }) archived: string[];
}

export class ContentImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: ContentImport['status'];
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ type: ContentImportReportDto, nullable: true }) report: ContentImportReportDto | null;
  @ApiProperty({ type: [String], description: '`file:line: message` when the files did not validate' }) problems: string[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;

  static from(i: ContentImport): ContentImportDto {
    return { id: i.id, status: i.status, progress: i.progress, report: i.report, problems: i.problems, createdAt: i.createdAt.toISOString() };
  }
}
