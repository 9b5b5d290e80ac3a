import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { bullConnection } from './bullmq-job-queue';
import type { QueueName } from './job-handler';
import { JobHandlerRegistry } from './job-handler-registry';

/** Runs BullMQ workers for every registered handler: in the worker process, or in the API when asked. */
@Injectable()
export class JobWorkers implements OnApplicationShutdown {
  private readonly logger = new Logger('JobWorkers');
  private readonly workers: Worker[] = [];

  constructor(private readonly registry: JobHandlerRegistry) {}

  start(redisUrl: string, prefix: string, concurrency = 4): void {
    for (const [queue, handler] of this.registry.all()) {
      const worker = new Worker(
        queue,
        async (job) =>
          handler.process({
            id: job.id ?? '',
            queue: queue as QueueName,
            data: job.data as never,
            attempt: job.attemptsMade + 1,
            updateProgress: (p) => job.updateProgress(p),
          }),
        { connection: bullConnection(redisUrl), prefix, concurrency },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn({ queue, jobId: job?.id, attempt: job?.attemptsMade, err }, 'Job failed'),
      );
      worker.on('error', (err) => this.logger.error({ queue, err }, 'Worker error'));
      this.workers.push(worker);
      this.logger.log({ queue }, 'Worker started');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
