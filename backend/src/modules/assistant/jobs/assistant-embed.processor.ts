import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { type JobContext, JobHandler, type JobProcessor } from '../../../jobs/job-handler';
import { JobQueue } from '../../../jobs/job-queue';
import { EmbeddingClient } from '../retrieval/embedding.client';
import { PassageVectors } from '../retrieval/passage-vectors.service';

/** Passages per request to the endpoint: small enough for any server's batch limit. */
const BATCH = 16;
/** A batch may take long on a CPU-only server; the queue retries a failure with backoff. */
const BATCH_TIMEOUT_MS = 60_000;

/**
 * Embeds the passages that have no vector from the configured model: after each rebuild of the passages
 * and when a process starts (an endpoint configured later, or a run that gave up). Each batch is stored
 * as it comes back, so a retry continues where the last attempt stopped; unchanged passages keep their
 * vectors across rebuilds (stored under the hash of their text).
 */
@Injectable()
@JobHandler('assistant-embed')
export class AssistantEmbedProcessor implements JobProcessor<'assistant-embed'>, OnApplicationBootstrap {
  private readonly logger = new Logger('AssistantEmbedProcessor');

  constructor(
    private readonly client: EmbeddingClient,
    private readonly vectors: PassageVectors,
    private readonly jobs: JobQueue,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.client.configured) return;
    await this.jobs.enqueue('assistant-embed', { reason: 'start' }, `assistant-embed-start-${process.pid}-${Date.now()}`);
  }

  async process(job: JobContext<'assistant-embed'>): Promise<void> {
    const model = this.client.model;
    if (!model) return;
    let embedded = 0;
    const { passages } = await this.vectors.counts(model);
    // Bounded: each round stores a batch that then no longer counts as missing.
    for (let round = 0; round <= passages / BATCH; round++) {
      const batch = await this.vectors.missing(model, BATCH);
      if (batch.length === 0) break;
      const vectors = await this.client.embed(batch.map((b) => b.input), BATCH_TIMEOUT_MS);
      await this.vectors.store(model, batch.map((b, i) => ({ hash: b.hash, vector: vectors[i]! })));
      embedded += batch.length;
    }
    const removed = await this.vectors.prune(model);
    this.logger.log({ queue: job.queue, jobId: job.id, reason: job.data.reason, embedded, removed }, 'Passage vectors brought up to date');
  }
}
