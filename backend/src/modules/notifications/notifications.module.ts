import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotificationEmailProcessor } from './jobs/notification-email.processor';
import { NotificationPurgeProcessor } from './jobs/notification-purge.processor';
import { StalledLearningProcessor } from './jobs/stalled-learning.processor';
import { NotificationsController } from './notifications.controller';
import { NotificationPurgeService } from './notification-purge.service';
import { NotificationsService } from './notifications.service';
import { StalledLearningService } from './stalled-learning.service';

/** In-app notifications and their emails, each person's choices per kind, the stalled-learning reminders and the purge of old notifications. */
@Module({
  imports: [UsersModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationEmailProcessor, StalledLearningService, StalledLearningProcessor, NotificationPurgeService, NotificationPurgeProcessor],
  exports: [NotificationsService],
})
export class NotificationsModule {}
