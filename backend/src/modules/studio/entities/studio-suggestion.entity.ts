import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type SuggestionStatus = 'pending' | 'done';

/**
 * One "gợi ý câu hỏi" request of an author: claimed before the model is asked, so a resend (the same
 * Idempotency-Key, or without one the same lesson version and count within a few minutes) returns the
 * questions made the first time instead of drafting them again. A failed request leaves no row.
 */
@Entity('studio_question_suggestions')
@Index('uq_studio_question_suggestions_key', ['authorId', 'idempotencyKey'], { unique: true })
@Index('ix_studio_question_suggestions_request', ['authorId', 'fingerprint', 'createdAt'])
export class StudioSuggestion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'uuid' }) lessonId: string;
  @Column({ type: 'uuid' }) authorId: string;
  @Column({ type: 'varchar', length: 64, nullable: true }) idempotencyKey: string | null;
  /** The lesson, its version and the count asked for: what makes two requests the same. */
  @Column({ type: 'varchar', length: 120 }) fingerprint: string;
  @Column({ type: 'varchar', length: 8, default: 'pending' }) status: SuggestionStatus;
  @Column({ type: 'smallint' }) requested: number;
  @Column({ type: 'uuid', array: true, default: () => "'{}'" }) questionIds: string[];
  @Column({ type: 'smallint', default: 0 }) dropped: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt: Date;
}
