import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { newShortCode, parseShortCode } from '../../common/text/short-code';
import { AuditService } from '../audit/audit.service';
import { type ProgressSummary, ProgressSummaryService } from '../learning/progress-summary.service';
import { NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/entities/user.entity';
import { parseLogin } from '../users/login-identifier';
import { mask } from '../users/personal-data.cipher';
import { UsersService } from '../users/users.service';
import { HouseholdInvitation } from './entities/household-invitation.entity';
import { HouseholdMember } from './entities/household-member.entity';
import { Household } from './entities/household.entity';
import { householdTally, IS_DIGITAL, ruleFor, type Rule } from './household-rules';
import { HouseholdErrors } from './households.errors';

export type HouseholdView = {
  id: string; name: string; isOwner: boolean; inviteCode: string; createdAt: Date;
  members: (ProgressSummary & { userId: string; fullName: string; adult: boolean; isOwner: boolean; acceptedAt: Date })[];
  pendingInvitations: { id: string; loginHint: string; createdAt: Date }[];
  digital: { isDigital: boolean; adults: number; holders: number; rule: Rule };
};
export type InvitationToMe = { id: string; householdName: string; inviterName: string; createdAt: Date };

/** Vietnam's calendar year, whose rule applies now. */
const thisYear = () => new Date(Date.now() + 7 * 3600_000).getUTCFullYear();

/**
 * Digital households. Nobody is put into a household by someone else: a person joins by accepting,
 * with the code or an invitation, and only then do the others see their progress (and they see the
 * others'). Only current members read a household; its owner invites, removes and renews the code.
 */
@Injectable()
export class HouseholdsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly summaries: ProgressSummaryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  /** The person's household (null when they have none) and the invitations waiting for them. */
  async mine(userId: string): Promise<{ household: HouseholdView | null; invitations: InvitationToMe[] }> {
    const membership = await this.dataSource.getRepository(HouseholdMember).findOneBy({ userId, leftAt: IsNull() });
    return { household: membership ? await this.view(membership.householdId, userId) : null, invitations: await this.invitationsTo(userId) };
  }

  async create(userId: string, name: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const user = await this.lockPerson(em, userId);
      await this.requireNoHousehold(em, userId);
      const household = await this.insertWithCode(em, { name: name.trim().replace(/\s+/g, ' '), ownerId: userId, unitId: user.unitId, provinceId: user.provinceId });
      await em.getRepository(HouseholdMember).insert({ householdId: household, userId, acceptedAt: new Date() });
      await this.audit.record('household.created', { actorId: userId, subjectId: userId, meta, details: { householdId: household } }, em);
    });
  }

  /** The household behind a code, so the person knows whom they would share their progress with. */
  async preview(input: string): Promise<{ householdName: string; ownerName: string; members: number }> {
    const household = await this.byCode(input);
    const owner = await this.dataSource.getRepository(User).findOneBy({ id: household.ownerId });
    const members = await this.dataSource.getRepository(HouseholdMember).countBy({ householdId: household.id, leftAt: IsNull() });
    return { householdName: household.name, ownerName: owner?.fullName ?? '—', members };
  }

  /** Joins with the code; someone the owner removed comes back only by a new invitation. */
  async joinByCode(userId: string, input: string, meta: RequestMeta): Promise<void> {
    const household = await this.byCode(input);
    const removed = await this.dataSource.getRepository(HouseholdMember).existsBy({ householdId: household.id, userId, leftReason: 'removed' });
    if (removed) throw HouseholdErrors.removed();
    await this.dataSource.transaction((em) => this.join(em, userId, household.id, meta));
  }

  /** Invites a phone number or email: the answer is the same whether or not it has an account here. */
  async invite(ownerId: string, householdId: string, login: string): Promise<{ loginHint: string }> {
    const household = await this.owned(ownerId, householdId);
    const parsed = parseLogin(login);
    if (!parsed) throw HouseholdErrors.invalidLogin();
    const loginHint = parsed.kind === 'phone' ? mask.phone(parsed.value) : mask.email(parsed.value);
    const inserted = await this.dataSource.createQueryBuilder().insert().into(HouseholdInvitation)
      .values({ householdId, loginHash: this.users.cipher.blindIndex(parsed.value), loginHint, invitedById: ownerId })
      .orIgnore().returning('id').execute();
    const invitationId = (inserted.raw as { id: string }[])[0]?.id;
    const invitee = invitationId ? await this.users.findByLogin(parsed) : null;
    if (invitationId && invitee?.status === 'active' && invitee.id !== ownerId) {
      const owner = await this.dataSource.getRepository(User).findOneByOrFail({ id: ownerId });
      await this.notifications.notify({
        userId: invitee.id, kind: 'household_invitation', actorId: ownerId, subjectId: household.id, dedupeKey: `household-invitation:${invitationId}`,
        params: { householdName: household.name, inviterName: owner.fullName ?? '' }, link: '/gia-dinh-so',
      });
    }
    return { loginHint };
  }

  async cancelInvitation(ownerId: string, householdId: string, invitationId: string): Promise<void> {
    await this.owned(ownerId, householdId);
    const result = await this.dataSource.getRepository(HouseholdInvitation)
      .update({ id: invitationId, householdId, answeredAt: IsNull() }, { answeredAt: new Date(), answer: 'cancelled' });
    if (!result.affected) throw notFound('Invitation');
  }

  /** Accepting an invitation addressed to one of the person's own logins. */
  async accept(userId: string, invitationId: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const invitation = await this.invitationFor(em, userId, invitationId);
      await this.join(em, userId, invitation.householdId, meta);
      await em.getRepository(HouseholdInvitation).update({ id: invitation.id }, { answeredAt: new Date(), answer: 'accepted' });
    });
  }

  async decline(userId: string, invitationId: string): Promise<void> {
    const invitation = await this.invitationFor(this.dataSource.manager, userId, invitationId);
    await this.dataSource.getRepository(HouseholdInvitation).update({ id: invitation.id, answeredAt: IsNull() }, { answeredAt: new Date(), answer: 'declined' });
  }

  /** Leaves the household; an owner who leaves hands it to the longest-standing member, the last one closes it. */
  async leave(userId: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      await this.lockPerson(em, userId);
      const membership = await em.getRepository(HouseholdMember).findOneBy({ userId, leftAt: IsNull() });
      if (!membership) throw HouseholdErrors.notMember();
      await this.endMembership(em, membership, 'left');
      await this.audit.record('household.left', { actorId: userId, subjectId: userId, meta, details: { householdId: membership.householdId } }, em);
    });
  }

  async remove(ownerId: string, householdId: string, memberId: string, meta: RequestMeta): Promise<void> {
    await this.owned(ownerId, householdId);
    if (memberId === ownerId) return this.leave(ownerId, meta);
    await this.dataSource.transaction(async (em) => {
      const membership = await em.getRepository(HouseholdMember).findOneBy({ householdId, userId: memberId, leftAt: IsNull() });
      if (!membership) throw notFound('Member');
      await this.endMembership(em, membership, 'removed');
      await this.audit.record('household.member_removed', { actorId: ownerId, subjectId: memberId, meta, details: { householdId } }, em);
    });
  }

  /** A deleted account leaves its household (handing it on like any owner who leaves), in the deletion's transaction. */
  async forget(em: EntityManager, userId: string): Promise<void> {
    const membership = await em.getRepository(HouseholdMember).findOneBy({ userId, leftAt: IsNull() });
    if (membership) await this.endMembership(em, membership, 'left');
  }

  /** A new code: the old one stops working (for a code shared too widely). */
  async renewCode(ownerId: string, householdId: string): Promise<void> {
    await this.owned(ownerId, householdId);
    for (let attempt = 0; attempt < 6; attempt++) {
      try {
        await this.dataSource.getRepository(Household).update({ id: householdId }, { inviteCode: newShortCode() });
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== '23505') throw err;
      }
    }
    throw new Error('No free household code');
  }

  private async view(householdId: string, viewerId: string): Promise<HouseholdView> {
    const household = await this.dataSource.getRepository(Household).findOneByOrFail({ id: householdId });
    const rule = await ruleFor(this.dataSource, thisYear());
    const rows = (await this.dataSource.query(
      `SELECT m.user_id AS "userId", u.full_name AS "fullName", u.birth_year AS "birthYear", m.accepted_at AS "acceptedAt"
         FROM household_members m JOIN users u ON u.id = m.user_id AND u.status = 'active'
        WHERE m.household_id = $1 AND m.left_at IS NULL ORDER BY m.accepted_at, m.id`,
      [householdId],
    )) as { userId: string; fullName: string | null; birthYear: number | null; acceptedAt: Date }[];
    const progress = await this.summaries.of(rows.map((r) => r.userId));
    const tally = await householdTally(this.dataSource, rule, new Date()).select(['h.adults AS adults', 'h.holders AS holders', `${IS_DIGITAL} AS "isDigital"`])
      .where('h.id = :householdId', { householdId }).getRawOne<{ adults: number; holders: number; isDigital: boolean }>();
    const isOwner = household.ownerId === viewerId;
    const pending = isOwner
      ? await this.dataSource.getRepository(HouseholdInvitation).find({ where: { householdId, answeredAt: IsNull() }, order: { createdAt: 'DESC' }, take: 50 })
      : [];
    return {
      id: household.id, name: household.name, isOwner, inviteCode: household.inviteCode, createdAt: household.createdAt,
      members: rows.map((r) => ({
        ...progress.get(r.userId)!, userId: r.userId, fullName: r.fullName ?? '—', acceptedAt: r.acceptedAt, isOwner: r.userId === household.ownerId,
        adult: r.birthYear === null || r.birthYear <= rule.year - rule.adultAge,
      })),
      pendingInvitations: pending.map((i) => ({ id: i.id, loginHint: i.loginHint, createdAt: i.createdAt })),
      digital: { isDigital: tally?.isDigital ?? false, adults: tally?.adults ?? 0, holders: tally?.holders ?? 0, rule },
    };
  }

  private async invitationsTo(userId: string): Promise<InvitationToMe[]> {
    return (await this.dataSource.query(
      `SELECT i.id, h.name AS "householdName", o.full_name AS "inviterName", i.created_at AS "createdAt"
         FROM users me
         JOIN household_invitations i ON i.login_hash IN (me.phone_hash, me.email_hash) AND i.answered_at IS NULL
         JOIN households h ON h.id = i.household_id AND h.closed_at IS NULL
         LEFT JOIN users o ON o.id = i.invited_by_id
        WHERE me.id = $1 AND NOT EXISTS (SELECT 1 FROM household_members m WHERE m.household_id = h.id AND m.user_id = me.id AND m.left_at IS NULL)
        ORDER BY i.created_at DESC LIMIT 20`,
      [userId],
    ) as { id: string; householdName: string; inviterName: string | null; createdAt: Date }[]).map((r) => ({ ...r, inviterName: r.inviterName ?? '—' }));
  }

  /** An open invitation sent to one of the person's logins; otherwise 404, as if absent. */
  private async invitationFor(em: EntityManager, userId: string, invitationId: string): Promise<HouseholdInvitation> {
    const found = await em.getRepository(HouseholdInvitation).createQueryBuilder('i')
      .innerJoin(User, 'me', 'me.id = :userId', { userId })
      .innerJoin(Household, 'h', 'h.id = i.household_id AND h.closed_at IS NULL')
      .where('i.id = :invitationId AND i.answered_at IS NULL AND i.login_hash IN (me.phone_hash, me.email_hash)', { invitationId })
      .getOne();
    if (!found) throw notFound('Invitation');
    return found;
  }

  /** The person's own acceptance: one current household each, checked under their row lock. */
  private async join(em: EntityManager, userId: string, householdId: string, meta: RequestMeta): Promise<void> {
    await this.lockPerson(em, userId);
    const current = await em.getRepository(HouseholdMember).findOneBy({ userId, leftAt: IsNull() });
    if (current?.householdId === householdId) return;
    if (current) throw HouseholdErrors.alreadyMember();
    await em.getRepository(HouseholdMember).insert({ householdId, userId, acceptedAt: new Date() });
    await this.audit.record('household.joined', { actorId: userId, subjectId: userId, meta, details: { householdId } }, em);
  }

  private async endMembership(em: EntityManager, membership: HouseholdMember, reason: 'left' | 'removed'): Promise<void> {
    await em.getRepository(HouseholdMember).update({ id: membership.id }, { leftAt: new Date(), leftReason: reason });
    const household = await em.getRepository(Household).createQueryBuilder('h').where('h.id = :id', { id: membership.householdId }).setLock('pessimistic_write').getOneOrFail();
    if (household.ownerId !== membership.userId) return;
    const next = await em.getRepository(HouseholdMember).findOne({ where: { householdId: household.id, leftAt: IsNull() }, order: { acceptedAt: 'ASC', id: 'ASC' } });
    const heir = next ? await em.getRepository(User).findOneBy({ id: next.userId }) : null;
    if (heir) await em.getRepository(Household).update({ id: household.id }, { ownerId: heir.id, unitId: heir.unitId, provinceId: heir.provinceId });
    else {
      await em.getRepository(Household).update({ id: household.id }, { closedAt: new Date() });
      await em.getRepository(HouseholdInvitation).update({ householdId: household.id, answeredAt: IsNull() }, { answeredAt: new Date(), answer: 'cancelled' });
    }
  }

  /** The household, if the caller owns it; 403 for another member, 404 for anyone else. */
  private async owned(userId: string, householdId: string): Promise<Household> {
    const household = await this.dataSource.getRepository(Household).findOneBy({ id: householdId, closedAt: IsNull() });
    if (!household) throw notFound('Household');
    if (household.ownerId === userId) return household;
    const member = await this.dataSource.getRepository(HouseholdMember).existsBy({ householdId, userId, leftAt: IsNull() });
    throw member ? HouseholdErrors.ownerOnly() : notFound('Household');
  }

  private async byCode(input: string): Promise<Household> {
    const code = parseShortCode(input);
    const household = code ? await this.dataSource.getRepository(Household).findOneBy({ inviteCode: code, closedAt: IsNull() }) : null;
    if (!household) throw HouseholdErrors.unknownCode();
    return household;
  }

  private async lockPerson(em: EntityManager, userId: string): Promise<User> {
    return em.getRepository(User).createQueryBuilder('u').where('u.id = :userId', { userId }).setLock('pessimistic_write').getOneOrFail();
  }

  private async requireNoHousehold(em: EntityManager, userId: string): Promise<void> {
    if (await em.getRepository(HouseholdMember).existsBy({ userId, leftAt: IsNull() })) throw HouseholdErrors.alreadyMember();
  }

  private async insertWithCode(em: EntityManager, values: Pick<Household, 'name' | 'ownerId' | 'unitId' | 'provinceId'>): Promise<string> {
    // A clash of two random codes is rare; try again with a new one.
    for (let attempt = 0; attempt < 6; attempt++) {
      const inserted = await em.createQueryBuilder().insert().into(Household).values({ ...values, inviteCode: newShortCode() }).orIgnore().returning('id').execute();
      const id = (inserted.raw as { id: string }[])[0]?.id;
      if (id) return id;
    }
    throw new Error('No free household code');
  }
}
