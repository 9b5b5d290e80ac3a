import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mailer } from '../../../common/mail/mailer';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { User } from '../../users/entities/user.entity';
import { UsersService } from '../../users/users.service';
import { Notification } from '../entities/notification.entity';
import type { NotificationParams } from '../notification-kinds';
import { emailText } from '../notification-texts';

/** Mails one notification; one already sent (or given up on) is skipped, so a retried job sends nothing twice. */
@Injectable()
@JobHandler('notification-email')
export class NotificationEmailProcessor implements JobProcessor<'notification-email'> {
  private readonly logger = new Logger('NotificationEmailProcessor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(job: JobContext<'notification-email'>): Promise<void> {
    const repo = this.dataSource.getRepository(Notification);
    const notification = await repo.findOneBy({ id: job.data.notificationId });
    if (notification?.emailStatus !== 'queued') return;
    const user = await this.dataSource.getRepository(User).findOneBy({ id: notification.userId });
    const to = user?.status === 'active' ? this.users.emailOf(user) : null;
    if (!to || !this.mailer.enabled) {
      await repo.update({ id: notification.id, emailStatus: 'queued' }, { emailStatus: 'failed' });
      return;
    }
    const text = emailText(notification.kind, notification.params as NotificationParams[typeof notification.kind], `${this.config.publicUrl}${notification.link}`);
    await lastAttemptGivesUp(job, async () => {
      await this.mailer.send(to, text.subject, text.body);
      await repo.update({ id: notification.id, emailStatus: 'queued' }, { emailStatus: 'sent' });
      this.logger.log({ queue: job.queue, jobId: job.id, kind: notification.kind }, 'Notification mailed');
    }, async () => {
      await repo.update({ id: notification.id, emailStatus: 'queued' }, { emailStatus: 'failed' });
    });
  }
}
