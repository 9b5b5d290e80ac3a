import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fieldError, forbidden, notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AuditService } from '../audit/audit.service';
import type { Principal } from '../auth/decorators';
import { LoginThrottle } from '../auth/login-throttle';
import { PasswordResetService } from '../auth/password-reset.service';
import { SessionsService } from '../auth/sessions.service';
import { UnitsService } from '../units/units.service';
import { User } from '../users/entities/user.entity';
import { parseLogin } from '../users/login-identifier';
import { mask } from '../users/personal-data.cipher';
import { scopeOf, UsersService } from '../users/users.service';
import type { AdminUserDetailDto, AdminUserListQueryDto, AdminUserPageDto, AdminUserSummaryDto, ChangeRoleDto } from './dto/admin-user.dto';
import { whereManageable } from './user-scope';

@Injectable()
export class AdminUsersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly sessions: SessionsService,
    private readonly resets: PasswordResetService,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async list(admin: Principal, query: AdminUserListQueryDto): Promise<AdminUserPageDto> {
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const qb = this.baseQuery(admin);
    if (query.provinceId) qb.andWhere('u.province_id = :provinceId', { provinceId: query.provinceId });
    if (query.unitId) qb.andWhere('u.unit_id = :unitId', { unitId: query.unitId });
    if (query.targetGroup) qb.andWhere('u.target_group = :targetGroup', { targetGroup: query.targetGroup });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.status) qb.andWhere('u.status = :status', { status: query.status });
    const q = query.q?.trim();
    if (q) {
      const login = parseLogin(q);
      if (login) {
        const column = login.kind === 'phone' ? 'u.phone_hash' : 'u.email_hash';
        qb.andWhere(`${column} = :hash`, { hash: this.users.cipher.blindIndex(login.value) });
      } else {
        qb.andWhere('u.full_name ILIKE :name', { name: `%${q.replace(/[%_\\]/g, '')}%` });
      }
    }
    const [rows, total] = await qb
      .orderBy('u.created_at', 'DESC')
      .addOrderBy('u.id')
      .skip((page - 1) * pageSize)
      .take(pageSize)
      .getManyAndCount();
    return { items: rows.map((u) => this.summary(u)), total, page, pageSize };
  }

  /** Reading one person's record is itself audited. */
  async detail(admin: Principal, id: string, meta: RequestMeta): Promise<AdminUserDetailDto> {
    const user = await this.findManageable(admin, id);
    await this.audit.record('admin.user_viewed', { actorId: admin.userId, subjectId: id, meta });
    return {
      ...this.summary(user),
      phone: this.users.phoneOf(user),
      email: this.users.emailOf(user),
      lockedUntil: (await this.throttle.lockedUntil([user.phoneHash, user.emailHash]))?.toISOString() ?? null,
    };
  }

  async issueResetCode(admin: Principal, id: string, meta: RequestMeta): Promise<{ code: string; expiresAt: Date }> {
    await this.findManageable(admin, id);
    return this.resets.issueByAdmin(id, admin.userId, meta);
  }

  /** Disabling ends the person's sessions at once; enabling also lifts a lockout. */
  async setStatus(admin: Principal, id: string, status: 'active' | 'disabled', meta: RequestMeta): Promise<void> {
    if (id === admin.userId) throw forbidden('You cannot disable yourself');
    const user = await this.findManageable(admin, id);
    if (status === 'active') await this.throttle.release([user.phoneHash, user.emailHash]);
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update(id, { status });
      if (status === 'disabled') await this.sessions.revokeAll(id, 'disabled', em);
      await this.audit.record(status === 'active' ? 'user.enabled' : 'user.disabled', { actorId: admin.userId, subjectId: id, meta }, em);
    });
  }

  /**
   * The nation's administrators appoint anyone; a province's appoint teachers and commune
   * administrators inside it; a commune's appoint teachers. The person must be someone the
   * administrator may act on (a strictly lower rank), and nobody changes their own role.
   */
  async changeRole(admin: Principal, id: string, dto: ChangeRoleDto, meta: RequestMeta): Promise<void> {
    if (id === admin.userId) throw forbidden('You cannot change your own role');
    const user = await this.findManageable(admin, id);
    const scopeLevel = dto.role === 'admin' ? (dto.scopeLevel ?? null) : null;
    const scopeUnitId = dto.role === 'admin' && scopeLevel !== 'nation' ? (dto.scopeUnitId ?? null) : null;
    if (scopeUnitId) {
      const unit = await this.units.findById(scopeUnitId);
      if (!unit || !unit.active || unit.level !== scopeLevel) {
        throw fieldError(HttpStatus.BAD_REQUEST, 'UNIT_NOT_FOUND', 'scopeUnitId', `scopeUnitId is not an active ${scopeLevel}`);
      }
      if (admin.scope?.level === 'province' && unit.parentId !== admin.scope.unitId) throw forbidden('That unit is outside your scope');
    }
    const mayAppoint =
      admin.scope?.level === 'nation' ||
      (admin.scope?.level === 'province' && (dto.role !== 'admin' || scopeLevel === 'commune')) ||
      (admin.scope?.level === 'commune' && dto.role !== 'admin');
    if (!mayAppoint) throw forbidden('Your scope may not grant this role');
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update(id, { role: dto.role, scopeLevel, scopeUnitId });
      // Their sessions stay, but every process must read the new role before the next request.
      await this.sessions.forget(id);
      await this.audit.record(
        'user.role_changed',
        { actorId: admin.userId, subjectId: id, meta, details: { from: { role: user.role, scopeLevel: user.scopeLevel, scopeUnitId: user.scopeUnitId }, to: { role: dto.role, scopeLevel, scopeUnitId } } },
        em,
      );
    });
  }

  /** The person if the administrator may act on them (`whereManageable`); otherwise 404, so ids outside it reveal nothing. */
  private async findManageable(admin: Principal, id: string): Promise<User> {
    const user = await this.baseQuery(admin).andWhere('u.id = :id', { id }).getOne();
    if (!user) throw notFound('User');
    return user;
  }

  private baseQuery(admin: Principal) {
    const qb = this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.unit', 'unit')
      .innerJoinAndSelect('u.province', 'province')
      .leftJoinAndSelect('u.organisation', 'organisation')
      .leftJoinAndSelect('u.scopeUnit', 'scopeUnit')
      .where(`u.status <> 'deleted'`);
    return whereManageable(qb, 'u', admin);
  }

  private summary(u: User): AdminUserSummaryDto {
    const phone = this.users.phoneOf(u);
    const email = this.users.emailOf(u);
    return {
      id: u.id,
      fullName: u.fullName ?? '',
      phoneMasked: phone ? mask.phone(phone) : null,
      emailMasked: email ? mask.email(email) : null,
      birthYear: u.birthYear ?? 0,
      targetGroup: u.targetGroup,
      role: u.role,
      scope: scopeOf(u),
      status: u.status === 'disabled' ? 'disabled' : 'active',
      unit: { id: u.unit!.id, name: u.unit!.name },
      province: { id: u.province!.id, name: u.province!.name },
      organisation: u.organisation ? { id: u.organisation.id, name: u.organisation.name, kind: u.organisation.kind } : null,
      createdAt: u.createdAt.toISOString(),
    };
  }
}
