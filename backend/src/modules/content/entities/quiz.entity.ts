import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DrawRule, ShowAnswers } from '../files/content-model';
import { Course } from './course.entity';

@Entity('quizzes')
@Index('uq_quizzes_course_slug', ['courseId', 'slug'], { unique: true })
export class Quiz {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 120 })
  slug: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text', array: true })
  banks: string[];

  @Column({ type: 'int' })
  questionCount: number;

  /** Empty: draw `questionCount` from the whole of the banks. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  draw: DrawRule[];

  @Column({ type: 'smallint' })
  passPercent: number;

  @Column({ type: 'boolean' })
  required: boolean;

  /** Null: unlimited. */
  @Column({ type: 'int', nullable: true })
  maxAttempts: number | null;

  @Column({ type: 'int', default: 0 })
  cooldownSeconds: number;

  /** Null: untimed. */
  @Column({ type: 'int', nullable: true })
  timeLimitSeconds: number | null;

  /** When a graded attempt shows the right answers (see `SHOW_ANSWERS`). */
  @Column({ type: 'varchar', length: 20, default: 'after_passing' })
  showAnswers: ShowAnswers;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
