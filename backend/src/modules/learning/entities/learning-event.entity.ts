import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Course } from '../../content/entities/course.entity';
import { User } from '../../users/entities/user.entity';

export const LEARNING_EVENT_TYPES = ['enrolled', 'left', 'lesson_completed', 'quiz_started', 'quiz_submitted', 'course_completed'] as const;
export type LearningEventType = (typeof LEARNING_EVENT_TYPES)[number];

/**
 * The append-only record of learning: the source for cohort reports and, later, xAPI statements.
 * Each row carries the person's unit, group and organisation at the time, so reports stay true to
 * the moment even after someone moves. An event is written once because the change it records is
 * (the completion row, the attempt's status); ids are UUIDv7 so new rows append to the primary key.
 */
@Entity('learning_events')
@Check('ck_learning_events_type', `"type" IN (${LEARNING_EVENT_TYPES.map((t) => `'${t}'`).join(', ')})`)
@Index('ix_learning_events_course_type', ['courseId', 'type', 'occurredAt'])
@Index('ix_learning_events_province_time', ['provinceId', 'occurredAt'])
// Is this 'enrolled' event the person's first in the course? (the roll-up trigger asks it of every enrolment)
@Index('ix_learning_events_enrolled', ['userId', 'courseId'], { where: `"type" = 'enrolled'` })
export class LearningEvent {
  @PrimaryColumn({ type: 'uuid', default: () => 'uuid_v7()' })
  id: string;

  @Index('ix_learning_events_user')
  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 24 })
  type: LearningEventType;

  @Column({ type: 'uuid' })
  courseId: string;

  // No foreign key: its lock on the shared course row cost every event; a trigger refuses the delete instead.
  @ManyToOne(() => Course, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'uuid', nullable: true })
  lessonId: string | null;

  @Column({ type: 'uuid', nullable: true })
  quizAttemptId: string | null;

  /** Quiz score in percent, for quiz_submitted. */
  @Column({ type: 'smallint', nullable: true })
  scorePercent: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  /** The client's Idempotency-Key of the request that made the event, if it sent one. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  idempotencyKey: string | null;

  /** When it happened on the learner's device (offline replays arrive later). */
  @Column({ type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;

  @Column({ type: 'uuid' })
  unitId: string;

  @Column({ type: 'uuid' })
  provinceId: string;

  @Column({ type: 'uuid', nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 20 })
  targetGroup: string;

  @Column({ type: 'varchar', length: 40 })
  frameworkVersion: string;

  /** The course's version (`courses.version`) when the event was made: which content the learner saw. */
  @Column({ type: 'int', default: 1 })
  courseVersion: number;

  /** The person's age band in the event's year (0 = birth year not stated; see age_band() in ReportingRollups). */
  @Column({ type: 'smallint', default: 0 })
  ageBand: number;
}
