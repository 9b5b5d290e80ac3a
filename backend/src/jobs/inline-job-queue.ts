import { Injectable, Logger } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobDataByQueue, type QueueName } from './job-handler';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobQueue } from './job-queue';

/**
 * The embedded default when no Redis is configured: runs the same processor classes in this process,
 * with the same retries. Pending work is lost if the process dies, which is why production uses BullMQ.
 */
@Injectable()
export class InlineJobQueue extends JobQueue {
  private readonly logger = new Logger('InlineJobQueue');
  private readonly pending = new Set<string>();

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async enqueue<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q], jobId: string): Promise<void> {
    const key = `${queue}:${jobId}`;
    if (this.pending.has(key)) return;
    this.pending.add(key);
    setImmediate(() => void this.run(queue, data, jobId).finally(() => this.pending.delete(key)));
  }

  private async run<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q], jobId: string): Promise<void> {
    const handler = this.registry.get(queue);
    for (let attempt = 1; attempt <= JOB_ATTEMPTS; attempt++) {
      try {
        await handler.process({ id: jobId, queue, data, attempt, updateProgress: async () => undefined });
        return;
      } catch (err) {
        this.logger.warn({ queue, jobId, attempt, err }, 'Job failed');
        if (attempt < JOB_ATTEMPTS) await sleep(JOB_BACKOFF_MS * 2 ** (attempt - 1));
      }
    }
  }
}
