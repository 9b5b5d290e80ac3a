import { ApiProperty } from '@nestjs/swagger';
import { UnitRefDto } from './cohort.dto';

/**
 * The community measures of a cohort (issue 19). People-based counts are "now", like `registered`;
 * registrations and visits fall in the period; households stand at the period's end under that
 * year's rule. Null: suppressed (a small count), or the filters do not apply (visits and households
 * have no target group or organisation; nothing here has a course or framework version).
 */
export class CommunityMeasuresDto {
  @ApiProperty({ nullable: true, type: Number, description: 'Community digital technology team members now' }) teamMembers: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Residents team members registered in the period' }) residentsRegistered: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Household visits in the period' }) visits: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'People helped during those visits' }) peopleHelped: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Digital ambassadors now' }) ambassadors: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Mentees sharing their progress with an ambassador now' }) mentees: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Of them, holding a completion record' }) menteesWithRecord: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Households at the end of the period' }) households: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'Of them, digital households under the year’s rule' }) digitalHouseholds: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'People whose identity an identity provider verified' }) verifiedIdentities: number | null;
}

export class CommunityRowDto {
  @ApiProperty({ type: UnitRefDto }) unit: UnitRefDto;
  @ApiProperty({ type: CommunityMeasuresDto }) measures: CommunityMeasuresDto;
}

export class HouseholdRuleRefDto {
  @ApiProperty() year: number;
  @ApiProperty() adultAge: number;
  @ApiProperty() requiredPercent: number;
}

export class CommunityReportDto {
  @ApiProperty({ type: UnitRefDto, nullable: true, description: 'The unit viewed; null for the nation' }) unit: UnitRefDto | null;
  @ApiProperty({ example: '2026-01' }) from: string;
  @ApiProperty({ example: '2026-12' }) to: string;
  @ApiProperty({ description: 'Counts below this are suppressed' }) minCount: number;
  @ApiProperty({ type: HouseholdRuleRefDto, description: 'The digital-household rule of the year of `to`' }) householdRule: HouseholdRuleRefDto;
  @ApiProperty({ type: CommunityMeasuresDto }) total: CommunityMeasuresDto;
  @ApiProperty({ type: [CommunityRowDto], description: 'Provinces (nation), communes (province); empty for a commune' }) children: CommunityRowDto[];
}
