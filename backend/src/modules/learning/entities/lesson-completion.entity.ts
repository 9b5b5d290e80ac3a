import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Lesson } from '../../content/entities/lesson.entity';
import { User } from '../../users/entities/user.entity';

/** A lesson done by a person: one row however often it is marked, so nothing counts twice. */
@Entity('lesson_completions')
@Index('ix_lesson_completions_user_course', ['userId', 'courseId'])
export class LessonCompletion {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: User;

  @PrimaryColumn({ type: 'uuid' })
  lessonId: string;

  // No foreign key: its lock on the shared lesson row cost every completion; a trigger refuses the delete instead.
  @ManyToOne(() => Lesson, { createForeignKeyConstraints: false })
  @JoinColumn({ name: 'lesson_id' })
  lesson?: Lesson;

  @Column({ type: 'uuid' })
  courseId: string;

  @Column({ type: 'timestamptz' })
  completedAt: Date;
}
