import { ApiProperty } from '@nestjs/swagger';

export class RecountDifferenceDto {
  @ApiProperty() table: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) key: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) expected: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) actual: Record<string, number>;
}

export class RecountDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed'] }) status: 'queued' | 'running' | 'done' | 'failed';
  @ApiProperty() progress: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Roll-up rows that differed from the raw rows (and were corrected)' }) differenceCount: number | null;
  @ApiProperty({ type: [RecountDifferenceDto], description: 'The first differences' }) differences: RecountDifferenceDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finishedAt: string | null;
}
