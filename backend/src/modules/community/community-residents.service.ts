import { Inject, Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import QRCode from 'qrcode';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { SessionsService } from '../auth/sessions.service';
import { User } from '../users/entities/user.entity';
import { normalizePhone } from '../users/login-identifier';
import type { ActiveMember } from './community-team.service';
import { CommunityErrors } from './community.errors';
import type { RegisterResidentDto } from './dto/community.dto';
import { ResidentRegistration } from './entities/resident-registration.entity';
import { SignInCard } from './entities/sign-in-card.entity';

/** Crockford base 32: no I, L, O or U, so a code read aloud or typed from paper is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const cardHash = (code: string) => createHash('sha256').update(`card:${code}`).digest();

/** 16 characters (80 bits) in four groups: guessing one is hopeless under the sign-in rate limit. */
function newCardCode(): string {
  const bytes = randomBytes(16);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** "abcd efgh-ijkm-npqr" as typed or scanned → "ABCD-EFGH-JKMN-PQRS", or null. */
export function parseCardCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{16}$/.test(compact) ? compact.match(/.{4}/g)!.join('-') : null;
}

export type ResidentRow = {
  id: string; fullName: string | null; birthYear: number | null; registeredByMe: boolean; registeredAt: Date | null;
  lastAssistedAt: Date | null; coursesEnrolled: number; coursesCompleted: number;
};

/**
 * Residents a team member registers on their own phone, with the resident's consent and how it was
 * given, and the sign-in card handed over. A member sees only the residents of their commune whom
 * they registered or helped: the rule is in the SQL of `visibleTo`.
 */
@Injectable()
export class CommunityResidentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async register(member: ActiveMember, dto: RegisterResidentDto, meta: RequestMeta): Promise<{ user: User; card: { code: string; url: string; qrSvg: string } }> {
    const phone = dto.phone ? normalizePhone(dto.phone) : null;
    const { user, then: code } = await this.auth.insertAccount(
      {
        phone, email: null, passwordHash: null, fullName: dto.fullName, birthYear: dto.birthYear, targetGroup: dto.targetGroup,
        unitId: member.unitId, consentVersion: dto.consentVersion, verified: null, registeredById: member.userId,
      },
      meta,
      async (em, resident) => {
        await em.getRepository(ResidentRegistration).insert({ residentId: resident.id, memberId: member.userId, consentMethod: dto.consentMethod, registeredAt: new Date() });
        return this.newCard(em, resident.id, member.userId, meta);
      },
    );
    return { user, card: await this.cardView(code) };
  }

  /** Residents visible to the member, newest first. */
  list(member: ActiveMember): Promise<ResidentRow[]> {
    return this.visibleTo(member)
      .select('u.id', 'id')
      .addSelect('u.full_name', 'fullName')
      .addSelect('u.birth_year', 'birthYear')
      .addSelect('(r.member_id = :me)', 'registeredByMe')
      .addSelect('r.registered_at', 'registeredAt')
      .addSelect('(SELECT max(a.started_at) FROM assisted_sessions a WHERE a.resident_id = u.id AND a.member_id = :me)', 'lastAssistedAt')
      .addSelect('(SELECT count(*) FROM enrolments e WHERE e.user_id = u.id)::int', 'coursesEnrolled')
      .addSelect('(SELECT count(*) FROM enrolments e WHERE e.user_id = u.id AND e.completed_at IS NOT NULL)::int', 'coursesCompleted')
      .orderBy('u.created_at', 'DESC')
      .limit(500)
      .getRawMany();
  }

  /** The resident, if the member may see them; otherwise 404, as if absent. */
  async visibleResident(member: ActiveMember, residentId: string): Promise<User> {
    const user = await this.visibleTo(member).andWhere('u.id = :residentId', { residentId }).getOne();
    if (!user) throw notFound('Resident');
    return user;
  }

  /** A new card for a visible resident: the earlier one stops working. */
  async reissueCard(member: ActiveMember, residentId: string, meta: RequestMeta): Promise<{ code: string; url: string; qrSvg: string }> {
    await this.visibleResident(member, residentId);
    const code = await this.dataSource.transaction((em) => this.newCard(em, residentId, member.userId, meta));
    return this.cardView(code);
  }

  /** Signs in the card's holder; a wrong, replaced or unknown code gets one answer. */
  async signInWithCard(input: string, meta: RequestMeta): Promise<{ user: User; token: string }> {
    const code = parseCardCode(input);
    const card = code ? await this.dataSource.getRepository(SignInCard).findOneBy({ codeHash: cardHash(code), revokedAt: IsNull() }) : null;
    const user = card ? await this.dataSource.getRepository(User).findOneBy({ id: card.userId }) : null;
    if (!user || user.status !== 'active') throw CommunityErrors.invalidCard();
    const { token } = await this.sessions.create(user.id, meta.userAgent);
    await this.audit.record('auth.login', { actorId: user.id, subjectId: user.id, meta, details: { via: 'card' } });
    return { user, token };
  }

  /** Residents of the member's commune whom the member registered or helped (assisted, or named in a visit). */
  private visibleTo(member: ActiveMember) {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .leftJoin(ResidentRegistration, 'r', 'r.resident_id = u.id')
      .where('u.unit_id = :unitId AND u.status = :active AND u.role <> :admin', { unitId: member.unitId, active: 'active', admin: 'admin' })
      .andWhere(
        `(r.member_id = :me
          OR EXISTS (SELECT 1 FROM assisted_sessions a WHERE a.resident_id = u.id AND a.member_id = :me)
          OR EXISTS (SELECT 1 FROM household_visits v WHERE v.member_id = :me AND u.id = ANY (v.resident_ids)))`,
        { me: member.userId },
      );
  }

  private async newCard(em: EntityManager, userId: string, issuedById: string, meta: RequestMeta): Promise<string> {
    const code = newCardCode();
    await em.getRepository(SignInCard).update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await em.getRepository(SignInCard).insert({ userId, codeHash: cardHash(code), issuedById, issuedAt: new Date() });
    await this.audit.record('community.card_issued', { actorId: issuedById, subjectId: userId, meta }, em);
    return code;
  }

  private async cardView(code: string): Promise<{ code: string; url: string; qrSvg: string }> {
    const url = `${this.config.publicUrl}/the/${code}`;
    return { code, url, qrSvg: await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }) };
  }
}
