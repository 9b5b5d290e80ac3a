import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { NotificationEmailProcessor } from './jobs/notification-email.processor';
import { StalledLearningProcessor } from './jobs/stalled-learning.processor';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { StalledLearningService } from './stalled-learning.service';

/** In-app notifications and their emails, each person's choices per kind, and the stalled-learning reminders. */
@Module({
  imports: [UsersModule],
  controllers: [NotificationsController],
  providers: [NotificationsService, NotificationEmailProcessor, StalledLearningService, StalledLearningProcessor],
  exports: [NotificationsService],
})
export class NotificationsModule {}
