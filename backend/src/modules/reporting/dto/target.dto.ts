import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';

export class YearQueryDto {
  @ApiProperty({ example: 2026 }) @Type(() => Number) @IsInt() @Min(2024) @Max(2100) year: number;
}

export class SetTargetDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2024) @Max(2100) year: number;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'Omit for the national default' })
  @IsOptional() @IsUUID() unitId?: string | null;
  @ApiProperty({ enum: TARGET_GROUPS }) @IsIn(TARGET_GROUPS) targetGroup: TargetGroup;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'People of this group in the unit (head-count)' })
  @IsOptional() @IsInt() @Min(0) @Max(200_000_000) population?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Share of the population to reach, in percent' })
  @IsOptional() @IsInt() @Min(0) @Max(100) targetPercent?: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'Or a head-count to reach' })
  @IsOptional() @IsInt() @Min(0) @Max(200_000_000) targetCount?: number | null;
}

export class ImportTargetsDto {
  @ApiProperty({ example: 2026 }) @IsInt() @Min(2024) @Max(2100) year: number;
  @ApiProperty({ description: 'CSV with the header unit_code,target_group,population,target_percent' })
  @IsString() @MaxLength(2_000_000) csv: string;
}

export class TargetDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() year: number;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) unitId: string | null;
  @ApiProperty({ nullable: true, type: String }) unitName: string | null;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty({ nullable: true, type: Number }) population: number | null;
  @ApiProperty({ nullable: true, type: Number }) targetPercent: number | null;
  @ApiProperty({ nullable: true, type: Number }) targetCount: number | null;
}

export class ImportTargetsResultDto {
  @ApiProperty() imported: number;
}
