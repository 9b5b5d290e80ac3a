import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import type { AppConfig } from '../config/config';
import { bullConnection } from './bullmq-job-queue';
import type { QueueName } from './job-handler';
import { JobHandlerRegistry } from './job-handler-registry';

/** Runs BullMQ workers for every registered handler: in the worker process, or in the API when asked. */
@Injectable()
export class JobWorkers implements OnApplicationShutdown {
  private readonly logger = new Logger('JobWorkers');
  private readonly workers: Worker[] = [];

  constructor(private readonly registry: JobHandlerRegistry) {}

  /** A crashed worker's jobs return to the queue once their lock (renewed while alive) runs out. */
  start(redis: NonNullable<AppConfig['redis']>, concurrency = 4): void {
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
        {
          connection: bullConnection(redis.url), prefix: redis.prefix, concurrency,
          lockDuration: redis.jobLockSeconds * 1000, stalledInterval: redis.jobLockSeconds * 1000,
        },
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
