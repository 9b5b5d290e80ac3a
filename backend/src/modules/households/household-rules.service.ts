import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { HouseholdRule } from './entities/household-rule.entity';
import { ruleFor, type Rule } from './household-rules';
import { HouseholdErrors } from './households.errors';

/** The digital-household rule per year: every administrator reads it, national administrators set it. */
@Injectable()
export class HouseholdRulesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The rules set so far, newest year first. */
  list(): Promise<HouseholdRule[]> {
    return this.dataSource.getRepository(HouseholdRule).find({ order: { year: 'DESC' } });
  }

  ruleFor(year: number): Promise<Rule> {
    return ruleFor(this.dataSource, year);
  }

  async set(admin: Principal, year: number, values: { adultAge: number; requiredPercent: number }, meta: RequestMeta): Promise<Rule> {
    if (admin.scope?.level !== 'nation') throw HouseholdErrors.nationOnly();
    await this.dataSource.createQueryBuilder().insert().into(HouseholdRule)
      .values({ year, ...values, updatedById: admin.userId, updatedAt: new Date() })
      .orUpdate(['adult_age', 'required_percent', 'updated_by_id', 'updated_at'], ['year']).execute();
    await this.audit.record('household.rule_set', { actorId: admin.userId, meta, details: { year, ...values } });
    return this.ruleFor(year);
  }
}
