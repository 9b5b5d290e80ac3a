import { Column, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { DrawRule, QuestionType, ShowAnswers } from '../../content/files/content-model';
import type { QuestionPayload } from '../../content/entities/question.entity';

/**
 * A lesson of a draft. Its slug is the lesson's stable id: the published lesson is matched by it, so
 * learners keep their completions across publishes. A lesson that was ever published is archived,
 * never deleted, and its slug stays taken.
 */
@Entity('studio_lessons')
@Index('uq_studio_lessons_course_slug', ['courseId', 'slug'], { unique: true })
export class StudioLesson {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'varchar', length: 120 }) slug: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 300 }) title: string;
  @Column({ type: 'text', default: '' }) body: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) competencies: string[];
  @Column({ type: 'int', default: 5 }) estimatedMinutes: number;
  @Column({ type: 'boolean', default: true }) required: boolean;
  @Column({ type: 'jsonb', nullable: true }) video: { src: string; captions: string; transcript: string } | null;
  /** Optimistic lock: a save with an older number is a conflict. */
  @Column({ type: 'int', default: 1 }) version: number;
  @Column({ type: 'uuid', nullable: true }) updatedById: string | null;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt: Date | null;
}

/** A bank question of a draft, in the content model's shape; `externalId` is its stable id. */
@Entity('studio_questions')
@Index('uq_studio_questions_course_external', ['courseId', 'externalId'], { unique: true })
export class StudioQuestion {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'varchar', length: 120 }) externalId: string;
  /** The bank file under questions/ it is written to (`.yaml` or `.gift`). */
  @Column({ type: 'varchar', length: 200 }) bank: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 16 }) type: QuestionType;
  @Column({ type: 'varchar', length: 8 }) competency: string;
  @Column({ type: 'smallint' }) level: number;
  @Column({ type: 'text' }) prompt: string;
  @Column({ type: 'text', default: '' }) explanation: string;
  @Column({ type: 'jsonb', default: () => "'{}'" }) payload: QuestionPayload;
  /** The lesson the assistant drafted it from ("gợi ý câu hỏi"); kept through edits, so reviewers know where it came from. */
  @Column({ type: 'uuid', nullable: true }) suggestedFromLessonId: string | null;
  @Column({ type: 'timestamptz', nullable: true }) suggestedAt: Date | null;
  @Column({ type: 'int', default: 1 }) version: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt: Date | null;
}

/** A quiz of a draft: draw rules, attempts, cooldown, time limit, pass mark. */
@Entity('studio_quizzes')
@Index('uq_studio_quizzes_course_slug', ['courseId', 'slug'], { unique: true })
export class StudioQuiz {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'varchar', length: 120 }) slug: string;
  @Column({ type: 'int' }) position: number;
  @Column({ type: 'varchar', length: 300 }) title: string;
  /** Bank files it draws from; empty = every bank of the course. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) banks: string[];
  @Column({ type: 'int', nullable: true }) questionCount: number | null;
  @Column({ type: 'jsonb', default: () => "'[]'" }) draw: DrawRule[];
  @Column({ type: 'smallint', default: 70 }) passPercent: number;
  @Column({ type: 'boolean', default: true }) required: boolean;
  @Column({ type: 'int', nullable: true }) maxAttempts: number | null;
  @Column({ type: 'int', default: 0 }) cooldownSeconds: number;
  @Column({ type: 'int', nullable: true }) timeLimitSeconds: number | null;
  @Column({ type: 'varchar', length: 20, default: 'after_passing' }) showAnswers: ShowAnswers;
  @Column({ type: 'int', default: 1 }) version: number;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
  @Column({ type: 'timestamptz', nullable: true }) archivedAt: Date | null;
}

/** An uploaded file of a draft, checked by its bytes when it arrived. */
@Entity('studio_media')
@Index('uq_studio_media_course_name', ['courseId', 'name'], { unique: true })
export class StudioMedia {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ type: 'uuid' }) courseId: string;
  @Column({ type: 'varchar', length: 130 }) name: string;
  @Column({ type: 'varchar', length: 12 }) kind: string;
  @Column({ type: 'varchar', length: 60 }) mime: string;
  @Column({ type: 'int' }) size: number;
  @Column({ type: 'varchar', length: 64 }) digest: string;
  /** Alternative text, required for images. */
  @Column({ type: 'text', nullable: true }) alt: string | null;
  @Column({ type: 'bytea', select: false }) bytes: Buffer;
  @Column({ type: 'uuid' }) uploadedById: string;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt: Date;
}
