import { Body, Controller, Get, Param, ParseEnumPipe, Put, HttpStatus } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { fieldError, forbidden } from '../../common/errors/app-exception';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { TARGET_GROUPS, type TargetGroup } from '../users/entities/user.entity';
import { CertificationPoliciesService } from './certification-policies.service';
import { CertificationPolicyDto, CertificationPolicySettingsDto } from './dto/certification-policy.dto';

const targetGroupPipe = new ParseEnumPipe(Object.fromEntries(TARGET_GROUPS.map((g) => [g, g])), {
  exceptionFactory: () => fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'targetGroup', `targetGroup must be one of ${TARGET_GROUPS.join(', ')}`),
});

/** The confirmation policies of the framework in force: every administrator reads, the nation's sets. */
@ApiTags('admin')
@Roles('admin')
@Controller('admin/certification-policies')
export class AdminPoliciesController {
  constructor(private readonly policies: CertificationPoliciesService) {}

  @Get()
  @ApiOkResponse({ type: [CertificationPolicyDto] })
  async list(): Promise<CertificationPolicyDto[]> {
    const version = await this.policies.currentVersion();
    return (await this.policies.list(version.id)).map((p) => CertificationPolicyDto.from(p, version.version));
  }

  @Put(':targetGroup')
  @ApiParam({ name: 'targetGroup', enum: TARGET_GROUPS })
  @ApiOkResponse({ type: CertificationPolicyDto })
  async save(
    @CurrentUser() p: Principal, @Param('targetGroup', targetGroupPipe) targetGroup: TargetGroup,
    @Body() dto: CertificationPolicySettingsDto, @ReqMeta() meta: RequestMeta,
  ): Promise<CertificationPolicyDto> {
    if (p.scope?.level !== 'nation') throw forbidden('Only a national administrator sets confirmation policies');
    const version = await this.policies.currentVersion();
    const saved = await this.policies.save(version.id, targetGroup, dto, p.userId, meta);
    return CertificationPolicyDto.from(saved, version.version);
  }
}
