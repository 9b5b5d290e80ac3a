import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { notFound } from '../../common/errors/app-exception';
import { UuidParam } from '../../common/http/uuid-param';
import { Public } from '../auth/decorators';
import { UnitResponseDto } from './dto/unit-response.dto';
import { UnitsService } from './units.service';

@ApiTags('units')
@Public()
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get('provinces')
  @ApiOkResponse({ type: [UnitResponseDto] })
  async provinces(): Promise<UnitResponseDto[]> {
    return (await this.units.provinces()).map(UnitResponseDto.from);
  }

  @Get('provinces/:id/communes')
  @ApiOkResponse({ type: [UnitResponseDto] })
  async communes(@UuidParam('id') id: string): Promise<UnitResponseDto[]> {
    const province = await this.units.findById(id);
    if (!province || province.level !== 'province') throw notFound('Province');
    return (await this.units.communesOf(id)).map(UnitResponseDto.from);
  }
}
