import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, IsUUID, ValidateIf, ValidateNested } from 'class-validator';
import { PeopleFilterDto } from './cohort.dto';

export class CreateExportDto {
  @ApiProperty({ enum: ['cohort', 'people', 'periodic'], description: "The dashboard's tables, the person list, or a periodic report" })
  @IsIn(['cohort', 'people', 'periodic']) source: 'cohort' | 'people' | 'periodic';
  @ApiProperty({ enum: ['xlsx', 'csv'] }) @IsIn(['xlsx', 'csv']) format: 'xlsx' | 'csv';
  @ApiPropertyOptional({ type: PeopleFilterDto, description: '`community` narrows only the person list' })
  @IsOptional() @ValidateNested() @Type(() => PeopleFilterDto) query?: PeopleFilterDto;
  @ApiPropertyOptional({ format: 'uuid', description: 'For a periodic report' })
  @ValidateIf((o: CreateExportDto) => o.source === 'periodic') @IsUUID() reportId?: string;
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty() progress: number;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format: 'xlsx' | 'csv';
  @ApiProperty({ nullable: true, type: String }) fileName: string | null;
  @ApiProperty({ nullable: true, type: Number }) rowCount: number | null;
}
