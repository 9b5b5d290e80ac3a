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
 * Appends to learning_events, copying the person's unit, province, organisation and group and the
 * course's framework version in the same statement, so the row describes the moment it records.
 */
@Injectable()
export class LearningEventsService {
  async append(em: EntityManager, e: NewLearningEvent): Promise<void> {
    await em.query(
      `INSERT INTO learning_events (user_id, type, course_id, lesson_id, quiz_attempt_id, score_percent, passed, idempotency_key,
         occurred_at, unit_id, province_id, organisation_id, target_group, framework_version)
       SELECT u.id, $2, c.id, $4, $5, $6, $7, $8, $9, u.unit_id, u.province_id, u.organisation_id, u.target_group, fv.version
         FROM users u, courses c JOIN framework_versions fv ON fv.id = c.framework_version_id
        WHERE u.id = $1 AND c.id = $3
       ON CONFLICT (user_id, idempotency_key) DO NOTHING`,
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
