import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Mailer } from '../../common/mail/mailer';
import { notFound } from '../../common/errors/app-exception';
import { JobQueue } from '../../jobs/job-queue';
import { Notification } from './entities/notification.entity';
import { NotificationSetting } from './entities/notification-setting.entity';
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationParams } from './notification-kinds';

export type NotifyInput<K extends NotificationKind> = {
  userId: string;
  kind: K;
  params: NotificationParams[K];
  link: string;
  actorId?: string | null;
  subjectId?: string | null;
  /** Names the business event: the same key is stored once, however often it is sent. */
  dedupeKey?: string | null;
};
/** `muted`: the person stopped this kind (or it cannot reach them); `duplicate`: this event was already notified. */
export type NotifyOutcome = 'sent' | 'duplicate' | 'muted';
export type Setting = { kind: NotificationKind; inApp: boolean; email: boolean };

const PAGE_SIZE = 20;

/**
 * In-app notifications, and email where mail is configured and the person has an address. Each
 * person chooses, per kind, whether to receive it in the app and by email; nothing is stored for a
 * kind they stopped in both.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: JobQueue,
    private readonly mailer: Mailer,
  ) {}

  async notify<K extends NotificationKind>(input: NotifyInput<K>): Promise<NotifyOutcome> {
    const setting = await this.settingOf(input.userId, input.kind);
    const byEmail = setting.email && this.mailer.enabled && (await this.hasEmail(input.userId));
    if (!setting.inApp && !byEmail) return 'muted';
    const inserted = await this.dataSource.createQueryBuilder().insert().into(Notification)
      .values({
        userId: input.userId, kind: input.kind, params: input.params, link: input.link, actorId: input.actorId ?? null,
        subjectId: input.subjectId ?? null, dedupeKey: input.dedupeKey ?? null, shown: setting.inApp, emailStatus: byEmail ? 'queued' : null,
      })
      .orIgnore().returning('id').execute();
    const id = (inserted.raw as { id: string }[])[0]?.id;
    if (!id) return 'duplicate';
    if (byEmail) await this.queueEmails([id]);
    return 'sent';
  }

  /** Puts the emails of stored notifications on the queue; the job id makes a second call harmless. */
  async queueEmails(ids: string[]): Promise<void> {
    for (const id of ids) await this.queue.enqueue('notification-email', { notificationId: id }, `notification-email-${id}`);
  }

  async page(userId: string, page: number): Promise<{ items: Notification[]; total: number; unread: number }> {
    const [items, total] = await this.dataSource.getRepository(Notification).findAndCount({
      where: { userId, shown: true }, order: { createdAt: 'DESC', id: 'DESC' }, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE,
    });
    return { items, total, unread: await this.unread(userId) };
  }

  unread(userId: string): Promise<number> {
    return this.dataSource.getRepository(Notification).createQueryBuilder('n')
      .where('n.user_id = :userId AND n.shown AND n.read_at IS NULL', { userId }).getCount();
  }

  async markRead(userId: string, id: string): Promise<void> {
    const found = await this.dataSource.getRepository(Notification).existsBy({ id, userId, shown: true });
    if (!found) throw notFound('Notification');
    await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE id = $1 AND user_id = $2 AND read_at IS NULL', [id, userId]);
  }

  async markAllRead(userId: string): Promise<void> {
    await this.dataSource.query('UPDATE notifications SET read_at = now() WHERE user_id = $1 AND shown AND read_at IS NULL', [userId]);
  }

  /** Every kind with the person's choice (both on where they have not chosen). */
  async settings(userId: string): Promise<{ settings: Setting[]; emailAvailable: boolean }> {
    const rows = await this.dataSource.getRepository(NotificationSetting).findBy({ userId });
    const chosen = new Map(rows.map((r) => [r.kind, r]));
    return {
      settings: NOTIFICATION_KINDS.map((kind) => ({ kind, inApp: chosen.get(kind)?.inApp ?? true, email: chosen.get(kind)?.email ?? true })),
      emailAvailable: this.mailer.enabled && (await this.hasEmail(userId)),
    };
  }

  async saveSettings(userId: string, settings: Setting[]): Promise<void> {
    const latest = new Map(settings.map((s) => [s.kind, s]));
    if (latest.size === 0) return;
    await this.dataSource.createQueryBuilder().insert().into(NotificationSetting)
      .values([...latest.values()].map((s) => ({ userId, kind: s.kind, inApp: s.inApp, email: s.email })))
      .orUpdate(['in_app', 'email'], ['user_id', 'kind']).execute();
  }

  /**
   * A deleted account: its notifications and choices go, and its name leaves the notifications it
   * caused in others' lists (in the deletion's transaction).
   */
  async forget(em: EntityManager, userId: string): Promise<void> {
    await em.query('DELETE FROM notifications WHERE user_id = $1', [userId]);
    await em.query('DELETE FROM notification_settings WHERE user_id = $1', [userId]);
    await em.query(`UPDATE notifications SET params = params - 'ambassadorName' - 'inviterName' - 'teacherName' WHERE actor_id = $1`, [userId]);
  }

  private async settingOf(userId: string, kind: NotificationKind): Promise<{ inApp: boolean; email: boolean }> {
    const row = await this.dataSource.getRepository(NotificationSetting).findOneBy({ userId, kind });
    return { inApp: row?.inApp ?? true, email: row?.email ?? true };
  }

  private async hasEmail(userId: string): Promise<boolean> {
    const [row] = (await this.dataSource.query(`SELECT email_hash IS NOT NULL AS has FROM users WHERE id = $1 AND status = 'active'`, [userId])) as { has: boolean }[];
    return row?.has ?? false;
  }
}
