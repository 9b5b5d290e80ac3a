import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { AdminCommunityTeamController } from './admin-community-team.controller';
import { AssistedSessionsService } from './assisted-sessions.service';
import { CommunityController } from './community.controller';
import { CommunityResidentsService } from './community-residents.service';
import { CommunityTeamService } from './community-team.service';
import { HouseholdVisitsService } from './household-visits.service';
import { MemberSession, TeamMemberGuard } from './member-session';

/** Community digital technology teams: appointments, residents registered on a member's phone, sign-in cards, assisted sessions, household visits. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [CommunityController, AdminCommunityTeamController],
  providers: [CommunityTeamService, CommunityResidentsService, AssistedSessionsService, HouseholdVisitsService, MemberSession, TeamMemberGuard],
})
export class CommunityModule {}
