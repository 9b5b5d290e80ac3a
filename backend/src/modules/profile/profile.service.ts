import { HttpStatus, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppException } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { AmbassadorsService } from '../ambassadors/ambassadors.service';
import { AuditService } from '../audit/audit.service';
import { AuthErrors, loginConflict } from '../auth/auth.errors';
import { PasswordResetCode } from '../auth/entities/password-reset-code.entity';
import { SessionsService } from '../auth/sessions.service';
import { HouseholdsService } from '../households/households.service';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganisationsService } from '../organisations/organisations.service';
import { UnitsService } from '../units/units.service';
import { User } from '../users/entities/user.entity';
import { normalizeEmail, normalizePhone } from '../users/login-identifier';
import { verifyPassword } from '../users/password-hasher';
import { UsersService } from '../users/users.service';
import type { UpdateProfileDto } from './dto/update-profile.dto';
import { DataExport } from './entities/data-export.entity';

@Injectable()
export class ProfileService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly units: UnitsService,
    private readonly organisations: OrganisationsService,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
    private readonly ambassadors: AmbassadorsService,
    private readonly households: HouseholdsService,
    private readonly notifications: NotificationsService,
  ) {}

  async update(userId: string, dto: UpdateProfileDto): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    const changes: Partial<User> = {};
    if (dto.fullName !== undefined) changes.fullName = dto.fullName.trim().replace(/\s+/g, ' ');
    if (dto.birthYear !== undefined) changes.birthYear = dto.birthYear;
    if (dto.targetGroup !== undefined) changes.targetGroup = dto.targetGroup;
    if (dto.unitId !== undefined) {
      const unit = await this.units.findActiveCommune(dto.unitId);
      if (!unit?.parentId) throw AuthErrors.unitNotFound();
      changes.unitId = unit.id;
      changes.provinceId = unit.parentId;
    }
    if (dto.phone !== undefined) {
      const sealed = this.users.seal(dto.phone === null ? null : normalizePhone(dto.phone));
      changes.phoneEnc = sealed.enc;
      changes.phoneHash = sealed.hash;
    }
    if (dto.email !== undefined) {
      const sealed = this.users.seal(dto.email === null ? null : normalizeEmail(dto.email));
      changes.emailEnc = sealed.enc;
      changes.emailHash = sealed.hash;
    }
    const phoneHash = 'phoneHash' in changes ? changes.phoneHash : user.phoneHash;
    const emailHash = 'emailHash' in changes ? changes.emailHash : user.emailHash;
    if (!phoneHash && !emailHash) throw AuthErrors.loginRequired();
    try {
      await this.dataSource.transaction(async (em) => {
        if (dto.organisationName === null) changes.organisationId = null;
        else if (dto.organisationName !== undefined) {
          if (!dto.organisationKind) throw AuthErrors.organisationIncomplete();
          const provinceId = changes.provinceId ?? user.provinceId;
          changes.organisationId = (await this.organisations.findOrCreate(em, provinceId, dto.organisationName, dto.organisationKind)).id;
        }
        if (Object.keys(changes).length > 0) await em.getRepository(User).update(userId, changes);
      });
    } catch (err) {
      throw loginConflict(err) ?? err;
    }
  }

  /**
   * Erases every personal field and all sessions, codes, exports and assistant questions; what is left (unit, group,
   * organisation, dates) counts in statistics but points to nobody.
   */
  async deleteAccount(userId: string, password: string | undefined, meta: RequestMeta, confirmed = false): Promise<void> {
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    if (user.passwordHash !== null && !(await verifyPassword(user.passwordHash, password ?? ''))) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'WRONG_PASSWORD', 'password is wrong', [{ field: 'password', message: 'password is wrong' }]);
    }
    // A resident with only a sign-in card (or a provider) has no password: an explicit confirmation instead.
    if (user.passwordHash === null && !confirmed) {
      throw new AppException(HttpStatus.BAD_REQUEST, 'CONFIRMATION_REQUIRED', 'confirm must be true', [{ field: 'confirm', message: 'confirm must be true' }]);
    }
    await this.dataSource.transaction(async (em) => {
      await em.getRepository(User).update(userId, {
        phoneEnc: null,
        phoneHash: null,
        emailEnc: null,
        emailHash: null,
        passwordHash: null,
        fullName: null,
        birthYear: null,
        citizenIdHash: null,
        identityVerifiedAt: null,
        identityProvider: null,
        role: 'learner',
        scopeLevel: null,
        scopeUnitId: null,
        status: 'deleted',
        deletedAt: new Date(),
      });
      await this.sessions.deleteAll(userId, em);
      await em.getRepository(PasswordResetCode).delete({ userId });
      await em.getRepository(DataExport).delete({ userId });
      await em.query('DELETE FROM identity_links WHERE user_id = $1', [userId]);
      await em.query('DELETE FROM identity_logins WHERE user_id = $1', [userId]);
      await em.query('DELETE FROM sign_in_cards WHERE user_id = $1', [userId]);
      await em.query('UPDATE community_team_members SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
      await this.ambassadors.forget(em, userId);
      await this.households.forget(em, userId);
      await this.notifications.forget(em, userId);
      // The assistant's history is the person's own words: it goes with them (not kept even anonymised).
      await em.query('DELETE FROM assistant_messages WHERE user_id = $1', [userId]);
      await this.audit.record('user.deleted', { actorId: userId, subjectId: userId, meta: { ...meta, ip: null } }, em);
      // A record that names nobody confirms nothing: revoke it, and drop the name, the signed credential
      // (it carries the name) and the PDF. The code still answers, as revoked.
      await em.query(
        `UPDATE completion_records SET holder_name = NULL, holder_birth_year = NULL, credential = '',
                revoked_at = COALESCE(revoked_at, now()), revoked_reason = COALESCE(revoked_reason, 'Người sở hữu đã xóa tài khoản')
          WHERE user_id = $1`,
        [userId],
      );
      await em.query('DELETE FROM certificate_files f USING completion_records r WHERE r.id = f.record_id AND r.user_id = $1', [userId]);
      // Addresses in the security log identify a person too.
      await em.query('UPDATE audit_events SET ip = NULL WHERE subject_id = $1 OR actor_id = $1', [userId]);
    });
  }
}
