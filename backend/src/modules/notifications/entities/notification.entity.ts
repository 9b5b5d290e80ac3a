import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { User } from '../../users/entities/user.entity';
import type { NotificationKind } from '../notification-kinds';

export type EmailStatus = 'queued' | 'sent' | 'failed';

/**
 * One notification to one person. `dedupeKey` (unique) names the business event, so a retried job,
 * a second worker or a double click stores it once.
 */
@Entity('notifications')
@Check('ck_notifications_kind', `"kind" IN ('ambassador_nudge', 'class_invitation', 'household_invitation', 'stalled_learning')`)
@Index('ix_notifications_user_time', ['userId', 'createdAt'])
@Index('ix_notifications_unread', ['userId'], { where: '"read_at" IS NULL AND "shown"' })
@Index('ix_notifications_kind_subject', ['kind', 'subjectId', 'createdAt'])
@Index('ix_notifications_created', ['createdAt'])
@Index('ix_notifications_actor_time', ['actorId', 'createdAt'], { where: '"actor_id" IS NOT NULL' })
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @Column({ type: 'varchar', length: 30 })
  kind: NotificationKind;

  /** Names and titles the sentence needs (see NotificationParams). */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  params: Record<string, string | number | null>;

  /** Where the web app takes the reader (a path of the app). */
  @Column({ type: 'varchar', length: 200 })
  link: string;

  /** Who caused it (an ambassador, a teacher, a household's owner); null for the platform's own reminders. */
  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** What it is about (a course, a household, a class), for "not again within the period" rules. */
  @Column({ type: 'uuid', nullable: true })
  subjectId: string | null;

  @Index('uq_notifications_dedupe_key', { unique: true })
  @Column({ type: 'varchar', length: 160, nullable: true })
  dedupeKey: string | null;

  /** Shown in the app (the person may have stopped this kind there and kept it by email). */
  @Column({ type: 'boolean', default: true })
  shown: boolean;

  @Column({ type: 'varchar', length: 10, nullable: true })
  emailStatus: EmailStatus | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}
