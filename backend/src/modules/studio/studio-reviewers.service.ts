import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError, forbidden, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { whereManageable } from '../admin-users/user-scope';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { AdminUnit } from '../units/entities/admin-unit.entity';
import { User } from '../users/entities/user.entity';
import type { GrantReviewerDto, ReviewerRightDto } from './dto/studio.dto';
import { StudioReviewer } from './entities/studio-course.entity';

type Scope = { level: 'nation' | 'province' | 'commune'; unitId: string | null };

/**
 * The reviewer right: an administrator gives it to a teacher they outrank (`whereManageable`), for a
 * scope inside their own (the nation any; a province itself or one of its communes; a commune
 * itself). The teacher then reviews and publishes the courses of that scope, never their own.
 */
@Injectable()
export class StudioReviewersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(p: Principal, id: string): Promise<ReviewerRightDto> {
    await this.manageable(p, id);
    return this.rightOf(id);
  }

  async grant(p: Principal, id: string, dto: GrantReviewerDto, meta: RequestMeta): Promise<ReviewerRightDto> {
    const user = await this.manageable(p, id);
    if (user.role !== 'teacher') throw fieldError(HttpStatus.CONFLICT, 'NOT_A_TEACHER', 'id', 'Only teachers are given the reviewer right (administrators review their scope already)');
    const scope = await this.scopeFor(p, dto);
    await this.dataSource.transaction(async (em) => {
      const before = await em.getRepository(StudioReviewer).findOneBy({ userId: id });
      if (before?.scopeLevel === scope.level && before.scopeUnitId === scope.unitId) return;
      await em.createQueryBuilder().insert().into(StudioReviewer).values({ userId: id, scopeLevel: scope.level, scopeUnitId: scope.unitId, grantedById: p.userId })
        .orUpdate(['scope_level', 'scope_unit_id', 'granted_by_id', 'granted_at'], ['user_id']).execute();
      await this.audit.record('studio.reviewer_granted', {
        actorId: p.userId, subjectId: id, meta, details: { scope, before: before ? { level: before.scopeLevel, unitId: before.scopeUnitId } : null },
      }, em);
    });
    return this.rightOf(id);
  }

  async revoke(p: Principal, id: string, meta: RequestMeta): Promise<void> {
    await this.manageable(p, id);
    await this.dataSource.transaction(async (em) => {
      const gone = await em.getRepository(StudioReviewer).delete({ userId: id });
      if (gone.affected) await this.audit.record('studio.reviewer_revoked', { actorId: p.userId, subjectId: id, meta }, em);
    });
  }

  /** The scope asked for (default: the administrator's own), refused unless it lies inside the administrator's. */
  private async scopeFor(p: Principal, dto: GrantReviewerDto): Promise<Scope> {
    const mine = p.scope!;
    const level = dto.scopeLevel ?? mine.level;
    if (level === 'nation') {
      if (mine.level !== 'nation') throw forbidden('That scope is outside yours');
      return { level, unitId: null };
    }
    const unitId = dto.scopeUnitId ?? (level === mine.level ? mine.unitId : null);
    if (!unitId) throw fieldError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', 'scopeUnitId', `scopeUnitId is required for a ${level}`);
    const unit = await this.dataSource.getRepository(AdminUnit).findOneBy({ id: unitId });
    if (!unit || !unit.active || unit.level !== level) throw fieldError(HttpStatus.BAD_REQUEST, 'UNIT_NOT_FOUND', 'scopeUnitId', `scopeUnitId is not an active ${level}`);
    const inside =
      mine.level === 'nation' ||
      (mine.level === 'province' && (unit.id === mine.unitId || unit.parentId === mine.unitId)) ||
      (mine.level === 'commune' && unit.id === mine.unitId);
    if (!inside) throw forbidden('That scope is outside yours');
    return { level, unitId };
  }

  private async manageable(p: Principal, id: string): Promise<User> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u').where(`u.status <> 'deleted'`).andWhere('u.id = :id', { id });
    const user = await whereManageable(qb, 'u', p).getOne();
    if (!user) throw notFound('User');
    return user;
  }

  private async rightOf(userId: string): Promise<ReviewerRightDto> {
    const [row] = (await this.dataSource.query(
      `SELECT r.scope_level, r.scope_unit_id, r.granted_at, u.full_name AS unit_name FROM studio_reviewers r LEFT JOIN admin_units u ON u.id = r.scope_unit_id
        WHERE r.user_id = $1`,
      [userId],
    )) as { scope_level: Scope['level']; scope_unit_id: string | null; granted_at: Date; unit_name: string | null }[];
    return {
      userId, reviewer: !!row, scopeLevel: row?.scope_level ?? null, scopeUnitId: row?.scope_unit_id ?? null,
      scopeUnitName: row ? (row.scope_level === 'nation' ? 'Toàn quốc' : row.unit_name) : null, grantedAt: row ? new Date(row.granted_at).toISOString() : null,
    };
  }
}
