import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { OrganisationRefDto, ScopeDto } from '../../users/dto/me-response.dto';
import { ROLES, type Role, SCOPE_LEVELS, type ScopeLevel, TARGET_GROUPS, type TargetGroup } from '../../users/entities/user.entity';

export class AdminUserListQueryDto {
  @ApiPropertyOptional({ description: 'Name, phone number or email' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() provinceId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
  @ApiPropertyOptional({ enum: TARGET_GROUPS }) @IsOptional() @IsIn(TARGET_GROUPS) targetGroup?: TargetGroup;
  @ApiPropertyOptional({ enum: ROLES }) @IsOptional() @IsIn(ROLES) role?: Role;
  @ApiPropertyOptional({ enum: ['active', 'disabled'] }) @IsOptional() @IsIn(['active', 'disabled']) status?: 'active' | 'disabled';
  @ApiPropertyOptional({ default: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100000) page?: number;
  @ApiPropertyOptional({ default: 20 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) pageSize?: number;
}

export class UnitNameDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class AdminUserSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ nullable: true, type: String, example: '091*****78' }) phoneMasked: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'a***@example.vn' }) emailMasked: string | null;
  @ApiProperty() birthYear: number;
  @ApiProperty({ enum: TARGET_GROUPS }) targetGroup: TargetGroup;
  @ApiProperty({ enum: ROLES }) role: Role;
  @ApiProperty({ type: ScopeDto, nullable: true }) scope: ScopeDto | null;
  @ApiProperty({ enum: ['active', 'disabled'] }) status: 'active' | 'disabled';
  @ApiProperty({ type: UnitNameDto }) unit: UnitNameDto;
  @ApiProperty({ type: UnitNameDto }) province: UnitNameDto;
  @ApiProperty({ type: OrganisationRefDto, nullable: true }) organisation: OrganisationRefDto | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AdminUserDetailDto extends AdminUserSummaryDto {
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lockedUntil: string | null;
}

export class AdminUserPageDto {
  @ApiProperty({ type: [AdminUserSummaryDto] }) items: AdminUserSummaryDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
}

export class ResetCodeResponseDto {
  @ApiProperty({ example: '04718253' }) code: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class ChangeRoleDto {
  @ApiProperty({ enum: ROLES }) @IsIn(ROLES) role: Role;
  @ApiPropertyOptional({ enum: SCOPE_LEVELS, description: 'Required for admin' })
  @ValidateIf((o: ChangeRoleDto) => o.role === 'admin')
  @IsIn(SCOPE_LEVELS)
  scopeLevel?: ScopeLevel;
  @ApiPropertyOptional({ format: 'uuid', description: 'The province or commune; omitted for the nation' })
  @ValidateIf((o: ChangeRoleDto) => o.role === 'admin' && o.scopeLevel !== 'nation')
  @IsUUID()
  scopeUnitId?: string;
}
