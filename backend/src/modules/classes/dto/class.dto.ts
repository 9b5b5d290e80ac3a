import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, Length, Matches, MaxLength, MinLength } from 'class-validator';

export class UnitFilterDto {
  @ApiPropertyOptional({ format: 'uuid' }) @IsOptional() @IsUUID() unitId?: string;
}

export class CreateClassDto {
  @ApiProperty({ example: 'Lớp kỹ năng số thôn 3, tháng 12' }) @IsString() @MinLength(3) @MaxLength(120) name: string;
  @ApiProperty({ type: [String], description: 'Course slugs', example: ['dich-vu-cong-truc-tuyen'] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(120, { each: true }) courses: string[];
}

export class AssignCoursesDto {
  @ApiProperty({ type: [String], description: 'Course slugs', example: ['dich-vu-cong-truc-tuyen'] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(120, { each: true }) courses: string[];
}

export class JoinClassDto {
  @ApiProperty({ example: 'K7M2QX' }) @IsString() @Length(6, 8) @Matches(/^[0-9A-Za-z\s-]+$/, { message: 'code must be letters and digits' }) code: string;
}

export class ClassCourseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() title: string;
}

export class ClassSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() joinCode: string;
  @ApiProperty() unitName: string;
  @ApiProperty() teacherName: string;
  @ApiProperty() memberCount: number;
  @ApiProperty({ type: [ClassCourseDto] }) courses: ClassCourseDto[];
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class MemberProgressDto {
  @ApiProperty({ format: 'uuid' }) courseId: string;
  @ApiProperty() enrolled: boolean;
  @ApiProperty() lessonsDone: number;
  @ApiProperty() lessonsTotal: number;
  @ApiProperty() completed: boolean;
}

export class ClassMemberDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() fullName: string;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
  @ApiProperty({ type: [MemberProgressDto] }) progress: MemberProgressDto[];
  @ApiProperty() holdsRecord: boolean;
}

export class ClassDetailDto extends ClassSummaryDto {
  @ApiProperty({ description: 'The address the QR code opens' }) joinUrl: string;
  @ApiProperty({ type: [ClassMemberDto] }) members: ClassMemberDto[];
}

export class JoinedClassDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [ClassCourseDto] }) courses: ClassCourseDto[];
}

export class InviteToClassDto {
  @ApiProperty({ example: '0912345678', description: 'A phone number or email; the answer never says whether it has an account' })
  @IsString()
  @Length(3, 254)
  login: string;
}

export class ClassInvitedDto {
  @ApiProperty({ example: '091*****78' }) loginHint: string;
}
