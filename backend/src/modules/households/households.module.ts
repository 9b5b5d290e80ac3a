import { Module } from '@nestjs/common';
import { LearningModule } from '../learning/learning.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { UsersModule } from '../users/users.module';
import { AdminHouseholdRulesController } from './admin-household-rules.controller';
import { HouseholdRulesService } from './household-rules.service';
import { HouseholdsController } from './households.controller';
import { HouseholdsService } from './households.service';

/** Digital households (Gia đình số): members who accepted see each other's progress; the rule per year says which count as digital. */
@Module({
  imports: [LearningModule, NotificationsModule, UsersModule],
  controllers: [HouseholdsController, AdminHouseholdRulesController],
  providers: [HouseholdsService, HouseholdRulesService],
  exports: [HouseholdsService, HouseholdRulesService],
})
export class HouseholdsModule {}
