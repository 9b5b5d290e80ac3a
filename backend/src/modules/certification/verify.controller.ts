import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { notFound } from '../../common/errors/app-exception';
import { AuthRateLimited } from '../../common/security/rate-limit';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { Public } from '../auth/decorators';
import { CompletionRecordsService } from './completion-records.service';
import { CredentialSigner } from './credential/credential-signer';
import { CredentialCheckDto, CredentialCheckResultDto, VerificationDto } from './dto/record.dto';
import { parseRecordCode } from './record-code';

/** Anyone may check a record, without an account; codes are guessable secrets, so the strict rate limit applies. */
@ApiTags('verification')
@Public()
@AuthRateLimited()
@Controller()
export class VerifyController {
  constructor(
    private readonly records: CompletionRecordsService,
    private readonly signer: CredentialSigner,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('verify/:code')
  @ApiOkResponse({ type: VerificationDto, description: 'Valid or revoked; 404 for a code that does not exist' })
  async verify(@Param('code') input: string): Promise<VerificationDto> {
    const code = parseRecordCode(input);
    const found = code ? await this.records.byCode(code) : null;
    if (!found) throw notFound('Record');
    return VerificationDto.from(found.record, found.names, this.config.issuerName);
  }

  @Post('verify/credential')
  @HttpCode(200)
  @ApiOkResponse({ type: CredentialCheckResultDto, description: 'Checks a presented credential: signature, record and revocation' })
  async check(@Body() dto: CredentialCheckDto): Promise<CredentialCheckResultDto> {
    const payload = this.signer.verify(dto.credential);
    if (!payload) return { valid: false, reason: 'SIGNATURE_INVALID', record: null };
    const code = typeof payload.jti === 'string' ? parseRecordCode(payload.jti.split('/').pop() ?? '') : null;
    const found = code ? await this.records.byCode(code) : null;
    if (!found || found.record.credential !== dto.credential.trim()) return { valid: false, reason: 'UNKNOWN_RECORD', record: null };
    const record = VerificationDto.from(found.record, found.names, this.config.issuerName);
    return found.record.revokedAt ? { valid: false, reason: 'REVOKED', record } : { valid: true, reason: 'OK', record };
  }

  @Get('issuer')
  @ApiOkResponse({ description: 'The issuer’s Open Badges Profile' })
  issuer(): Record<string, unknown> {
    return {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: `${this.config.publicUrl}/api/issuer`,
      type: ['Profile'],
      name: this.config.issuerName,
      url: this.config.publicUrl,
      publicKeySet: `${this.config.publicUrl}/.well-known/jwks.json`,
    };
  }
}
