import { Controller, Get, Header } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/decorators';
import { CredentialSigner, type PublicJwk } from './credential/credential-signer';

export const JWKS_PATH = '.well-known/jwks.json';

/** The public keys that verify this platform's credentials (served outside /api, where verifiers look). */
@ApiTags('verification')
@Public()
@SkipThrottle()
@Controller()
export class JwksController {
  constructor(private readonly signer: CredentialSigner) {}

  @Get(JWKS_PATH)
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOkResponse({ description: 'JSON Web Key Set (Ed25519)' })
  jwks(): { keys: PublicJwk[] } {
    return this.signer.jwks();
  }
}
