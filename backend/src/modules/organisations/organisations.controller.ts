import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { Public } from '../auth/decorators';
import { OrganisationResponseDto } from './dto/organisation-response.dto';
import { OrganisationsService } from './organisations.service';

class OrganisationQueryDto {
  @ApiProperty({ format: 'uuid' }) @IsUUID() provinceId: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(100) q?: string;
}

@ApiTags('organisations')
@Public()
@Controller('organisations')
export class OrganisationsController {
  constructor(private readonly organisations: OrganisationsService) {}

  /** Suggestions while a person types their agency, school or enterprise. */
  @Get()
  @ApiOkResponse({ type: [OrganisationResponseDto] })
  async search(@Query() query: OrganisationQueryDto): Promise<OrganisationResponseDto[]> {
    return (await this.organisations.search(query.provinceId, query.q)).map(OrganisationResponseDto.from);
  }
}
