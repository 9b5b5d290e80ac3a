import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { whereInScope, whereManageable } from '../admin-users/user-scope';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { User } from '../users/entities/user.entity';
import { CommunityErrors } from './community.errors';
import { TeamMember } from './entities/team-member.entity';

export type ActiveMember = { userId: string; unitId: string };

/** Who is on a commune's team: appointed and relieved by administrators whose scope holds the person. */
@Injectable()
export class CommunityTeamService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The caller's membership, or 403: every team route starts here. */
  async memberOf(userId: string): Promise<ActiveMember> {
    const member = await this.dataSource.getRepository(TeamMember).findOneBy({ userId, revokedAt: IsNull() });
    if (!member) throw CommunityErrors.notMember();
    return { userId, unitId: member.unitId };
  }

  /** Appoints a person of the administrator's scope to the team of the commune they live in (again: no change). */
  async appoint(admin: Principal, userId: string, meta: RequestMeta): Promise<TeamMember> {
    return this.dataSource.transaction(async (em) => {
      const qb = em.getRepository(User).createQueryBuilder('u').where('u.id = :userId', { userId }).setLock('pessimistic_write');
      const user = await whereManageable(qb, 'u', admin).getOne();
      if (!user) throw notFound('User');
      if (user.role === 'admin' || user.status !== 'active') throw CommunityErrors.notAppointable();
      const repo = em.getRepository(TeamMember);
      const existing = await repo.findOneBy({ userId });
      if (existing && !existing.revokedAt && existing.unitId === user.unitId) return existing;
      const member = repo.create({ userId, unitId: user.unitId, appointedById: admin.userId, appointedAt: new Date(), revokedAt: null });
      await repo.save(member);
      await this.audit.record('community.member_appointed', { actorId: admin.userId, subjectId: userId, meta, details: { unitId: user.unitId } }, em);
      return member;
    });
  }

  /** Ends an appointment; answers the same whether or not the person was on the team. */
  async relieve(admin: Principal, userId: string, meta: RequestMeta): Promise<void> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').where('u.id = :userId', { userId });
    if (!(await whereManageable(qb, 'u', admin).getExists())) throw notFound('User');
    const result = await this.dataSource.getRepository(TeamMember).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    if (result.affected) await this.audit.record('community.member_relieved', { actorId: admin.userId, subjectId: userId, meta });
  }

  /** The teams of the administrator's scope, with what each member has done. */
  async list(admin: Principal): Promise<{ userId: string; fullName: string | null; unitName: string; appointedAt: Date; residents: number; visits: number }[]> {
    const qb = this.dataSource
      .createQueryBuilder()
      .select('m.user_id', 'userId')
      .addSelect('u.full_name', 'fullName')
      .addSelect('au.full_name', 'unitName')
      .addSelect('m.appointed_at', 'appointedAt')
      .addSelect('(SELECT count(*) FROM community_registrations r WHERE r.member_id = m.user_id)::int', 'residents')
      .addSelect('(SELECT count(*) FROM household_visits v WHERE v.member_id = m.user_id)::int', 'visits')
      .from(TeamMember, 'm')
      .innerJoin(User, 'u', 'u.id = m.user_id')
      .innerJoin('admin_units', 'au', 'au.id = m.unit_id')
      .where('m.revoked_at IS NULL')
      .orderBy('au.full_name')
      .addOrderBy('u.full_name')
      .limit(500);
    return whereInScope(qb, 'u', admin).getRawMany();
  }
}
