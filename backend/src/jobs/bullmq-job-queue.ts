import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { JOB_ATTEMPTS, JOB_BACKOFF_MS, type JobDataByQueue, type QueueName } from './job-handler';
import { JobQueue } from './job-queue';

export const bullConnection = (url: string) => ({ url, maxRetriesPerRequest: null });

/** Production queue: BullMQ on Redis, drained by worker processes. */
@Injectable()
export class BullmqJobQueue extends JobQueue implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    private readonly redisUrl: string,
    private readonly prefix: string,
  ) {
    super();
  }

  async enqueue<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q], jobId: string): Promise<void> {
    await this.queue(queue).add(queue, data, {
      jobId,
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: JOB_BACKOFF_MS },
      removeOnComplete: { age: 24 * 3600, count: 1000 },
      removeOnFail: { age: 7 * 24 * 3600 },
    });
  }

  private queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, { connection: bullConnection(this.redisUrl), prefix: this.prefix });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
