import { ApiProperty } from '@nestjs/swagger';
import type { AdminUnit } from '../entities/admin-unit.entity';

export class UnitResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Code in the imported list (not a stable id)' }) code: string;
  @ApiProperty({ example: 'Hà Nội' }) name: string;
  @ApiProperty({ example: 'Thành phố Hà Nội' }) fullName: string;
  @ApiProperty({ example: 'ward', description: 'province, city, ward, commune or special zone' }) type: string;

  static from(unit: AdminUnit): UnitResponseDto {
    return { id: unit.id, code: unit.code, name: unit.name, fullName: unit.fullName, type: unit.type };
  }
}
