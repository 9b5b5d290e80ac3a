import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { UsersModule } from '../users/users.module';
import { IdentityController } from './identity.controller';
import { IdentityProviders } from './identity-providers';
import { IdentitySignInService } from './identity-sign-in.service';
import { IdentityUnlinkService } from './identity-unlink.service';

/** Sign-in with OpenID Connect providers (VNeID first): `OIDC_PROVIDERS`. */
@Module({
  imports: [AuthModule, UsersModule],
  controllers: [IdentityController],
  providers: [IdentityProviders, IdentitySignInService, IdentityUnlinkService],
  exports: [IdentityProviders],
})
export class IdentityModule {}
