import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrganisationsModule } from '../organisations/organisations.module';
import { UnitsModule } from '../units/units.module';
import { UsersModule } from '../users/users.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { PasswordResetCode } from './entities/password-reset-code.entity';
import { Session } from './entities/session.entity';
import { LoginThrottle } from './login-throttle';
import { PasswordResetService } from './password-reset.service';
import { SessionCache } from './session-cache';
import { SessionStrategy } from './session.strategy';
import { SessionsService } from './sessions.service';

@Module({
  imports: [
    PassportModule,
    TypeOrmModule.forFeature([Session, PasswordResetCode]),
    UsersModule,
    UnitsModule,
    OrganisationsModule,
  ],
  controllers: [AuthController],
  providers: [AuthService, LoginThrottle, PasswordResetService, SessionsService, SessionCache, SessionStrategy],
  exports: [AuthService, SessionsService, PasswordResetService, LoginThrottle],
})
export class AuthModule {}
