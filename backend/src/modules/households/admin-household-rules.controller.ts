import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { HouseholdRuleDto, SetHouseholdRuleDto, YearParamDto } from './dto/household.dto';
import { HouseholdRulesService } from './household-rules.service';

/** When a household counts as a digital household, per year: administrators read it, national administrators set it. */
@ApiTags('households')
@Roles('admin')
@Controller('admin/household-rules')
export class AdminHouseholdRulesController {
  constructor(private readonly rules: HouseholdRulesService) {}

  @Get()
  @ApiOkResponse({ type: [HouseholdRuleDto], description: 'The years set so far, newest first' })
  async list(): Promise<HouseholdRuleDto[]> {
    return (await this.rules.list()).map((r) => ({ year: r.year, adultAge: r.adultAge, requiredPercent: r.requiredPercent, setForYear: r.year }));
  }

  @Get(':year')
  @ApiOkResponse({ type: HouseholdRuleDto, description: 'The rule that applies in a year (its own, an earlier year’s, or the default)' })
  get(@Param() q: YearParamDto): Promise<HouseholdRuleDto> {
    return this.rules.ruleFor(q.year);
  }

  @Put(':year')
  @ApiOkResponse({ type: HouseholdRuleDto })
  set(@CurrentUser() p: Principal, @Param() q: YearParamDto, @Body() dto: SetHouseholdRuleDto, @ReqMeta() meta: RequestMeta): Promise<HouseholdRuleDto> {
    return this.rules.set(p, q.year, dto, meta);
  }
}
