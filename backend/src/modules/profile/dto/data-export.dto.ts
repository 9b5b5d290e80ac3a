import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import type { DataExport, DataExportStatus } from '../entities/data-export.entity';

export class DataExportResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: DataExportStatus;
  @ApiProperty({ minimum: 0, maximum: 100 }) progress: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;

  static from(e: DataExport): DataExportResponseDto {
    return { id: e.id, status: e.status, progress: e.progress, createdAt: e.createdAt.toISOString(), expiresAt: e.expiresAt.toISOString() };
  }
}

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, to confirm' }) @IsString() @Length(1, 128) password: string;
}
