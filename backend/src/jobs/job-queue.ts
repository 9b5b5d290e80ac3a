import type { JobDataByQueue, QueueName } from './job-handler';

/** Puts work on a queue. `jobId` is the business key (no colons: BullMQ refuses them); enqueueing it again while pending is a no-op. */
export abstract class JobQueue {
  abstract enqueue<Q extends QueueName>(queue: Q, data: JobDataByQueue[Q], jobId: string): Promise<void>;
}
