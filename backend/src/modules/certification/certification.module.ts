import { Module } from '@nestjs/common';
import { AssessmentModule } from '../assessment/assessment.module';
import { IdentityModule } from '../identity/identity.module';
import { AdminRecordsController } from './admin-records.controller';
import { AdminRecordsService } from './admin-records.service';
import { CertificationController } from './certification.controller';
import { CompletionRecordsService } from './completion-records.service';
import { CredentialSigner } from './credential/credential-signer';
import { CertificatePdfProcessor } from './jobs/certificate-pdf.processor';
import { CertificationProcessor } from './jobs/certification.processor';
import { JwksController } from './jwks.controller';
import { VerifyController } from './verify.controller';

/** Completion records: issued by policy, rendered as PDF, signed as Open Badges, verifiable by anyone. */
@Module({
  imports: [AssessmentModule, IdentityModule],
  controllers: [CertificationController, VerifyController, JwksController, AdminRecordsController],
  providers: [CompletionRecordsService, AdminRecordsService, CredentialSigner, CertificatePdfProcessor, CertificationProcessor],
})
export class CertificationModule {}
