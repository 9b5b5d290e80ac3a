import { SetMetadata } from '@nestjs/common';

/** Every queue the platform has, with the data its jobs carry. */
export type JobDataByQueue = {
  'data-export': { exportId: string };
  'content-import': { importId: string };
  /** Issue the person's completion record if the policy is now met (after a self-assessment or a finished course). */
  certification: { userId: string };
  'certificate-pdf': { recordId: string };
  /** Rebuild the reporting roll-ups from the raw rows and record what differed. */
  'reporting-recount': { recountId: string };
  /** Freeze every unit's figures for a reporting period (idempotent: a frozen report is never rewritten). */
  'reporting-freeze': { kind: 'monthly' | 'quarterly' | 'half_yearly' | 'yearly'; period: string };
  /** Build an administrator's XLSX or CSV export. */
  'reporting-export': { exportId: string };
  /** Read a lesson aloud (espeak-ng) and store the MP3 under the hash of its words. */
  'lesson-audio': { textHash: string; text: string };
  /** Rebuild the assistant's passages from the published lessons (after an import; a no-op when they match). */
  'assistant-index': { reason: string };
  /** Embed the passages that have no vector from the configured model yet (idempotent: only what is missing). */
  'assistant-embed': { reason: string };
  /** Email one notification (once: a notification whose mail went out is skipped). */
  'notification-email': { notificationId: string };
  /** Remind people whose enrolled course has had no progress for a while (idempotent: one reminder per course and period). */
  'stalled-learning': { day: string };
  /** Delete old notifications (idempotent: a second run finds nothing more to delete). */
  'notification-purge': { day: string };
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

/**
 * Runs a job's work; when it fails on the last attempt, `giveUp` records the failure first (so a person
 * sees "failed" and can ask again instead of waiting for ever), then the error goes on to the runner.
 */
export async function lastAttemptGivesUp(job: { attempt: number }, work: () => Promise<void>, giveUp: (err: unknown) => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (err) {
    if (job.attempt >= JOB_ATTEMPTS) await giveUp(err);
    throw err;
  }
}
