import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import { notFound } from '../../common/errors/app-exception';
import type { RequestMeta } from '../../common/http/request-meta';
import { newShortCode, parseShortCode } from '../../common/text/short-code';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { AuditService } from '../audit/audit.service';
import { type ProgressSummary, ProgressSummaryService } from '../learning/progress-summary.service';
import { type NotifyOutcome, NotificationsService } from '../notifications/notifications.service';
import { User } from '../users/entities/user.entity';
import { AmbassadorErrors } from './ambassadors.errors';
import { Ambassador } from './entities/ambassador.entity';
import { Mentorship } from './entities/mentorship.entity';
import { vietnamDay } from '../../common/time/vietnam-day';

export type AmbassadorStatus = { eligible: boolean; ambassador: { inviteCode: string; inviteUrl: string; since: Date; mentees: number } | null };
export type Mentee = ProgressSummary & { menteeId: string; fullName: string; consentedAt: Date; lastReminderAt: Date | null };

/** Vietnam's calendar day: an ambassador reminds a mentee at most once in it. */

/**
 * Digital ambassadors (Đại sứ số) and the people they guide. A person holding a completion record
 * becomes an ambassador and hands out a code; a mentee joins with it, agreeing to share progress, and
 * may withdraw at any time. Every read of a mentee's progress goes through a current mentorship row,
 * checked in the same query, so a withdrawal takes effect on the next request.
 */
