import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, type Organisation, type OrganisationKind } from '../entities/organisation.entity';

export class OrganisationResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;

  static from(o: Organisation): OrganisationResponseDto {
    return { id: o.id, name: o.name, kind: o.kind };
  }
}
