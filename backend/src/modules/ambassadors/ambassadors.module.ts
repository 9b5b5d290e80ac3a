import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { AmbassadorsController } from './ambassadors.controller';
import { AmbassadorsService } from './ambassadors.service';

/** Digital ambassadors (Đại sứ số): record holders who guide mentees that agreed to share their progress. */
@Module({
  imports: [LearningModule, NotificationsModule],
  controllers: [AmbassadorsController],
  providers: [AmbassadorsService],
  exports: [AmbassadorsService],
})
export class AmbassadorsModule {}
