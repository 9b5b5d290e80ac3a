import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsString, Length } from 'class-validator';
import { IsOmittable } from '../../../common/http/is-omittable';
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

/** An account with a password confirms with it; one without (a sign-in card, an identity provider) confirms explicitly. */
export class DeleteAccountDto {
  @ApiPropertyOptional({ description: 'The current password, to confirm (required when the account has one)' })
  @IsOmittable()
  @IsString()
  @Length(1, 128)
  password?: string;

  @ApiPropertyOptional({ description: 'For an account without a password: true, to confirm' })
  @IsOmittable()
  @Equals(true, { message: 'confirm must be true' })
  confirm?: boolean;
}
