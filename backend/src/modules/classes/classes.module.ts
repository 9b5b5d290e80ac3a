import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { ClassInvitationsService } from './class-invitations.service';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';

/** Classes: teachers open them, assign courses, learners join by code or QR code; rosters with progress. */
@Module({
  imports: [LearningModule, NotificationsModule, UsersModule],
  controllers: [ClassesController],
  providers: [ClassesService, ClassInvitationsService],
})
export class ClassesModule {}