@Injectable()
export class AmbassadorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly summaries: ProgressSummaryService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async status(userId: string): Promise<AmbassadorStatus> {
    const [eligible, row] = await Promise.all([this.holdsRecord(userId), this.active(userId)]);
    if (!row) return { eligible, ambassador: null };
    const mentees = await this.dataSource.getRepository(Mentorship).countBy({ ambassadorId: userId, endedAt: IsNull() });
    return { eligible, ambassador: { inviteCode: row.inviteCode, inviteUrl: this.inviteUrl(row.inviteCode), since: row.startedAt, mentees } };
  }

  /** Becomes an ambassador (again: the same code); a person without a valid completion record is refused. */
  async become(userId: string, meta: RequestMeta): Promise<void> {
    if (!(await this.holdsRecord(userId))) throw AmbassadorErrors.noRecord();
    const repo = this.dataSource.getRepository(Ambassador);
    const existing = await repo.findOneBy({ userId });
    if (existing && !existing.steppedDownAt) return;
    if (existing) await repo.update({ userId }, { steppedDownAt: null, startedAt: new Date() });
    else {
      // A clash of two random codes is rare; try again with a new one.
      for (let attempt = 0; ; attempt++) {
        const inserted = await repo.createQueryBuilder().insert().values({ userId, inviteCode: newShortCode(), startedAt: new Date() }).orIgnore().returning('user_id').execute();
        if ((inserted.raw as unknown[]).length > 0 || (await repo.existsBy({ userId }))) break;
        if (attempt > 5) throw new Error('No free ambassador code');
      }
    }
    await this.audit.record('ambassador.started', { actorId: userId, subjectId: userId, meta });
  }

  /** Steps down: every mentee's sharing ends with it. */
  async stepDown(userId: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const result = await em.getRepository(Ambassador).update({ userId, steppedDownAt: IsNull() }, { steppedDownAt: new Date() });
      if (!result.affected) return;
      await em.getRepository(Mentorship).update({ ambassadorId: userId, endedAt: IsNull() }, { endedAt: new Date(), endReason: 'ambassador_left' });
      await this.audit.record('ambassador.stepped_down', { actorId: userId, subjectId: userId, meta }, em);
    });
  }

  /** The ambassador's current mentees, each with their progress and next step. */
  async mentees(userId: string): Promise<Mentee[]> {
    await this.requireActive(userId);
    const rows = (await this.dataSource.query(
      `SELECT m.mentee_id AS "menteeId", u.full_name AS "fullName", m.consented_at AS "consentedAt",
              (SELECT max(n.created_at) FROM notifications n WHERE n.kind = 'ambassador_nudge' AND n.subject_id = m.id) AS "lastReminderAt"
         FROM ambassador_mentees m JOIN users u ON u.id = m.mentee_id AND u.status = 'active'
        WHERE m.ambassador_id = $1 AND m.ended_at IS NULL
        ORDER BY m.consented_at, m.id LIMIT 500`,
      [userId],
    )) as { menteeId: string; fullName: string | null; consentedAt: Date; lastReminderAt: Date | null }[];
    const progress = await this.summaries.of(rows.map((r) => r.menteeId));
    return rows.map((r) => ({ ...progress.get(r.menteeId)!, ...r, fullName: r.fullName ?? '—' }));
  }

  /**
   * A reminder to one current mentee: once a day per mentee (the key names the mentorship and the day),
   * and at most AMBASSADOR_REMINDERS_PER_DAY a day in all, so no one is spammed.
   */
  async remind(userId: string, menteeId: string): Promise<NotifyOutcome> {
    const mentorship = await this.currentOf(userId, menteeId);
    const day = vietnamDay();
    const dayStart = new Date(`${day}T00:00:00+07:00`);
    const [sent] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE actor_id = $1 AND kind = 'ambassador_nudge' AND created_at >= $2`, [userId, dayStart],
    )) as { n: number }[];
    if ((sent?.n ?? 0) >= this.config.reminders.ambassadorPerDay) throw AmbassadorErrors.reminderLimit(this.config.reminders.ambassadorPerDay);
    const ambassador = await this.dataSource.getRepository(User).findOneByOrFail({ id: userId });
    const summary = (await this.summaries.of([menteeId])).get(menteeId);
    return this.notifications.notify({
      userId: menteeId, kind: 'ambassador_nudge', actorId: userId, subjectId: mentorship.id, dedupeKey: `nudge:${mentorship.id}:${day}`,
      params: { ambassadorName: ambassador.fullName ?? '', courseTitle: summary?.nextStep?.courseTitle ?? null },
      link: summary?.nextStep?.courseSlug ? `/khoa-hoc/${summary.nextStep.courseSlug}` : '/hoc-tap',
    });
  }

  /** Who a code belongs to, so the person knows whom they would share their progress with. */
  async preview(input: string): Promise<{ ambassadorName: string }> {
    const ambassador = await this.byCode(input);
    return { ambassadorName: ambassador.fullName ?? '—' };
  }

  /** Joins the ambassador of the code with consent; joining another ends the current mentorship first. */
  async join(menteeId: string, input: string, meta: RequestMeta): Promise<void> {
    const ambassador = await this.byCode(input);
    if (ambassador.id === menteeId) throw AmbassadorErrors.ownCode();
    await this.dataSource.transaction(async (em) => {
      // The mentee's row, locked: two joins at once from one person take turns.
      await em.getRepository(User).createQueryBuilder('u').where('u.id = :menteeId', { menteeId }).setLock('pessimistic_write').getOne();
      const repo = em.getRepository(Mentorship);
      const current = await repo.findOneBy({ menteeId, endedAt: IsNull() });
      if (current?.ambassadorId === ambassador.id) return;
      if (current) await repo.update({ id: current.id }, { endedAt: new Date(), endReason: 'switched' });
      await repo.insert({ ambassadorId: ambassador.id, menteeId, consentedAt: new Date() });
      await this.audit.record('ambassador.mentee_joined', { actorId: menteeId, subjectId: ambassador.id, meta }, em);
    });
  }

  async mentorshipOf(menteeId: string): Promise<{ ambassadorName: string; since: Date } | null> {
    const [row] = (await this.dataSource.query(
      `SELECT u.full_name AS name, m.consented_at AS since FROM ambassador_mentees m JOIN users u ON u.id = m.ambassador_id
        WHERE m.mentee_id = $1 AND m.ended_at IS NULL`,
      [menteeId],
    )) as { name: string | null; since: Date }[];
    return row ? { ambassadorName: row.name ?? '—', since: row.since } : null;
  }

  /** Withdraws consent: from the next request on, the ambassador sees nothing of this person. */
  async withdraw(menteeId: string, meta: RequestMeta): Promise<void> {
    const result = await this.dataSource.getRepository(Mentorship).update({ menteeId, endedAt: IsNull() }, { endedAt: new Date(), endReason: 'withdrawn' });
    if (result.affected) await this.audit.record('ambassador.consent_withdrawn', { actorId: menteeId, subjectId: menteeId, meta });
  }

  /** A deleted account: its mentorships end on both sides and it stops being an ambassador (in the deletion's transaction). */
  async forget(em: EntityManager, userId: string): Promise<void> {
    await em.query(`UPDATE ambassador_mentees SET ended_at = now(), end_reason = 'withdrawn' WHERE mentee_id = $1 AND ended_at IS NULL`, [userId]);
    await em.query(`UPDATE ambassador_mentees SET ended_at = now(), end_reason = 'ambassador_left' WHERE ambassador_id = $1 AND ended_at IS NULL`, [userId]);
    await em.query('UPDATE ambassadors SET stepped_down_at = now() WHERE user_id = $1 AND stepped_down_at IS NULL', [userId]);
  }

  private async currentOf(ambassadorId: string, menteeId: string): Promise<Mentorship> {
    await this.requireActive(ambassadorId);
    const found = await this.dataSource.getRepository(Mentorship).createQueryBuilder('m')
      .innerJoin(User, 'u', `u.id = m.mentee_id AND u.status = 'active'`)
      .where('m.ambassador_id = :ambassadorId AND m.mentee_id = :menteeId AND m.ended_at IS NULL', { ambassadorId, menteeId })
      .getOne();
    // Not a current mentee (never was, or withdrew): as if absent.
    if (!found) throw notFound('Mentee');
    return found;
  }

  private async byCode(input: string): Promise<User> {
    const code = parseShortCode(input);
    const row = code ? await this.dataSource.getRepository(Ambassador).findOneBy({ inviteCode: code, steppedDownAt: IsNull() }) : null;
    const user = row ? await this.dataSource.getRepository(User).findOneBy({ id: row.userId, status: 'active' }) : null;
    if (!user) throw AmbassadorErrors.unknownCode();
    return user;
  }

  private active(userId: string): Promise<Ambassador | null> {
    return this.dataSource.getRepository(Ambassador).findOneBy({ userId, steppedDownAt: IsNull() });
  }

  private async requireActive(userId: string): Promise<void> {
    if (!(await this.active(userId))) throw AmbassadorErrors.notAmbassador();
  }

  private async holdsRecord(userId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT EXISTS (SELECT 1 FROM completion_records WHERE user_id = $1 AND revoked_at IS NULL) AS held`, [userId])) as { held: boolean }[];
    return row?.held ?? false;
  }

  private inviteUrl(code: string): string {
    return `${this.config.publicUrl}/dai-su-so?ma=${code}`;
  }
}
