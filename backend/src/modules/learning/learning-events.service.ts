import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LearningEventType } from './entities/learning-event.entity';

export type NewLearningEvent = {
  userId: string;
  type: LearningEventType;
  courseId: string;
  lessonId?: string | null;
  quizAttemptId?: string | null;
  scorePercent?: number | null;
  passed?: boolean | null;
  idempotencyKey?: string | null;
  /** Device time for offline replays; the server's clock otherwise. */
  occurredAt?: Date;
};

/**
 * Appends to learning_events through the database function append_learning_event, which copies the
 * person's unit, province, organisation and group and the course's framework version into the row.
 */
@Injectable()
export class LearningEventsService {
  async append(em: EntityManager, e: NewLearningEvent): Promise<void> {
    await em.query(
      'SELECT append_learning_event($1, $2, $3, $4, $5, $6, $7, $8, $9)',
      [
        e.userId, e.type, e.courseId, e.lessonId ?? null, e.quizAttemptId ?? null,
        e.scorePercent === undefined || e.scorePercent === null ? null : Math.round(e.scorePercent),
        e.passed ?? null, e.idempotencyKey ?? null, e.occurredAt ?? new Date(),
      ],
    );
  }
}

/** A device clock is trusted within limits: never in the future, never before a week ago. */
export function deviceTime(claimed: string | undefined, now = new Date()): Date {
  if (!claimed) return now;
  const t = new Date(claimed).getTime();
  if (Number.isNaN(t)) return now;
  const weekAgo = now.getTime() - 7 * 24 * 3600_000;
  return new Date(Math.min(now.getTime(), Math.max(weekAgo, t)));
}
