import { Injectable, Logger } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { JobQueue } from '../../../jobs/job-queue';
import { EmbeddingClient } from '../retrieval/embedding.client';
import { PassageIndexer } from '../retrieval/passage-indexer.service';
import { PassageIndex } from '../retrieval/passage-index.service';

/**
 * After a content import: rebuild the passages if the published content changed, then (with an embedding
 * endpoint) have the changed ones embedded. Retrying is harmless.
 */
@Injectable()
@JobHandler('assistant-index')
export class AssistantIndexProcessor implements JobProcessor<'assistant-index'> {
  private readonly logger = new Logger('AssistantIndexProcessor');

  constructor(
    private readonly indexer: PassageIndexer,
    private readonly index: PassageIndex,
    private readonly embeddings: EmbeddingClient,
    private readonly jobs: JobQueue,
  ) {}

  async process(job: JobContext<'assistant-index'>): Promise<void> {
    const rebuilt = await this.indexer.rebuildIfStale();
    // Other processes notice the new build within seconds (PassageIndex); this one at once.
    if (rebuilt) this.index.invalidate();
    // Even when nothing was rebuilt: a retry after a failed enqueue must still embed (a no-op when none is missing).
    if (this.embeddings.configured) await this.jobs.enqueue('assistant-embed', { reason: job.data.reason }, `assistant-embed-${job.id}`);
    this.logger.log({ queue: job.queue, jobId: job.id, reason: job.data.reason, rebuilt }, 'Assistant index checked');
  }
}
