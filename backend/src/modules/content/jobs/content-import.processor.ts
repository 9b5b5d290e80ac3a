import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type AppConfig } from '../../../config/config';
import { type JobContext, JobHandler, type JobProcessor, lastAttemptGivesUp } from '../../../jobs/job-handler';
import { JobQueue } from '../../../jobs/job-queue';
import { ContentImportService, ContentInvalidError } from '../content-import.service';
import { ContentImport } from '../entities/content-import.entity';

@Injectable()
@JobHandler('content-import')
export class ContentImportProcessor implements JobProcessor<'content-import'> {
  private readonly logger = new Logger('ContentImportProcessor');

  constructor(
    private readonly dataSource: DataSource,
    private readonly importer: ContentImportService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jobs: JobQueue,
  ) {}

  async process(job: JobContext<'content-import'>): Promise<void> {
    const repo = this.dataSource.getRepository(ContentImport);
    const record = await repo.findOne({ where: { id: job.data.importId } });
    if (!record || record.status === 'done') return;
    await repo.update(record.id, { status: 'running', progress: 1 });
    const fail = (problems: string[]) => repo.update(record.id, { status: 'failed', problems, finishedAt: new Date() });
    await lastAttemptGivesUp(
      job,
      async () => {
        try {
          // Safe to retry: the import itself is idempotent and all-or-nothing.
          const report = await this.importer.importDirectory(this.config.contentDir, async (p) => {
            await repo.update(record.id, { progress: p });
            await job.updateProgress(p);
          });
          await repo.update(record.id, { status: 'done', progress: 100, report, finishedAt: new Date() });
          this.logger.log({ queue: job.queue, jobId: job.id, report }, 'Content imported');
          // Published lessons changed: the assistant's passages follow (keyed by this import, so a retry enqueues once).
          await this.jobs.enqueue('assistant-index', { reason: `import ${record.id}` }, `assistant-index-${record.id}`);
        } catch (err) {
          if (!(err instanceof ContentInvalidError)) throw err;
          // Invalid files will not fix themselves: record why and stop retrying.
          await fail(err.problems);
        }
      },
      // Anything else (the database away…) is retried; the last attempt ends the import as failed.
      async (err) => {
        await fail([`content:1: the import stopped: ${(err as Error).message.split('\n')[0]}`]);
      },
    );
  }
}
