import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { QuestionDraft, QuestionType } from '../files/content-model';
import { Course } from './course.entity';

export type QuestionPayload = Pick<QuestionDraft, 'options' | 'accepted' | 'answers' | 'numbers' | 'pairs' | 'feedback' | 'grading' | 'rich'>;

/** A bank question with its key. Never sent to a learner as is: the quiz module strips the key. */
@Entity('questions')
@Index('uq_questions_course_external', ['courseId', 'externalId'], { unique: true })
@Index('ix_questions_course_competency', ['courseId', 'competency', 'level'])
export class Question {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  courseId: string;

  @ManyToOne(() => Course, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'course_id' })
  course?: Course;

  @Column({ type: 'varchar', length: 120 })
  externalId: string;

  @Column({ type: 'varchar', length: 200 })
  bankFile: string;

  @Column({ type: 'varchar', length: 16 })
  type: QuestionType;

  @Column({ type: 'varchar', length: 8 })
  competency: string;

  @Column({ type: 'smallint' })
  level: number;

  @Column({ type: 'text' })
  prompt: string;

  @Column({ type: 'text' })
  explanation: string;

  @Column({ type: 'jsonb' })
  payload: QuestionPayload;

  @Column({ type: 'timestamptz', nullable: true })
  archivedAt: Date | null;
}
