import { SetMetadata } from '@nestjs/common';

/** Every queue the platform has, with the data its jobs carry. */
export type JobDataByQueue = {
  'data-export': { exportId: string };
  'content-import': { importId: string };
  /** Issue the person's completion record if the policy is now met (after a self-assessment or a finished course). */
  certification: { userId: string };
  'certificate-pdf': { recordId: string };
};
export type QueueName = keyof JobDataByQueue;

export type JobContext<Q extends QueueName> = {
  id: string;
  queue: Q;
  data: JobDataByQueue[Q];
  attempt: number;
  updateProgress(percent: number): Promise<void>;
};

/** The one class that does a queue's work, whether BullMQ or the in-process runner calls it. */
export interface JobProcessor<Q extends QueueName> {
  process(job: JobContext<Q>): Promise<void>;
}

export const JOB_HANDLER_QUEUE = 'jobs:handler-queue';
export const JobHandler = (queue: QueueName) => SetMetadata(JOB_HANDLER_QUEUE, queue);

/** Retries with exponential backoff; the job id comes from the business key so retries do no harm. */
export const JOB_ATTEMPTS = 5;
export const JOB_BACKOFF_MS = 1000;
