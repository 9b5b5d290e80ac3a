import { type DynamicModule, type ExecutionContext, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Redis } from 'ioredis';
import { LoggerModule } from 'nestjs-pino';
import { REDIS } from './common/redis/redis';
import { BatchedThrottlerStorage } from './common/security/batched-throttler-storage';
import { isAuthRateLimited } from './common/security/rate-limit';
import { perAddress, perAddressAndLogin, perSession } from './common/security/rate-limit-trackers';
import { RateLimitGuard } from './common/security/rate-limit-guard';
import type { AppConfig } from './config/config';
import { CoreModule } from './core.module';
import { dataSourceOptions } from './database/data-source';
import { JobsModule } from './jobs/jobs.module';
import { loggerOptions } from './common/http/logger-options';
import { AdminUsersModule } from './modules/admin-users/admin-users.module';
import { AmbassadorsModule } from './modules/ambassadors/ambassadors.module';
import { AssessmentModule } from './modules/assessment/assessment.module';
import { AssistantModule } from './modules/assistant/assistant.module';
import { AuditModule } from './modules/audit/audit.module';
import { SessionAuthGuard } from './modules/auth/auth.guard';
import { AuthModule } from './modules/auth/auth.module';
import { SESSION_COOKIE } from './modules/auth/session-cookie';
import { CertificationModule } from './modules/certification/certification.module';
import { ContentModule } from './modules/content/content.module';
import { HealthController } from './modules/health/health.controller';
import { HouseholdsModule } from './modules/households/households.module';
import { CommunityModule } from './modules/community/community.module';
import { IdentityModule } from './modules/identity/identity.module';
import { LearningModule } from './modules/learning/learning.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { OrganisationsModule } from './modules/organisations/organisations.module';
import { ClassesModule } from './modules/classes/classes.module';
import { ReportingModule } from './modules/reporting/reporting.module';
import { ProfileModule } from './modules/profile/profile.module';
import { StudioModule } from './modules/studio/studio.module';
import { UnitsModule } from './modules/units/units.module';
import { UsersModule } from './modules/users/users.module';

const notAuth = (ctx: ExecutionContext) => !isAuthRateLimited(ctx);

/** The API and the worker share this module; only their entrypoints differ. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        LoggerModule.forRoot(loggerOptions(config)),
        TypeOrmModule.forRoot(dataSourceOptions(config)),
        ThrottlerModule.forRootAsync({
          inject: [REDIS],
          useFactory: (redis: Redis | null) => ({
            // Tight limits per person, a much higher allowance per address (rate-limit-trackers.ts).
            throttlers: [
              { name: 'default', ttl: 60_000, limit: config.rateLimit.perMinute, getTracker: perSession(SESSION_COOKIE) },
              { name: 'default-address', ttl: 60_000, limit: config.rateLimit.perAddressPerMinute, getTracker: perAddress },
              { name: 'auth', ttl: 60_000, limit: config.rateLimit.authPerMinute, skipIf: notAuth, getTracker: perAddressAndLogin },
              { name: 'auth-address', ttl: 60_000, limit: config.rateLimit.authPerAddressPerMinute, skipIf: notAuth, getTracker: perAddress },
            ],
            // Only a refusal carries a header (Retry-After, see RateLimitGuard).
            setHeaders: false,
            // Shared through Redis so the limits hold across API processes; `default…` in batches, `auth…` on every hit.
            storage: new BatchedThrottlerStorage(redis, { batched: ['default', 'default-address'] }),
          }),
        }),
        JobsModule,
        AuditModule,
        UnitsModule,
        OrganisationsModule,
        UsersModule,
        AuthModule,
        IdentityModule,
        CommunityModule,
        NotificationsModule,
        AmbassadorsModule,
        HouseholdsModule,
        ProfileModule,
        AdminUsersModule,
        ContentModule,
        LearningModule,
        AssessmentModule,
        CertificationModule,
        ClassesModule,
        ReportingModule,
        AssistantModule,
        StudioModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: SessionAuthGuard },
      ],
    };
  }
}
