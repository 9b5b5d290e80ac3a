import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { FrameworkNames } from '../../assessment/framework-names';
import { verifyUrl } from '../credential/open-badge';
import { CompletionRecord } from '../entities/completion-record.entity';
import { renderCertificatePdf } from '../pdf/certificate-pdf';

/**
 * Renders a record's PDF. The file's key is the record, written with ON CONFLICT DO NOTHING in the
 * same transaction that marks the record ready: a worker that dies mid-job leaves nothing behind, and
 * the retry (or a second worker) stores exactly one file.
 */
@Injectable()
@JobHandler('certificate-pdf')
export class CertificatePdfProcessor implements JobProcessor<'certificate-pdf'> {
  private readonly logger = new Logger('CertificatePdfProcessor');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async process(job: JobContext<'certificate-pdf'>): Promise<void> {
    const record = await this.dataSource.getRepository(CompletionRecord).findOne({ where: { id: job.data.recordId }, relations: { frameworkVersion: true } });
    if (!record || record.pdfStatus === 'ready') return;
    await lastAttemptGivesUp(job, () => this.render(job, record), async () => {
      await this.dataSource.getRepository(CompletionRecord).update(record.id, { pdfStatus: 'failed' });
    });
  }

  private async render(job: JobContext<'certificate-pdf'>, record: CompletionRecord): Promise<void> {
    const names = new FrameworkNames(record.frameworkVersion!);
    const pdf = await renderCertificatePdf({
      code: record.code, holderName: record.holderName ?? '', birthYear: record.holderBirthYear, identityVerifiedBy: record.holderIdentityVerifiedBy, issuedAt: record.issuedAt,
      frameworkVersion: names.version.version, frameworkTitle: names.version.title, targetGroupName: names.targetGroup(record.targetGroup),
      overallLevelName: names.level(record.overallLevel),
      competencies: record.competencies.map((c) => ({ code: c.code, name: c.name, levelName: names.level(c.level) })),
      verifyUrl: verifyUrl(this.config.publicUrl, record.code), issuerName: this.config.issuerName,
    });
    await this.dataSource.transaction(async (em) => {
      await em.query(
        `INSERT INTO certificate_files (record_id, content, sha256) VALUES ($1, $2, $3) ON CONFLICT (record_id) DO NOTHING`,
        [record.id, pdf, createHash('sha256').update(pdf).digest('hex')],
      );
      await em.update(CompletionRecord, { id: record.id }, { pdfStatus: 'ready' });
    });
    this.logger.log({ queue: job.queue, jobId: job.id }, 'Certificate rendered');
  }
}
