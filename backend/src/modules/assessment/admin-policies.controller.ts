import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { IsIn } from 'class-validator';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { forbidden } from '../../common/errors/app-exception';
import { ReqMeta, type RequestMeta } from '../../common/http/request-meta';
import { CurrentUser, type Principal, Roles } from '../auth/decorators';
import { TARGET_GROUPS, type TargetGroup } from '../users/entities/user.entity';
import { CertificationPoliciesService } from './certification-policies.service';
import { CertificationPolicyDto, CertificationPolicySettingsDto } from './dto/certification-policy.dto';

class TargetGroupParamDto {
  @IsIn(TARGET_GROUPS, { message: `targetGroup must be one of ${TARGET_GROUPS.join(', ')}` })
  targetGroup: TargetGroup;
}

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
    @CurrentUser() p: Principal, @Param() { targetGroup }: TargetGroupParamDto,
    @Body() dto: CertificationPolicySettingsDto, @ReqMeta() meta: RequestMeta,
  ): Promise<CertificationPolicyDto> {
    if (p.scope?.level !== 'nation') throw forbidden('Only a national administrator sets confirmation policies');
    const version = await this.policies.currentVersion();
    const saved = await this.policies.save(version.id, targetGroup, dto, p.userId, meta);
    return CertificationPolicyDto.from(saved, version.version);
  }
}
