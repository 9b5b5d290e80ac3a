import { Controller, Get, HttpCode, Inject, Post, Res, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UuidParam } from '../../common/http/uuid-param';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { CurrentUser, type Principal } from '../auth/decorators';
import { CompletionRecordsService } from './completion-records.service';
import { CertificationStatusDto, CredentialDto, RecordDto } from './dto/record.dto';

@ApiTags('certification')
@Controller()
export class CertificationController {
  constructor(
    private readonly records: CompletionRecordsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('certification')
  @ApiOkResponse({ type: CertificationStatusDto, description: 'The learner’s record, or what is still missing for it' })
  async status(@CurrentUser() p: Principal): Promise<CertificationStatusDto> {
    return CertificationStatusDto.from(await this.records.status(p.userId), this.config.publicUrl);
  }

  /** Asks again, e.g. after finishing a required course: issues the record if the policy is now met. */
  @Post('certification/claim')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificationStatusDto })
  async claim(@CurrentUser() p: Principal): Promise<CertificationStatusDto> {
    return CertificationStatusDto.from(await this.records.issueIfEligible(p.userId), this.config.publicUrl);
  }

  @Get('me/records')
  @ApiOkResponse({ type: [RecordDto], description: 'Newest first, revoked ones included' })
  async mine(@CurrentUser() p: Principal): Promise<RecordDto[]> {
    return (await this.records.mine(p.userId)).map(({ record, names }) => RecordDto.from(record, names, this.config.publicUrl));
  }

  @Get('me/records/:id/certificate.pdf')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'The certificate (409 PDF_NOT_READY while it is being made, 410 RECORD_REVOKED once revoked)' })
  async pdf(@CurrentUser() p: Principal, @UuidParam('id') id: string, @Res({ passthrough: true }) res: FastifyReply): Promise<StreamableFile> {
    const { record, pdf } = await this.records.ownPdf(p.userId, id);
    res.header('Cache-Control', 'private, no-store');
    return new StreamableFile(pdf, { type: 'application/pdf', disposition: `attachment; filename="xac-nhan-ky-nang-so-${record.code}.pdf"` });
  }

  @Get('me/records/:id/credential')
  @ApiOkResponse({ type: CredentialDto })
  async credential(@CurrentUser() p: Principal, @UuidParam('id') id: string): Promise<CredentialDto> {
    const record = await this.records.ownRecord(p.userId, id);
    const [, body] = record.credential.split('.');
    return { jwt: record.credential, credential: JSON.parse(Buffer.from(body!, 'base64url').toString('utf8')) as Record<string, unknown> };
  }
}
